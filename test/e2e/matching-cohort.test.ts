// Matching at community scale, in a real browser against the real worker: an admin whose interface is in
// French has 30 waiting mentees and 15 mentors. She runs "suggest all", switches the objective (most
// mentees matched, then back to the best total), reads the reasons in French, unticks two proposals and
// publishes the rest in one action. Every ticked proposal is created (or refused with its reason), the
// two unticked mentees are still waiting, and every person paired has a notification.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { person, signedInPage, type ApiPerson } from "./fixtures.ts";

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

type QuestionLike = { id: string; kind: string; choices?: { id: string }[] };

/** Answers in French: real text for the questions matching reads, choices for the rest. */
function answers(questions: QuestionLike[], text: Record<string, string>, topics: string[]) {
  return Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.id === "topics"
        ? topics
        : q.kind === "multiple_choice"
          ? q.choices!.slice(0, 1).map((c) => c.id)
          : q.kind === "single_choice"
            ? q.choices![0]!.id
            : (text[q.id] ?? "Volontiers."),
    ]),
  );
}

/** Runs `task` over `items`, a few at a time (sign-up hashes passwords: keep the machine breathing). */
async function inBatches<T, R>(items: T[], size: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(...(await Promise.all(items.slice(start, start + size).map((item, k) => task(item, start + k)))));
  }
  return out;
}

