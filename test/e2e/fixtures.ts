// Set-up through the public API for browser tests whose subject is a later step of a journey: the
// earlier steps have their own browser tests, so here they only need to be quick and real.
import type { Browser } from "playwright-core";
import { ApiPerson, answersFor } from "../bench/lib.ts";
import { baseURL, newPerson } from "./browser.ts";

export { ApiPerson };

export const person = (displayName: string) => ApiPerson.signUp(baseURL(), displayName, displayName);

/** A browser profile already signed in as `who` (its session cookie copied in). */
export async function signedInPage(browser: Browser, who: ApiPerson, options: { phone?: boolean; locale?: string } = {}) {
  const opened = await newPerson(browser, options);
  const [name, value] = who.cookie.split("=") as [string, string];
  await opened.context.addCookies([{ name, value, url: baseURL(), httpOnly: true, sameSite: "Lax" }]);
  return opened;
}

/** An admin's group with an open career-advancement program. */
export async function groupWithProgram(adminName = "Amara Admin") {
  const admin = await person(adminName);
  const { group } = await admin.call("POST", "/groups", { name: "Women in Tech", description: "Peer mentoring for our community.", focus: "professional" });
  const { token, url } = await admin.call("POST", `/groups/${group.id}/invites`, {});
  const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "en" });
  await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
  return { admin, group, program, inviteToken: token as string, inviteUrl: url as string };
}

/** Adds a member who applied in `role`, with valid answers to every question. */
export async function applicant(setup: Awaited<ReturnType<typeof groupWithProgram>>, displayName: string, role: "mentor" | "mentee") {
  const who = await person(displayName);
  await who.call("POST", `/invites/${setup.inviteToken}/accept`);
  await who.call("POST", `/programs/${setup.program.id}/applications`, { role, answers: answersFor(setup.program.questions[role]) });
  return who;
}

/** A whole active pair: admin, group, program, mentor, mentee and the pair id. */
export async function activePair(names = { mentor: "Jonas Mentor", mentee: "Lea Mentee" }) {
  const setup = await groupWithProgram();
  const mentor = await applicant(setup, names.mentor, "mentor");
  const mentee = await applicant(setup, names.mentee, "mentee");
  const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
  return { ...setup, mentor, mentee, pairId: pair.id as string };
}
