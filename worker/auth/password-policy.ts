import { checkPassword, loadStrengthChecker, PASSWORD_PROBLEM_MESSAGES } from "../../shared/rules/password-policy.ts";
import { ApiError } from "../http/errors.ts";

/**
 * The server's password policy, for every place a password is set (sign-up, password change, reset).
 * Throws 422 `weak_password` naming the field, with `reason` (a PasswordProblem) and the English text;
 * the zxcvbn dictionaries load on first use.
 */
export async function enforcePasswordPolicy(field: string, password: string, person: { email: string; displayName: string }): Promise<void> {
  const verdict = checkPassword(await loadStrengthChecker(), password, person);
  if (verdict.ok) return;
  const message = PASSWORD_PROBLEM_MESSAGES[verdict.problem];
  throw new ApiError(422, "weak_password", message, undefined, [{ path: field, message }], { reason: verdict.problem });
}
