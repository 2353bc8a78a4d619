import { Show } from "solid-js";
import { t } from "../i18n/index.ts";

/** From this share of a field's limit on, the field says how many characters are left. */
const COUNT_FROM_SHARE = 0.8;

/**
 * How close a length-limited field is to its limit, shown from 80 % of it: "12 characters left", then
 * "3 characters too many". Fields never cut text at the limit (no `maxlength`): what was typed or pasted
 * stays, and the form refuses it with this count in view. A polite live region, present from the start,
 * so screen readers hear the count once it appears.
 */
export function LengthCount(props: { length: number; max: number; id?: string }) {
  const left = () => props.max - props.length;
  return (
    <p id={props.id} class="length-count" classList={{ "length-count--over": left() < 0 }} aria-live="polite">
      <Show when={props.length >= props.max * COUNT_FROM_SHARE}>
        {left() >= 0 ? t("length.left", { count: left(), max: props.max }) : t("length.over", { count: -left(), max: props.max })}
      </Show>
    </p>
  );
}
