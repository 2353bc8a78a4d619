// Translations. Adding a language is adding one file, web/src/i18n/locales/<code>.ts, that exports
// `meta` (its native name) and a default dictionary typed as `Dictionary`.
//
// - The list of languages and their names comes from the files: `meta` is globbed eagerly with a
//   `?meta` query, which makes it a separate module instance, so tree-shaking keeps only the tiny `meta`
//   object of each locale in the entry chunk and none of its dictionary.
// - Each language file is split at build time into groups: the first screens' ("boot"), the home
//   page's, the pair page's and the rest (see sections.ts and the `locale-sections` plugin in
//   vite.config.ts). English "boot" is in the entry chunk, as the fallback of the first screens;
//   everything else is a chunk of its own, loaded with the language (boot) or with the first page that
//   needs it (`loadStrings`). A section may be split between groups; the loaded groups are merged.
//   Missing entries fall back to English, whose groups load alongside.
import { createSignal } from "solid-js";
import enBoot from "virtual:i18n/en/boot";
import groupLoaders from "virtual:i18n/loaders";
import type en from "./locales/en.ts";
import { groupOf, type SectionGroup } from "./sections.ts";

export type LocaleMeta = {
  /** The language's name in that language, as shown in the switcher: "Français", "Deutsch". */
  name: string;
  dir?: "ltr" | "rtl";
};

type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
const PLURAL_CATEGORIES: readonly string[] = ["zero", "one", "two", "few", "many", "other"] satisfies PluralCategory[];
/** A plural entry has "one" and "other", and may add the categories its language needs ("few", "many"…). */
type PluralForms = { one: string; other: string } & Partial<Record<PluralCategory, string>>;

type Shape<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends { one: string; other: string } ? PluralForms : Shape<T[K]>;
};

/** What every locale must provide: the same keys as English, with its own strings. */
export type Dictionary = Shape<typeof en>;

type Keys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | { one: string; other: string } ? `${Prefix}${K}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Keys<typeof en>;
export type MessageParams = Record<string, string | number>;

const metas = import.meta.glob<LocaleMeta>("./locales/*.ts", { eager: true, import: "meta", query: "?meta" });

const codeOf = (path: string) => path.slice(path.lastIndexOf("/") + 1, -".ts".length);

export const DEFAULT_LANGUAGE = "en";

/** Every available language, by code, with its native name, sorted by that name. */
export const languages: { code: string; name: string; dir: "ltr" | "rtl" }[] = Object.entries(metas)
  .map(([path, meta]) => ({ code: codeOf(path), name: meta.name, dir: meta.dir ?? "ltr" }))
  .sort((a, b) => a.name.localeCompare(b.name));

type Sections = Record<string, unknown>;

/** Loaded groups of sections, by `${code}/${group}`. */
const cache = new Map<string, Sections>([[`${DEFAULT_LANGUAGE}/boot`, enBoot]]);
/** The groups every language switch loads: "boot", and every other group once a page has needed it. */
const wanted = new Set<SectionGroup>(["boot"]);

const [language, setLanguageSignal] = createSignal(DEFAULT_LANGUAGE);
const [dictionary, setDictionary] = createSignal<Sections>(enBoot);
/** English, as far as it is loaded: what a language without an entry shows. */
const [fallback, setFallback] = createSignal<Sections>(enBoot);
export { language };

/** The available language that best matches a BCP 47 tag ("de-AT" gives "de"), if any. */
export function matchLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const wanted = tag.toLowerCase();
  const exact = languages.find((l) => l.code.toLowerCase() === wanted);
  if (exact) return exact.code;
  const primary = wanted.split("-")[0];
  return languages.find((l) => l.code.toLowerCase() === primary || l.code.toLowerCase().split("-")[0] === primary)?.code;
}

const STORAGE_KEY = "lang";

export function savedLanguage(): string | undefined {
  try {
    return matchLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage can be disabled
  }
}

export function saveLanguage(code: string) {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

export function browserLanguage(): string | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return undefined;
}

async function loadGroup(code: string, group: SectionGroup): Promise<Sections> {
  const key = `${code}/${group}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const load = groupLoaders[code]?.[group];
  if (!load) throw new Error(`no language ${code}`);
  const loaded = (await load()).default;
  cache.set(key, loaded);
  return loaded;
}

/** `from` merged into `into`: groups may share a section, never a message. */
function merge(into: Sections, from: Sections): Sections {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] =
      typeof existing === "object" && existing !== null && typeof value === "object" && value !== null
        ? merge({ ...(existing as Sections) }, value as Sections)
        : value;
  }
  return into;
}

/** The groups a merged dictionary holds. */
const groupsIn = new WeakMap<Sections, ReadonlySet<SectionGroup>>([[enBoot, new Set(["boot"])]]);

/**
 * Every wanted group of `code`, merged into one dictionary. Loads until nothing wanted is missing, since
 * another page may ask for more groups meanwhile.
 */
