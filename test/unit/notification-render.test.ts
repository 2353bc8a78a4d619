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
  report: { groupId: "g1", groupName: "Women in Tech" },
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
    expect(renderPush("paired", DATA.paired, "en", LINKS.appUrl).url).toBe("https://mentor.example/pairs/p1");
    expect(renderPush("report", DATA.report, "en", LINKS.appUrl).url).toBe("https://mentor.example/groups/g1/reports");
    expect(renderSecurityEmail("password_reset", { token: "t/1" }, { name: "Kim", locale: "de" }, LINKS.appUrl).text).toContain(
      "https://mentor.example/reset-password?token=t%2F1",
    );
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
