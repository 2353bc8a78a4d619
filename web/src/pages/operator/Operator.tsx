// The operator's view: reports from every group (only what each report handed over), the escalated
// ones first, and suspending or lifting the suspension of the reported account.
import { useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { OperatorReport } from "../../../../shared/api/membership.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { AccessPanel, PrivacyNote } from "../programs/dashboard/admin.tsx";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { ReportCard, ReportTabs } from "../groups/ReportCard.tsx";
import "../groups/reports.css";
import "../membership/membership.css";

type Tab = "escalated" | "all";
const TABS: readonly Tab[] = ["escalated", "all"];

export default function Operator() {
  usePageTitle(() => t("membership.operator.title"));
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const tab = (): Tab => (params.tab === "all" ? "all" : "escalated");
  const [reports, { refetch, mutate }] = createResource(tab, (which) =>
    api.get<{ reports: OperatorReport[] }>(`/operator/reports${which === "escalated" ? "?escalated=true" : ""}`).then((r) => r.reports),
  );
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const now = useNow();
  let noticeEl: HTMLDivElement | undefined;

  const failure = () => (reports.state === "errored" ? reports.error : undefined);
  const failedWith = (status: number) => failure() instanceof ApiError && (failure() as ApiError).status === status;
  createEffect(() => {
    if (failedWith(401)) sessionExpired();
  });

  async function setSuspended(report: OperatorReport, suspend: boolean) {
    const name = report.reported.displayName;
    const answer = await confirmAction({
      title: t(suspend ? "membership.operator.suspendTitle" : "membership.operator.unsuspendTitle", { name }),
      body: <p>{t(suspend ? "membership.operator.suspendBody" : "membership.operator.unsuspendBody", { name })}</p>,
      confirmLabel: t(suspend ? "membership.operator.suspendConfirm" : "membership.operator.unsuspend"),
      danger: suspend,
      ...(suspend ? { input: { label: t("membership.operator.suspendReason"), required: true, multiline: true } } : {}),
    });
    if (!answer) return;
    setBusy(report.id);
    setNotice(null);
    try {
      const userId = encodeURIComponent(report.reported.id);
      if (suspend) await api.post(`/operator/users/${userId}/suspend`, { reason: answer.value.trim() });
      else await api.post(`/operator/users/${userId}/unsuspend`);
      mutate((list) => list?.map((r) => (r.reported.id === report.reported.id ? { ...r, reported: { ...r.reported, suspended: suspend } } : r)));
      setNotice({ tone: "success", text: t(suspend ? "membership.operator.suspended" : "membership.operator.unsuspended", { name }) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setNotice({ tone: "error", text: `${t("membership.operator.error")} ${errorMessage(error)}` });
    } finally {
      setBusy(null);
      queueMicrotask(() => noticeEl?.focus());
    }
  }

  return (
    <div class="container membership-page operator">
      <div class="page-intro">
        <PageHeading>{t("membership.operator.title")}</PageHeading>
      </div>
      <Show when={!failedWith(404)}>
        <PrivacyNote id="operator-privacy" title={t("membership.operator.title")}>
          <p>{t("membership.operator.intro")}</p>
        </PrivacyNote>
        <ReportTabs
          idPrefix="operator"
          panelId="operator-panel"
          label={t("membership.operator.tabsLabel")}
          tabs={TABS}
          selected={tab()}
          onSelect={(name, focus) => {
            setNotice(null);
            setParams({ tab: name === "escalated" ? undefined : name }, { replace: true });
            if (focus) queueMicrotask(() => document.getElementById(`operator-tab-${name}`)?.focus());
          }}
        >
          {(name) => t(`membership.operator.tabs.${name}`)}
        </ReportTabs>
      </Show>
      <Show when={notice()}>
        {(shown) => (
          <Alert tone={shown().tone} ref={(el) => (noticeEl = el)}>
            <p>{shown().text}</p>
          </Alert>
        )}
      </Show>
      <div id="operator-panel" role="tabpanel" aria-labelledby={`operator-tab-${tab()}`}>
        <Switch
          fallback={
            <div class="membership-skeleton" role="status">
              <span class="visually-hidden">{t("membership.operator.loading")}</span>
              <div class="card skeleton-card" aria-hidden="true">
                <div class="skeleton skeleton--title" />
                <div class="skeleton skeleton--line" />
              </div>
            </div>
          }
        >
          <Match when={failedWith(404)}>
            <AccessPanel
              title={t("membership.operator.notOperatorTitle")}
              body={t("membership.operator.notOperatorBody")}
              href="/"
              link={t("membership.admin.home")}
            />
          </Match>
          <Match when={failure()}>
            <Alert tone="error" title={t("membership.operator.loadError")}>
              <p>{errorMessage(failure())}</p>
              <Button variant="secondary" onClick={() => void refetch()}>
                {t("membership.admin.retry")}
              </Button>
            </Alert>
          </Match>
          <Match when={reports.state === "ready" ? reports() : undefined}>
            {(list) => (
              <Show
                when={list().length > 0}
                fallback={
                  <EmptyState title={t(tab() === "escalated" ? "membership.operator.emptyEscalatedTitle" : "membership.operator.emptyAllTitle")}>
                    <p>{t(tab() === "escalated" ? "membership.operator.emptyEscalatedBody" : "membership.operator.emptyAllBody")}</p>
                  </EmptyState>
                }
              >
                <ul class="report-list" role="list" data-testid="operator-reports">
                  <For each={list()}>
                    {(report) => {
                      const names = { reporter: report.reporter.displayName, reported: report.reported.displayName };
                      return (
                        <ReportCard
                          titleId={`operator-report-${report.id}`}
                          title={t("membership.operator.heading", names)}
                          meta={
                            <>
                              <span>{t("membership.operator.inGroup", { group: report.group.name })}</span>
                              <Show when={report.escalatedAt}>
                                {(at) => (
                                  <span>
                                    {" · "}
                                    <time datetime={isoString(at())} title={formatDateTime(at())}>
                                      {t("membership.operator.escalatedAt", { time: relativeTime(Date.parse(at()), now()) })}
                                    </time>
                                  </span>
                                )}
                              </Show>
                              <Show when={report.reported.suspended}>
                                <span class="report-card__status">{t("membership.operator.suspendedBadge")}</span>
                              </Show>
                            </>
                          }
                          reasonLabel={t("membership.operator.reasonLabel")}
                          reason={report.reason}
                          message={
                            report.message
                              ? { label: t("membership.operator.messageLabel"), body: report.message.body, meta: formatDateTime(report.message.sentAt) }
                              : null
                          }
                          noMessage={t("membership.operator.noMessage")}
                          actions={
                            <Show
                              when={report.reported.suspended}
                              fallback={
                                <Button
                                  variant="secondary"
                                  class="button--danger-ghost"
                                  loading={busy() === report.id}
                                  loadingText={t("membership.operator.suspending")}
                                  disabled={busy() !== null}
                                  onClick={() => void setSuspended(report, true)}
                                >
                                  {t("membership.operator.suspend", { name: report.reported.displayName })}
                                </Button>
                              }
                            >
                              <Button
                                variant="secondary"
                                loading={busy() === report.id}
                                loadingText={t("membership.operator.unsuspending")}
                                disabled={busy() !== null}
                                onClick={() => void setSuspended(report, false)}
                              >
                                {t("membership.operator.unsuspend")}
                              </Button>
                            </Show>
                          }
                        />
                      );
                    }}
                  </For>
                </ul>
              </Show>
            )}
          </Match>
        </Switch>
      </div>
    </div>
  );
}
