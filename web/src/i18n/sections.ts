// Which sections of a language file the first screens need. A language stays one file
// (web/src/i18n/locales/<code>.ts, one default-exported object); the build splits it in two at load time
// (the `locale-sections` plugin in vite.config.ts):
// - "boot": the app frame, sign-in, sign-up and the error texts: English is in the entry chunk, any other
//   language is one small chunk loaded before the first render;
// - "pair": the pair space's strings, the biggest section, loaded only with the pair page;
// - "rest": every other section, one chunk per language, loaded together with the first page that needs
//   it (App.tsx), so the sign-in page never downloads the strings of the pair space or the editor.
// A section added to a language file lands in "rest" by itself; list it here only if the frame or the
// sign-in and sign-up pages use it.
const BOOT_SECTIONS: readonly string[] = [
  "app",
  "nav",
  "language",
  "confirm",
  "session",
  "errors",
  "validation",
  "auth",
  "signin",
  "signup",
  "notFound",
  "length",
];

/** Sections loaded only with particular pages, by group name. */
const PAGE_SECTIONS = { pair: ["pair"] } as const satisfies Record<string, readonly string[]>;

export type SectionGroup = "boot" | keyof typeof PAGE_SECTIONS | "rest";
export const SECTION_GROUPS: readonly SectionGroup[] = ["boot", ...(Object.keys(PAGE_SECTIONS) as (keyof typeof PAGE_SECTIONS)[]), "rest"];

/** The group a section belongs to. */
export function groupOf(section: string): SectionGroup {
  if (BOOT_SECTIONS.includes(section)) return "boot";
  for (const [group, sections] of Object.entries(PAGE_SECTIONS)) if ((sections as readonly string[]).includes(section)) return group as SectionGroup;
  return "rest";
}
