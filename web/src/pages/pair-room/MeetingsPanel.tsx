import "./rhythm.css";
import { createSignal, createUniqueId, For, Index, Show } from "solid-js";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { MEETING_LIMITS, wallTimeToUtc } from "../../../../shared/rules/meetings.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { Field } from "../../components/Field.tsx";
import { hasMessage, t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { session } from "../../lib/session.ts";
import { pairErrorMessage } from "./pair-api.ts";
import {
  acceptMeeting,
  calendarFeedStatus,
  cancelMeeting,
  declineMeeting,
  meetingIcsUrl,
  proposeMeeting,
  rescheduleMeeting,
  resetCalendarFeed,
  type Meeting,
} from "./rhythm-api.ts";
import { bothTimes, browserTimeZone, meetingLine, myTimeZone, toWallTime } from "../../lib/meeting-times.ts";
import type { Rhythm } from "./rhythm-store.ts";

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];

/** A failure in words: the rhythm's own codes first, then the pair space's, then the app's. */
export function rhythmError(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `rhythm.errors.${error.code}`;
    if (hasMessage(key)) return t(key);
  }
  return pairErrorMessage(error);
}

type PanelProps = { pairId: string; rhythm: Rhythm; readOnly: boolean; meId: string; other: PublicProfile };

/** "Next meeting" under the pair header, in both time zones. */
export function NextMeetingLine(props: { rhythm: Rhythm; other: PublicProfile; active: boolean }) {
  return (
    <Show when={props.active && props.rhythm.next()} keyed>
      {(meeting) => (
        <p class="next-meeting" data-testid="next-meeting">
          <strong>{t("rhythm.nextMeeting")}:</strong> {meetingLine(meeting.startsAt!, props.other.displayName, props.other.timeZone)}
        </p>
      )}
    </Show>
  );
}

/** Meetings: propose one to three times, accept or decline, cancel or move, add to a calendar. */
export function MeetingsPanel(props: PanelProps) {
  const headingId = createUniqueId();
  const [form, setForm] = createSignal<{ mode: "propose" } | { mode: "reschedule"; meeting: Meeting } | null>(null);
  const current = () =>
    props.rhythm.state.meetings.filter((m) => (m.status === "proposed" || m.status === "accepted") && !(m.status === "accepted" && m.endsAt! <= Date.now()));
  const past = () => props.rhythm.state.meetings.filter((m) => !current().includes(m));

  return (
    <section class="rhythm-section meetings" aria-labelledby={headingId}>
      <div class="panel-head">
        <h2 id={headingId} class="panel-title">
          {t("rhythm.meetings.heading")}
        </h2>
        <Show when={!props.readOnly && !form()}>
          <Button variant="secondary" onClick={() => setForm({ mode: "propose" })}>
            {t("rhythm.meetings.propose")}
          </Button>
        </Show>
      </div>
      {/* Keyed: the form gets the value, not an accessor that would go stale as the form closes. */}
      <Show when={form()} keyed>
        {(mode) => (
          <ProposeForm
            pairId={props.pairId}
            other={props.other}
            meeting={mode.mode === "reschedule" ? mode.meeting : null}
            onDone={(meeting) => {
              if (meeting) props.rhythm.upsertMeeting(meeting);
              setForm(null);
            }}
          />
        )}
      </Show>
      <Show
        when={current().length > 0}
        fallback={
          <Show when={!form()}>
            <p class="muted">{t("rhythm.meetings.empty", { name: props.other.displayName })}</p>
          </Show>
        }
      >
        <ul class="meeting-list" role="list">
          <For each={current()}>{(meeting) => <MeetingCard {...props} meeting={meeting} onReschedule={() => setForm({ mode: "reschedule", meeting })} />}</For>
        </ul>
      </Show>
      <Show when={past().length > 0}>
        <details class="meeting-past">
          <summary>{t("rhythm.meetings.past")}</summary>
          <ul class="meeting-list" role="list">
            <For each={past()}>{(meeting) => <MeetingCard {...props} meeting={meeting} readOnly onReschedule={() => undefined} />}</For>
          </ul>
        </details>
      </Show>
      <CalendarFeedCard />
    </section>
  );
}