async function loadDictionary(code: string): Promise<Sections> {
  for (;;) {
    const groups = [...wanted];
    await Promise.all(groups.map((group) => loadGroup(code, group)));
    if ([...wanted].every((group) => cache.has(`${code}/${group}`))) {
      const dict = [...wanted].reduce<Sections>((all, group) => merge(all, cache.get(`${code}/${group}`)!), {});
      groupsIn.set(dict, new Set(wanted));
      return dict;
    }
  }
}

/** `satisfies Dictionary` in each locale file is what catches gaps; this also catches a file that forgot it. */
function warnAboutMissingKeys(code: string, dict: unknown, reference: unknown, prefix = "") {
  for (const [key, value] of Object.entries(reference as Record<string, unknown>)) {
    const other = (dict as Record<string, unknown> | undefined)?.[key];
    if (typeof value === "object" && value !== null && !isPlural(value)) {
      warnAboutMissingKeys(code, other, value, `${prefix}${key}.`);
    } else if (other === undefined) {
      console.warn(`[i18n] ${code} has no "${prefix}${key}"; showing English.`);
    }
  }
}

/** Starts fetching a dictionary that will probably be needed soon. */
export function preloadLanguage(code: string): Promise<unknown> {
  const target = matchLanguage(code);
  return target ? loadDictionary(target).catch(() => undefined) : Promise.resolve();
}

/**
 * Loads these groups of sections of the current language (and of English, the fallback). Pages other
 * than sign-in and sign-up wait for theirs with their own code (App.tsx), so both arrive in parallel.
 */
export async function loadStrings(groups: SectionGroup[]): Promise<void> {
  const missing = (code: string) => groups.some((group) => !cache.has(`${code}/${group}`));
  if (groups.every((group) => wanted.has(group)) && !missing(language()) && !missing(DEFAULT_LANGUAGE)) return;
  for (const group of groups) wanted.add(group);
  const code = language();
  const [dict, english] = await Promise.all([loadDictionary(code), loadDictionary(DEFAULT_LANGUAGE)]);
  // A language switch that happened meanwhile has loaded the groups for its own language already. Of
  // two calls that overlap, the one that ends last may hold fewer groups: never replace a larger set.
  if (code !== language() || (groupsIn.get(dict)?.size ?? 0) < (groupsIn.get(dictionary())?.size ?? 0)) return;
  setDictionary(dict);
  setFallback(english);
}

let pending = 0;

/** Switches the interface language once its dictionary has loaded. Falls back to English if it cannot load. */
export async function setLanguage(code: string): Promise<void> {
  const ticket = ++pending;
  const target = matchLanguage(code) ?? DEFAULT_LANGUAGE;
  let dict: Sections;
  let english: Sections;
  let active = target;
  try {
    [dict, english] = await Promise.all([loadDictionary(target), loadDictionary(DEFAULT_LANGUAGE)]);
  } catch {
    english = await loadDictionary(DEFAULT_LANGUAGE).catch(() => enBoot);
    dict = english;
    active = DEFAULT_LANGUAGE;
  }
  // A later choice wins over one whose dictionary arrived late.
  if (ticket !== pending) return;
  if (import.meta.env.DEV && active !== DEFAULT_LANGUAGE) warnAboutMissingKeys(active, dict, english);
  setDictionary(dict);
  setFallback(english);
  setLanguageSignal(active);
  const root = document.documentElement;
  root.lang = active;
  root.dir = languages.find((l) => l.code === active)?.dir ?? "ltr";
}

function lookup(dict: unknown, key: string): unknown {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function isPlural(value: unknown): value is PluralForms {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  return keys.includes("one") && keys.includes("other") && keys.every((key) => PLURAL_CATEGORIES.includes(key));
}

/** True when `key` names a message, for keys built at run time such as `errors.${code}`. */
export function hasMessage(key: string): key is MessageKey {
  const value = lookup(fallback(), key);
  return typeof value === "string" || isPlural(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, count: number): PluralCategory {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The message for `key` in the current language, with {name} placeholders filled from `params`.
 * Reactive: used inside JSX or an effect, it updates when the language changes.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const lang = language();
  let value = lookup(dictionary(), key) ?? lookup(fallback(), key);
  if (isPlural(value)) {
    const count = Number(params?.count ?? 0);
    value = value[pluralCategory(lang, count)] ?? value.other;
  }
  // A group that has not arrived yet reads as nothing for a moment (the shell renders before a page's
  // strings), never as its key; a key missing from a loaded group still shows, to be noticed.
  if (typeof value !== "string") return groupsIn.get(fallback())?.has(groupOf(key)) ? key : "";
  if (!params) return value;
  return value.replace(/\{(\w+)\}/g, (match, name: string) => {
    const param = params[name];
    if (param === undefined) return match;
    return typeof param === "number" ? param.toLocaleString(lang) : param;
  });
}
