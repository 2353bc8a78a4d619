import { useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Alert } from "../components/Alert.tsx";
import { PageLoading } from "../components/AppShell.tsx";
import { Button, ButtonLink } from "../components/Button.tsx";
import { UsersIcon } from "../components/Icons.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";
import { acceptInvite, fetchInvitePreview, type InvitePreview } from "../lib/groups.ts";
import { withNext } from "../lib/next.ts";
import { usePageTitle } from "../lib/page.ts";
import { session } from "../lib/session.ts";
import { failureMessage, FocusBadge, isNotFound, LoadFailure } from "./groups/common.tsx";
import "./groups/groups.css";

const isGone = (error: unknown) => error instanceof ApiError && error.status === 410;

/** Where an invite link lands: which group it is, then join (signed in) or an account first (signed out). */
export default function Invite() {
  const params = useParams<{ token: string }>();
  // Asked again when the session changes: "already a member" depends on who is asking.
  const [preview, { refetch }] = createResource(
    () => (session.status === "loading" ? undefined : { token: params.token, user: session.user?.id ?? null }),
    ({ token }) => fetchInvitePreview(token),
  );
  usePageTitle(() => (preview.state === "ready" ? t("invite.title", { group: preview().group.name }) : t("invite.pageTitle")));

  return (
    <div class="container narrow invite-page">
      <Switch fallback={<PageLoading />}>
        <Match when={preview.state === "errored" && isGone(preview.error)}>
          <InviteProblem title={t("invite.expiredTitle")} body={t("invite.expiredBody")} />
        </Match>
        <Match when={preview.state === "errored" && isNotFound(preview.error)}>
          <InviteProblem title={t("invite.notFoundTitle")} body={t("invite.notFoundBody")} />
        </Match>
        <Match when={preview.state === "errored"}>
          <PageHeading>{t("invite.pageTitle")}</PageHeading>
          <LoadFailure title={t("invite.loadError")} error={preview.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={preview.state === "ready" ? preview() : undefined}>{(loaded) => <InviteCard token={params.token} preview={loaded()} />}</Match>
      </Switch>
    </div>
  );
}

function InviteProblem(props: { title: string; body: string }) {
  return (
    <div class="invite-card card invite-card--problem">
      <PageHeading>{props.title}</PageHeading>
      <p class="lead">{props.body}</p>
      <ButtonLink href="/" variant="secondary">
        {t("invite.home")}
      </ButtonLink>
    </div>
  );
}

function InviteCard(props: { token: string; preview: InvitePreview }) {
  const navigate = useNavigate();
  const group = () => props.preview.group;
  const groupHref = () => `/groups/${encodeURIComponent(group().id)}`;
  const here = () => `/invite/${encodeURIComponent(props.token)}`;
  const [joining, setJoining] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let alert: HTMLDivElement | undefined;

  async function join() {
    if (joining()) return;
    setError(null);
    setJoining(true);
    try {
      const accepted = await acceptInvite(props.token);
      navigate(`/groups/${encodeURIComponent(accepted.group.id)}?welcome=1`, { replace: true });
    } catch (failure) {
      setError(isGone(failure) ? t("invite.expiredBody") : isNotFound(failure) ? t("invite.notFoundBody") : failureMessage(failure, "invite.errors"));
      queueMicrotask(() => alert?.focus());
      setJoining(false);
    }
  }

  return (
    <article class="invite-card card" aria-labelledby="invite-title">
      <p class="invite-card__eyebrow">{t("invite.eyebrow")}</p>
      <PageHeading>
        <span id="invite-title">{t("invite.title", { group: group().name })}</span>
      </PageHeading>
      <div class="invite-card__badges">
        <FocusBadge focus={group().focus} />
        <span class="invite-card__members">
          <UsersIcon />
          {t("groups.members", { count: group().memberCount })}
        </span>
      </div>
      <Show when={group().description}>
        <p class="invite-card__description">{group().description}</p>
      </Show>
      <Show when={error()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <div class="invite-card__actions">
        <Switch>
          <Match when={!session.user}>
            <p class="invite-card__hint">{t("invite.signedOutHint")}</p>
            <div class="invite-card__buttons">
              <ButtonLink href={withNext("/signup", here())}>{t("invite.createAccount")}</ButtonLink>
              <ButtonLink href={withNext("/signin", here())} variant="secondary">
                {t("invite.signIn")}
              </ButtonLink>
            </div>
          </Match>
          <Match when={props.preview.alreadyMember}>
            <p class="invite-card__hint">{t("invite.alreadyMember")}</p>
            <div class="invite-card__buttons">
              <ButtonLink href={groupHref()}>{t("invite.goToGroup")}</ButtonLink>
            </div>
          </Match>
          <Match when={session.user}>
            <p class="invite-card__hint">{t("invite.signedInHint", { name: session.user?.displayName ?? "" })}</p>
            <div class="invite-card__buttons">
              <Button loading={joining()} loadingText={t("invite.joining")} onClick={() => void join()}>
                {t("invite.join", { group: group().name })}
              </Button>
            </div>
          </Match>
        </Switch>
      </div>
    </article>
  );
}
