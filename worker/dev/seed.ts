// Demo data for `npm start`, created through the public API exactly as people would create it, so the
// demo never drifts from what the routes allow.

import { answersFor, ApiPerson, sendChat } from "./api-client.ts";

export const DEMO_PASSWORD = "mentorship-demo";

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "amara@example.org", displayName: "Amara Okafor", role: "group owner and program admin" },
  { key: "mentor", email: "jonas@example.org", displayName: "Jonas Weber", role: "mentor" },
  { key: "mentee", email: "lea@example.org", displayName: "Léa Martin", role: "mentee" },
  { key: "member", email: "sam@example.org", displayName: "Sam Rivera", role: "member" },
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
};

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
  for (const key of ["mentor", "mentee", "member"] as const) await people[key].call("POST", `/invites/${token}/accept`);

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
}
