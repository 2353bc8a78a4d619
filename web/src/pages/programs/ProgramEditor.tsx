import { A, useBeforeLeave, useParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { Alert } from "../../components/Alert.tsx";
import { PageLoading } from "../../components/AppShell.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { CheckIcon } from "../../components/Icons.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { fetchProgram, isGroupAdmin, updateProgram, type ProgramDetail } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { ArrowLeftIcon, failureMessage, isNotFound, LoadFailure, StatusBadge } from "../groups/common.tsx";
import "../groups/groups.css";
import "./editor/editor.css";
import {
  CADENCE_MAX,
  CAPACITY_LIMIT,
  DESCRIPTION_MAX,
  DURATION_MAX,
  fingerprint,
  itemsWithErrors,
  TITLE_MAX,
  toDraft,
  toPatch,
  validateDraft,
  type Draft,
  type Errors,
} from "./editor/model.ts";
import { ErrorLine, TextControl, type EditorApi } from "./editor/parts.tsx";
import { QuestionsEditor } from "./editor/QuestionsEditor.tsx";
import { StepsEditor } from "./editor/StepsEditor.tsx";

export default function ProgramEditor() {
  const params = useParams<{ programId: string }>();
  const [detail, { refetch }] = createResource(() => params.programId, fetchProgram);
  usePageTitle(() => (detail.state === "ready" ? t("editor.pageTitle", { title: detail().program.title }) : t("editor.title")));
  const programHref = () => `/programs/${encodeURIComponent(params.programId)}`;

  return (
    <div class="container program-editor">
      <Switch fallback={<PageLoading />}>
        <Match when={detail.state === "errored" && isNotFound(detail.error)}>
          <div class="narrow-block">
            <PageHeading>{t("programs.page.notFoundTitle")}</PageHeading>
            <p class="lead">{t("programs.page.notFoundBody")}</p>
            <ButtonLink href="/" variant="secondary" class="group-page__home">
              {t("groups.page.backHome")}
            </ButtonLink>
          </div>
        </Match>
        <Match when={detail.state === "errored"}>
          <PageHeading>{t("editor.title")}</PageHeading>
          <LoadFailure title={t("programs.page.loadError")} error={detail.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={detail.state === "ready" && !isGroupAdmin(detail().myRole)}>
          <div class="narrow-block">
            <PageHeading>{t("editor.title")}</PageHeading>
            <p class="lead">{t("editor.adminsOnly")}</p>
            <ButtonLink href={programHref()} variant="secondary" class="group-page__home">
              {t("editor.backToProgram")}
            </ButtonLink>
          </div>
        </Match>
        <Match when={detail.state === "ready" && detail().program.status === "archived"}>
          <div class="narrow-block">
            <PageHeading>{t("editor.title")}</PageHeading>
            <p class="lead">{t("programs.errors.program_archived")}</p>
            <ButtonLink href={programHref()} variant="secondary" class="group-page__home">
              {t("editor.backToProgram")}
            </ButtonLink>
          </div>
        </Match>
        {/* Keyed: reloading after a conflict starts the editor again from the fresh program. */}
        <Match when={detail.state === "ready" ? detail() : undefined} keyed>
          {(loaded) => <EditorForm detail={loaded} onReload={() => void refetch()} />}
        </Match>
      </Switch>
    </div>
  );
}

const SETTINGS = [
  { field: "mentorCapacityDefault", min: 1, max: CAPACITY_LIMIT },
  { field: "mentorCapacityMax", min: 1, max: CAPACITY_LIMIT },
  { field: "durationWeeks", min: 1, max: DURATION_MAX },
  { field: "checkinCadenceDays", min: 1, max: CADENCE_MAX },
] as const;

/** Paths the form shows next to a control; any other issue from the server goes in the summary. */
const SHOWN_PATHS = [
  /^(title|description|mentorCapacityDefault|mentorCapacityMax|durationWeeks|checkinCadenceDays|steps)$/,
  /^steps\.\d+\.(title|guidance|activities)$/,
  /^steps\.\d+\.activities\.\d+\.label$/,
  /^questions\.(mentor|mentee)$/,
  /^questions\.(mentor|mentee)\.\d+\.(label|help|choices)$/,
  /^questions\.(mentor|mentee)\.\d+\.choices\.\d+\.label$/,
];

type FormProblem = { kind: "invalid"; count: number; unplaced: string[] } | { kind: "conflict" } | { kind: "other"; text: string };

function EditorForm(props: { detail: ProgramDetail; onReload: () => void }) {
  const program = props.detail.program;
  const programHref = `/programs/${encodeURIComponent(program.id)}`;
  const [draft, setDraft] = createStore<Draft>(toDraft(program));
  const [version, setVersion] = createSignal(program.version);
  const [savedPrint, setSavedPrint] = createSignal(fingerprint(unwrap(draft)));
  const dirty = createMemo(() => fingerprint(draft) !== savedPrint());
  const [errors, setErrors] = createSignal<Errors>({});
  const [problem, setProblem] = createSignal<FormProblem | null>(null);
  const [justSaved, setJustSaved] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [expanded, setExpandedIds] = createSignal<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = createSignal("");
  let form!: HTMLFormElement;
  let problemBox: HTMLDivElement | undefined;

  const api: EditorApi = {
    draft,
    setDraft,
    errorAt: (path) => errors()[path]?.(),
    hasErrorsUnder: (prefix) => Object.keys(errors()).some((path) => path === prefix || path.startsWith(`${prefix}.`)),
    clearError: (path) => {
      setJustSaved(false);
      if (errors()[path]) {
        setErrors((current) => {
          const next = { ...current };
          delete next[path];
          return next;
        });
      }
    },
    clearErrorsUnder: (prefix) => {
      setJustSaved(false);
      const current = errors();
      const kept = Object.fromEntries(Object.entries(current).filter(([path]) => !(path === prefix || path.startsWith(`${prefix}.`))));
      if (Object.keys(kept).length !== Object.keys(current).length) setErrors(kept);
    },
    isExpanded: (id) => expanded().has(id),
    setExpanded: (id, open) =>
      setExpandedIds((current) => {
        const next = new Set(current);
        if (open) next.add(id);
        else next.delete(id);
        return next;
      }),
    announce: (text) => {
      // Clearing first makes a repeated message ("Week 2 moved…") announced again.
      setAnnouncement("");
      queueMicrotask(() => setAnnouncement(text));
    },
  };

  // Leaving with unsaved changes: the browser asks on reload or close, the app asks on in-app links.
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  onMount(() => window.addEventListener("beforeunload", beforeUnload));
  onCleanup(() => window.removeEventListener("beforeunload", beforeUnload));
  useBeforeLeave(async (event) => {
    if (!dirty() || event.defaultPrevented) return;
    event.preventDefault();
    const answer = await confirmAction({
      title: t("editor.leave.title"),
      body: <p>{t("editor.leave.body")}</p>,
      confirmLabel: t("editor.leave.confirm"),
      cancelLabel: t("editor.leave.stay"),
      danger: true,
    });
    if (answer) event.retry(true);
  });

  function showErrors(found: Errors, unplaced: string[]) {
    setErrors(found);
    const count = Object.keys(found).length;
    setProblem({ kind: "invalid", count, unplaced });
    // Open every step and question that holds an error, then go to the first one.
    const open = itemsWithErrors(draft, found);
    setExpandedIds((current) => new Set([...current, ...open]));
    queueMicrotask(() => {
      const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (first) first.focus();
      else problemBox?.focus();
    });
  }

  async function save(event?: SubmitEvent) {
    event?.preventDefault();
    if (saving()) return;
    setProblem(null);
    setJustSaved(false);
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0) return showErrors(found, []);
    setErrors({});
    const sent = fingerprint(draft);
    setSaving(true);
    try {
      const updated = await updateProgram(program.id, toPatch(draft, version()));
      setVersion(updated.version);
      const stored = toDraft(updated);
      // Keep anything typed while the request was in flight; otherwise show what the server stored.
      if (fingerprint(draft) === sent) setDraft(reconcile(stored, { key: "id" }));
      setSavedPrint(fingerprint(stored));
      setJustSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === "version_conflict") {
        setProblem({ kind: "conflict" });
      } else if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) {
        const fromServer: Errors = {};
        const unplaced: string[] = [];
        for (const issue of error.issues) {
          if (SHOWN_PATHS.some((pattern) => pattern.test(issue.path))) fromServer[issue.path] ??= () => issue.message;
          else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
        }
        showErrors(fromServer, unplaced);
        return;
      } else {
        setProblem({ kind: "other", text: failureMessage(error, "programs.errors") });
      }
      queueMicrotask(() => problemBox?.focus());
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    const answer = await confirmAction({
      title: t("editor.conflict.reloadTitle"),
      body: <p>{t("editor.conflict.reloadBody")}</p>,
      confirmLabel: t("editor.conflict.reload"),
      danger: true,
    });
    if (!answer) return;
    // The keyed editor is replaced; nothing is left to warn about.
    setSavedPrint(fingerprint(draft));
    props.onReload();
  }

  const setField = (field: "title" | "description") => (value: string) => setDraft(field, value);

  return (
    <>
      <nav class="back-link" aria-label={t("programs.page.breadcrumb")}>
        <A href={programHref}>
          <ArrowLeftIcon />
          {t("editor.backToProgram")}
        </A>
      </nav>
      <div class="page-intro editor-intro">
        <div class="program-hero__badges">
          <StatusBadge status={program.status} />
          <span class="editor-intro__group">{props.detail.group.name}</span>
        </div>
        <PageHeading>{t("editor.title")}</PageHeading>
        <p class="lead">{t("editor.intro")}</p>
      </div>

      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>

      <form ref={form} class="editor-form" novalidate onSubmit={save} aria-busy={saving() ? "true" : undefined}>
        <Switch>
          <Match when={problem()?.kind === "conflict"}>
            <Alert tone="error" title={t("editor.conflict.title")} ref={(el) => (problemBox = el)}>
              <p>{t("editor.conflict.body")}</p>
              <Button variant="secondary" class="button--small" onClick={() => void reload()}>
                {t("editor.conflict.reload")}
              </Button>
            </Alert>
          </Match>
          <Match when={problem()?.kind === "invalid" ? (problem() as Extract<FormProblem, { kind: "invalid" }>) : undefined}>
            {(invalid) => (
              <Alert tone="error" title={t("editor.invalidTitle")} ref={(el) => (problemBox = el)}>
                <p>{t("editor.invalidBody", { count: invalid().count })}</p>
                <Show when={invalid().unplaced.length > 0}>
                  <ul class="problem-list">
                    <For each={invalid().unplaced}>{(line) => <li>{line}</li>}</For>
                  </ul>
                </Show>
              </Alert>
            )}
          </Match>
          <Match when={problem()?.kind === "other" ? (problem() as Extract<FormProblem, { kind: "other" }>) : undefined}>
            {(other) => (
              <Alert tone="error" title={t("editor.saveFailed")} ref={(el) => (problemBox = el)}>
                <p>{other().text}</p>
              </Alert>
            )}
          </Match>
        </Switch>

        <section class="editor-section card" aria-labelledby="basics-heading">
          <h2 id="basics-heading" class="editor-section__title">
            {t("editor.basics.title")}
          </h2>
          <TextControl api={api} path="title" label={t("editor.basics.programTitle")} value={draft.title} maxlength={TITLE_MAX} onValue={setField("title")} />
          <TextControl
            api={api}
            path="description"
            label={t("editor.basics.description")}
            hint={t("editor.basics.descriptionHint")}
            value={draft.description}
            multiline
            rows={4}
            maxlength={DESCRIPTION_MAX}
            onValue={setField("description")}
          />
        </section>

        <section class="editor-section card" aria-labelledby="settings-heading">
          <h2 id="settings-heading" class="editor-section__title">
            {t("editor.settings.title")}
          </h2>
          <div class="settings-grid">
            <For each={SETTINGS}>
              {(setting) => {
                const id = `setting-${setting.field}`;
                const error = () => api.errorAt(setting.field);
                return (
                  <div class="field" classList={{ "field--invalid": !!error() }}>
                    <label class="field__label" for={id}>
                      {t(`editor.settings.${setting.field}`)}
                    </label>
                    <p class="field__hint" id={`${id}-hint`}>
                      {t(`editor.settings.${setting.field}Hint`, { min: setting.min, max: setting.max })}
                    </p>
                    <input
                      class="input input--number"
                      id={id}
                      name={setting.field}
                      data-path={setting.field}
                      type="number"
                      inputmode="numeric"
                      min={setting.min}
                      max={setting.max}
                      step={1}
                      value={draft[setting.field]}
                      aria-invalid={error() ? "true" : undefined}
                      aria-describedby={error() ? `${id}-hint ${id}-error` : `${id}-hint`}
                      onInput={(event) => {
                        setDraft(setting.field, event.currentTarget.value);
                        api.clearError(setting.field);
                      }}
                    />
                    <ErrorLine id={`${id}-error`} text={error()} />
                  </div>
                );
              }}
            </For>
          </div>
        </section>

        <StepsEditor api={api} />

        <section class="editor-section card" aria-labelledby="questions-heading">
          <div class="editor-section__header">
            <h2 id="questions-heading" class="editor-section__title">
              {t("editor.questions.title")}
            </h2>
            <p class="editor-section__intro">{t("editor.questions.intro")}</p>
          </div>
          {/* biome-ignore lint/a11y/useValidAriaRole: `role` is this component's own prop (mentor or mentee), not an ARIA role. */}
          <QuestionsEditor api={api} role="mentor" />
          {/* biome-ignore lint/a11y/useValidAriaRole: `role` is this component's own prop (mentor or mentee), not an ARIA role. */}
          <QuestionsEditor api={api} role="mentee" />
        </section>

        <div class="save-bar" classList={{ "is-dirty": dirty() }}>
          <div class="save-bar__inner">
            <p class="save-bar__status" role="status">
              <Switch>
                <Match when={saving()}>{t("editor.saving")}</Match>
                <Match when={dirty()}>
                  <span class="save-bar__dot" aria-hidden="true" />
                  {t("editor.unsaved")}
                </Match>
                <Match when={justSaved()}>
                  <CheckIcon class="save-bar__check" />
                  {t("editor.saved")}
                </Match>
              </Switch>
            </p>
            <div class="save-bar__actions">
              <A href={programHref} class="save-bar__view">
                {t("editor.viewProgram")}
              </A>
              <Button type="submit" loading={saving()} loadingText={t("editor.saving")}>
                {t("editor.save")}
              </Button>
            </div>
          </div>
        </div>
      </form>
    </>
  );
}
