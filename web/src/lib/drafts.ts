// Unsent chat drafts, kept per person and per pair in localStorage until they are sent or cleared, so a
// reload, a crash or a closed tab does not lose what someone was writing.

const PREFIX = "draft:";

const key = (userId: string, pairId: string) => `${PREFIX}${userId}:${pairId}`;

/** The draft `userId` left in `pairId`, or "". */
export function loadDraft(userId: string, pairId: string): string {
  try {
    return localStorage.getItem(key(userId, pairId)) ?? "";
  } catch {
    // Storage can be switched off or full; a draft is a convenience, never a reason to fail.
    return "";
  }
}

/** Keeps `text` as the draft; an empty or blank draft is removed. */
export function saveDraft(userId: string, pairId: string, text: string): void {
  try {
    if (text.trim()) localStorage.setItem(key(userId, pairId), text);
    else localStorage.removeItem(key(userId, pairId));
  } catch {
    // See loadDraft.
  }
}
