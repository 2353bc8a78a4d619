import { createMemo, createSignal, For, Show } from "solid-js";
import type { UpdateMeBody, User } from "../../../shared/api/users.ts";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { Field, TextField } from "../components/Field.tsx";
import { CloseIcon } from "../components/Icons.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { language, t } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";
import { splitApiError } from "../lib/errors.ts";
import { usePageTitle } from "../lib/page.ts";
import { session, sessionExpired, updateProfile } from "../lib/session.ts";
import {
  ABOUT_MAX_LENGTH,
  DISPLAY_NAME_MAX_LENGTH,
  checkDisplayName,
  LANGUAGE_CODE,
  LANGUAGES_MAX,
  message,
  splitList,
  TOPIC_MAX_LENGTH,
  TOPICS_MAX,
  type Message,
} from "../lib/validation.ts";

const FIELDS = ["displayName", "about", "topics", "languages", "timeZone"] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, Message>>;

const deviceTimeZone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
})();

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return deviceTimeZone ? [deviceTimeZone] : [];
  }
}

/** Time zones grouped by region ("Europe", "America"…) for a long but scannable <select>. */
function timeZoneGroups(extra: (string | null)[]): { region: string; zones: string[] }[] {
  const zones = new Set(allTimeZones());
  for (const zone of extra) if (zone) zones.add(zone);
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "UTC";
    const list = groups.get(region) ?? [];
    list.push(zone);
    groups.set(region, list);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}

const zoneLabel = (zone: string) => zone.replaceAll("_", " ").replaceAll("/", " / ");

