import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { PageLoading } from "../../components/AppShell.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { UsersIcon } from "../../components/Icons.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { fetchGroup, fetchGroupPrograms, isGroupAdmin, leaveGroup, type GroupDetail } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { session } from "../../lib/session.ts";
import { AboutEditor } from "./AboutEditor.tsx";
import { ExitIcon, FlagIcon, FocusBadge, isNotFound, LoadFailure, PencilIcon, RoleBadge, failureMessage } from "./common.tsx";
import { InviteLinks } from "./InviteLinks.tsx";
import { MemberList } from "./MemberList.tsx";
import { GroupPrograms } from "./GroupPrograms.tsx";
import { GroupMembershipPanel } from "../membership/GroupMembershipPanel.tsx";
import "./groups.css";
import "./welcome.css";

export default function GroupPage() {
  const params = useParams<{ groupId: string }>();
  const [detail, { mutate, refetch }] = createResource(() => params.groupId, fetchGroup);
  usePageTitle(() => (detail.state === "ready" ? detail().group.name : t("groups.page.title")));

  return (
    <div class="container group-page">
      <Switch fallback={<PageLoading />}>
        <Match when={detail.state === "errored" && isNotFound(detail.error)}>
          <div class="narrow-block">
            <PageHeading>{t("groups.page.notFoundTitle")}</PageHeading>
            <p class="lead">{t("groups.page.notFoundBody")}</p>
            <ButtonLink href="/" variant="secondary" class="group-page__home">
              {t("groups.page.backHome")}
            </ButtonLink>
          </div>
        </Match>
        <Match when={detail.state === "errored"}>
          <PageHeading>{t("groups.page.title")}</PageHeading>
          <LoadFailure title={t("groups.page.loadError")} error={detail.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={detail.state === "ready" ? detail() : undefined}>{(loaded) => <GroupView detail={loaded()} onChange={(next) => mutate(next)} />}</Match>
      </Switch>
    </div>
  );
}

function GroupView(props: { detail: GroupDetail; onChange: (detail: GroupDetail) => void }) {
  const navigate = useNavigate();
  const group = () => props.detail.group;
  const admin = () => isGroupAdmin(props.detail.role);
  const [editing, setEditing] = createSignal(false);
  const [leaving, setLeaving] = createSignal(false);
  const [leaveError, setLeaveError] = createSignal<string | null>(null);
  let editButton: HTMLButtonElement | undefined;
  let leaveAlert: HTMLDivElement | undefined;

  // The last owner cannot leave: say so before asking, rather than after a confirmation.
  const soleOwner = () => props.detail.role === "owner" && props.detail.members.filter((member) => member.role === "owner").length <= 1;
  const [search, setSearch] = useSearchParams<{ welcome?: string }>();

  async function leave() {
    setLeaveError(null);
    if (soleOwner()) {
      setLeaveError(t("phone.soleOwner", { group: group().name }));
      queueMicrotask(() => leaveAlert?.focus());
      return;
    }
    const answer = await confirmAction({
      title: t("groups.leave.confirmTitle", { group: group().name }),
      body: <p>{t(admin() ? "groups.leave.confirmBodyAdmin" : "groups.leave.confirmBody")}</p>,
      confirmLabel: t("groups.leave.confirm"),
      danger: true,
    });
    if (!answer) return;
    setLeaving(true);
    try {
      await leaveGroup(group().id);
      navigate("/", { replace: true });
    } catch (error) {
      setLeaveError(failureMessage(error, "groups.leaveErrors"));
      queueMicrotask(() => leaveAlert?.focus());
    } finally {
      setLeaving(false);
    }
  }

  return (
    <>
      <header class="group-hero card">
        <div class="group-hero__badges">
          <FocusBadge focus={group().focus} />
          <RoleBadge role={props.detail.role} label={t("groups.roleLabel")} />
        </div>
        <PageHeading class="group-hero__title">{group().name}</PageHeading>
        <Show
          when={editing()}
          fallback={
            <>
              <Show when={group().description} fallback={<p class="group-hero__description group-muted">{t("groups.page.noDescription")}</p>}>
                <p class="group-hero__description">{group().description}</p>
              </Show>
              <p class="group-hero__meta">
                <UsersIcon />
                {t("groups.members", { count: props.detail.members.length })}
              </p>
              <div class="group-hero__actions">
                <Show when={admin()}>
                  <Button variant="secondary" ref={editButton} onClick={() => setEditing(true)}>
                    <PencilIcon />
                    {t("groups.about.edit")}
                  </Button>
                  <ButtonLink href={`/groups/${encodeURIComponent(group().id)}/reports`} variant="secondary">
                    <FlagIcon />
                    {t("groups.page.reportQueue")}
                  </ButtonLink>
                </Show>
                <Button variant="ghost" class="group-hero__leave" loading={leaving()} loadingText={t("groups.leave.leaving")} onClick={() => void leave()}>
                  <ExitIcon />
                  {t("groups.leave.button")}
                </Button>
              </div>
            </>
          }
        >
          <AboutEditor
            group={group()}
            onSaved={(updated) => {
              props.onChange({ ...props.detail, group: updated });
              setEditing(false);
              queueMicrotask(() => editButton?.focus());
            }}
            onCancel={() => {
              setEditing(false);
              queueMicrotask(() => editButton?.focus());
            }}
          />
        </Show>
        <Show when={leaveError()}>
          {(text) => (
            <Alert tone="error" class="group-hero__alert" ref={(el) => (leaveAlert = el)}>
              <p>{text()}</p>
            </Alert>
          )}
        </Show>
      </header>

      <Show when={search.welcome === "1" && !admin()}>
        <Welcome groupId={group().id} groupName={group().name} onClose={() => setSearch({ welcome: undefined }, { replace: true })} />
      </Show>

      <div class="group-layout">
        <div class="group-layout__main">
          <GroupPrograms groupId={group().id} admin={admin()} />
          <Show when={admin()}>
            <InviteLinks groupId={group().id} groupName={group().name} />
            <GroupMembershipPanel group={group()} onSaved={(updated) => props.onChange({ ...props.detail, group: updated })} />
          </Show>
        </div>
        <div class="group-layout__side">
          <MemberList detail={props.detail} myId={session.user?.id ?? ""} onChange={props.onChange} />
        </div>
      </div>
      <p class="group-page__back">
        <A href="/">{t("groups.page.backHome")}</A>
      </p>
    </>
  );
}

/** What a member sees right after joining: what the group runs now, and how to take part. */
function Welcome(props: { groupId: string; groupName: string; onClose: () => void }) {
  const [programs] = createResource(() => props.groupId, fetchGroupPrograms);
  const open = () => (programs.state === "ready" ? programs().filter((program) => program.status === "open") : []);
  return (
    <section class="group-welcome card" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading" class="group-welcome__title">
        {t("phone.welcome.title", { group: props.groupName })}
      </h2>
      <p>{t("phone.welcome.body")}</p>
      <Switch>
        <Match when={programs.state === "ready" && open().length === 0}>
          <p class="group-muted">{t("phone.welcome.noneOpen")}</p>
        </Match>
        <Match when={open().length > 0}>
          <ul class="group-welcome__programs" role="list">
            <For each={open()}>
              {(program) => {
                const base = `/programs/${encodeURIComponent(program.id)}`;
                return (
                  <li class="group-welcome__program">
                    <h3 class="group-welcome__program-title">
                      <A href={base}>{program.title}</A>
                    </h3>
                    <Show when={program.description}>
                      <p class="group-welcome__description">{program.description}</p>
                    </Show>
                    <div class="group-welcome__actions">
                      <ButtonLink href={`${base}/apply?role=mentor`} variant="secondary">
                        {t("phone.welcome.asMentor")}
                      </ButtonLink>
                      <ButtonLink href={`${base}/apply?role=mentee`}>{t("phone.welcome.asMentee")}</ButtonLink>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        </Match>
      </Switch>
      <Button variant="ghost" class="group-welcome__close" onClick={() => props.onClose()}>
        {t("phone.welcome.close")}
      </Button>
    </section>
  );
}
