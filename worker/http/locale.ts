import type { Context } from "hono";
import { SUPPORTED_LOCALES, type Locale } from "../../shared/api/users.ts";

/** `?locale=` first, then the best match in Accept-Language, then English. */
export function requestLocale(c: Context): Locale {
  const asked = c.req.query("locale");
  if (asked && (SUPPORTED_LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  const header = c.req.header("Accept-Language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: (tag ?? "").toLowerCase().split("-")[0]!, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => (SUPPORTED_LOCALES as readonly string[]).includes(entry.lang));
  return (match?.lang as Locale | undefined) ?? "en";
}
