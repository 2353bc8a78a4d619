// Which parts of a language file each screen needs. A language stays one file
// (web/src/i18n/locales/<code>.ts, one default-exported object); the build splits it into groups at load
// time (the `locale-sections` plugin in vite.config.ts, with `pickGroup` below):
// - "boot": the app frame, sign-in, sign-up and the error texts: English is in the entry chunk, any other
//   language is one small chunk loaded before the first render;
// - "home": the signed-in frame (the bell) and the home page, loaded with the home page or the bell;
// - "pair": the pair space's strings, the biggest section, loaded only with the pair page;
// - "rest": everything else, one chunk per language, loaded together with the first page that needs it
//   (App.tsx), so the sign-in page never downloads the strings of the pair space or the editor.
// A group lists paths: a whole section ("home") or a part of one ("groups.focus", every key below it).
// A key belongs to the group that lists the longest path leading to it; a key no group lists is in
// "rest". So a section added to a language file lands in "rest" by itself; list it (or the keys of it a
// screen uses) only if the frame, sign-in, sign-up or the home page use it.
const GROUP_PATHS = {
  boot: ["app", "nav", "language", "confirm", "session", "errors", "validation", "auth", "signin", "signup", "notFound", "length"],
  home: [
    "home",
    "pairsList",
    "notifications.bell",
    "notifications.bellUnread",
    "phone.pastPair",
    "groups.focus",
    "groups.focusLabel",
    "groups.members",
    "groups.role",
    "groups.roleLabel",
    "applications.statusLabel",
    "membership.contactBlocked",
    "membership.contactBlockedHint",
    "membership.endReason",
    "membership.nav",
    "rhythm.bothTimes",
    "rhythm.home",
    "rhythm.nextMeetingLine",
    "rhythm.onlyMine",
  ],
  pair: ["pair"],
} as const satisfies Record<string, readonly string[]>;

export type SectionGroup = keyof typeof GROUP_PATHS | "rest";
export const SECTION_GROUPS: readonly SectionGroup[] = [...(Object.keys(GROUP_PATHS) as (keyof typeof GROUP_PATHS)[]), "rest"];

/** The group of a message key (or of a path above one): the group listing the longest path to it. */
export function groupOf(key: string): SectionGroup {
  let best: SectionGroup = "rest";
  let length = 0;
  for (const [group, paths] of Object.entries(GROUP_PATHS) as [SectionGroup, readonly string[]][]) {
    for (const path of paths) {
      if (path.length > length && (key === path || key.startsWith(`${path}.`))) {
        best = group;
        length = path.length;
      }
    }
  }
  return best;
}

const PLURAL_KEYS = new Set(["zero", "one", "two", "few", "many", "other"]);
const isLeaf = (value: unknown) => typeof value !== "object" || value === null || Object.keys(value).every((key) => PLURAL_KEYS.has(key));

/** The part of a dictionary that belongs to `group`, with the same nesting (build time, vite.config.ts). */
export function pickGroup(dictionary: Record<string, unknown>, group: SectionGroup, prefix = ""): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dictionary)) {
    const path = `${prefix}${key}`;
    if (isLeaf(value)) {
      if (groupOf(path) === group) picked[key] = value;
    } else {
      const inner = pickGroup(value as Record<string, unknown>, group, `${path}.`);
      if (Object.keys(inner).length > 0) picked[key] = inner;
    }
  }
  return picked;
}
