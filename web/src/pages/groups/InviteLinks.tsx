import { createResource, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { Field } from "../../components/Field.tsx";
import { CheckIcon, LinkIcon } from "../../components/Icons.tsx";
import { t } from "../../i18n/index.ts";
import { createInvite, fetchInvites, inviteState, revokeInvite, type CreatedInvite, type Invite } from "../../lib/groups.ts";
import { CopyIcon, EmptyList, failureMessage, formatDate, LoadFailure } from "./common.tsx";
import { ListSkeleton } from "./GroupPrograms.tsx";

/** The expiry choices, in days; "never" makes a link that does not expire. */
const EXPIRY_CHOICES = ["7", "14", "30", "90", "never"] as const;
type Expiry = (typeof EXPIRY_CHOICES)[number];

export function InviteLinks(props: { groupId: string; groupName: string }) {
  const [invites, { refetch, mutate }] = createResource(() => props.groupId, fetchInvites);
  const [expiry, setExpiry] = createSignal<Expiry>("14");
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedInvite | null>(null);
  const [createError, setCreateError] = createSignal<string | null>(null);
  const [revoking, setRevoking] = createSignal<string | null>(null);
  const [listError, setListError] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  let heading!: HTMLHeadingElement;
  let createButton: HTMLButtonElement | undefined;

  async function create(event: SubmitEvent) {
    event.preventDefault();
    if (creating()) return;
    setCreateError(null);
    setCreating(true);
    try {
      const choice = expiry();
      const result = await createInvite(props.groupId, choice === "never" ? null : Number(choice));
      setCreated(result);
      mutate((list) => [result.invite, ...(list ?? [])]);
    } catch (error) {
      setCreateError(failureMessage(error, "groups.errors"));
    } finally {
      setCreating(false);
    }
  }

  async function revoke(invite: Invite) {
    setListError(null);
    const answer = await confirmAction({
      title: t("groups.invites.revokeTitle"),
      body: <p>{t("groups.invites.revokeBody", { date: formatDate(invite.createdAt) })}</p>,
      confirmLabel: t("groups.invites.revokeConfirm"),
      danger: true,
    });
    if (!answer) return;
    setRevoking(invite.id);
    try {
      await revokeInvite(props.groupId, invite.id);
      const now = new Date().toISOString();
      mutate((list) => list?.map((item) => (item.id === invite.id ? { ...item, revokedAt: now } : item)));
      if (created()?.invite.id === invite.id) setCreated(null);
      setAnnouncement(t("groups.invites.revoked"));
      queueMicrotask(() => heading.focus());
    } catch (error) {
      setListError(failureMessage(error, "groups.errors"));
    } finally {
      setRevoking(null);
    }
  }

  return (
    <section class="group-section card invites" aria-labelledby="invites-heading">
      <h2 id="invites-heading" class="group-section__title" tabindex="-1" ref={heading}>
        {t("groups.invites.title")}
      </h2>
      <p class="group-section__intro">{t("groups.invites.intro", { group: props.groupName })}</p>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>

      <form class="invite-form" novalidate onSubmit={create} aria-busy={creating() ? "true" : undefined}>
        <Field label={t("groups.invites.expiry")} class="invite-form__expiry">
          {(control) => (
            <select class="input select" {...control} name="expiry" value={expiry()} onChange={(event) => setExpiry(event.currentTarget.value as Expiry)}>
              <For each={EXPIRY_CHOICES}>
                {(choice) => (
                  <option value={choice} selected={choice === expiry()}>
                    {choice === "never" ? t("groups.invites.never") : t("groups.invites.days", { count: Number(choice) })}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Button type="submit" ref={createButton} loading={creating()} loadingText={t("groups.invites.creating")}>
          <LinkIcon />
          {t("groups.invites.create")}
        </Button>
      </form>
      <Show when={createError()}>
        {(text) => (
          <Alert tone="error">
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <Show when={created()}>
        {(result) => (
          <NewLink
            created={result()}
            onDone={() => {
              setCreated(null);
              createButton?.focus();
            }}
          />
        )}
      </Show>

      <h3 class="invites__subtitle">{t("groups.invites.listTitle")}</h3>
      <Show when={listError()}>
        {(text) => (
          <Alert tone="error">
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <Switch fallback={<ListSkeleton label={t("groups.invites.loading")} />}>
        <Match when={invites.state === "errored"}>
          <LoadFailure title={t("groups.invites.loadError")} error={invites.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={invites.state === "ready" && invites().length === 0}>
          <EmptyList title={t("groups.invites.emptyTitle")} level={4}>
            <p>{t("groups.invites.emptyBody")}</p>
          </EmptyList>
        </Match>
        <Match when={invites.state === "ready" ? invites() : undefined}>
          {(list) => (
            <ul class="invite-list" role="list">
              <For each={list()}>
                {(invite) => {
                  const state = () => inviteState(invite);
                  return (
                    <li class="invite" classList={{ "is-inactive": state() !== "active" }}>
                      <div class="invite__text">
                        <p class="invite__created">{t("groups.invites.createdOn", { date: formatDate(invite.createdAt) })}</p>
                        <p class="invite__meta">
                          <span>
                            {invite.expiresAt
                              ? t(state() === "expired" ? "groups.invites.expiredOn" : "groups.invites.expiresOn", { date: formatDate(invite.expiresAt) })
                              : t("groups.invites.noExpiry")}
                          </span>
                          <span>{t("groups.invites.uses", { count: invite.acceptedCount })}</span>
                        </p>
                      </div>
                      <span class={`badge invite-state ${state() === "active" ? "tone--success" : state() === "revoked" ? "tone--danger" : ""}`}>
                        {t(`groups.invites.state.${state()}`)}
                      </span>
                      <Show when={state() === "active"}>
                        <Button
                          variant="ghost"
                          class="button--small button--danger-ghost"
                          loading={revoking() === invite.id}
                          loadingText={t("groups.invites.revoking")}
                          disabled={revoking() !== null}
                          onClick={() => void revoke(invite)}
                        >
                          {t("groups.invites.revoke")}
                          <span class="visually-hidden"> ({t("groups.invites.createdOn", { date: formatDate(invite.createdAt) })})</span>
                        </Button>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** The new link, shown once: the server keeps only a hash of its token. */
function NewLink(props: { created: CreatedInvite; onDone: () => void }) {
  const [copied, setCopied] = createSignal<"copied" | "select" | null>(null);
  let input!: HTMLInputElement;
  // The link appears where the person is looking: focus it, so screen readers announce it too.
  onMount(() => input.focus());

  const selectAll = () => {
    input.focus();
    input.select();
  };

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(props.created.url);
      setCopied("copied");
    } catch {
      // No clipboard access (an insecure origin, or permission refused): select it for a manual copy.
      selectAll();
      setCopied("select");
    }
  }

  return (
    <div class="new-link" role="group" aria-labelledby="new-link-title">
      <p id="new-link-title" class="new-link__title">
        <CheckIcon />
        {t("groups.invites.newTitle")}
      </p>
      <div class="new-link__row">
        <label for="new-link-url" class="visually-hidden">
          {t("groups.invites.urlLabel")}
        </label>
        <input
          ref={input}
          id="new-link-url"
          class="input new-link__url"
          readonly
          value={props.created.url}
          aria-describedby="new-link-note"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="primary" class="new-link__copy" onClick={() => void copy()}>
          <CopyIcon />
          {copied() === "copied" ? t("groups.invites.copied") : t("groups.invites.copy")}
        </Button>
      </div>
      <p id="new-link-note" class="new-link__note">
        {t("groups.invites.onceNote")}
      </p>
      <p class="new-link__status" role="status">
        {copied() === "copied" ? t("groups.invites.copiedStatus") : copied() === "select" ? t("groups.invites.selectStatus") : ""}
      </p>
      <Button variant="ghost" class="button--small" onClick={() => props.onDone()}>
        {t("groups.invites.done")}
      </Button>
    </div>
  );
}
