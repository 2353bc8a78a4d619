import type { DeliveryKind } from "../../../shared/api/notification-preferences.ts";

type PairedData = {
  pairId: string;
  programTitle: string;
  otherName: string;
  otherAbout: string;
  myRole: "mentor" | "mentee";
  step1Title: string;
  step1Activities: string[];
};
type MessagesWaitingData = { pairId: string; count: number; fromName: string; previews?: string[] };
type CheckinReminderData = { pairId: string; programTitle: string; otherName: string };
/** `when` is the meeting's start in the recipient's language and time zone (the renderer formats it). */
type MeetingReminderData = { pairId: string; otherName: string; hoursBefore: number; when: string };
type PairNudgeData = { pairId: string; otherName: string; quietDays: number; week: number | null; stepTitle: string };
type FeedbackRequestedData = { pairId: string; round: "midpoint" | "end" };
type JoinRequestData = { groupId: string; groupName: string; requesterName: string };
type JoinRequestDecidedData = { groupId: string; groupName: string; approved: boolean };
/** No names: a notification must not outlive an account that is deleted later. */
type ReportData = { groupId: string; groupName: string };
type PairEndedData = { pairId: string; outcome: "completed" | "ended"; otherName: string; reason: string | null };
type QuietPair = { mentorName: string; menteeName: string; quietDays: number };
type DigestProgram = { programId: string; programTitle: string; newApplications: number; needsAttention: number; quietPairs?: QuietPair[] };
export type AdminDigestData = { groups: { groupId: string; groupName: string; programs: DigestProgram[] }[] };
export type SummaryItem = { kind: DeliveryKind; title: string; path: string };

/** One email's words. The renderer adds the greeting, the button's link, the footer and the HTML. */
export type Copy = { subject: string; lines: string[]; action: string; list?: string[] };

export type Templates = {
  greeting: (name: string) => string;
  footerWhy: string;
  unsubscribe: (kindLabel: string) => string;
  settings: string;
  kindLabels: Record<DeliveryKind, string>;
  securityFooter: string;
  paired: (d: PairedData) => Copy;
  messages_waiting: (d: MessagesWaitingData) => Copy;
  checkin_reminder: (d: CheckinReminderData) => Copy;
  meeting_reminder: (d: MeetingReminderData) => Copy;
  pair_nudge: (d: PairNudgeData) => Copy;
  feedback_requested: (d: FeedbackRequestedData) => Copy;
  /** No report content and no names: the operator reads the report in the app. */
  report_escalated: () => Copy;
  join_request: (d: JoinRequestData) => Copy;
  join_request_decided: (d: JoinRequestDecidedData) => Copy;
  report: (d: ReportData) => Copy;
  pair_ended: (d: PairEndedData) => Copy;
  admin_digest: (d: AdminDigestData) => Copy;
  digestProgram: (p: DigestProgram) => string;
  /** One line per pair that needs attention, under its program. */
  digestQuietPair: (q: QuietPair) => string;
  daily_summary: (count: number) => Copy;
  verify_email: () => Copy;
  email_change: (d: { newEmail: string }) => Copy;
  email_changed: (d: { newEmail: string }) => Copy;
  password_reset: () => Copy;
};
