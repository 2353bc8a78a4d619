// Demo data for `npm start`, created through the public API exactly as people would create it, so the
// demo never drifts from what the routes allow.

import { wallTimeToUtc } from "../../shared/rules/meetings.ts";
import { answersFor, ApiPerson, sendChat } from "./api-client.ts";

export const DEMO_PASSWORD = "mentorship-demo";

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "amara@example.org", displayName: "Amara Okafor", role: "group owner and program admin" },
  { key: "mentor", email: "jonas@example.org", displayName: "Jonas Weber", role: "mentor" },
  { key: "mentee", email: "lea@example.org", displayName: "Léa Martin", role: "mentee" },
  { key: "member", email: "sam@example.org", displayName: "Sam Rivera", role: "member" },
  { key: "mentor2", email: "priya@example.org", displayName: "Priya Shah", role: "mentor (a pair that ended early)" },
  { key: "mentee2", email: "tomas@example.org", displayName: "Tomás Ruiz", role: "mentee (a pair that ended early)" },
] as const;

type Key = (typeof DEMO_ACCOUNTS)[number]["key"];

const PROFILES: Record<Key, { birthDate: string; about: string; topics: string[]; languages: string[]; timeZone: string }> = {
  admin: {
    birthDate: "1984-03-09",
    about: "Engineering manager. I run the mentoring circle of the Women in Tech Berlin community.",
    topics: ["leadership", "career change", "engineering management"],
    languages: ["en", "de"],
    timeZone: "Europe/Berlin",
  },
  mentor: {
    birthDate: "1979-11-22",
    about: "Staff engineer, 15 years in backend systems. Happy to help with promotions, interviews and growing into senior roles.",
    topics: ["promotion", "interviews", "backend", "leadership"],
    languages: ["de", "en"],
    timeZone: "Europe/Berlin",
  },
  mentee: {
    birthDate: "1998-06-30",
    about: "Junior developer two years in, aiming for a mid-level role and better at speaking up in meetings.",
    topics: ["promotion", "confidence", "backend"],
    languages: ["fr", "en"],
    timeZone: "Europe/Paris",
  },
  member: {
    birthDate: "1991-01-15",
    about: "Product designer, new to the group.",
    topics: ["design", "portfolio"],
    languages: ["en", "es"],
    timeZone: "Europe/Madrid",
  },
  mentor2: {
    birthDate: "1986-08-02",
    about: "Data engineer and meetup organiser.",
    topics: ["data", "interviews"],
    languages: ["en"],
    timeZone: "Europe/London",
  },
  mentee2: {
    birthDate: "1999-02-11",
    about: "Analyst moving into data engineering.",
    topics: ["data", "career change"],
    languages: ["es", "en"],
    timeZone: "America/Montreal",
  },
};

/** The next given weekday (0 = Sunday) at a wall time in a zone, at least a day ahead. */
function nextWeekdayAt(weekday: number, time: string, timeZone: string): string {
  for (let days = 1; days <= 8; days++) {
    const day = new Date(Date.now() + days * 86_400_000);
    if (day.getUTCDay() !== weekday) continue;
    return new Date(wallTimeToUtc(`${day.toISOString().slice(0, 10)}T${time}`, timeZone)!).toISOString();
  }
  throw new Error("unreachable");
}

