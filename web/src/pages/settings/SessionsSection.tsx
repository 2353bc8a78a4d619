import { createResource, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { language, t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { sessionExpired } from "../../lib/session.ts";
import { listSessions, revokeSession, signOutEverywhere, type SessionInfo } from "./api.ts";
import { createSignal } from "solid-js";

const formatDate = (iso: string) => {
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  } catch {
    return iso;
  }
};

export function SessionsSection() {
  const [sessions, { refetch }] = createResource(listSessions);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);

  const device = (session: SessionInfo) => (session.device === "Unknown device" ? t("accounts.unknownDevice") : session.device);

  async function signOut(session: SessionInfo) {
    const answer = await confirmAction({
      title: t("accounts.signOutSessionConfirmTitle"),
      body: <p>{session.current ? t("accounts.signOutThisConfirmBody") : t("accounts.signOutSessionConfirmBody", { device: device(session) })}</p>,
      confirmLabel: t("accounts.signOutSession"),
      danger: true,
    });
    if (!answer) return;
    setBusy(session.id);
    setError(null);
    setNotice(null);
    try {
      await revokeSession(session.id);
      if (session.current) return sessionExpired();
      setNotice(t("accounts.signedOutOne"));
      await refetch();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return sessionExpired();
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  async function everywhere() {
    const answer = await confirmAction({
      title: t("accounts.signOutEverywhereConfirmTitle"),
      body: <p>{t("accounts.signOutEverywhereConfirmBody")}</p>,
      confirmLabel: t("accounts.signOutEverywhere"),
      danger: true,
    });
    if (!answer) return;
    setBusy("everywhere");
    setError(null);
    try {
      await signOutEverywhere();
      sessionExpired();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return sessionExpired();
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="card settings__section" aria-labelledby="settings-sessions">
      <h2 id="settings-sessions" class="section-title">
        {t("accounts.sessionsTitle")}
      </h2>
      <p class="settings__intro">{t("accounts.sessionsIntro")}</p>
      <Show when={error()}>
        <Alert tone="error">
          <p>{error()}</p>
        </Alert>
      </Show>
      <Show when={notice()}>
        <Alert tone="success">
          <p>{notice()}</p>
        </Alert>
      </Show>
      <Show
        when={!sessions.error}
        fallback={
          <Alert tone="error" title={t("accounts.sessionsError")}>
            <Button variant="secondary" onClick={() => refetch()}>
              {t("accounts.retry")}
            </Button>
          </Alert>
        }
      >
        <Show
          when={!sessions.loading || sessions.latest}
          fallback={
            <p class="settings__loading" role="status">
              {t("accounts.sessionsLoading")}
            </p>
          }
        >
          <ul class="session-list" id="session-list">
            <For each={sessions.latest ?? []} fallback={<li class="session-list__empty">{t("accounts.sessionsEmpty")}</li>}>
              {(session) => (
                <li class="session" classList={{ "session--current": session.current }} data-session-id={session.id}>
                  <div class="session__text">
                    <p class="session__device">
                      {device(session)}
                      <Show when={session.current}>
                        <span class="badge session__badge">{t("accounts.thisDevice")}</span>
                      </Show>
                    </p>
                    <p class="session__meta">
                      {t("accounts.signedInAt", { date: formatDate(session.createdAt) })} · {t("accounts.lastUsed", { date: formatDate(session.lastUsedAt) })}
                    </p>
                    <p class="session__meta">{t("accounts.endsAt", { date: formatDate(session.absoluteExpiresAt) })}</p>
                  </div>
                  <Button
                    variant="secondary"
                    class="session__action"
                    loading={busy() === session.id}
                    loadingText={t("accounts.signingOut")}
                    disabled={busy() !== null}
                    onClick={() => signOut(session)}
                  >
                    {t("accounts.signOutSession")}
                  </Button>
                </li>
              )}
            </For>
          </ul>
          <div class="settings__actions">
            <Button
              variant="secondary"
              class="button--danger-outline"
              loading={busy() === "everywhere"}
              loadingText={t("accounts.signingOut")}
              disabled={busy() !== null}
              onClick={everywhere}
            >
              {t("accounts.signOutEverywhere")}
            </Button>
          </div>
        </Show>
      </Show>
    </section>
  );
}
