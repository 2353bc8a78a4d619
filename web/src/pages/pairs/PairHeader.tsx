import { Show } from "solid-js";
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { Button } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { initials } from "./format.ts";
import { BlockIcon, FlagIcon } from "./icons.tsx";

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
  return (
    <header class="pair-header">
      <div class="pair-header__who">
        <span class="pair-avatar" classList={{ "pair-avatar--online": props.online }} aria-hidden="true">
          {initials(props.other.displayName)}
        </span>
        <div class="pair-header__text">
          <PageHeading class="pair-header__name">{props.other.displayName}</PageHeading>
          <p class="pair-header__meta">
            <span>{t(props.otherRole === "mentor" ? "pair.role.mentor" : "pair.role.mentee")}</span>
            <span aria-hidden="true">·</span>
            <span>{props.programTitle}</span>
          </p>
          <p class="pair-header__badges">
            <span class={`badge pair-status pair-status--${props.status}`}>
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
      <div class="pair-header__actions" role="group" aria-label={t("pair.actions.label")}>
        <Show when={props.status === "active"}>
          <Button variant="secondary" loading={props.busy === "end"} onClick={() => props.onEnd()}>
            {t("pair.actions.end")}
          </Button>
        </Show>
        <Button variant="ghost" loading={props.busy === "report"} aria-label={t("pair.actions.reportPerson", { name: props.other.displayName })} onClick={() => props.onReport()}>
          <FlagIcon />
          {t("pair.actions.report")}
        </Button>
        <Show
          when={props.blockedByMe}
          fallback={
            <Button variant="ghost" class="button--quiet-danger" loading={props.busy === "block"} aria-label={t("pair.actions.blockPerson", { name: props.other.displayName })} onClick={() => props.onBlock()}>
              <BlockIcon />
              {t("pair.actions.block")}
            </Button>
          }
        >
          <Button variant="ghost" loading={props.busy === "unblock"} aria-label={t("pair.actions.unblockPerson", { name: props.other.displayName })} onClick={() => props.onUnblock()}>
            {t("pair.actions.unblock")}
          </Button>
        </Show>
      </div>
    </header>
  );
}
