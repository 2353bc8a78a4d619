import { describe, expect, it } from "vitest";
import { DELIVERY_KINDS } from "../../shared/api/notification-preferences.ts";
import { backoffSeconds, sender } from "../../worker/notifications/rules.ts";
import { renderNotificationEmail, renderPush, renderSecurityEmail } from "../../worker/notifications/render.ts";

const DATA: Record<(typeof DELIVERY_KINDS)[number], Record<string, unknown>> = {
  paired: {
    pairId: "p1",
    programTitle: "Career <advancement>",
    otherName: "Jonas",
    otherAbout: "Engineer",
    myRole: "mentee",
    step1Title: "Get to know each other",
    step1Activities: ["Introduce yourselves"],
  },
  messages_waiting: { pairId: "p1", count: 2, fromName: "Amara" },
  checkin_reminder: { pairId: "p1", programTitle: "Career", otherName: "Léa" },
  // Tuesday 8 December 2026, 17:00 UTC: 18:00 in Paris, 12:00 in Montreal.
  meeting_reminder: { pairId: "p1", meetingId: "m1", startsAt: Date.UTC(2026, 11, 8, 17, 0), hoursBefore: 24, otherName: "Jonas" },
  pair_nudge: { pairId: "p1", otherName: "Jonas", quietDays: 7, week: 3, stepTitle: "Agree on one goal" },
  feedback_requested: { pairId: "p1", round: "midpoint" },
  report: { groupId: "g1", groupName: "Women in Tech" },
  report_escalated: { reportId: "r1" },
  join_request: { groupId: "g1", groupName: "Women in Tech", requestId: "q1", requesterName: "Nadia" },
  join_request_decided: { groupId: "g1", groupName: "Women in Tech", approved: true },
  pair_ended: { pairId: "p1", outcome: "ended", otherName: "Sam", reason: "Moved abroad" },
  admin_digest: {
    groups: [{ groupId: "g1", groupName: "Women in Tech", programs: [{ programId: "pr1", programTitle: "Career", newApplications: 3, needsAttention: 1 }] }],
  },
};
const LINKS = { appUrl: "https://mentor.example", unsubscribeToken: "u.kind.sig" };

