// Turns a notification into the words of an email (text and HTML, in the recipient's language) and of a
// push notification. Pure: no I/O, so every kind and language is checked by unit tests.
import type { DeliveryKind } from "../../shared/api/notification-preferences.ts";
import { de } from "./templates/de.ts";
import { en } from "./templates/en.ts";
import { fr } from "./templates/fr.ts";
import type { AdminDigestData, Copy, SummaryItem, Templates } from "./templates/types.ts";
import type { SecurityEmail } from "./messages.ts";

type MailLocale = "en" | "fr" | "de";
const TEMPLATES: Record<MailLocale, Templates> = { en, fr, de };

function mailLocale(locale: string | null | undefined): MailLocale {
  return locale === "fr" || locale === "de" ? locale : "en";
}

function templatesFor(locale: string | null | undefined): Templates {
  return TEMPLATES[mailLocale(locale)];
}

export type RenderedEmail = { subject: string; text: string; html: string; headers: Record<string, string> };
export type PushPayload = { title: string; body: string; url: string; tag: string; kind: string };

/** The page in the app that each kind links to. */
export function pathFor(kind: DeliveryKind | SecurityEmail | "daily_summary", data: Record<string, unknown>): string {
  const id = (value: unknown) => encodeURIComponent(String(value ?? ""));
  switch (kind) {
    case "paired":
    case "messages_waiting":
    case "checkin_reminder":
    case "meeting_reminder":
    case "pair_nudge":
    case "feedback_requested":
    case "pair_ended":
      return `/pairs/${id(data.pairId)}`;
    case "report":
      return `/groups/${id(data.groupId)}/reports`;
    case "report_escalated":
      return "/operator";
    case "join_request":
      return `/groups/${id(data.groupId)}/join-requests`;
    case "join_request_decided":
      return data.approved ? `/groups/${id(data.groupId)}` : "/directory";
    case "admin_digest":
      return "/";
    case "daily_summary":
      return "/notifications";
    case "verify_email":
    case "email_change":
      return `/verify-email?token=${id(data.token)}`;
    case "password_reset":
      return `/reset-password?token=${id(data.token)}`;
    case "email_changed":
      return "/forgot-password";
  }
}