describe.skipIf(!hasBrowser())("matching a whole cohort", () => {
  const browser = useBrowser();

  it("suggest-all for 30 mentees and 15 mentors in French: switch the objective, untick two, publish, everyone paired is notified", async () => {
    const admin = await person("Amélie Admin");
    await admin.call("PATCH", "/me", { locale: "fr" });
    const { group } = await admin.call("POST", "/groups", { name: "Femmes dans la tech", description: "Mentorat entre pairs.", focus: "professional" });
    const { token } = await admin.call("POST", `/groups/${group.id}/invites`, {});
    const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "fr" });
    await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
    const topicIds: string[] = program.questions.mentor.find((q: QuestionLike) => q.id === "topics").choices.map((c: { id: string }) => c.id);

    // 15 mentors: 14 with two places and one with one, 29 places for 30 mentees. Everyone speaks French,
    // except the last two mentees, who speak only German (no mentor does) and live in Tokyo: for them
    // every mentor scores below zero, so the best total leaves them out and "most matched" does not.
    const mentors = await inBatches(
      Array.from({ length: 15 }, (_, i) => i),
      5,
      async (i) => {
        const who = await person(`Mentor ${String(i + 1).padStart(2, "0")}`);
        await who.call("POST", `/invites/${token}/accept`);
        await who.call("PATCH", "/me", { languages: ["fr", "en"], timeZone: "Europe/Paris" });
        const topics = [topicIds[i % 5]!, topicIds[5 + (i % 5)]!];
        await who.call("POST", `/programs/${program.id}/applications`, {
          role: "mentor",
          capacity: i === 14 ? 1 : 2,
          answers: answers(
            program.questions.mentor,
            { help_with: "Préparer les entretiens d'embauche, négocier son salaire et préparer une promotion." },
            topics,
          ),
        });
        return who;
      },
    );
    const mentees = await inBatches(
      Array.from({ length: 30 }, (_, i) => i),
      5,
      async (i) => {
        const german = i >= 28;
        const who = await person(german ? `Mentee ${i + 1} (Deutsch)` : `Mentorée ${String(i + 1).padStart(2, "0")}`);
        await who.call("POST", `/invites/${token}/accept`);
        await who.call("PATCH", "/me", { languages: german ? ["de"] : ["fr"], timeZone: german ? "Asia/Tokyo" : "Europe/Paris" });
        await who.call("POST", `/programs/${program.id}/applications`, {
          role: "mentee",
          answers: answers(
            program.questions.mentee,
            german
              ? { need_help_with: "Ich möchte mich auf Vorstellungsgespräche vorbereiten.", mentor_wanted: "Jemand mit Erfahrung in Gehaltsverhandlungen." }
              : {
                  need_help_with: "Je prépare mes entretiens et je veux négocier mon salaire.",
                  mentor_wanted: "Quelqu'un qui connaît les entretiens d'embauche et la négociation.",
                },
            [topicIds[i % 10]!],
          ),
        });
        return who;
      },
    );

    const { page, context } = await signedInPage(browser(), admin, { locale: "fr-FR" });
    await page.goto(`/programs/${program.id}/applicants`);
    await page.getByRole("heading", { level: 1, name: "Candidatures" }).waitFor();
    await page.getByRole("button", { name: "Proposer tous les binômes" }).click();
    const review = page.getByRole("region", { name: "Binômes proposés" });
    await review.waitFor();
    const boxes = review.getByRole("checkbox");
    // Best total: the two German speakers are left out, with the reason.
    await expect.poll(() => boxes.count()).toBe(28);
    const unmatched = review.locator(".unmatched");
    await unmatched.getByText("2 personnes mentorées sans proposition").waitFor();
    expect(await unmatched.getByText("Aucun mentor avec une place libre ne parle allemand.").count()).toBe(2);

    // Most mentees matched: every place is used, one German speaker gets the last one.
    await review.getByRole("radio", { name: /Le plus de personnes mentorées/ }).check();
    await expect.poll(() => boxes.count()).toBe(29);
    await unmatched.getByText("1 personne mentorée sans proposition").waitFor();
    await screenshot(page, "matching-cohort-coverage-desktop");
    await review.getByRole("radio", { name: /Meilleure correspondance globale/ }).check();
    await expect.poll(() => boxes.count()).toBe(28);

    // The reasons, in French.
    const first = review.locator(".proposal").first();
    await first.getByText(/^Thèmes en commun : /).waitFor();
    await first.getByText("Parlent tous deux français").waitFor();
    await first.getByText("Même fuseau horaire").waitFor();
    await first.getByText(/^Offre ce que la personne mentorée recherche : .*entretiens/).waitFor();
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);

    // Untick two, and edit the introduction.
    const untickedNames = ["Mentorée 03", "Mentorée 07"];
    for (const name of untickedNames) await review.getByRole("checkbox", { name: new RegExp(`^${name} avec le mentor`) }).uncheck();
    const intro = review.getByRole("textbox", { name: "Message d’introduction envoyé à chaque personne" });
    await intro.fill("Bienvenue ! Commencez par la semaine 1 et fixez votre premier rendez-vous.");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "matching-cohort-review-phone");
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, "matching-cohort-review-desktop");

    await review.getByRole("button", { name: "Publier 26 binômes" }).click();
    await page.getByRole("dialog", { name: "Publier 26 binômes ?" }).getByRole("button", { name: "Publier" }).click();
    await review.getByText("Binômes créés : 26 sur 26.").waitFor({ timeout: 30_000 });
    expect(await review.getByText("Créé", { exact: true }).count()).toBe(26);
    expect(await review.getByText("Non créé", { exact: true }).count()).toBe(0);
    await screenshot(page, "matching-cohort-published-desktop");

    // The two unticked mentees are still waiting, on the board and on the server.
    await review.getByRole("button", { name: "Terminé" }).click();
    await review.waitFor({ state: "detached" });
    for (const name of untickedNames) await page.getByRole("button", { name: `Trouver un mentor pour ${name}` }).waitFor();
    const { pairs } = await admin.call<{ pairs: { mentor: { id: string }; mentee: { id: string; displayName: string } }[] }>(
      "GET",
      `/programs/${program.id}/pairs`,
    );
    expect(pairs).toHaveLength(26);
    const pairedMentees = new Set(pairs.map((p) => p.mentee.displayName));
    for (const name of untickedNames) expect(pairedMentees.has(name)).toBe(false);

    // Every paired person has a "paired" notification with the introduction; nobody else has one.
    const everyone: ApiPerson[] = [...mentors, ...mentees];
    const pairedIds = new Set(pairs.flatMap((p) => [p.mentor.id, p.mentee.id]));
    const counts = await inBatches(everyone, 10, async (who) => {
      const { notifications } = await who.call<{ notifications: { kind: string; data: { introduction?: string } }[] }>("GET", "/notifications");
      const paired = notifications.filter((n) => n.kind === "paired");
      for (const n of paired) expect(n.data.introduction).toBe("Bienvenue ! Commencez par la semaine 1 et fixez votre premier rendez-vous.");
      return { id: who.userId, paired: paired.length };
    });
    for (const { id, paired } of counts) expect(paired > 0, id).toBe(pairedIds.has(id));
    expect(counts.reduce((sum, c) => sum + c.paired, 0)).toBe(52);
    await context.close();
  }, 240_000);
});
