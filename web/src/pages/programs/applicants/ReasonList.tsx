import { For, Show } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { t } from "../../../i18n/index.ts";
import type { Reason } from "./api.ts";
import { isConcern, reasonSentence } from "./reasons.ts";

/** Why a mentor was suggested, one translated sentence per reason; reasons against the match are marked. */
export function ReasonList(props: { reasons: Reason[]; availability: Question | undefined }) {
  return (
    <Show when={props.reasons.length > 0} fallback={<p class="reasons__none">{t("matching.noReasons")}</p>}>
      <ul class="reasons" aria-label={t("matching.reasonsLabel")}>
        <For each={props.reasons}>
          {(reason) => (
            <li class="reason" classList={{ "reason--concern": isConcern(reason) }}>
              <Show when={isConcern(reason)}>
                <span class="visually-hidden">{t("matching.concern")}: </span>
              </Show>
              {reasonSentence(reason, props.availability)}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
