import { createResource, Show } from "solid-js";
import {
  checkPassword,
  loadStrengthChecker,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
} from "../../../shared/rules/password-policy.ts";
import { t } from "../i18n/index.ts";
import "./password-strength.css";

/**
 * The server's password policy, shown while the person types. zxcvbn and its dictionaries (about 1 MB)
 * are a chunk of their own, loaded when this component first renders, on the pages that set a password,
 * never in the app's first load. The server checks again and has the last word.
 */

/** The problem behind the server's (English) `weak_password` issue message, to show it translated. */
export function problemOf(message: string | undefined): PasswordProblem | undefined {
  return (Object.keys(PASSWORD_PROBLEM_MESSAGES) as PasswordProblem[]).find((problem) => PASSWORD_PROBLEM_MESSAGES[problem] === message);
}

export function problemText(problem: PasswordProblem): string {
  return t(`accounts.problems.${problem}`, { min: PASSWORD_MIN_LENGTH });
}

export function PasswordStrength(props: { password: string; email: string; displayName: string; id?: string }) {
  // Loaded once the person starts typing a password.
  const [checker] = createResource(() => (props.password ? true : undefined), loadStrengthChecker);
  const verdict = () => {
    const loaded = checker();
    if (!loaded || !props.password) return null;
    return checkPassword(loaded, props.password, { email: props.email, displayName: props.displayName });
  };
  const score = () => {
    const v = verdict();
    return v ? (v.ok ? v.score : (v.score ?? 0)) : 0;
  };
  return (
    <div class="password-strength" id={props.id} aria-live="polite">
      <Show when={props.password}>
        <Show when={!checker.loading} fallback={<p class="password-strength__text">{t("accounts.strengthChecking")}</p>}>
          <meter class="password-strength__meter" min="0" max="4" low="2" high="3" optimum="4" value={score()} aria-label={t("accounts.strengthLabel")} />
          <Show when={verdict()}>
            {(v) => (
              <p class={`password-strength__text ${v().ok ? "password-strength__text--ok" : ""}`}>
                {(() => {
                  const current = v();
                  return current.ok ? t("accounts.strengthOk") : problemText(current.problem);
                })()}
              </p>
            )}
          </Show>
        </Show>
      </Show>
    </div>
  );
}
