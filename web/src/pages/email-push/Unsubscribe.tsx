import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, Match, Switch } from "solid-js";
import type { DeliveryKind } from "../../../../shared/api/notification-preferences.ts";
import { Alert } from "../../components/Alert.tsx";
import { AuthLayout } from "../../components/AuthLayout.tsx";
import { Button } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";

/** The visible unsubscribe link of every email: no sign-in, one kind of email, one click to confirm. */
export default function Unsubscribe() {
  usePageTitle(() => t("emailPush.unsubscribeTitle"));
  const [params] = useSearchParams();
  const token = typeof params.token === "string" ? params.token : "";
  const [kind] = createResource(async () => {
    try {
      return (await api.get<{ kind: DeliveryKind }>(`/unsubscribe?token=${encodeURIComponent(token)}`)).kind;
    } catch {
      return null;
    }
  });
  const [state, setState] = createSignal<"ask" | "busy" | "done">("ask");
  const [error, setError] = createSignal<string | null>(null);
  const label = () => (kind() ? t(`emailPush.kinds.${kind()!}`) : "");

  async function unsubscribe() {
    setState("busy");
    setError(null);
    try {
      await api.post("/unsubscribe", { token });
      setState("done");
    } catch (cause) {
      setError(errorMessage(cause));
      setState("ask");
    }
  }

  return (
    <AuthLayout>
      <PageHeading>{t("emailPush.unsubscribeTitle")}</PageHeading>
      <Switch>
        <Match when={kind.loading}>
          <p role="status">{t("emailPush.unsubscribeChecking")}</p>
        </Match>
        <Match when={!kind()}>
          <Alert tone="error">
            <p>{t("emailPush.tokenInvalid")}</p>
          </Alert>
        </Match>
        <Match when={state() === "done"}>
          <Alert tone="success">
            <p data-testid="unsubscribed">{t("emailPush.unsubscribeDone", { kind: label() })}</p>
          </Alert>
        </Match>
        <Match when={true}>
          <p class="lead">{t("emailPush.unsubscribeIntro", { kind: label() })}</p>
          {error() && (
            <Alert tone="error">
              <p>{error()}</p>
            </Alert>
          )}
          <Button block loading={state() === "busy"} loadingText={t("emailPush.unsubscribing")} onClick={unsubscribe}>
            {t("emailPush.unsubscribeConfirm")}
          </Button>
        </Match>
      </Switch>
      <p class="auth__switch">
        <A href="/settings/notifications">{t("emailPush.unsubscribeSettings")}</A>
      </p>
    </AuthLayout>
  );
}