export async function seedDemo(baseUrl: string): Promise<void> {
  const people = {} as Record<Key, ApiPerson>;
  for (const account of DEMO_ACCOUNTS) {
    const person = new ApiPerson(baseUrl);
    const profile = PROFILES[account.key];
    await person.call("POST", "/auth/signup", {
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      birthDate: profile.birthDate,
    });
    await person.call("PATCH", "/me", {
      about: profile.about,
      topics: profile.topics,
      languages: profile.languages,
      timeZone: profile.timeZone,
    });
    people[account.key] = person;
  }

  // A group with its owner and three members, made the way people make it: by invite link.
  const { group } = await people.admin.call("POST", "/groups", {
    name: "Women in Tech Berlin",
    description: "A community of engineers, designers and product people in Berlin. We run mentoring circles twice a year.",
    focus: "professional",
  });
  const { token } = await people.admin.call("POST", `/groups/${group.id}/invites`, { expiresInDays: 90 });
  for (const key of ["mentor", "mentee", "member", "mentor2", "mentee2"] as const) await people[key].call("POST", `/invites/${token}/accept`);

  // An open program from the career advancement template, and a draft to show the editor.
  const { program } = await people.admin.call("POST", `/groups/${group.id}/programs`, {
    templateId: "career-advancement",
    locale: "en",
    title: "Spring mentoring circle",
  });
  await people.admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
  await people.admin.call("POST", `/groups/${group.id}/programs`, { templateId: "skill-development", locale: "en" });

  // Applications on each side: Jonas and Amara mentor; Léa and Sam are mentees.
  const questions = program.questions as { mentor: any[]; mentee: any[] };
  await people.mentor.call("POST", `/programs/${program.id}/applications`, {
    role: "mentor",
    capacity: 2,
    answers: answersFor(questions.mentor, {
      help_with: "Promotion cases, interview preparation and growing from mid-level to senior in backend teams.",
      why_help: "Someone did this for me ten years ago and it changed my career.",
      contact: "Chat here on weekday evenings; a video call every other week.",
    }),
  });
  await people.admin.call("POST", `/programs/${program.id}/applications`, {
    role: "mentor",
    capacity: 1,
    answers: answersFor(questions.mentor, {
      help_with: "Moving into management, leading a team, career changes.",
      why_help: "I learn as much as I teach.",
      contact: "Chat any time; calls on Friday mornings.",
    }),
  });
  await people.mentee.call("POST", `/programs/${program.id}/applications`, {
    role: "mentee",
    answers: answersFor(questions.mentee, {
      need_help_with: "Preparing for a promotion to mid-level and speaking up in design reviews.",
      mentor_wanted: "Someone senior in backend who has been through promotions and interviews.",
      contact: "Chat in the evenings, Paris time.",
    }),
  });
  await people.member.call("POST", `/programs/${program.id}/applications`, {
    role: "mentee",
    answers: answersFor(questions.mentee, {
      need_help_with: "Building a portfolio and preparing for design interviews.",
      mentor_wanted: "A designer or a manager who hires designers.",
      contact: "Chat, weekends.",
    }),
  });

  // One pair, with a short conversation and the first step finished.
  const { pair } = await people.admin.call("POST", `/programs/${program.id}/pairs`, {
    mentorId: (await people.mentor.call("GET", "/me")).user.id,
    menteeId: (await people.mentee.call("GET", "/me")).user.id,
  });
  const conversation: [Key, string][] = [
    ["mentor", "Hi Léa! Welcome to the circle. I read your application: promotion to mid-level is a great goal."],
    ["mentee", "Hi Jonas, thank you! I am a bit nervous about the promotion case, I have never written one."],
    ["mentor", "That is normal. This week, let's just get to know each other. What would make these eight weeks a success for you?"],
    ["mentee", "A clear promotion case, and feeling confident enough to present it to my manager."],
    ["mentor", "Perfect. Shall we talk on Tuesday evenings, 30 minutes, here or on a call?"],
    ["mentee", "Tuesdays work. Let's start next week!"],
  ];
  for (const [key, body] of conversation) await sendChat(people[key], pair.id, [body]);
  const detail = await people.mentee.call("GET", `/pairs/${pair.id}`);
  const firstStep = detail.room.steps[0];
  for (const activity of firstStep.activities) {
    await people.mentee.call("PUT", `/pairs/${pair.id}/steps/${firstStep.id}/activities/${activity.id}`, { done: true });
  }
  await people.mentor.call("PUT", `/pairs/${pair.id}/steps/${firstStep.id}`, { done: true });
  await people.mentee.call("POST", `/pairs/${pair.id}/checkins`, { clientId: "seed-checkin", mood: 4, note: "Great first conversation." });
  await seedRhythm(people, program.id, pair.id);
}

