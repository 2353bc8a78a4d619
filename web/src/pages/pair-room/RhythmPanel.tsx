import "./rhythm.css";
import { Match, Switch } from "solid-js";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { t } from "../../i18n/index.ts";
import { FeedbackDialog } from "./FeedbackDialog.tsx";
import { GoalPanel } from "./GoalPanel.tsx";
import { MeetingsPanel, rhythmError } from "./MeetingsPanel.tsx";
import type { Rhythm } from "./rhythm-store.ts";

/** The "Meetings & goal" tab: feedback when asked, the goal, then meetings and the calendar feed. */
export function RhythmPanel(props: { pairId: string; rhythm: Rhythm; readOnly: boolean; meId: string; other: PublicProfile; currentStepId: string | null }) {
  return (
    <div class="rhythm">
      <Switch>
        <Match when={props.rhythm.state.status === "loading"}>
          <p class="muted" role="status">
            {t("rhythm.loading")}
          </p>
        </Match>
        <Match when={props.rhythm.state.status === "error"}>
          <Alert tone="error" title={t("rhythm.loadError")}>
            <p>{rhythmError(props.rhythm.state.error)}</p>
            <Button variant="secondary" onClick={() => void props.rhythm.load()}>
              {t("rhythm.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={props.rhythm.state.status === "ready"}>
          <FeedbackDialog pairId={props.pairId} rhythm={props.rhythm} other={props.other} />
          <GoalPanel {...props} />
          <MeetingsPanel {...props} />
        </Match>
      </Switch>
    </div>
  );
}