function absoluteUrl(appUrl: string, path: string): string {
  return new URL(path, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

type Footer = { kind: "notification"; unsubscribeUrl: string; oneClickUrl: string; kindLabel: string; settingsUrl: string } | { kind: "security" };

function compose(t: Templates, name: string, copy: Copy, actionUrl: string, footer: Footer): RenderedEmail {
  const list = copy.list?.filter(Boolean) ?? [];
  const footerText =
    footer.kind === "security"
      ? [t.securityFooter]
      : [t.footerWhy, `${t.settings}: ${footer.settingsUrl}`, `${t.unsubscribe(footer.kindLabel)}: ${footer.unsubscribeUrl}`];
  const text = [
    t.greeting(name),
    "",
    ...copy.lines.flatMap((line) => [line, ""]),
    ...(list.length ? [...list.map((item) => `- ${item}`), ""] : []),
    `${copy.action}: ${actionUrl}`,
    "",
    "--",
    ...footerText,
    "",
  ].join("\n");
  const footerHtml =
    footer.kind === "security"
      ? `<p>${escapeHtml(t.securityFooter)}</p>`
      : `<p>${escapeHtml(t.footerWhy)}</p><p><a href="${escapeHtml(footer.settingsUrl)}" style="color:#555">${escapeHtml(t.settings)}</a> · <a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#555">${escapeHtml(t.unsubscribe(footer.kindLabel))}</a></p>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(copy.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f6;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c2321">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;line-height:1.5">
<p>${escapeHtml(t.greeting(name))}</p>
${copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
${list.length ? `<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>` : ""}
<p style="margin:24px 0"><a href="${escapeHtml(actionUrl)}" style="background:#0f5f5a;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(copy.action)}</a></p>
<div style="border-top:1px solid #ddd;margin-top:24px;padding-top:12px;font-size:13px;color:#555">${footerHtml}</div>
</div></body></html>`;
  const headers: Record<string, string> =
    footer.kind === "security" ? {} : { "List-Unsubscribe": `<${footer.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  return { subject: copy.subject, text, html, headers };
}

/** Who reads it: their language and time zone (an unknown or missing zone reads in UTC). */
export type Reader = { locale: string | null; timeZone?: string | null };

/** A meeting's start in the reader's language and zone, with the zone named: "Tuesday, 8 December at 18:00 CET". */
function meetingTime(startsAt: number, reader: Reader): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  const locale = mailLocale(reader.locale);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: reader.timeZone ?? "UTC" }).format(startsAt);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(startsAt);
  }
}

function copyFor(t: Templates, kind: DeliveryKind, data: Record<string, unknown>, reader: Reader): Copy {
  // biome-ignore lint/suspicious/noExplicitAny: each kind's data was written by its own notify() call; the templates read their fields.
  const d = data as any;
  switch (kind) {
    case "paired":
      return t.paired({ ...d, otherAbout: String(d.otherAbout ?? ""), step1Activities: Array.isArray(d.step1Activities) ? d.step1Activities : [] });
    case "messages_waiting":
      return t.messages_waiting(d);
    case "checkin_reminder":
      return t.checkin_reminder(d);
    case "meeting_reminder":
      return t.meeting_reminder({ ...d, hoursBefore: Number(d.hoursBefore) || 1, when: meetingTime(Number(d.startsAt), reader) });
    case "pair_nudge":
      return t.pair_nudge({ ...d, quietDays: Number(d.quietDays) || 7, stepTitle: String(d.stepTitle ?? "") });
    case "feedback_requested":
      return t.feedback_requested({ ...d, round: d.round === "end" ? "end" : "midpoint" });
    case "report":
      return t.report(d);
    case "report_escalated":
      return t.report_escalated();
    case "join_request":
      return t.join_request(d);
    case "join_request_decided":
      return t.join_request_decided({ ...d, approved: d.approved === true });
    case "pair_ended":
      return t.pair_ended({ ...d, reason: d.reason ?? null });
    case "admin_digest": {
      const digest = d as AdminDigestData;
      return {
        ...t.admin_digest(digest),
        list: digest.groups.flatMap((g) =>
          g.programs.flatMap((p) => [
            `${g.groupName} · ${t.digestProgram(p)}`,
            ...(p.quietPairs ?? []).map((q) => `${g.groupName} · ${p.programTitle} · ${t.digestQuietPair(q)}`),
          ]),
        ),
      };
    }
  }
}

export type Links = { appUrl: string; unsubscribeToken: string };

export function renderNotificationEmail(kind: DeliveryKind, data: Record<string, unknown>, recipient: { name: string } & Reader, links: Links): RenderedEmail {
  const t = templatesFor(recipient.locale);
  const token = encodeURIComponent(links.unsubscribeToken);
  return compose(t, recipient.name, copyFor(t, kind, data, recipient), absoluteUrl(links.appUrl, pathFor(kind, data)), {
    kind: "notification",
    kindLabel: t.kindLabels[kind],
    unsubscribeUrl: absoluteUrl(links.appUrl, `/unsubscribe?token=${token}`),
    oneClickUrl: absoluteUrl(links.appUrl, `/api/unsubscribe?token=${token}`),
    settingsUrl: absoluteUrl(links.appUrl, "/settings/notifications"),
  });
}

/** One email for the notifications a person asked to get once a day. Unsubscribing stops the first one's kind. */
export function renderDailySummary(
  items: SummaryItem[],
  recipient: { name: string; locale: string | null },
  links: Links & { kind: DeliveryKind },
): RenderedEmail {
  const t = templatesFor(recipient.locale);
  const copy = t.daily_summary(items.length);
  const token = encodeURIComponent(links.unsubscribeToken);
  return compose(
    t,
    recipient.name,
    { ...copy, list: items.map((item) => `${item.title} (${absoluteUrl(links.appUrl, item.path)})`) },
    absoluteUrl(links.appUrl, pathFor("daily_summary", {})),
    {
      kind: "notification",
      kindLabel: t.kindLabels[links.kind],
      unsubscribeUrl: absoluteUrl(links.appUrl, `/unsubscribe?token=${token}`),
      oneClickUrl: absoluteUrl(links.appUrl, `/api/unsubscribe?token=${token}`),
      settingsUrl: absoluteUrl(links.appUrl, "/settings/notifications"),
    },
  );
}

export function renderSecurityEmail(
  template: SecurityEmail,
  data: Record<string, unknown>,
  recipient: { name: string; locale: string | null },
  appUrl: string,
): RenderedEmail {
  const t = templatesFor(recipient.locale);
  const copy =
    template === "verify_email"
      ? t.verify_email()
      : template === "password_reset"
        ? t.password_reset()
        : template === "email_change"
          ? t.email_change({ newEmail: String(data.newEmail ?? "") })
          : t.email_changed({ newEmail: String(data.newEmail ?? "") });
  return compose(t, recipient.name, copy, absoluteUrl(appUrl, pathFor(template, data)), { kind: "security" });
}

/** The push notification: a title and one line. Message text only when previews are on (the caller decides). */
export function renderPush(kind: DeliveryKind, data: Record<string, unknown>, reader: Reader, appUrl: string): PushPayload {
  const t = templatesFor(reader.locale);
  const copy = copyFor(t, kind, data, reader);
  const body = kind === "messages_waiting" && copy.list?.length ? copy.list.join("\n") : (copy.lines[0] ?? "");
  return { title: copy.subject, body, url: absoluteUrl(appUrl, pathFor(kind, data)), tag: `${kind}:${String(data.pairId ?? data.groupId ?? "")}`, kind };
}

/** A one-line title for the daily summary, in the recipient's language. */
export function summaryTitle(kind: DeliveryKind, data: Record<string, unknown>, reader: Reader): string {
  return copyFor(templatesFor(reader.locale), kind, data, reader).subject;
}