/**
 * The weekly rhythm (seeded after the rest, by `seedDemo`'s caller): Jonas and Léa have an upcoming meeting
 * and a goal in progress; two more pairs have ended, with enough feedback answers (3) for the program
 * report to show ratings.
 */
async function seedRhythm(people: Record<Key, ApiPerson>, programId: string, pairId: string) {
  const { meeting } = await people.mentor.call("POST", `/pairs/${pairId}/meetings`, {
    clientId: "seed-meeting",
    options: [{ startsAt: nextWeekdayAt(2, "18:00", "Europe/Paris") }, { startsAt: nextWeekdayAt(4, "18:30", "Europe/Paris") }],
    durationMinutes: 45,
    place: "Video call (link in the chat)",
    agenda: "Outline of the promotion case; what evidence to collect.",
  });
  await people.mentee.call("POST", `/pairs/${pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0].id });
  await people.mentee.call("PUT", `/pairs/${pairId}/goal`, {
    what: "Submit my promotion case to mid-level",
    why: "I have been doing mid-level work for six months.",
    byWhen: new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10),
    measure: "The case is in my manager's hands, reviewed by Jonas first.",
  });
  await people.mentor.call("PUT", `/pairs/${pairId}/goal/progress`, { progress: "on_track", note: "First draft outline done." });

  // Amara mentored Sam to the end; Priya and Tomás stopped early.
  const id = async (key: Key) => (await people[key].call("GET", "/me")).user.id as string;
  const { pair: done } = await people.admin.call("POST", `/programs/${programId}/pairs`, { mentorId: await id("admin"), menteeId: await id("member") });
  await sendChat(people.admin, done.id, ["Welcome Sam! Let's look at your portfolio this week."]);
  await sendChat(people.member, done.id, ["Thanks Amara, I will send it tonight."]);
  await people.member.call("PUT", `/pairs/${done.id}/goal`, {
    what: "A portfolio with three case studies",
    byWhen: "2027-01-31",
    measure: "Reviewed by two designers",
  });
  await people.admin.call("PUT", `/pairs/${done.id}/goal/progress`, { progress: "achieved" });
  await people.admin.call("POST", `/pairs/${done.id}/end`, { outcome: "completed" });

  await people.mentor2.call("POST", `/programs/${programId}/applications`, {
    role: "mentor",
    capacity: 1,
    answers: answersFor(((await people.mentor2.call("GET", `/programs/${programId}`)).program.questions as { mentor: any[] }).mentor),
  });
  await people.mentee2.call("POST", `/programs/${programId}/applications`, {
    role: "mentee",
    answers: answersFor(((await people.mentee2.call("GET", `/programs/${programId}`)).program.questions as { mentee: any[] }).mentee),
  });
  const { pair: early } = await people.admin.call("POST", `/programs/${programId}/pairs`, { mentorId: await id("mentor2"), menteeId: await id("mentee2") });
  await sendChat(people.mentor2, early.id, ["Hi Tomás, when are you free this week?"]);
  await people.mentee2.call("POST", `/pairs/${early.id}/end`, { outcome: "ended", reason: "Our schedules did not match" });

  // The end feedback opens once the room has heard of the end (through the outbox, within moments).
  const answer = async (key: Key, pair: string, body: Record<string, unknown>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await people[key].call("POST", `/pairs/${pair}/feedback`, { round: "end", ...body });
      } catch (error) {
        if (attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  await answer("admin", done.id, { rating: 5, goalMet: "yes", again: true, comment: "Sam did great work." });
  await answer("member", done.id, { rating: 4, goalMet: "yes", again: true });
  await answer("mentee2", early.id, { rating: 2, goalMet: "no", again: true, comment: "Wrong time zones for us." });
}
