// Finds http(s) URLs in user text so they can be shown as links. Nothing else becomes a link: no bare
// domains, no e-mail addresses, no other schemes (javascript:, data:, mailto:).

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A candidate starts at http:// or https:// after a boundary and runs to whitespace or a character that
// cannot be in a URL written in prose.
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?]+$/;

/** Drops punctuation that ends the sentence rather than the URL, and a closing bracket with no opening one. */
function trimEnd(url: string): string {
  let end = url;
  for (;;) {
    const before = end;
    end = end.replace(TRAILING, "");
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
      ["{", "}"],
    ] as const) {
      if (end.endsWith(close) && count(end, open) < count(end, close)) end = end.slice(0, -1);
    }
    if (end === before) return end;
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

function isHttpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits `text` into plain runs and http(s) links, in order; joining every part's text gives `text` back. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const candidate = trimEnd(match[0]);
    const href = isHttpUrl(candidate);
    if (!href || candidate.length <= candidate.indexOf("//") + 2) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
