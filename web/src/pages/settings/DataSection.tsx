import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { accountDeleted, session, sessionExpired } from "../../lib/session.ts";
import { deleteAccount, downloadExport, type LastOwnerGroup } from "./api.ts";

export function ExportSection() {
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);

  async function download() {
    setBusy(true);
    setResult(null);
    try {
      await downloadExport();
      setResult({ tone: "success", text: t("accounts.exportDone") });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return sessionExpired();
      setResult({ tone: "error", text: caught instanceof ApiError && caught.status === 429 ? t("accounts.exportLimited") : errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card settings__section" aria-labelledby="settings-export">
      <h2 id="settings-export" class="section-title">
        {t("accounts.exportTitle")}
      </h2>
      <p class="settings__intro">{t("accounts.exportIntro")}</p>
      <Show when={result()}>
        {(r) => (
          <Alert tone={r().tone}>
            <p>{r().text}</p>
          </Alert>
        )}
      </Show>
      <div class="settings__actions">
        <Button variant="secondary" loading={busy()} loadingText={t("accounts.exporting")} onClick={download}>
          {t("accounts.exportButton")}
        </Button>
      </div>
    </section>
  );
}

export function DeleteSection() {
  const [typedEmail, setTypedEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<{ email?: string; password?: string; form?: string }>({});
  const [lastOwner, setLastOwner] = createSignal<LastOwnerGroup[]>([]);
  const email = () => session.user?.email ?? "";
  const emailMatches = () => typedEmail().trim().toLowerCase() === email().toLowerCase();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setLastOwner([]);
    const found = {
      email: emailMatches() ? undefined : t("accounts.deleteEmailMismatch"),
      password: password() ? undefined : t("validation.passwordRequired"),
    };
    setErrors(found);
    if (found.email || found.password) return;
    const answer = await confirmAction({
      title: t("accounts.deleteConfirmTitle"),
      body: <p>{t("accounts.deleteConfirmBody")}</p>,
      confirmLabel: t("accounts.deleteButton"),
      danger: true,
    });
    if (!answer) return;
    setBusy(true);
    try {
      const result = await deleteAccount(password());
      if (result.ok) return accountDeleted();
      setLastOwner(result.lastOwner);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return sessionExpired();
      if (caught instanceof ApiError && caught.code === "invalid_password") setErrors({ password: t("accounts.invalidPassword") });
      else setErrors({ form: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card settings__section settings__section--danger" aria-labelledby="settings-delete">
      <h2 id="settings-delete" class="section-title">
        {t("accounts.deleteTitle")}
      </h2>
      <p class="settings__intro">{t("accounts.deleteIntro")}</p>
      <ul class="settings__list">
        <li>{t("accounts.deletePoints.sessions")}</li>
        <li>{t("accounts.deletePoints.pairs")}</li>
        <li>{t("accounts.deletePoints.data")}</li>
        <li>{t("accounts.deletePoints.reports")}</li>
      </ul>
      <form class="form" novalidate onSubmit={submit} aria-busy={busy() ? "true" : undefined}>
        <Show when={errors().form}>
          <Alert tone="error">
            <p>{errors().form}</p>
          </Alert>
        </Show>
        <Show when={lastOwner().length}>
          <Alert tone="error">
            <p>{t("accounts.lastOwner")}</p>
            <ul id="last-owner-groups">
              <For each={lastOwner()}>
                {(group) => (
                  <li>
                    <A href={`/groups/${group.id}`}>{group.name}</A>
                  </li>
                )}
              </For>
            </ul>
          </Alert>
        </Show>
        <Field label={t("accounts.deleteEmailLabel")} hint={email()} error={errors().email}>
          {(control) => (
            <input
              class="input"
              {...control}
              type="email"
              name="confirmEmail"
              autocomplete="off"
              value={typedEmail()}
              onInput={(event) => setTypedEmail(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t("accounts.deletePassword")} error={errors().password}>
          {(control) => (
            <input
              class="input"
              {...control}
              type="password"
              name="deletePassword"
              autocomplete="current-password"
              value={password()}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="settings__actions">
          <Button type="submit" class="button--danger" disabled={!emailMatches()} loading={busy()} loadingText={t("accounts.deleting")}>
            {t("accounts.deleteButton")}
          </Button>
        </div>
      </form>
    </section>
  );
}
