import { createResource, Show } from "solid-js";
import type { PasswordProblem } from "../../../../shared/rules/password-policy.ts";
import { t } from "../../i18n/index.ts";

const MIN_LENGTH = 10;

/**
 * The server's password policy, shown while the person types. The policy module and its zxcvbn
 * dictionaries (about 1 MB) load only when this component is first rendered, on the pages that set a
 * password, never in the app's first load. The server checks again and has the last word.
 */
const policy = () => import("../../../../shared/rules/password-policy.ts");

export function problemText(problem: PasswordProblem): string {
  return t(`accounts.problems.${problem}`, { min: MIN_LENGTH });
}

export function PasswordStrength(props: { password: string; email: string; displayName: string; id?: string }) {
  const [checker] = createResource(() => policy().then(async (module) => ({ module, checker: await module.loadStrengthChecker() })));
  const verdict = () => {
    const loaded = checker();
    if (!loaded || !props.password) return null;
    return loaded.module.checkPassword(loaded.checker, props.password, { email: props.email, displayName: props.displayName });
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
