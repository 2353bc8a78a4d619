import { A, useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { PlusIcon } from "../../components/Icons.tsx";
import { t } from "../../i18n/index.ts";
import { createProgram, fetchGroupPrograms, fetchTemplates, type ProgramSummary, type ProgramTemplate } from "../../lib/groups.ts";
import { accountLocale } from "../../lib/language.ts";
import { CalendarIcon, EmptyList, failureMessage, LoadFailure, StatusBadge, StepsIcon } from "./common.tsx";

export function GroupPrograms(props: { groupId: string; admin: boolean }) {
  const [programs, { refetch }] = createResource(() => props.groupId, fetchGroupPrograms);
  const [picking, setPicking] = createSignal(false);
  let newButton: HTMLButtonElement | undefined;

  const closePicker = () => {
    setPicking(false);
    queueMicrotask(() => newButton?.focus());
  };

  return (
    <section class="group-section card" aria-labelledby="programs-heading" aria-busy={programs.loading ? "true" : undefined}>
      <div class="group-section__header">
        <h2 id="programs-heading" class="group-section__title">
          {t("programs.list.title")}
        </h2>
        <Show when={props.admin && !picking()}>
          <Button ref={newButton} class="button--small" onClick={() => setPicking(true)}>
            <PlusIcon />
            {t("programs.list.new")}
          </Button>
        </Show>
      </div>

      <Show when={picking()}>
        <TemplatePicker groupId={props.groupId} onCancel={closePicker} />
      </Show>

      <Switch fallback={<ListSkeleton label={t("programs.list.loading")} />}>
        <Match when={programs.state === "errored"}>
          <LoadFailure title={t("programs.list.loadError")} error={programs.error} onRetry={() => void refetch()} />
        </Match>
        {/* While the template picker is open, "No programs yet" under it would contradict it. */}
        <Match when={picking() && programs.state === "ready" && programs().length === 0}>{null}</Match>
        <Match when={programs.state === "ready" && programs().length === 0}>
          <Show
            when={props.admin}
            fallback={
              <EmptyList title={t("programs.list.emptyTitle")}>
                <p>{t("programs.list.emptyMember")}</p>
              </EmptyList>
            }
          >
            <EmptyList
              title={t("programs.list.emptyTitle")}
              actions={
                <Show when={!picking()}>
                  <Button variant="secondary" onClick={() => setPicking(true)}>
                    <PlusIcon />
                    {t("programs.list.startFirst")}
                  </Button>
                </Show>
              }
            >
              <p>{t("programs.list.emptyAdmin")}</p>
            </EmptyList>
          </Show>
        </Match>
        <Match when={programs.state === "ready" ? programs() : undefined}>
          {(list) => (
            <ul class="program-list" role="list">
              <For each={list()}>{(program) => <ProgramCard program={program} />}</For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function ProgramCard(props: { program: ProgramSummary }) {
  return (
    <li class="program-card link-card">
      <div class="program-card__top">
        <StatusBadge status={props.program.status} />
      </div>
      <h3 class="program-card__title">
        <A href={`/programs/${encodeURIComponent(props.program.id)}`} class="link-card__link">
          {props.program.title}
        </A>
      </h3>
      <Show when={props.program.description}>
        <p class="link-card__description">{props.program.description}</p>
      </Show>
      <p class="program-card__meta">
        <span>
          <CalendarIcon />
          {t("programs.weeks", { count: props.program.durationWeeks })}
        </span>
        <span>
          <StepsIcon />
          {t("programs.steps", { count: props.program.stepCount })}
        </span>
      </p>
    </li>
  );
}

export function ListSkeleton(props: { label: string }) {
  return (
    <div class="list-skeleton" role="status">
      <span class="visually-hidden">{props.label}</span>
      <For each={[0, 1]}>
        {() => (
          <div class="list-skeleton__item" aria-hidden="true">
            <div class="skeleton skeleton--badge" />
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--line skeleton--short" />
          </div>
        )}
      </For>
    </div>
  );
}

/** Admins start a program from a template; it is created as a draft and opened in the editor. */
function TemplatePicker(props: { groupId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const locale = () => accountLocale() ?? "en";
  const [templates, { refetch }] = createResource(locale, fetchTemplates);
  const [creating, setCreating] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let heading!: HTMLHeadingElement;
  let alert: HTMLDivElement | undefined;

  onMount(() => heading.focus());

  async function choose(template: ProgramTemplate) {
    if (creating()) return;
    setError(null);
    setCreating(template.id);
    try {
      const program = await createProgram(props.groupId, template.id, locale());
      navigate(`/programs/${encodeURIComponent(program.id)}/edit`);
    } catch (failure) {
      setError(failureMessage(failure, "programs.errors"));
      queueMicrotask(() => alert?.focus());
      setCreating(null);
    }
  }

  return (
    <div class="template-picker" id="template-picker" role="region" aria-labelledby="template-picker-heading">
      <div class="template-picker__header">
        <div>
          <h3 id="template-picker-heading" class="template-picker__title" tabindex="-1" ref={heading}>
            {t("programs.templates.title")}
          </h3>
          <p class="template-picker__intro">{t("programs.templates.intro")}</p>
        </div>
        <Button variant="ghost" class="button--small" onClick={() => props.onCancel()} disabled={creating() !== null}>
          {t("programs.templates.cancel")}
        </Button>
      </div>
      <Show when={error()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <Switch fallback={<ListSkeleton label={t("programs.templates.loading")} />}>
        <Match when={templates.state === "errored"}>
          <LoadFailure title={t("programs.templates.loadError")} error={templates.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={templates.state === "ready" && templates().length === 0}>
          <EmptyList title={t("programs.templates.emptyTitle")} level={4}>
            <p>{t("programs.templates.emptyBody")}</p>
          </EmptyList>
        </Match>
        <Match when={templates.state === "ready" ? templates() : undefined}>
          {(list) => (
            <ul class="template-list" role="list">
              <For each={list()}>
                {(template) => (
                  <li class="template-card">
                    <h4 class="template-card__name">{template.name}</h4>
                    <p class="template-card__summary">{template.summary}</p>
                    <p class="template-card__meta">
                      <CalendarIcon />
                      {t("programs.weeks", { count: template.durationWeeks })}
                    </p>
                    <Button
                      variant="secondary"
                      class="button--small template-card__use"
                      loading={creating() === template.id}
                      loadingText={t("programs.templates.creating")}
                      disabled={creating() !== null}
                      onClick={() => void choose(template)}
                    >
                      {t("programs.templates.use")}
                      <span class="visually-hidden">: {template.name}</span>
                    </Button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}
