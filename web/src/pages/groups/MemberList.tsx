import { createMemo, createSignal, For, Show } from "solid-js";
import { Avatar } from "../../components/Avatar.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { t } from "../../i18n/index.ts";
import { mayChangeRole, mayRemoveMember } from "../../../../shared/rules/roles.ts";
import { changeMemberRole, removeMember, type GroupDetail, type GroupMember, type GroupRole } from "../../lib/groups.ts";
import { removeAndBan } from "../membership/membership-api.ts";
import { ChevronIcon, failureMessage, formatDate, RoleBadge } from "./common.tsx";

const ROLE_RANK: Record<GroupRole, number> = { owner: 0, admin: 1, member: 2 };

type MemberAction = { kind: "role"; role: GroupRole; label: "makeAdmin" | "makeMember" | "makeOwner" | "takeOwner" } | { kind: "remove" } | { kind: "ban" };

/** What I may do to another member: the worker's own rules (shared/rules/roles.ts), as menu items. */
function actionsFor(myRole: GroupRole, theirRole: GroupRole): MemberAction[] {
  const actions: MemberAction[] = [];
  if (theirRole === "member" && mayChangeRole(myRole, theirRole, "admin")) actions.push({ kind: "role", role: "admin", label: "makeAdmin" });
  if (theirRole === "admin" && mayChangeRole(myRole, theirRole, "member")) actions.push({ kind: "role", role: "member", label: "makeMember" });
  if (theirRole !== "owner" && mayChangeRole(myRole, theirRole, "owner")) actions.push({ kind: "role", role: "owner", label: "makeOwner" });
  if (theirRole === "owner" && mayChangeRole(myRole, theirRole, "admin")) actions.push({ kind: "role", role: "admin", label: "takeOwner" });
  if (mayRemoveMember(myRole, theirRole)) actions.push({ kind: "remove" }, { kind: "ban" });
  return actions;
}

export function MemberList(props: { detail: GroupDetail; myId: string; onChange: (detail: GroupDetail) => void }) {
  const [open, setOpen] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [rowError, setRowError] = createSignal<{ userId: string; text: string } | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  let heading!: HTMLHeadingElement;
  let list!: HTMLUListElement;

  const members = createMemo(() =>
    [...props.detail.members].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.user.displayName.localeCompare(b.user.displayName)),
  );

  const focusToggle = (userId: string) =>
    queueMicrotask(() => {
      const toggle = list.querySelector<HTMLButtonElement>(`[data-member-toggle="${CSS.escape(userId)}"]`);
      (toggle ?? heading).focus();
    });

  async function run(member: GroupMember, action: MemberAction) {
    const name = member.user.displayName;
    setRowError(null);
    if (action.kind === "remove") {
      const answer = await confirmAction({
        title: t("groups.membersSection.removeTitle", { name }),
        body: (
          <>
            <p>{t("groups.membersSection.removeBody", { name })}</p>
            <p>{t("membership.remove.body")}</p>
          </>
        ),
        confirmLabel: t("groups.membersSection.removeConfirm"),
        danger: true,
      });
      if (!answer) return;
    } else if (action.kind === "ban") {
      const answer = await confirmAction({
        title: t("membership.remove.banTitle", { name }),
        body: <p>{t("membership.remove.banBody", { name })}</p>,
        confirmLabel: t("membership.remove.banConfirm"),
        danger: true,
      });
      if (!answer) return;
    } else if (action.label === "makeOwner" || action.label === "takeOwner") {
      const answer = await confirmAction({
        title: t(`groups.membersSection.${action.label}Title`, { name }),
        body: <p>{t(`groups.membersSection.${action.label}Body`, { name })}</p>,
        confirmLabel: t(`groups.membersSection.${action.label}`),
      });
      if (!answer) return;
    }
    setBusy(member.user.id);
    try {
      if (action.kind === "remove" || action.kind === "ban") {
        await (action.kind === "ban" ? removeAndBan : removeMember)(props.detail.group.id, member.user.id);
        props.onChange({
          ...props.detail,
          group: { ...props.detail.group, memberCount: props.detail.group.memberCount - 1 },
          members: props.detail.members.filter((m) => m.user.id !== member.user.id),
        });
        setOpen(null);
        setAnnouncement(t(action.kind === "ban" ? "membership.remove.banned" : "groups.membersSection.removed", { name }));
        queueMicrotask(() => heading.focus());
      } else {
        const updated = await changeMemberRole(props.detail.group.id, member.user.id, action.role);
        props.onChange(updated);
        setAnnouncement(t("groups.membersSection.roleChanged", { name, role: t(`groups.role.${action.role}`) }));
        focusToggle(member.user.id);
      }
    } catch (error) {
      setRowError({ userId: member.user.id, text: failureMessage(error, "groups.errors") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="group-section card members" aria-labelledby="members-heading">
      <h2 id="members-heading" class="group-section__title" tabindex="-1" ref={heading}>
        {t("groups.membersSection.title")}
        <span class="count-pill group-section__count">{members().length}</span>
      </h2>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={members().length > 0} fallback={<p class="group-muted">{t("groups.membersSection.empty")}</p>}>
        <ul class="member-list" role="list" ref={list}>
          <For each={members()}>
            {(member) => {
              const isMe = () => member.user.id === props.myId;
              const actions = () => (isMe() ? [] : actionsFor(props.detail.role, member.role));
              const expanded = () => open() === member.user.id;
              const panelId = `member-actions-${member.user.id}`;
              return (
                <li class="member" classList={{ "is-open": expanded() }}>
                  <div class="member__row">
                    <Avatar name={member.user.displayName} class="member__avatar" />
                    <div class="member__text">
                      <p class="member__name">
                        {member.user.displayName}
                        <Show when={isMe()}>
                          <span class="member__you">{t("groups.membersSection.you")}</span>
                        </Show>
                      </p>
                      <p class="member__meta">
                        <RoleBadge role={member.role} label={t("groups.membersSection.roleLabel")} />
                        <span>{t("groups.membersSection.joined", { date: formatDate(member.joinedAt) })}</span>
                      </p>
                    </div>
                    <Show when={actions().length > 0}>
                      <button
                        type="button"
                        class="member__toggle"
                        data-member-toggle={member.user.id}
                        aria-expanded={expanded() ? "true" : "false"}
                        aria-controls={panelId}
                        title={t("groups.membersSection.manage", { name: member.user.displayName })}
                        onClick={() => setOpen(expanded() ? null : member.user.id)}
                      >
                        <span class="visually-hidden">{t("groups.membersSection.manage", { name: member.user.displayName })}</span>
                        <ChevronIcon class="member__chevron" />
                      </button>
                    </Show>
                  </div>
                  <Show when={expanded() && actions().length > 0}>
                    <div class="member__actions" id={panelId}>
                      <For each={actions()}>
                        {(action) => (
                          <Button
                            variant={action.kind === "role" ? "secondary" : "ghost"}
                            class={`button--small ${action.kind === "role" ? "" : "button--danger-ghost"}`}
                            disabled={busy() !== null}
                            onClick={() => void run(member, action)}
                          >
                            {action.kind === "remove"
                              ? t("groups.membersSection.remove")
                              : action.kind === "ban"
                                ? t("membership.remove.ban")
                                : t(`groups.membersSection.${action.label}`)}
                            <span class="visually-hidden"> ({member.user.displayName})</span>
                          </Button>
                        )}
                      </For>
                    </div>
                  </Show>
                  <Show when={rowError()?.userId === member.user.id}>
                    <p class="member__error" role="alert">
                      {rowError()?.text}
                    </p>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
