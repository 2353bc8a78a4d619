import { useSearchParams } from "@solidjs/router";
import { createResource, Match, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { AuthLayout } from "../../components/AuthLayout.tsx";
import { ButtonLink } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError, api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { loadSession, session } from "../../lib/session.ts";

/**
 * The page a verification email links to. Opening it confirms the address (a POST from the page, so a
 * mail scanner that only fetches the link confirms nothing).
 */
export default function VerifyEmail() {
  usePageTitle(() => t("emailPush.verifyTitle"));
  const [params] = useSearchParams();
  const token = typeof params.token === "string" ? params.token : "";
  const [result] = createResource(async () => {
    try {
      const verified = await api.post<{ email: string }>("/auth/verify-email", { token });
      if (session.user) await loadSession();
      return { ok: true as const, email: verified.email };
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "";
      return {
        ok: false as const,
        code,
        text: code === "token_expired" ? t("emailPush.tokenExpired") : code === "invalid_token" ? t("emailPush.tokenInvalid") : errorMessage(error),
      };
    }
  });

  return (
    <AuthLayout>
      <PageHeading>{t("emailPush.verifyTitle")}</PageHeading>
      <Switch fallback={<p role="status">{t("emailPush.verifying")}</p>}>
        <Match when={result()?.ok === true && result()}>
          {(done) => (
            <>
              <Alert tone="success">
                <p data-testid="verify-done">{t("emailPush.verifyDone", { email: (done() as { email: string }).email })}</p>
              </Alert>
              <ButtonLink href={session.user ? "/settings/notifications" : "/signin"}>{t("emailPush.verifyContinue")}</ButtonLink>
            </>
          )}
        </Match>
        <Match when={result()?.ok === false && result()}>
          {(failed) => (
            <>
              <Alert tone="error">
                <p>{(failed() as { text: string }).text}</p>
              </Alert>
              <ButtonLink href={session.user ? "/settings/notifications" : "/signin"}>{t("emailPush.askAgain")}</ButtonLink>
            </>
          )}
        </Match>
      </Switch>
    </AuthLayout>
  );
}
