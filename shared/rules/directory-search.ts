import type { GroupFocus } from "../api/groups.ts";

/**
 * The directory finds a group by words in any of the three languages: accents and case do not matter
 * ("equipe" finds "Équipe", "strasse" finds "Straße"), and a focus is found by its name in English,
 * French or German ("Elternschaft" and "parentalité" both find parenting groups).
 */
export const FOCUS_SEARCH_TERMS: Record<GroupFocus, string[]> = {
  parenting: ["parenting", "parents", "parentalité", "parents", "Elternschaft", "Eltern"],
  professional: ["professional development", "career", "développement professionnel", "carrière", "berufliche Entwicklung", "Beruf", "Karriere"],
  personal: ["personal development", "développement personnel", "persönliche Entwicklung"],
  other: ["other", "autre", "Sonstiges", "andere"],
};

/** Lower case, no diacritics, ß as ss, one space between words. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text the directory searches for one group. */
export function groupSearchText(group: { name: string; description: string; focus: GroupFocus }): string {
  return foldForSearch([group.name, group.description, ...FOCUS_SEARCH_TERMS[group.focus]].join(" \n "));
}

/** A query's words, folded; a group matches when its search text contains every word. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(" ").filter(Boolean).slice(0, 8);
}
