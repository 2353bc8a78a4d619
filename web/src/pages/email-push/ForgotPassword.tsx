import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { AuthLayout } from "../../components/AuthLayout.tsx";
import { Button } from "../../components/Button.tsx";
import { TextField } from "../../components/Field.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { checkEmail } from "../../lib/validation.ts";

/** Asks for a reset link. The answer is the same whether or not an account uses the address. */
export default function ForgotPassword() {
  usePageTitle(() => t("emailPush.forgotTitle"));
  const [email, setEmail] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const [formError, setFormError] = createSignal<string | null>(null);
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    const invalid = checkEmail(email());
    setFieldError(invalid?.());
    setFormError(null);
    if (invalid) return;
    setSubmitting(true);
    try {
      await api.post("/auth/password-reset", { email: email().trim() });
      setSentTo(email().trim());
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeading>{t("emailPush.forgotTitle")}</PageHeading>
      <Show
        when={sentTo()}
        fallback={
          <>
            <p class="lead">{t("emailPush.forgotIntro")}</p>
            <Show when={formError()}>
              {(text) => (
                <Alert tone="error">
                  <p>{text()}</p>
                </Alert>
              )}
            </Show>
            <form class="form" novalidate onSubmit={submit} aria-busy={submitting() ? "true" : undefined}>
              <TextField
                label={t("emailPush.forgotEmail")}
                name="email"
                type="email"
                autocomplete="username"
                inputmode="email"
                spellcheck={false}
                required
                value={email()}
                onValue={(value) => {
                  setEmail(value);
                  setFieldError(undefined);
                }}
                error={fieldError()}
              />
              <Button type="submit" block loading={submitting()} loadingText={t("emailPush.forgotSubmitting")}>
                {t("emailPush.forgotSubmit")}
              </Button>
            </form>
          </>
        }
      >
        {(address) => (
          <Alert tone="success">
            <p>{t("emailPush.forgotSent", { email: address() })}</p>
          </Alert>
        )}
      </Show>
      <p class="auth__switch">
        <A href="/signin">{t("emailPush.backToSignIn")}</A>
      </p>
    </AuthLayout>
  );
}
