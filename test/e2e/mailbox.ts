// The local mailbox: under `wrangler dev` the Email Service binding captures every email, and the local
// explorer lists them (GET /cdn-cgi/explorer/api/local/email/sending, newest first, paged).
import { baseURL } from "./browser.ts";

export type CapturedEmail = {
  messageId: string;
  to: string[];
  from: string;
  subject: string;
  sentAt: string;
  headers: Record<string, string>;
  text: string;
  html: string;
};
type Summary = Omit<CapturedEmail, "text" | "html">;

async function listAll(): Promise<Summary[]> {
  const all: Summary[] = [];
  for (let page = 1; page <= 40; page++) {
    const res = await fetch(`${baseURL()}/cdn-cgi/explorer/api/local/email/sending?page=${page}&per_page=100`);
    const body = (await res.json()) as { result: Summary[]; result_info?: { has_more?: boolean } };
    all.push(...body.result);
    if (!body.result_info?.has_more) break;
  }
  return all;
}

async function readEmail(messageId: string): Promise<CapturedEmail> {
  const res = await fetch(`${baseURL()}/cdn-cgi/explorer/api/local/email/sending?email_id=${encodeURIComponent(messageId)}`);
  return ((await res.json()) as { result: CapturedEmail }).result;
}

/** Every email to `address` so far, oldest first. */
export async function mailTo(address: string): Promise<Summary[]> {
  return (await listAll()).filter((email) => email.to.some((to) => to.toLowerCase() === address.toLowerCase())).reverse();
}

/** Waits for an email to `address` whose subject matches, and returns it whole. */
export async function waitForEmail(address: string, subject: RegExp | string, timeoutMs = 15_000): Promise<CapturedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailTo(address)).find((email) => (typeof subject === "string" ? email.subject === subject : subject.test(email.subject)));
    if (found) return readEmail(found.messageId);
    if (Date.now() > deadline)
      throw new Error(`no email "${subject}" to ${address} within ${timeoutMs} ms; got ${JSON.stringify((await mailTo(address)).map((e) => e.subject))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in an email's text that goes to `path` on the app. */
export function linkTo(email: CapturedEmail, path: string): string {
  const match = email.text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`));
  if (!match) throw new Error(`no ${path} link in: ${email.text}`);
  return match[0];
}
