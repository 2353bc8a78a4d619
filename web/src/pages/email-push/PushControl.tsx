import { createResource, createSignal, Match, Switch } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { currentSubscription, PushDenied, pushSupported, turnOffPush, turnOnPush, type PushConfig } from "../../lib/push.ts";

/** "Turn on notifications on this device", where the browser supports it. */
export function PushControl() {
  const supported = pushSupported();
  const [config] = createResource(() => api.get<PushConfig>("/me/push-subscriptions"));
  const [subscribed, { mutate }] = createResource(async () => Boolean(await currentSubscription().catch(() => null)));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const denied = () => supported && Notification.permission === "denied";

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (subscribed()) {
        await turnOffPush();
        mutate(false);
      } else {
        await turnOnPush(config()!.publicKey!);
        mutate(true);
      }
    } catch (cause) {
      setError(cause instanceof PushDenied ? t("emailPush.deviceDenied") : errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="email-push__device" aria-live="polite">
      <Switch>
        <Match when={!supported}>
          <p>{t("emailPush.deviceUnsupported")}</p>
        </Match>
        <Match when={config.loading || subscribed.loading}>
          <p role="status">{t("emailPush.loading")}</p>
        </Match>
        <Match when={!config()?.publicKey}>
          <p>{t("emailPush.deviceNotConfigured")}</p>
        </Match>
        <Match when={denied() && !subscribed()}>
          <p>{t("emailPush.deviceDenied")}</p>
        </Match>
        <Match when={true}>
          <p>{subscribed() ? t("emailPush.deviceIsOn") : t("emailPush.deviceIsOff")}</p>
          <Button
            variant={subscribed() ? "secondary" : "primary"}
            loading={busy()}
            loadingText={subscribed() ? t("emailPush.deviceTurningOff") : t("emailPush.deviceTurningOn")}
            onClick={toggle}
          >
            {subscribed() ? t("emailPush.deviceOff") : t("emailPush.deviceOn")}
          </Button>
        </Match>
      </Switch>
      {error() && (
        <p class="field__error" role="alert">
          {error()}
        </p>
      )}
    </div>
  );
}
