// The directory's search rule (shared/rules/directory-search.ts): any of the three languages, no
// matter the accents or capitals.
import { describe, expect, it } from "vitest";
import { FOCUS_SEARCH_TERMS, foldForSearch, groupSearchText, searchWords } from "../../shared/rules/directory-search.ts";
import { GROUP_FOCUSES } from "../../shared/api/groups.ts";

const matches = (group: Parameters<typeof groupSearchText>[0], query: string) => {
  const text = groupSearchText(group);
  return searchWords(query).every((word) => text.includes(word));
};

describe("directory search", () => {
  it("folds case, accents, ß, æ and œ, and spaces", () => {
    expect(foldForSearch("  Équipe   Straße  Œuvre Ærø ")).toBe("equipe strasse oeuvre aero");
    expect(foldForSearch("ÉLÈVES à Montréal")).toBe("eleves a montreal");
  });

  it("finds a group by its focus in English, French or German", () => {
    const group = { name: "Familien Netz", description: "", focus: "parenting" as const };
    for (const query of ["parenting", "Parentalité", "elternschaft", "ELTERN"]) expect(matches(group, query), query).toBe(true);
    expect(matches(group, "karriere")).toBe(false);
  });

  it("every word must match; at most 8 words are used", () => {
    const group = { name: "Women in Tech", description: "Führungskräfte von morgen", focus: "professional" as const };
    expect(matches(group, "women fuhrungskrafte")).toBe(true);
    expect(matches(group, "women cooking")).toBe(false);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
    expect(searchWords("   ")).toEqual([]);
  });

  it("has search terms for every focus", () => {
    for (const focus of GROUP_FOCUSES) expect(FOCUS_SEARCH_TERMS[focus].length).toBeGreaterThan(1);
  });
});
