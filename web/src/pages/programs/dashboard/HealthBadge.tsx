import { Match, Switch } from "solid-js";
import { t } from "../../../i18n/index.ts";
import type { HealthState } from "./health.ts";

/**
 * A pair's health as a badge. Colour, a shape and the words all say the same thing, so none of them
 * is needed alone: the icon differs per state and the label is always written out.
 */
export function HealthBadge(props: { state: HealthState }) {
  return (
    <span class={`health-badge health-badge--${props.state} tone--${HEALTH_TONE[props.state]}`}>
      <HealthIcon state={props.state} />
      <span>{t(`dashboard.health.${props.state}`)}</span>
    </span>
  );
}

/** The colours of each state (styles.css): contact blocked and a silent pair both need attention. */
const HEALTH_TONE: Record<HealthState, string> = { active: "success", quiet: "quiet", no_checkin_2_weeks: "danger", blocked: "danger", ended: "ended" };

export function HealthIcon(props: { state: HealthState }) {
  return (
    <svg
      class="health-badge__icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <Switch>
        <Match when={props.state === "active"}>
          <circle cx="8" cy="8" r="6.2" />
          <path d="m5.3 8.2 1.8 1.8 3.6-3.8" />
        </Match>
        <Match when={props.state === "quiet"}>
          {/* A crescent: things have gone quiet. */}
          <path d="M12.8 10.1A5.6 5.6 0 0 1 5.9 3.2a5.6 5.6 0 1 0 6.9 6.9Z" />
        </Match>
        <Match when={props.state === "no_checkin_2_weeks"}>
          <path d="M8 2.2 14.2 13H1.8L8 2.2Z" />
          <path d="M8 6.4v3M8 11.2v.1" />
        </Match>
        <Match when={props.state === "blocked"}>
          {/* A barred circle: contact stopped. */}
          <circle cx="8" cy="8" r="6.2" />
          <path d="m3.7 3.7 8.6 8.6" />
        </Match>
        <Match when={props.state === "ended"}>
          <rect x="2.5" y="2.5" width="11" height="11" rx="2.5" />
          <path d="M5.5 8h5" />
        </Match>
      </Switch>
    </svg>
  );
}