function MeetingCard(props: PanelProps & { meeting: Meeting; onReschedule: () => void }) {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const m = () => props.meeting;
  const mine = () => m().proposedBy === props.meId;
  const name = () => props.other.displayName;

  async function act(key: string, action: () => Promise<Meeting>) {
    setBusy(key);
    setError(null);
    try {
      props.rhythm.upsertMeeting(await action());
    } catch (failure) {
      setError(rhythmError(failure));
      // The proposal moved on meanwhile: show what it is now.
      if (failure instanceof ApiError && failure.code === "meeting_changed") void props.rhythm.load();
    } finally {
      setBusy(null);
    }
  }

  async function decline() {
    const answer = await confirmAction({
      title: t("rhythm.meetings.declineTitle"),
      confirmLabel: t("rhythm.meetings.declineConfirm"),
      input: { label: t("rhythm.meetings.declineNote", { name: name() }), multiline: true },
    });
    if (answer) await act("decline", () => declineMeeting(props.pairId, m().id, answer.value));
  }

  async function cancel() {
    const answer = await confirmAction({
      title: t("rhythm.meetings.cancelTitle"),
      body: <p>{t("rhythm.meetings.cancelBody", { name: name() })}</p>,
      confirmLabel: t("rhythm.meetings.cancelConfirm"),
      cancelLabel: t("rhythm.meetings.keep"),
      danger: true,
    });
    if (answer) await act("cancel", () => cancelMeeting(props.pairId, m().id));
  }

  return (
    <li class={`meeting meeting--${m().status}`} data-testid="meeting">
      <p class="meeting__head">
        <span class={`badge meeting-status meeting-status--${m().status}`}>{t(`rhythm.meetings.status.${m().status}`)}</span>
        <span class="meeting__duration">{t("rhythm.minutes", { count: m().durationMinutes })}</span>
      </p>
      <Show when={error()}>
        <Alert tone="error">{error()}</Alert>
      </Show>
      <Show
        when={m().status === "proposed"}
        fallback={
          <Show when={m().startsAt} keyed>
            {(at) => (
              <p class="meeting__time" data-testid="meeting-time">
                {meetingLine(at, name(), props.other.timeZone)}
              </p>
            )}
          </Show>
        }
      >
        <p class="meeting__who">{mine() ? t("rhythm.meetings.proposedByMe", { name: name() }) : t("rhythm.meetings.proposedByOther", { name: name() })}</p>
        <ul class="meeting-options" role="list">
          <For each={m().options}>
            {(option) => {
              const line = () => bothTimes(option.startsAt, name(), props.other.timeZone);
              return (
                <li class="meeting-option" data-testid="meeting-option">
                  <span class="meeting-option__time">
                    <span class="meeting-option__date">{line().date}</span> {line().text}
                  </span>
                  <Show when={!mine() && !props.readOnly}>
                    <Button
                      variant="primary"
                      loading={busy() === option.id}
                      aria-label={t("rhythm.meetings.acceptTime", { time: `${line().date}, ${line().text}` })}
                      onClick={() => void act(option.id, () => acceptMeeting(props.pairId, m().id, option.id))}
                    >
                      {t("rhythm.meetings.accept")}
                    </Button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={m().status === "declined" && m().declineNote}>
        <p class="meeting__note">{t("rhythm.meetings.declinedWithNote", { note: m().declineNote! })}</p>
      </Show>
      <Show when={m().place}>
        <p class="meeting__place">{t("rhythm.meetings.where", { place: m().place! })}</p>
      </Show>
      <Show when={m().agenda}>
        <p class="meeting__agenda">
          <span class="meeting__label">{t("rhythm.meetings.agendaLabel")}:</span> {m().agenda}
        </p>
      </Show>
      <div class="meeting__actions">
        <Show when={m().status === "accepted"}>
          <a class="button button--secondary" href={meetingIcsUrl(props.pairId, m().id)} download="meeting.ics">
            {t("rhythm.meetings.ics")}
          </a>
        </Show>
        <Show when={!props.readOnly && (m().status === "proposed" || m().status === "accepted")}>
          <Show when={m().status === "proposed" && !mine()}>
            <Button variant="ghost" loading={busy() === "decline"} onClick={() => void decline()}>
              {t("rhythm.meetings.decline")}
            </Button>
          </Show>
          <Button variant="ghost" onClick={() => props.onReschedule()}>
            {t("rhythm.meetings.reschedule")}
          </Button>
          <Button variant="ghost" class="button--quiet-danger" loading={busy() === "cancel"} onClick={() => void cancel()}>
            {t("rhythm.meetings.cancel")}
          </Button>
        </Show>
      </div>
    </li>
  );
}

/** Propose times (or new times for a meeting), read in my profile's time zone. */
function ProposeForm(props: { pairId: string; other: PublicProfile; meeting: Meeting | null; onDone: (meeting: Meeting | null) => void }) {
  const headingId = createUniqueId();
  const needsZone = !session.user?.timeZone;
  const [zone, setZone] = createSignal(needsZone ? browserTimeZone() : myTimeZone());
  const soon = Math.ceil((Date.now() + 24 * 3_600_000) / 1_800_000) * 1_800_000;
  const [times, setTimes] = createSignal<string[]>([toWallTime(soon, zone())]);
  const [duration, setDuration] = createSignal(props.meeting?.durationMinutes ?? 45);
  const [place, setPlace] = createSignal("");
  const [agenda, setAgenda] = createSignal("");
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const clientId = crypto.randomUUID();

  function check(): { startsAt: string }[] | null {
    const found: Record<string, string> = {};
    const instants = times().map((wall) => wallTimeToUtc(wall, zone()));
    instants.forEach((at, i) => {
      if (at === null) found[`options.${i}.startsAt`] = t("rhythm.meetings.timeRequired");
      else if (at <= Date.now()) found[`options.${i}.startsAt`] = t("rhythm.meetings.timePast");
      else if (instants.indexOf(at) !== i) found[`options.${i}.startsAt`] = t("rhythm.meetings.timeTwice");
    });
    setErrors(found);
    return Object.keys(found).length ? null : instants.map((at) => ({ startsAt: new Date(at!).toISOString() }));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(null);
    const options = check();
    if (!options) return;
    setSaving(true);
    try {
      const timeZone = needsZone ? { timeZone: zone() } : {};
      const meeting = props.meeting
        ? await rescheduleMeeting(props.pairId, props.meeting.id, { options, durationMinutes: duration(), ...timeZone })
        : await proposeMeeting(props.pairId, {
            clientId,
            options,
            durationMinutes: duration(),
            place: place().trim() || null,
            agenda: agenda().trim(),
            ...timeZone,
          });
      props.onDone(meeting);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])));
      setFailure(rhythmError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="propose-form card" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} class="propose-form__title">
        {props.meeting ? t("rhythm.meetings.rescheduleHeading") : t("rhythm.meetings.proposeHeading")}
      </h3>
      <Show when={failure()}>
        <Alert tone="error">{failure()}</Alert>
      </Show>
      <Show when={needsZone}>
        <Field label={t("rhythm.meetings.timeZone")} hint={t("rhythm.meetings.timeZoneHint", { name: props.other.displayName })} error={errors().timeZone}>
          {(control) => (
            <select class="input" {...control} value={zone()} onChange={(e) => setZone(e.currentTarget.value)}>
              <For each={Intl.supportedValuesOf("timeZone")}>
                {(tz) => (
                  <option value={tz} selected={tz === zone()}>
                    {tz}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </Show>
      <p class="muted propose-form__hint">{t("rhythm.meetings.timesHint", { zone: zone() })}</p>
      <Index each={times()}>
        {(value, i) => (
          <div class="propose-form__option">
            <Field label={t("rhythm.meetings.option", { n: i + 1 })} error={errors()[`options.${i}.startsAt`]}>
              {(control) => (
                <input
                  class="input"
                  type="datetime-local"
                  {...control}
                  value={value()}
                  onInput={(e) => setTimes((list) => list.map((v, j) => (j === i ? e.currentTarget.value : v)))}
                />
              )}
            </Field>
            <Show when={times().length > 1}>
              <Button
                variant="ghost"
                aria-label={t("rhythm.meetings.removeOption", { n: i + 1 })}
                onClick={() => setTimes((list) => list.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            </Show>
          </div>
        )}
      </Index>
      <Show when={times().length < MEETING_LIMITS.maxOptions}>
        <Button variant="ghost" onClick={() => setTimes((list) => [...list, list.at(-1) ?? toWallTime(soon, zone())])}>
          {t("rhythm.meetings.addOption")}
        </Button>
      </Show>
      <Field label={t("rhythm.meetings.duration")} error={errors().durationMinutes}>
        {(control) => (
          <select class="input" {...control} value={duration()} onChange={(e) => setDuration(Number(e.currentTarget.value))}>
            <For each={DURATIONS}>
              {(minutes) => (
                <option value={minutes} selected={minutes === duration()}>
                  {t("rhythm.minutes", { count: minutes })}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Show when={!props.meeting}>
        <Field label={t("rhythm.meetings.place")} error={errors().place}>
          {(control) => (
            <input class="input" {...control} maxLength={MEETING_LIMITS.placeMaxChars} value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t("rhythm.meetings.agenda")} error={errors().agenda}>
          {(control) => (
            <textarea
              class="input"
              rows={2}
              {...control}
              maxLength={MEETING_LIMITS.agendaMaxChars}
              value={agenda()}
              onInput={(e) => setAgenda(e.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <div class="propose-form__actions">
        <Button type="submit" loading={saving()} loadingText={t("rhythm.meetings.sending")}>
          {t("rhythm.meetings.send")}
        </Button>
        <Button variant="ghost" onClick={() => props.onDone(null)}>
          {t("rhythm.meetings.close")}
        </Button>
      </div>
    </form>
  );
}

/** The private calendar feed: made or reset here, its URL shown once. */
function CalendarFeedCard() {
  const headingId = createUniqueId();
  const [status, setStatus] = createSignal<{ exists: boolean; createdAt: string | null } | null>(null);
  const [url, setUrl] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  void calendarFeedStatus().then(setStatus, () => setStatus({ exists: false, createdAt: null }));

  async function make() {
    if (status()?.exists) {
      const answer = await confirmAction({
        title: t("rhythm.calendar.resetTitle"),
        body: <p>{t("rhythm.calendar.resetBody")}</p>,
        confirmLabel: t("rhythm.calendar.resetConfirm"),
        danger: true,
      });
      if (!answer) return;
    }
    setBusy(true);
    setError(null);
    try {
      const feed = await resetCalendarFeed();
      setUrl(feed.url);
      setStatus({ exists: true, createdAt: feed.createdAt });
    } catch (failure) {
      setError(`${t("rhythm.calendar.failed")} ${rhythmError(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url()!);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section class="calendar-feed" aria-labelledby={headingId}>
      <h3 id={headingId} class="calendar-feed__title">
        {t("rhythm.calendar.heading")}
      </h3>
      <p class="muted">{t("rhythm.calendar.body")}</p>
      <Show when={error()}>
        <Alert tone="error">{error()}</Alert>
      </Show>
      <Show when={url()} keyed>
        {(link) => (
          <Field label={t("rhythm.calendar.url")} hint={t("rhythm.calendar.urlHint")}>
            {(control) => (
              <div class="calendar-feed__url">
                <input class="input" {...control} readOnly value={link} data-testid="calendar-url" onFocus={(e) => e.currentTarget.select()} />
                <Button variant="secondary" onClick={() => void copy()}>
                  {copied() ? t("rhythm.calendar.copied") : t("rhythm.calendar.copy")}
                </Button>
              </div>
            )}
          </Field>
        )}
      </Show>
      <Show when={!url() && status()?.exists && status()?.createdAt} keyed>
        {(createdAt) => <p class="muted">{t("rhythm.calendar.exists", { date: new Date(createdAt).toLocaleDateString() })}</p>}
      </Show>
      <Show when={status()}>
        <Button variant="secondary" loading={busy()} onClick={() => void make()}>
          {status()!.exists ? t("rhythm.calendar.reset") : t("rhythm.calendar.create")}
        </Button>
      </Show>
    </section>
  );
}
