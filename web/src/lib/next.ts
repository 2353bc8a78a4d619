/**
 * Where to go after signing in: only a path on this site. "//evil.example" and "/\evil.example" are
 * protocol-relative URLs to another host (browsers read a backslash as a slash), so both are refused.
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Control characters and whitespace have no business in a path and can confuse URL parsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point of this check.
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  return value;
}

/** /signin or /signup, carrying `next` unless it is the home page (the default anyway). */
export function withNext(path: "/signin" | "/signup", next: string | undefined): string {
  const safe = safeNextPath(next);
  return safe === "/" ? path : `${path}?next=${encodeURIComponent(safe)}`;
}
