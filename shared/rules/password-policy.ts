/**
 * The password policy, the same on the server (which decides) and in the SPA (which shows it while the
 * person types). The strength check uses zxcvbn-ts with its common-password and diceware dictionaries;
 * they weigh about 1 MB, so they are loaded with a dynamic import only where a password is set (sign-up,
 * password change, password reset), never on the sign-in path or in the SPA's first load.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { PASSWORD_MIN_LENGTH } from "./limits.ts";

export { PASSWORD_MIN_LENGTH };
/** zxcvbn's scale is 0-4; 3 means about 10^8 guesses or more ("safely unguessable" online). */
const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = "too_short" | "only_whitespace" | "contains_email" | "contains_name" | "common" | "too_guessable";

export type PasswordVerdict = { ok: true; score: number } | { ok: false; problem: PasswordProblem; score: number | null };

/** English reasons, for the API's error message; the SPA shows its own translations of each problem. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  only_whitespace: "A password cannot be only spaces.",
  contains_email: "Do not use your email address in your password.",
  contains_name: "Do not use your name in your password.",
  common: "This is one of the most common passwords. Choose something less predictable.",
  too_guessable: "This password is too easy to guess. Add more words or make it longer.",
};

/**
 * Passwords are compared after Unicode NFKC normalisation, so the same password typed on another
 * keyboard (a decomposed "é", a full-width digit) is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

let factory: Promise<ZxcvbnFactory> | null = null;

/** Loads zxcvbn and its dictionaries once per isolate (or page). */
export function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: true,
      }),
  );
  return factory;
}

/**
 * Rules that need no dictionary, in the order a person would want to hear about them. Returns null when
 * they all pass.
 */
function basicPasswordProblem(password: string, person: { email?: string | null; displayName?: string | null }): PasswordProblem | null {
  const normalized = normalizePassword(password);
  if (normalized.trim() === "") return "only_whitespace";
  if ([...normalized].length < PASSWORD_MIN_LENGTH) return "too_short";
  const folded = fold(normalized);
  const email = fold(person.email ?? "");
  const localPart = email.split("@")[0] ?? "";
  if (email && (folded === email || folded.includes(email) || (localPart.length >= 4 && folded.includes(localPart)))) return "contains_email";
  const name = fold(person.displayName ?? "");
  if (name.length >= 3 && (folded === name || (name.length >= 4 && folded.includes(name)))) return "contains_name";
  return null;
}

/** The whole policy. `checker` is the loaded zxcvbn (see loadStrengthChecker). */
export function checkPassword(checker: ZxcvbnFactory, password: string, person: { email?: string | null; displayName?: string | null }): PasswordVerdict {
  const basic = basicPasswordProblem(password, person);
  if (basic) return { ok: false, problem: basic, score: null };
  const normalized = normalizePassword(password);
  const inputs = [person.email ?? "", (person.email ?? "").split("@")[0] ?? "", person.displayName ?? ""].filter(Boolean);
  const result = checker.check(normalized, inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true, score: result.score };
  // One dictionary word from the common-password list, perhaps with l33t or capitals: say so plainly.
  const [only] = result.sequence;
  const common = result.sequence.length === 1 && only?.pattern === "dictionary" && only.dictionaryName === "passwords-common";
  return { ok: false, problem: common ? "common" : "too_guessable", score: result.score };
}