describe("notification emails", () => {
  for (const locale of ["en", "fr", "de"] as const) {
    for (const kind of DELIVERY_KINDS) {
      it(`${kind} in ${locale}: text and HTML, a link to the place, unsubscribe for that kind`, () => {
        const email = renderNotificationEmail(kind, DATA[kind], { name: "Kim", locale }, LINKS);
        expect(email.subject.length).toBeGreaterThan(5);
        expect(email.text).toContain("https://mentor.example/");
        expect(email.html).toContain("https://mentor.example/unsubscribe?token=u.kind.sig");
        expect(email.headers).toEqual({
          "List-Unsubscribe": "<https://mentor.example/api/unsubscribe?token=u.kind.sig>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        });
        expect(email.html).not.toMatch(/<advancement>/);
      });
    }
  }

  it("speaks each language, never English copies", () => {
    const subjects = (["en", "fr", "de"] as const).map(
      (locale) => renderNotificationEmail("messages_waiting", DATA.messages_waiting, { name: "Kim", locale }, LINKS).subject,
    );
    expect(subjects).toEqual(["2 new messages from Amara", "2 nouveaux messages de Amara", "2 neue Nachrichten von Amara"]);
    expect(renderNotificationEmail("paired", DATA.paired, { name: "Kim", locale: null }, LINKS).text).toContain("Hello Kim,");
  });

  it("links each kind to its exact page", () => {
    expect(renderPush("paired", DATA.paired, { locale: "en" }, LINKS.appUrl).url).toBe("https://mentor.example/pairs/p1");
    expect(renderPush("report", DATA.report, { locale: "en" }, LINKS.appUrl).url).toBe("https://mentor.example/groups/g1/reports");
    expect(renderSecurityEmail("password_reset", { token: "t/1" }, { name: "Kim", locale: "de" }, LINKS.appUrl).text).toContain(
      "https://mentor.example/reset-password?token=t%2F1",
    );
  });

  it("the rhythm, join requests and escalations link to their own page", () => {
    const url = (kind: (typeof DELIVERY_KINDS)[number]) => renderPush(kind, DATA[kind], { locale: "en" }, LINKS.appUrl).url;
    expect(url("meeting_reminder")).toBe("https://mentor.example/pairs/p1");
    expect(url("pair_nudge")).toBe("https://mentor.example/pairs/p1");
    expect(url("feedback_requested")).toBe("https://mentor.example/pairs/p1");
    expect(url("join_request")).toBe("https://mentor.example/groups/g1/join-requests");
    expect(url("join_request_decided")).toBe("https://mentor.example/groups/g1");
    expect(renderPush("join_request_decided", { ...DATA.join_request_decided, approved: false }, { locale: "en" }, LINKS.appUrl).url).toBe(
      "https://mentor.example/directory",
    );
    expect(url("report_escalated")).toBe("https://mentor.example/operator");
  });

  it("a meeting reminder gives the time in the reader's own zone and language", () => {
    const reminder = (locale: "en" | "fr" | "de", timeZone: string | null) =>
      renderNotificationEmail("meeting_reminder", DATA.meeting_reminder, { name: "Kim", locale, timeZone }, LINKS);
    const paris = reminder("fr", "Europe/Paris");
    expect(paris.subject).toBe("Demain : votre rendez-vous avec Jonas");
    expect(paris.text).toMatch(/mardi 8 décembre (à )?18:00/);
    const montreal = reminder("en", "America/Toronto");
    expect(montreal.text).toMatch(/Tuesday, December 8 at 12:00\s?PM EST/);
    expect(reminder("de", null).text).toMatch(/Dienstag, 8\. Dezember um 17:00 UTC/);
    // An hour before, the subject says so.
    const soon = renderNotificationEmail("meeting_reminder", { ...DATA.meeting_reminder, hoursBefore: 1 }, { name: "Kim", locale: "en" }, LINKS);
    expect(soon.subject).toBe("In 1 hour: your meeting with Jonas");
  });

  it("a nudge names this week's step; a feedback request promises privacy; no report content reaches the operator's email", () => {
    const nudge = renderNotificationEmail("pair_nudge", DATA.pair_nudge, { name: "Kim", locale: "de" }, LINKS);
    expect(nudge.subject).toBe("Seit 7 Tagen Funkstille mit Jonas");
    expect(nudge.text).toContain("Diese Woche (Woche 3): Agree on one goal.");
    const feedback = renderNotificationEmail("feedback_requested", { ...DATA.feedback_requested, round: "end" }, { name: "Kim", locale: "en" }, LINKS);
    expect(feedback.subject).toBe("How did your mentorship go?");
    expect(feedback.text).toContain("never your comments");
    const escalated = renderNotificationEmail("report_escalated", { reportId: "r1", body: "secret words" }, { name: "Kim", locale: "en" }, LINKS);
    expect(escalated.text).not.toContain("secret words");
    const request = renderNotificationEmail("join_request", DATA.join_request, { name: "Kim", locale: "fr" }, LINKS);
    expect(request.subject).toBe("Nadia demande à rejoindre Women in Tech");
  });

  it("security emails carry no unsubscribe", () => {
    const email = renderSecurityEmail("verify_email", { token: "abc" }, { name: "Kim", locale: "fr" }, LINKS.appUrl);
    expect(email.subject).toBe("Confirmez votre adresse e-mail");
    expect(email.headers).toEqual({});
  });
});

describe("delivery rules", () => {
  it("backs off exponentially", () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([10, 20, 40, 80, 160]);
  });
  it("reads MAIL_FROM with or without a display name", () => {
    expect(sender("Mentorship <hello@mentor.example>")).toEqual({ name: "Mentorship", email: "hello@mentor.example" });
    expect(sender("hello@mentor.example")).toBe("hello@mentor.example");
  });
});
