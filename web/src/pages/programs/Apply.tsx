// /programs/:programId/apply — signing up to a program as a mentor or a mentee, and afterwards seeing,
// editing or withdrawing that application until an admin makes a pair.
import { A, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { ApplicationRole, MyApplication } from "../../../../shared/api/applications.ts";
import type { ProgramDetailResponse, Question } from "../../../../shared/api/programs.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { ApplicationForm } from "./applicants/ApplicationForm.tsx";
import { AnswerList } from "./applicants/AnswerList.tsx";
import { Breadcrumb } from "./applicants/Breadcrumb.tsx";
import { formatDate, pageError } from "./applicants/format.ts";
import "./applicants/shared.css";
import "./applicants/apply.css";

type ApplyData = ProgramDetailResponse & { applications: MyApplication[] };

async function loadApplyData(programId: string): Promise<ApplyData> {
  const id = encodeURIComponent(programId);
  const [detail, mine] = await Promise.all([
    api.get<ProgramDetailResponse>(`/programs/${id}`),
    api.get<{ applications: MyApplication[] }>(`/applications?programId=${id}`),
  ]);
  return { ...detail, applications: mine.applications };
}

const ROLES: ApplicationRole[] = ["mentor", "mentee"];
const isRole = (value: unknown): value is ApplicationRole => value === "mentor" || value === "mentee";

type Notice = { tone: "success" | "info"; text: () => string };

export default function Apply() {
  const params = useParams<{ programId: string }>();
  const [search, setSearch] = useSearchParams<{ role?: string }>();
  const [data, { refetch, mutate }] = createResource(() => params.programId, loadApplyData);
  const [editing, setEditing] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [withdrawing, setWithdrawing] = createSignal(false);
  const [actionError, setActionError] = createSignal<string | null>(null);

  // `latest` keeps showing what was loaded while a refetch runs, instead of falling back to the skeleton.
  const loadedData = () => (data.state === "ready" || data.state === "refreshing" ? data.latest : undefined);
  usePageTitle(() => {
    const loaded = loadedData();
    return loaded ? t("apply.title", { program: loaded.program.title }) : t("apply.titleLoading");
  });

  createEffect(() => {
    if (data.error instanceof ApiError && data.error.status === 401) sessionExpired();
  });

  const active = (application: MyApplication) => application.status !== "withdrawn";

  // The role in the URL wins; otherwise the role I already applied in, when there is only one.
  const role = createMemo<ApplicationRole | null>(() => {
    if (isRole(search.role)) return search.role;
    const loaded = loadedData();
    if (!loaded) return null;
    const mine = loaded.applications.filter(active);
    return mine.length === 1 ? mine[0]!.role : null;
  });
  const chooseRole = (next: ApplicationRole) => {
    setEditing(false);
    setNotice(null);
    setActionError(null);
    setSearch({ role: next }, { replace: true });
  };

  const applicationFor = (which: ApplicationRole) => loadedData()?.applications.find((application) => application.role === which);
  const current = () => {
    const which = role();
    return which ? applicationFor(which) : undefined;
  };
  const questions = (): Question[] => {
    const which = role();
    const loaded = loadedData();
    return which && loaded ? loaded.program.questions[which] : [];
  };

  function replaceApplication(application: MyApplication) {
    const loaded = loadedData();
    if (!loaded) return;
    mutate({ ...loaded, applications: [application, ...loaded.applications.filter((a) => a.id !== application.id)] });
  }

  async function withdraw(application: MyApplication) {
    const answer = await confirmAction({
      title: t("apply.withdrawTitle"),
      body: <p>{t("apply.withdrawBody")}</p>,
      confirmLabel: t("apply.withdrawConfirm"),
      danger: true,
    });
    if (!answer) return;
    setWithdrawing(true);
    setActionError(null);
    try {
      await api.delete(`/applications/${encodeURIComponent(application.id)}`);
      replaceApplication({ ...application, status: "withdrawn" });
      setNotice({ tone: "info", text: () => t("apply.withdrawn") });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setActionError(pageError("apply", error));
      if (error instanceof ApiError && error.code === "already_paired") void refetch();
    } finally {
      setWithdrawing(false);
    }
  }

  return (
    <div class="container narrow apply">
      <Switch fallback={<ApplySkeleton />}>
        <Match when={data.state === "errored"}>
          <PageHeading>{t("apply.titleLoading")}</PageHeading>
          <Show
            when={data.error instanceof ApiError && data.error.status === 404}
            fallback={
              <Alert tone="error" title={t("apply.loadError")}>
                <p>{pageError("apply", data.error)}</p>
                <Button variant="secondary" onClick={() => void refetch()}>
                  {t("apply.retry")}
                </Button>
              </Alert>
            }
          >
            <Alert tone="error" title={t("apply.notFoundTitle")}>
              <p>{t("apply.notFoundBody")}</p>
              <ButtonLink href="/" variant="secondary">
                {t("apply.backHome")}
              </ButtonLink>
            </Alert>
          </Show>
        </Match>
        <Match when={loadedData()}>
          {(loaded) => (
            <>
              <div class="page-intro apply__intro">
                <Breadcrumb group={loaded().group} program={loaded().program} />
                <PageHeading>{t("apply.title", { program: loaded().program.title })}</PageHeading>
                <Show when={loaded().program.description}>
                  <p class="lead apply__description">{loaded().program.description}</p>
                </Show>
              </div>

              <fieldset class="role-picker">
                <legend class="section-title">{t("apply.roleLegend")}</legend>
                <div class="role-picker__options">
                  <For each={ROLES}>
                    {(option) => (
                      <label class="role-option card" classList={{ "is-selected": role() === option }}>
                        <input
                          type="radio"
                          name="role"
                          class="role-option__input"
                          value={option}
                          checked={role() === option}
                          onChange={() => chooseRole(option)}
                        />
                        <span class="role-option__text">
                          <span class="role-option__title">
                            {t(`apply.role.${option}`)}
                            <Show when={applicationFor(option)}>
                              {(mine) => <span class={`status status--${mine().status}`}>{t(`applications.status.${mine().status}`)}</span>}
                            </Show>
                          </span>
                          <span class="role-option__body">{t(`apply.roleExplain.${option}`)}</span>
                        </span>
                      </label>
                    )}
                  </For>
                </div>
              </fieldset>

              <Show when={notice()}>
                {(shown) => (
                  <Alert tone={shown().tone} class="apply__notice">
                    <p>{shown().text()}</p>
                  </Alert>
                )}
              </Show>
              <Show when={actionError()}>
                <Alert tone="error">
                  <p>{actionError()}</p>
                </Alert>
              </Show>

              <Show when={role()} fallback={<p class="apply__pick-hint">{t("apply.pickRole")}</p>}>
                {(which) => (
                  <section class="apply__panel" aria-labelledby="apply-panel-title">
                    <Switch>
                      <Match when={current() && active(current()!) && !editing() && current()}>
                        {(application) => (
                          <div class="card apply__summary">
                            <div class="apply__summary-head">
                              <h2 id="apply-panel-title" class="apply__panel-title">
                                {t(`apply.yourApplication.${which()}`)}
                              </h2>
                              <span class={`status status--${application().status}`}>{t(`applications.status.${application().status}`)}</span>
                            </div>
                            <p class="apply__meta">
                              {t("apply.sentOn", { date: formatDate(application().createdAt) })}
                              <Show when={application().status === "waiting" && application().updatedAt !== application().createdAt}>
                                {" · "}
                                {t("apply.updatedOn", { date: formatDate(application().updatedAt) })}
                              </Show>
                            </p>
                            <Show when={application().status === "paired"}>
                              <Alert tone="info" class="apply__paired-note">
                                <p>{t("apply.pairedNote")}</p>
                                <A href="/">{t("apply.pairedLink")}</A>
                              </Alert>
                            </Show>
                            <AnswerList questions={questions()} answers={application().answers} />
                            <Show when={which() === "mentor" && application().capacity}>
                              {(capacity) => (
                                <dl class="answers">
                                  <div class="answers__item">
                                    <dt>{t("apply.capacityLabel")}</dt>
                                    <dd>{t("apply.capacityValue", { count: capacity() })}</dd>
                                  </div>
                                </dl>
                              )}
                            </Show>
                            <Show when={application().status === "waiting"}>
                              <div class="apply__actions">
                                <Button
                                  variant="secondary"
                                  onClick={() => {
                                    setNotice(null);
                                    setActionError(null);
                                    setEditing(true);
                                  }}
                                >
                                  {t("apply.edit")}
                                </Button>
                                <Button
                                  variant="ghost"
                                  class="apply__withdraw"
                                  loading={withdrawing()}
                                  loadingText={t("apply.withdrawing")}
                                  onClick={() => void withdraw(application())}
                                >
                                  {t("apply.withdraw")}
                                </Button>
                              </div>
                            </Show>
                          </div>
                        )}
                      </Match>
                      <Match when={current() && active(current()!) && editing() && current()}>
                        {(application) => (
                          <ApplicationForm
                            title={t(`apply.editTitle.${which()}`)}
                            titleId="apply-panel-title"
                            program={loaded().program}
                            role={which()}
                            existing={application()}
                            onSaved={(saved) => {
                              replaceApplication({ ...application(), ...saved });
                              setEditing(false);
                              setNotice({ tone: "success", text: () => t("apply.saved") });
                            }}
                            onCancel={() => setEditing(false)}
                            onConflict={(text) => {
                              setEditing(false);
                              setActionError(text);
                              void refetch();
                            }}
                          />
                        )}
                      </Match>
                      <Match when={loaded().program.status !== "open"}>
                        <Alert tone="info" title={t(`apply.notOpen.${loaded().program.status as "draft" | "closed" | "archived"}`)}>
                          <p id="apply-panel-title">{t("apply.notOpenBody")}</p>
                        </Alert>
                      </Match>
                      <Match when={true}>
                        <ApplicationForm
                          title={t(`apply.formTitle.${which()}`)}
                          titleId="apply-panel-title"
                          program={loaded().program}
                          role={which()}
                          existing={current()}
                          onSaved={(saved) => {
                            replaceApplication({
                              ...saved,
                              program: {
                                id: loaded().program.id,
                                title: loaded().program.title,
                                status: loaded().program.status,
                                groupId: loaded().group.id,
                                groupName: loaded().group.name,
                              },
                            });
                            setNotice({ tone: "success", text: () => t(`apply.sent.${which()}`) });
                          }}
                          onConflict={(text) => {
                            setActionError(text);
                            void refetch();
                          }}
                        />
                      </Match>
                    </Switch>
                  </section>
                )}
              </Show>

              <p class="apply__footer-link">
                <A href="/applications">{t("apply.allApplications")}</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ApplySkeleton() {
  return (
    <div role="status" class="apply__skeleton">
      <span class="visually-hidden">{t("apply.loading")}</span>
      <div aria-hidden="true">
        <div class="skeleton skeleton--badge" />
        <div class="skeleton skeleton--title" />
        <div class="skeleton skeleton--line" />
        <div class="role-picker__options">
          <div class="card skeleton-card" />
          <div class="card skeleton-card" />
        </div>
      </div>
    </div>
  );
}
