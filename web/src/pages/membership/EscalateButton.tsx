// On a report in the group's queue: hand it on to the operator (asked first), or say that it was.
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { t } from "../../i18n/index.ts";
import { actionError } from "./AdminFrame.tsx";
import { escalateReport } from "./membership-api.ts";

export function EscalateButton(props: { reportId: string; escalated: boolean }) {
  const [state, setState] = createSignal<"idle" | "busy" | "done">(props.escalated ? "done" : "idle");
  const [error, setError] = createSignal<string | null>(null);

  async function escalate() {
    const answer = await confirmAction({
      title: t("membership.escalate.title"),
      body: <p>{t("membership.escalate.body")}</p>,
      confirmLabel: t("membership.escalate.confirm"),
    });
    if (!answer) return;
    setState("busy");
    setError(null);
    try {
      await escalateReport(props.reportId);
      setState("done");
    } catch (failure) {
      setState("idle");
      setError(actionError(failure, "membership.escalate.errors", "membership.escalate.error"));
    }
  }

  return (
    <>
      <Show
        when={state() === "done"}
        fallback={
          <Button variant="ghost" loading={state() === "busy"} loadingText={t("membership.escalate.escalating")} onClick={() => void escalate()}>
            {t("membership.escalate.button")}
          </Button>
        }
      >
        <span class="report-card__status" role="status">
          {t("membership.escalate.already")}
        </span>
      </Show>
      <Show when={error()}>
        <p class="member__error" role="alert">
          {error()}
        </p>
      </Show>
    </>
  );
}
