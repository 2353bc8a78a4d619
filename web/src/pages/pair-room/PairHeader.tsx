import { createEffect, createSignal, createUniqueId, onCleanup, Show } from "solid-js";
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { Avatar } from "../../components/Avatar.tsx";
import { Button } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { BlockIcon, EndIcon, FlagIcon, MoreIcon } from "./icons.tsx";

/** The colours of a pair's status (styles.css): ended early reads as a warning, completed as done. */
const STATUS_TONE: Record<PairStatus, string> = { active: "success", completed: "accent", ended: "quiet" };

type PairHeaderProps = {
  other: PublicProfile;
  otherRole: "mentor" | "mentee";
  programTitle: string;
  status: PairStatus;
  online: boolean;
  blockedByMe: boolean;
  busy: "end" | "block" | "unblock" | "report" | null;
  onEnd: () => void;
  onBlock: () => void;
  onUnblock: () => void;
  onReport: () => void;
};

/** Who the pair space is with, how the mentorship stands, and the few serious actions. */
export function PairHeader(props: PairHeaderProps) {
  // The actions fold behind one button on every width, so the conversation is the page's first thing.
  const [open, setOpen] = createSignal(false);
  const actionsId = createUniqueId();
  let header!: HTMLElement;
  let toggle!: HTMLButtonElement;
  const act = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  createEffect(() => {
    if (!open()) return;
    const onPointer = (event: PointerEvent) => {
      if (!header.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    });
  });
  // A person who deleted their account is shown as "Deleted member" in the reader's language.
  const otherName = () => (props.other.deleted ? t("accounts.deletedMember") : props.other.displayName);
  return (
    <header class="pair-header" ref={header}>
      <div class="pair-header__who">
        <Avatar name={otherName()} class="pair-avatar" online={props.online} />
        <div class="pair-header__text">
          <PageHeading class="pair-header__name">{otherName()}</PageHeading>
          <Show when={props.other.deleted}>
            <p class="pair-header__deleted" id="pair-deleted-note">
              {t("accounts.deletedMemberNote")}
            </p>
          </Show>
          {/* One run of text, so a narrow screen wraps it like a sentence; the no-break space keeps the
              separator at the end of a line, never at the start of the next. */}
          <p class="pair-header__meta">
            <span>{t(props.otherRole === "mentor" ? "pair.role.mentor" : "pair.role.mentee")}</span>
            {"\u00a0· "}
            <span class="pair-header__program">{props.programTitle}</span>
          </p>
          <p class="pair-header__badges">
            <span class={`badge pair-status tone--${STATUS_TONE[props.status]}`}>
              <span class="visually-hidden">{t("pair.status.label")}: </span>
              {t(`pair.status.${props.status}`)}
            </span>
            <span class="presence" classList={{ "presence--online": props.online }}>
              <span class="presence__dot" aria-hidden="true" />
              {props.online ? t("pair.online") : t("pair.offline")}
            </span>
          </p>
        </div>
      </div>
      {/* Talking is what this page is for: the serious actions wait behind one quiet menu button.
          Nobody is left to report, block or end with: a deleted member's pair is only read. */}
      <Show when={!props.other.deleted}>
        <div class="pair-header__menu">
          <button
            ref={toggle}
            type="button"
            class="button button--ghost pair-header__more"
            aria-expanded={open() ? "true" : "false"}
            aria-controls={actionsId}
            onClick={() => setOpen(!open())}
          >
            <MoreIcon />
            <span class="pair-header__more-label">{t("pair.actions.more")}</span>
          </button>
          <div id={actionsId} class="pair-header__actions" classList={{ "is-open": open() }} role="group" aria-label={t("pair.actions.label")}>
            <Button
              variant="ghost"
              loading={props.busy === "report"}
              aria-label={t("pair.actions.reportPerson", { name: props.other.displayName })}
              onClick={act(() => props.onReport())}
            >
              <FlagIcon />
              {t("pair.actions.report")}
            </Button>
            <Show
              when={props.blockedByMe}
              fallback={
                <Button
                  variant="ghost"
                  class="button--quiet-danger"
                  loading={props.busy === "block"}
                  aria-label={t("pair.actions.blockPerson", { name: props.other.displayName })}
                  onClick={act(() => props.onBlock())}
                >
                  <BlockIcon />
                  {t("pair.actions.block")}
                </Button>
              }
            >
              <Button
                variant="ghost"
                loading={props.busy === "unblock"}
                aria-label={t("pair.actions.unblockPerson", { name: props.other.displayName })}
                onClick={act(() => props.onUnblock())}
              >
                {t("pair.actions.unblock")}
              </Button>
            </Show>
            <Show when={props.status === "active"}>
              <Button variant="ghost" class="button--quiet-danger pair-header__end" loading={props.busy === "end"} onClick={act(() => props.onEnd())}>
                <EndIcon />
                {t("pair.actions.end")}
              </Button>
            </Show>
          </div>
        </div>
      </Show>
    </header>
  );
}
