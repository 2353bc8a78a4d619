import { For, Show } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { Button } from "../../../components/Button.tsx";
import { t } from "../../../i18n/index.ts";
import { AnswerList } from "./AnswerList.tsx";
import type { Pair } from "../../../../../shared/api/pairs.ts";
import { isPairableMentee, type Applicant } from "./api.ts";
import { formatDate, formatList, languageName, zoneLabel } from "./format.ts";

/** The profile facts matching looks at: topics, languages and time zone. */
function ProfileFacts(props: { applicant: Applicant }) {
  const user = () => props.applicant.user;
  return (
    <dl class="facts">
      <Show when={user().topics.length > 0}>
        <div class="facts__row">
          <dt>{t("applicants.topics")}</dt>
          <dd>
            <ul class="tags" role="list">
              <For each={user().topics}>{(topic) => <li class="tag">{topic}</li>}</For>
            </ul>
          </dd>
        </div>
      </Show>
      <div class="facts__row">
        <dt>{t("applicants.languages")}</dt>
        <dd>{user().languages.length ? formatList(user().languages.map(languageName)) : <span class="facts__none">{t("applicants.notGiven")}</span>}</dd>
      </div>
      <div class="facts__row">
        <dt>{t("applicants.timeZone")}</dt>
        <dd>{user().timeZone ? zoneLabel(user().timeZone!) : <span class="facts__none">{t("applicants.notGiven")}</span>}</dd>
      </div>
    </dl>
  );
}

/** Places taken and left, as text and as a small bar (the bar is decoration; the text says it all). */
function CapacityMeter(props: { applicant: Applicant }) {
  const total = () => props.applicant.capacityUsed + props.applicant.capacityLeft;
  return (
    <div class="capacity" classList={{ "capacity--full": props.applicant.capacityLeft === 0 }}>
      <p class="capacity__text">
        {t("applicants.capacityUsed", { count: props.applicant.capacityUsed, total: total() })}
        {" · "}
        <strong>{t("applicants.capacityLeft", { count: props.applicant.capacityLeft })}</strong>
      </p>
      <div class="capacity__bar" aria-hidden="true">
        <span style={{ width: `${total() ? (100 * props.applicant.capacityUsed) / total() : 100}%` }} />
      </div>
    </div>
  );
}

export function ApplicantCard(props: {
  applicant: Applicant;
  questions: Question[];
  picked?: boolean;
  onPick?: (applicant: Applicant) => void;
  /** The mentee's last mentorship in this program that has ended, shown while they have no active one. */
  pastPair?: Pair | undefined;
}) {
  const name = () => props.applicant.user.displayName;
  const isMentee = () => props.applicant.role === "mentee";
  const past = () => (isMentee() && props.applicant.capacityUsed === 0 && props.applicant.status === "paired" ? props.pastPair : undefined);
  return (
    <li class="applicant card" classList={{ "is-picked": !!props.picked, "is-withdrawn": props.applicant.status === "withdrawn" }}>
      <div class="applicant__head">
        <h3 class="applicant__name">{name()}</h3>
        <Show
          when={past()}
          fallback={
            <span class={`status status--${props.applicant.status}`}>
              <span class="visually-hidden">{t("applications.statusLabel")}: </span>
              {t(`applications.status.${props.applicant.status}`)}
            </span>
          }
        >
          {(pair) => (
            <span class={`status status--${pair().status}`}>
              <span class="visually-hidden">{t("applications.statusLabel")}: </span>
              {t(`pairsList.status.${pair().status}`)}
            </span>
          )}
        </Show>
      </div>
      <Show when={past()}>
        {(pair) => (
          <p class="applicant__past">
            {t(pair().status === "completed" ? "phone.pairAgain.completedWith" : "phone.pairAgain.endedWith", {
              name: pair().mentor.displayName,
              date: formatDate(pair().endedAt ?? pair().startedAt),
            })}
          </p>
        )}
      </Show>
      <p class="applicant__date">{t("applicants.appliedOn", { date: formatDate(props.applicant.createdAt) })}</p>
      <Show when={!isMentee() && props.applicant.status !== "withdrawn"}>
        <CapacityMeter applicant={props.applicant} />
      </Show>
      <ProfileFacts applicant={props.applicant} />
      <details class="applicant__answers">
        <summary>{t("applicants.answers")}</summary>
        <AnswerList questions={props.questions} answers={props.applicant.answers} />
      </details>
      <Show when={isMentee() && isPairableMentee(props.applicant) && props.onPick}>
        <Button
          variant={props.picked ? "secondary" : "primary"}
          class="applicant__pick"
          aria-pressed={props.picked ? "true" : "false"}
          aria-label={past() ? t("phone.pairAgain.buttonFor", { name: name() }) : t("applicants.findMentorFor", { name: name() })}
          data-pick={props.applicant.id}
          onClick={() => props.onPick?.(props.applicant)}
        >
          {past() ? t("phone.pairAgain.button") : t("applicants.findMentor")}
        </Button>
      </Show>
    </li>
  );
}
