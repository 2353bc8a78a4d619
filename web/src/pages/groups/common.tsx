// Pieces shared by the group, program and invite pages: badges, icons, dates and error messages.
import { createUniqueId, Show, type JSX } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { hasMessage, language, t, type MessageKey } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import type { GroupFocus, GroupRole, ProgramStatus } from "../../lib/groups.ts";
import { sessionExpired } from "../../lib/session.ts";
import { Svg, type IconProps } from "../../components/Icons.tsx";

/**
 * A translated sentence for a failed request: this page's own message for the error code when it has
 * one (`<namespace>.<code>`), else the app-wide one. A 401 also tells the session, so the route guard
 * sends the person to sign in and back.
 */
export function failureMessage(error: unknown, namespace?: string): string {
  if (error instanceof ApiError) {
    if (error.status === 401) sessionExpired();
    const key = namespace ? `${namespace}.${error.code}` : "";
    if (key && hasMessage(key)) return t(key as MessageKey);
  }
  return errorMessage(error);
}

/** A page or section that could not load: what happened and a way to try again. */
export function LoadFailure(props: { title: string; error: unknown; namespace?: string; onRetry?: () => void }) {
  return (
    <Alert tone="error" title={props.title}>
      <p>{failureMessage(props.error, props.namespace)}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <Button variant="secondary" onClick={() => retry()()}>
            {t("groups.retry")}
          </Button>
        )}
      </Show>
    </Alert>
  );
}

export const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || (error.status === 422 && error.code === "validation_failed"));

export function formatDate(iso: string): string {
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: "medium" }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

export function FocusBadge(props: { focus: GroupFocus }) {
  return (
    <span class={`badge badge--focus badge--${props.focus}`}>
      <span class="visually-hidden">{t("groups.focusLabel")}: </span>
      {t(`groups.focus.${props.focus}`)}
    </span>
  );
}

export function RoleBadge(props: { role: GroupRole; label?: string }) {
  return (
    <span class={`badge role-badge role-badge--${props.role}`}>
      <Show when={props.label}>
        <span class="visually-hidden">{props.label}: </span>
      </Show>
      {t(`groups.role.${props.role}`)}
    </span>
  );
}

export function StatusBadge(props: { status: ProgramStatus }) {
  return (
    <span class={`badge status-badge status-badge--${props.status}`}>
      <span class="visually-hidden">{t("programs.statusLabel")}: </span>
      <span class="status-badge__dot" aria-hidden="true" />
      {t(`programs.status.${props.status}`)}
    </span>
  );
}

// Decorative icons (aria-hidden): the text beside them carries the meaning.

export const ArrowUpIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Svg>
);
export const ArrowDownIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Svg>
);
export const ArrowLeftIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </Svg>
);
export const TrashIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </Svg>
);
export const CopyIcon = (props: IconProps) => (
  <Svg {...props}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 0 1 2-2h8" />
  </Svg>
);
export const PencilIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4ZM13.5 6.5l4 4" />
  </Svg>
);
export const CalendarIcon = (props: IconProps) => (
  <Svg {...props}>
    <rect x="4" y="5" width="16" height="15" rx="2" />
    <path d="M4 10h16M9 3v4M15 3v4" />
  </Svg>
);
export const FlagIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
  </Svg>
);
export const ChevronIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="m9 6 6 6-6 6" />
  </Svg>
);
export const StepsIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
  </Svg>
);
export const ClockIcon = (props: IconProps) => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Svg>
);
export const ExitIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4M10 16l-4-4 4-4M6 12h10" />
  </Svg>
);

/**
 * An empty list: why it is empty and what to do next. Like components/EmptyState, but with its own
 * heading id, because a group page can show several empty lists at once.
 */
export function EmptyList(props: { title: string; children?: JSX.Element; actions?: JSX.Element; level?: 3 | 4 }) {
  const id = createUniqueId();
  return (
    <div class="empty-list" role="group" aria-labelledby={id}>
      <Show
        when={props.level === 4}
        fallback={
          <h3 id={id} class="empty-list__title">
            {props.title}
          </h3>
        }
      >
        <h4 id={id} class="empty-list__title">
          {props.title}
        </h4>
      </Show>
      <Show when={props.children}>
        <div class="empty-list__body">{props.children}</div>
      </Show>
      <Show when={props.actions}>
        <div class="empty-list__actions">{props.actions}</div>
      </Show>
    </div>
  );
}
