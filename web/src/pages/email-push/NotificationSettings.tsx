import { createResource, createSignal, For, Show } from "solid-js";
import type { DeliveryKind, NotificationPreferences } from "../../../../shared/api/notification-preferences.ts";
import { DELIVERY_KINDS } from "../../../../shared/rules/notification-kinds.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { session } from "../../lib/session.ts";
import { PushControl } from "./PushControl.tsx";
import "./email-push.css";

/** Settings: the address and its verification, each kind's email and push, previews, and this device. */
export default function NotificationSettings() {
  usePageTitle(() => t("emailPush.settingsTitle"));
  const [loaded, { refetch }] = createResource(() =>
    api.get<{ preferences: NotificationPreferences }>("/me/notification-preferences").then((r) => r.preferences),
  );
  const [draft, setDraft] = createSignal<NotificationPreferences | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [status, setStatus] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const prefs = () => draft() ?? loaded() ?? null;

  function change(kind: DeliveryKind, channel: "email" | "push", value: string) {
    const current = prefs();
    if (!current) return;
    setStatus(null);
    setDraft({ ...current, kinds: { ...current.kinds, [kind]: { ...current.kinds[kind], [channel]: value } } });
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const current = prefs();
    if (!current || saving()) return;
    setSaving(true);
    setStatus(null);
    try {
      const { preferences } = await api.put<{ preferences: NotificationPreferences }>("/me/notification-preferences", current);
      setDraft(preferences);
      setStatus({ tone: "success", text: t("emailPush.saved") });
    } catch (error) {
      setStatus({ tone: "error", text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="container email-push">
      <PageHeading>{t("emailPush.settingsTitle")}</PageHeading>
      <p class="lead">{t("emailPush.settingsIntro")}</p>
      <AddressStatus />
      <section class="card email-push__section" aria-labelledby="device-title">
        <h2 id="device-title">{t("emailPush.deviceTitle")}</h2>
        <PushControl />
      </section>
      <Show when={!loaded.loading || prefs()} fallback={<p role="status">{t("emailPush.loading")}</p>}>
        <Show
          when={prefs()}
          fallback={
            <Alert tone="error">
              <p>{t("emailPush.loadError")}</p>
              <Button variant="secondary" onClick={() => refetch()}>
                {t("emailPush.retry")}
              </Button>
            </Alert>
          }
        >
          {(current) => (
            <form class="card email-push__section" onSubmit={save} aria-busy={saving() ? "true" : undefined}>
              <table class="email-push__table">
                <thead>
                  <tr>
                    <th scope="col">{t("emailPush.kindColumn")}</th>
                    <th scope="col">{t("emailPush.emailColumn")}</th>
                    <th scope="col">{t("emailPush.pushColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={DELIVERY_KINDS}>
                    {(kind) => (
                      <tr>
                        <th scope="row" id={`kind-${kind}`}>
                          {t(`emailPush.kinds.${kind}`)}
                        </th>
                        <td data-label={t("emailPush.emailColumn")}>
                          <select
                            class="input"
                            name={`${kind}-email`}
                            aria-label={`${t(`emailPush.kinds.${kind}`)}: ${t("emailPush.emailColumn")}`}
                            value={current().kinds[kind].email}
                            onChange={(event) => change(kind, "email", event.currentTarget.value)}
                          >
                            <option value="immediately">{t("emailPush.emailImmediately")}</option>
                            <option value="daily">{t("emailPush.emailDaily")}</option>
                            <option value="off">{t("emailPush.emailOff")}</option>
                          </select>
                        </td>
                        <td data-label={t("emailPush.pushColumn")}>
                          <select
                            class="input"
                            name={`${kind}-push`}
                            aria-label={`${t(`emailPush.kinds.${kind}`)}: ${t("emailPush.pushColumn")}`}
                            value={current().kinds[kind].push}
                            onChange={(event) => change(kind, "push", event.currentTarget.value)}
                          >
                            <option value="on">{t("emailPush.pushOn")}</option>
                            <option value="off">{t("emailPush.pushOff")}</option>
                          </select>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <label class="email-push__check">
                <input
                  type="checkbox"
                  name="messagePreviews"
                  checked={current().messagePreviews}
                  onChange={(event) => {
                    setStatus(null);
                    setDraft({ ...current(), messagePreviews: event.currentTarget.checked });
                  }}
                />
                <span>
                  {t("emailPush.previews")}
                  <small class="field__hint">{t("emailPush.previewsHint")}</small>
                </span>
              </label>
              <Show when={status()}>
                {(s) => (
                  <Alert tone={s().tone}>
                    <p>{s().text}</p>
                  </Alert>
                )}
              </Show>
              <div class="form__footer">
                <Button type="submit" loading={saving()} loadingText={t("emailPush.saving")}>
                  {t("emailPush.save")}
                </Button>
              </div>
            </form>
          )}
        </Show>
      </Show>
    </div>
  );
}

/** The address, whether it is verified, and a new verification link on request. */
function AddressStatus() {
  const [sending, setSending] = createSignal(false);
  const [result, setResult] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  async function resend() {
    setSending(true);
    setResult(null);
    try {
      await api.post("/auth/verify-email/resend");
      setResult({ tone: "success", text: t("emailPush.resent") });
    } catch (error) {
      setResult({ tone: "error", text: errorMessage(error) });
    } finally {
      setSending(false);
    }
  }
  return (
    <section class="card email-push__section" aria-labelledby="address-title">
      <h2 id="address-title">{t("emailPush.address")}</h2>
      <Show when={session.user}>
        {(user) => (
          <Show when={!user().emailVerified} fallback={<p data-testid="email-verified">{t("emailPush.verified", { email: user().email })}</p>}>
            <p data-testid="email-unverified">{t("emailPush.unverified", { email: user().email })}</p>
            <Button variant="secondary" loading={sending()} loadingText={t("emailPush.resending")} onClick={resend}>
              {t("emailPush.resend")}
            </Button>
          </Show>
        )}
      </Show>
      <Show when={result()}>
        {(r) => (
          <Alert tone={r().tone}>
            <p>{r().text}</p>
          </Alert>
        )}
      </Show>
    </section>
  );
}
