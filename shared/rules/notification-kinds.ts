/**
 * The kinds of notification that can leave the app by email or push, in the order the settings page lists
 * them. Plain values (no zod), so the SPA imports the same list as the API.
 */
export const DELIVERY_KINDS = [
  "paired",
  "messages_waiting",
  "checkin_reminder",
  "meeting_reminder",
  "pair_nudge",
  "feedback_requested",
  "report",
  "report_escalated",
  "join_request",
  "join_request_decided",
  "pair_ended",
  "admin_digest",
] as const;
