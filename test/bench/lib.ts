// Shared by the benchmarks and the fault test: set-up through the public API and statistics.
import { ApiPerson, answersFor } from "../../worker/dev/api-client.ts";

export { answersFor, ApiPerson, openSocket, personHeaders, roomUrl } from "../../worker/dev/api-client.ts";

/** An admin, a group and an open program; then `pairs` pairs made through the public API. */
export async function createPairs(baseUrl: string, pairs: number, concurrency = 8) {
  const admin = await ApiPerson.signUp(baseUrl, "admin");
  const { group } = await admin.call("POST", "/groups", { name: "Bench group", focus: "other" });
  const { token } = await admin.call("POST", `/groups/${group.id}/invites`, {});
  const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "en" });
  await admin.call("PATCH", `/programs/${program.id}`, { mentorCapacityMax: 10 });
  await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
  const result: { pairId: string; mentor: ApiPerson; mentee: ApiPerson }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pairs) {
      const index = next++;
      const [mentor, mentee] = await Promise.all([ApiPerson.signUp(baseUrl, `mentor${index}`), ApiPerson.signUp(baseUrl, `mentee${index}`)]);
      await Promise.all([mentor.call("POST", `/invites/${token}/accept`), mentee.call("POST", `/invites/${token}/accept`)]);
      await mentor.call("POST", `/programs/${program.id}/applications`, { role: "mentor", capacity: 1, answers: answersFor(program.questions.mentor) });
      await mentee.call("POST", `/programs/${program.id}/applications`, { role: "mentee", answers: answersFor(program.questions.mentee) });
      const { pair } = await admin.call("POST", `/programs/${program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
      result[index] = { pairId: pair.id, mentor, mentee };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pairs) }, worker));
  return { admin, group, program, pairs: result };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
