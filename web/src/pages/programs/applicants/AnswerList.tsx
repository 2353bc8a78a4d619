import { For, Show } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { t } from "../../../i18n/index.ts";
import { answerText } from "./reasons.ts";

/** An application's answers as a description list, question by question, in the program's order. */
export function AnswerList(props: { questions: Question[]; answers: Record<string, string | string[]>; class?: string }) {
  return (
    <dl class={`answers ${props.class ?? ""}`}>
      <For each={props.questions}>
        {(question) => {
          const text = () => answerText(question, props.answers[question.id]);
          return (
            <div class="answers__item">
              <dt>{question.label}</dt>
              <dd>
                <Show when={text()} fallback={<span class="answers__none">{t("apply.noAnswer")}</span>}>
                  {text()}
                </Show>
              </dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}
