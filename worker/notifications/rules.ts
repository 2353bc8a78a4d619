// Pure rules of the delivery pipeline, tested without I/O.

/** Attempts per message, the first included; after the last one the message is dead-lettered. */
export const MAX_ATTEMPTS = 6;

/** 10 s, 20 s, 40 s, 80 s, 160 s: about five minutes of retries in all. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

/** MAIL_FROM as the Email Service wants it: `Name <address>` becomes {name, email}. */
export function sender(mailFrom: string | undefined): string | { name: string; email: string } {
  const value = mailFrom ?? "Mentorship <notifications@mentorship.example>";
  const match = value.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  return match ? { name: match[1]!.trim() || "Mentorship", email: match[2]!.trim() } : value.trim();
}
