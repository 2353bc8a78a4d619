import { createSignal, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n/index.ts";
import { PASSWORD_MIN_LENGTH } from "../../../../shared/rules/limits.ts";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { session, sessionExpired } from "../../lib/session.ts";
import { changePassword } from "./api.ts";
import { PasswordStrength, problemOf, problemText } from "../../components/PasswordStrength.tsx";

export function PasswordSection() {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [errors, setErrors] = createSignal<{ currentPassword?: string; newPassword?: string; form?: string }>({});

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setDone(false);
    const missing = {
      currentPassword: current() ? undefined : t("validation.passwordRequired"),
      newPassword: next() ? undefined : t("validation.passwordRequired"),
    };
    setErrors(missing);
    if (missing.currentPassword || missing.newPassword) return;
    setSaving(true);
    try {
      await changePassword({ currentPassword: current(), newPassword: next() });
      setCurrent("");
      setNext("");
      setDone(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return sessionExpired();
      if (caught instanceof ApiError && caught.code === "invalid_password") setErrors({ currentPassword: t("accounts.invalidPassword") });
      else if (caught instanceof ApiError && caught.code === "weak_password") {
        const problem = problemOf(caught.issueFor("newPassword")?.message);
        setErrors({ newPassword: problem ? problemText(problem) : caught.message });
      } else setErrors({ form: errorMessage(caught) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card settings__section" aria-labelledby="settings-password">
      <h2 id="settings-password" class="section-title">
        {t("accounts.passwordTitle")}
      </h2>
      <p class="settings__intro">{t("accounts.passwordIntro")}</p>
      <form class="form" novalidate onSubmit={submit} aria-busy={saving() ? "true" : undefined}>
        <Show when={errors().form}>
          <Alert tone="error">
            <p>{errors().form}</p>
          </Alert>
        </Show>
        <Show when={done()}>
          <Alert tone="success">
            <p>{t("accounts.passwordChanged")}</p>
          </Alert>
        </Show>
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="email" name="username" autocomplete="username" value={session.user?.email ?? ""} hidden readonly />
        <Field label={t("accounts.currentPassword")} error={errors().currentPassword}>
          {(control) => (
            <input
              class="input"
              {...control}
              type="password"
              name="currentPassword"
              autocomplete="current-password"
              value={current()}
              onInput={(event) => setCurrent(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t("accounts.newPassword")}
          hint={t("accounts.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          error={errors().newPassword}
          after={<PasswordStrength password={next()} email={session.user?.email ?? ""} displayName={session.user?.displayName ?? ""} />}
        >
          {(control) => (
            <input
              class="input"
              {...control}
              type="password"
              name="newPassword"
              autocomplete="new-password"
              value={next()}
              onInput={(event) => {
                setNext(event.currentTarget.value);
                setErrors((e) => ({ ...e, newPassword: undefined }));
              }}
            />
          )}
        </Field>
        <div class="settings__actions">
          <Button type="submit" loading={saving()} loadingText={t("accounts.changingPassword")}>
            {t("accounts.changePassword")}
          </Button>
        </div>
      </form>
    </section>
  );
}
