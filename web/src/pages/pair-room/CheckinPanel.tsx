import { createSignal, createUniqueId, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field } from "../../components/Field.tsx";
import { t, type MessageKey } from "../../i18n/index.ts";
import { formatDateTime, formatShortDate } from "./format.ts";
import { CHECKIN_NOTE_MAX as NOTE_MAX } from "../../../../shared/rules/limits.ts";
import { createCheckin, pairErrorMessage, type Checkin } from "./pair-api.ts";

const DAY_MS = 86_400_000;

const MOODS: { value: number; key: MessageKey }[] = [
  { value: 1, key: "pair.checkin.mood.struggling" },
  { value: 2, key: "pair.checkin.mood.notGreat" },
  { value: 3, key: "pair.checkin.mood.okay" },
  { value: 4, key: "pair.checkin.mood.good" },
  { value: 5, key: "pair.checkin.mood.great" },
];

const moodLabel = (mood: number) => t(MOODS.find((m) => m.value === mood)?.key ?? "pair.checkin.mood.okay");

type CheckinPanelProps = {
  pairId: string;
  checkins: Checkin[];
  startedAt: number;
  cadenceDays: number;
  readOnly: boolean;
  meId: string;
  otherName: string;
  onCheckin: (checkin: Checkin) => void;
};

/** The weekly check-in: how it is going (1 to 5) and a short note, and the recent ones of both people. */
export function CheckinPanel(props: CheckinPanelProps) {
  const headingId = createUniqueId();
  const noteHintId = createUniqueId();
  const [mood, setMood] = createSignal<number | null>(null);
  const [note, setNote] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [moodError, setMoodError] = createSignal(false);
  let clientId = crypto.randomUUID();

  /** The start of the current check-in period, counted in cadences from the pair's start. */
  const periodStart = () => {
    const cadence = Math.max(1, props.cadenceDays) * DAY_MS;
    return props.startedAt + Math.max(0, Math.floor((Date.now() - props.startedAt) / cadence)) * cadence;
  };
  const checkedInThisWeek = () => props.checkins.some((checkin) => checkin.authorId === props.meId && checkin.createdAt >= periodStart());

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const chosen = mood();
    if (chosen === null) {
      setMoodError(true);
      return;
    }
    if (note().trim().length > NOTE_MAX) return;
    setSaving(true);
    try {
      const checkin = await createCheckin(props.pairId, { clientId, mood: chosen, note: note().trim() });
      clientId = crypto.randomUUID();
      setMood(null);
      setNote("");
      props.onCheckin(checkin);
    } catch (failure) {
      setError(pairErrorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="checkin" aria-labelledby={headingId}>
      <div class="panel-head">
        <h2 id={headingId} class="panel-title">
          {t("pair.checkin.heading")}
        </h2>
      </div>
      <Show when={!props.readOnly}>
        <Show when={checkedInThisWeek()} fallback={<p class="checkin__prompt">{t("pair.checkin.prompt")}</p>}>
          <p class="checkin__thanks">{t("pair.checkin.thanks")}</p>
        </Show>
        <form class="checkin-form" onSubmit={submit} noValidate>
          <Show when={error()}>
            <Alert tone="error" title={t("pair.checkin.failed")}>
              <p>{error()}</p>
            </Alert>
          </Show>
          <fieldset class="mood" aria-describedby={moodError() ? `${headingId}-mood-error` : undefined}>
            <legend class="mood__legend">{t("pair.checkin.question")}</legend>
            <div class="mood__options">
              <For each={MOODS}>
                {(option) => (
                  <label class="mood__option" classList={{ "is-checked": mood() === option.value }}>
                    <input
                      type="radio"
                      name={`${headingId}-mood`}
                      class="mood__input"
                      value={option.value}
                      checked={mood() === option.value}
                      onChange={() => {
                        setMood(option.value);
                        setMoodError(false);
                      }}
                    />
                    <span class="mood__value" aria-hidden="true">
                      {option.value}
                    </span>
                    <span class="mood__label">{t(option.key)}</span>
                  </label>
                )}
              </For>
            </div>
            <Show when={moodError()}>
              <p id={`${headingId}-mood-error`} class="field__error">
                {t("pair.checkin.moodRequired")}
              </p>
            </Show>
          </fieldset>
          <Field
            label={t("pair.checkin.note")}
            hint={t("pair.checkin.noteHint")}
            error={note().length > NOTE_MAX ? t("pair.checkin.noteLong", { max: NOTE_MAX }) : null}
          >
            {(control) => (
              <textarea class="input checkin-form__note" {...control} rows={2} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
            )}
          </Field>
          <div class="checkin-form__actions">
            <Button type="submit" loading={saving()} loadingText={t("pair.checkin.submitting")}>
              {t("pair.checkin.submit")}
            </Button>
          </div>
        </form>
      </Show>
      <h3 class="checkin__recent" id={noteHintId}>
        {t("pair.checkin.recent")}
      </h3>
      <Show when={props.checkins.length > 0} fallback={<p class="muted">{t("pair.checkin.empty")}</p>}>
        <ul class="checkin-list" role="list" aria-labelledby={noteHintId}>
          <For each={props.checkins.slice(0, 10)}>
            {(checkin) => (
              <li class="checkin-item">
                <span class={`mood-dot mood-dot--${checkin.mood}`} aria-hidden="true">
                  {checkin.mood}
                </span>
                <div class="checkin-item__main">
                  <p class="checkin-item__head">
                    <span class="checkin-item__who">{checkin.authorId === props.meId ? t("pair.checkin.you") : props.otherName}</span>
                    <span class="checkin-item__mood">{t("pair.checkin.moodValue", { mood: moodLabel(checkin.mood), value: checkin.mood })}</span>
                    <time class="checkin-item__date" datetime={new Date(checkin.createdAt).toISOString()} title={formatDateTime(checkin.createdAt)}>
                      {formatShortDate(checkin.createdAt)}
                    </time>
                  </p>
                  <Show when={checkin.note}>
                    <p class="checkin-item__note">{checkin.note}</p>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