export default function Profile() {
  usePageTitle(() => t("profile.title"));
  // The route guard renders this page only with a signed-in user, so there is one when it mounts.
  const initial = session.user as User;
  const email = () => session.user?.email ?? initial.email;

  const [displayName, setDisplayName] = createSignal(initial.displayName);
  const [about, setAbout] = createSignal(initial.about);
  const [topicsText, setTopicsText] = createSignal(initial.topics.join(", "));
  const [languagesText, setLanguagesText] = createSignal(initial.languages.join(", "));
  const [timeZone, setTimeZone] = createSignal(initial.timeZone ?? deviceTimeZone ?? "");
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<Message | null>(null);
  const [saved, setSaved] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  const topics = createMemo(() => splitList(topicsText()));
  const languageCodes = createMemo(() => splitList(languagesText(), (code) => code.toLowerCase()));
  const zoneGroups = timeZoneGroups([initial.timeZone, deviceTimeZone]);

  const languageNames = createMemo(() => {
    try {
      return new Intl.DisplayNames([language()], { type: "language" });
    } catch {
      return null;
    }
  });
  const languageName = (code: string) => {
    if (!LANGUAGE_CODE.test(code)) return code;
    try {
      const name = languageNames()?.of(code);
      return name && name !== code ? name : code;
    } catch {
      return code;
    }
  };

  /** In a chip field Enter ends the current chip (a comma follows, ready for the next) instead of saving the form. */
  const enterAddsChip = (setText: (value: string) => void) => (event: KeyboardEvent & { currentTarget: HTMLInputElement }) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    const value = event.currentTarget.value;
    if (value.trim() && !/,\s*$/.test(value)) setText(`${value.trimEnd()}, `);
  };

  const errorFor = (field: FieldName) => errors()[field]?.();
  const edited = (field: FieldName) => {
    setSaved(false);
    if (errors()[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function validate(): Errors {
    const badCodes = languageCodes().filter((code) => !LANGUAGE_CODE.test(code));
    return {
      displayName: checkDisplayName(displayName()),
      about: about().trim().length > ABOUT_MAX_LENGTH ? message("validation.aboutLong", { max: ABOUT_MAX_LENGTH }) : undefined,
      topics:
        topics().length > TOPICS_MAX
          ? message("validation.topicsTooMany", { max: TOPICS_MAX })
          : topics().some((topic) => topic.length > TOPIC_MAX_LENGTH)
            ? message("validation.topicLong", { max: TOPIC_MAX_LENGTH })
            : undefined,
      languages: badCodes.length
        ? message("validation.languagesInvalid", { codes: badCodes.join(", ") })
        : languageCodes().length > LANGUAGES_MAX
          ? message("validation.languagesTooMany", { max: LANGUAGES_MAX })
          : undefined,
    };
  }

  function focusFirstError(found: Errors) {
    const first = FIELDS.find((field) => found[field]);
    if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setSaved(false);
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (FIELDS.some((field) => found[field])) {
      focusFirstError(found);
      return;
    }
    const patch: UpdateMeBody = {
      displayName: displayName().trim(),
      about: about().trim(),
      topics: topics(),
      languages: languageCodes(),
      timeZone: timeZone() || null,
    };
    setSaving(true);
    try {
      const updated = await updateProfile(patch);
      // Show what the server stored (trimmed, deduplicated).
      setDisplayName(updated.displayName);
      setAbout(updated.about);
      setTopicsText(updated.topics.join(", "));
      setLanguagesText(updated.languages.join(", "));
      setTimeZone(updated.timeZone ?? "");
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      const split = splitApiError(error, FIELDS);
      setErrors(split.fields);
      setFormError(() => split.form);
      if (split.form) alert?.focus();
      else focusFirstError(split.fields);
    } finally {
      setSaving(false);
    }
  }

  const removeTopic = (topic: string) => {
    setTopicsText(
      topics()
        .filter((item) => item !== topic)
        .join(", "),
    );
    edited("topics");
  };
  const removeLanguage = (code: string) => {
    setLanguagesText(
      languageCodes()
        .filter((item) => item !== code)
        .join(", "),
    );
    edited("languages");
  };

  return (
    <div class="container narrow profile">
      <div class="page-intro">
        <PageHeading>{t("profile.title")}</PageHeading>
        <p class="lead">{t("profile.intro")}</p>
      </div>

      <form ref={form} class="form card profile__form" novalidate onSubmit={submit} aria-busy={saving() ? "true" : undefined}>
        <Show when={formError()}>
          {(text) => (
            <Alert tone="error" ref={(el) => (alert = el)}>
              <p>{text()()}</p>
            </Alert>
          )}
        </Show>

        <Field label={t("profile.email")} hint={t("profile.emailHint")}>
          {(control) => <input class="input input--readonly" {...control} type="email" name="email" value={email()} readonly />}
        </Field>

        <TextField
          label={t("profile.displayName")}
          name="displayName"
          autocomplete="name"
          required
          limit={DISPLAY_NAME_MAX_LENGTH}
          value={displayName()}
          onValue={(value) => {
            setDisplayName(value);
            edited("displayName");
          }}
          error={errorFor("displayName")}
        />

        <Field label={t("profile.about")} hint={t("profile.aboutHint")} error={errorFor("about")} count={{ length: about().length, max: ABOUT_MAX_LENGTH }}>
          {(control) => (
            <textarea
              class="input textarea"
              {...control}
              name="about"
              rows={5}
              value={about()}
              onInput={(event) => {
                setAbout(event.currentTarget.value);
                edited("about");
              }}
            />
          )}
        </Field>

        <Field
          label={t("profile.topics")}
          hint={t("profile.topicsHint")}
          error={errorFor("topics")}
          after={
            <Show when={topics().length > 0}>
              <ul class="chips" aria-label={t("profile.topicsListLabel")}>
                <For each={topics()}>
                  {(topic) => (
                    <li class="chip">
                      <span>{topic}</span>
                      <button
                        type="button"
                        class="chip__remove"
                        aria-label={t("profile.removeTopic", { topic })}
                        title={t("profile.removeTopic", { topic })}
                        onClick={() => removeTopic(topic)}
                      >
                        <CloseIcon />
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          }
        >
          {(control) => (
            <input
              class="input"
              {...control}
              name="topics"
              autocomplete="off"
              value={topicsText()}
              onKeyDown={enterAddsChip(setTopicsText)}
              onInput={(event) => {
                setTopicsText(event.currentTarget.value);
                edited("topics");
              }}
            />
          )}
        </Field>

        <Field
          label={t("profile.languages")}
          hint={t("profile.languagesHint")}
          error={errorFor("languages")}
          after={
            <Show when={languageCodes().length > 0}>
              <ul class="chips" aria-label={t("profile.languagesListLabel")}>
                <For each={languageCodes()}>
                  {(code) => (
                    <li class="chip" classList={{ "chip--invalid": !LANGUAGE_CODE.test(code) }}>
                      <span>{languageName(code)}</span>
                      <Show when={languageName(code) !== code}>
                        <span class="chip__code">{code}</span>
                      </Show>
                      <button
                        type="button"
                        class="chip__remove"
                        aria-label={t("profile.removeLanguage", { language: languageName(code) })}
                        title={t("profile.removeLanguage", { language: languageName(code) })}
                        onClick={() => removeLanguage(code)}
                      >
                        <CloseIcon />
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          }
        >
          {(control) => (
            <input
              class="input"
              {...control}
              name="languages"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              value={languagesText()}
              onKeyDown={enterAddsChip(setLanguagesText)}
              onInput={(event) => {
                setLanguagesText(event.currentTarget.value);
                edited("languages");
              }}
            />
          )}
        </Field>

        <Field
          label={t("profile.timeZone")}
          hint={
            !initial.timeZone && deviceTimeZone
              ? `${t("profile.timeZoneHint")} ${t("profile.timeZoneSuggested", { zone: zoneLabel(deviceTimeZone) })}`
              : t("profile.timeZoneHint")
          }
          error={errorFor("timeZone")}
        >
          {(control) => (
            <select
              class="input select"
              {...control}
              name="timeZone"
              value={timeZone()}
              onChange={(event) => {
                setTimeZone(event.currentTarget.value);
                edited("timeZone");
              }}
            >
              <option value="" selected={timeZone() === ""}>
                {t("profile.timeZoneNotSet")}
              </option>
              <For each={zoneGroups}>
                {(group) => (
                  <optgroup label={group.region}>
                    <For each={group.zones}>
                      {(zone) => (
                        <option value={zone} selected={zone === timeZone()}>
                          {zoneLabel(zone)}
                        </option>
                      )}
                    </For>
                  </optgroup>
                )}
              </For>
            </select>
          )}
        </Field>

        <div class="form__footer">
          <Button type="submit" loading={saving()} loadingText={t("profile.saving")}>
            {t("profile.save")}
          </Button>
          <Show when={saved()}>
            <p class="save-status" role="status">
              {t("profile.saved")}
            </p>
          </Show>
        </div>
      </form>
    </div>
  );
}
