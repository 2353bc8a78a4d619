// Why a pair ended (the reason code translated) and whether contact was blocked, for the pair list and
// the program dashboard. Never who blocked whom, never any content.
import { Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { endReasonText } from "../lib/end-reason.ts";
import "./pair-end-note.css";

export function PairEndNote(props: { status: string; endReason: string | null; contactBlocked: boolean }) {
  return (
    <>
      <Show when={props.status === "ended" && endReasonText(props.endReason)}>
        {(text) => (
          <span class="end-reason" data-end-reason={props.endReason ?? ""}>
            {text()}
          </span>
        )}
      </Show>
      <Show when={props.contactBlocked}>
        <span class="contact-blocked" title={t("membership.contactBlockedHint")}>
          {t("membership.contactBlocked")}
        </span>
      </Show>
    </>
  );
}
