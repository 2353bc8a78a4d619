import { A, useSearchParams } from "@solidjs/router";
import { createSignal, Match, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { AuthLayout } from "../../components/AuthLayout.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { TextField } from "../../components/Field.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError, api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { checkNewPassword } from "../../lib/validation.ts";

/** The page a reset email links to: a new password, then every session of the person is gone. */
export default function ResetPassword() {
  usePageTitle(() => t("emailPush.resetTitle"));
  const [params] = useSearchParams();
  const token = () => (typeof params.token === "string" ? params.token : "");
  const [password, setPassword] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const [outcome, setOutcome] = createSignal<"form" | "done" | "invalid" | "expired">("form");
  const [formError, setFormError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    const invalid = checkNewPassword(password());
    setFieldError(invalid?.());
    setFormError(null);
    if (invalid) return;
    setSubmitting(true);
    try {
      await api.post("/auth/password-reset/confirm", { token: token(), password: password() });
      // This browser's own session, if any, was revoked with the others.
      sessionExpired();
      setOutcome("done");
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_token") setOutcome("invalid");
      else if (error instanceof ApiError && error.code === "token_expired") setOutcome("expired");
      else if (error instanceof ApiError && error.issueFor("password")) setFieldError(error.issueFor("password")!.message);
      else setFormError(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeading>{t("emailPush.resetTitle")}</PageHeading>
      <Switch>
        <Match when={!token()}>
          <Alert tone="error">
            <p>{t("emailPush.resetNoToken")}</p>
          </Alert>
          <ButtonLink href="/forgot-password">{t("emailPush.askAgain")}</ButtonLink>
        </Match>
        <Match when={outcome() === "done"}>
          <Alert tone="success">
            <p>{t("emailPush.resetDone")}</p>
          </Alert>
          <ButtonLink href="/signin">{t("emailPush.backToSignIn")}</ButtonLink>
        </Match>
        <Match when={outcome() === "invalid" || outcome() === "expired"}>
          <Alert tone="error">
            <p>{outcome() === "expired" ? t("emailPush.tokenExpired") : t("emailPush.tokenInvalid")}</p>
          </Alert>
          <ButtonLink href="/forgot-password">{t("emailPush.askAgain")}</ButtonLink>
        </Match>
        <Match when={true}>
          <p class="lead">{t("emailPush.resetIntro")}</p>
          {formError() && (
            <Alert tone="error">
              <p>{formError()}</p>
            </Alert>
          )}
          <form class="form" novalidate onSubmit={submit} aria-busy={submitting() ? "true" : undefined}>
            <TextField
              label={t("emailPush.resetPassword")}
              name="password"
              type="password"
              autocomplete="new-password"
              required
              value={password()}
              onValue={(value) => {
                setPassword(value);
                setFieldError(undefined);
              }}
              error={fieldError()}
            />
            <Button type="submit" block loading={submitting()} loadingText={t("emailPush.resetSubmitting")}>
              {t("emailPush.resetSubmit")}
            </Button>
          </form>
          <p class="auth__switch">
            <A href="/signin">{t("emailPush.backToSignIn")}</A>
          </p>
        </Match>
      </Switch>
    </AuthLayout>
  );
}
