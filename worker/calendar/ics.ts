import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * iCalendar (RFC 5545) files for meetings, built with ical-generator: it has no runtime dependencies, runs
 * in Workers as it is, folds long lines, escapes text and writes times in UTC (no VTIMEZONE needed), which
 * every calendar client reads. Each meeting keeps one UID for its whole life and its SEQUENCE rises on every
 * change, so a client that imported the file or subscribed to the feed updates the event in place.
 */
export type CalendarMeeting = {
  id: string;
  startsAt: number;
  endsAt: number;
  /** confirmed once accepted; tentative while a new time is being agreed; cancelled for good. */
  status: "confirmed" | "tentative" | "cancelled";
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  createdAt: number;
  updatedAt: number;
};

const STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** The UID a meeting has in every calendar file and feed. */
export const meetingUid = (meetingId: string) => `${meetingId}@mentorship-meetings`;

/**
 * One calendar with these meetings. `method` is PUBLISH for the feed and the single-event download alike:
 * the files inform, they do not invite (the invitation happens in the pair space).
 */
export function buildCalendar(name: string, meetings: CalendarMeeting[], options: { ttlSeconds?: number } = {}): string {
  const calendar = ical({
    name,
    prodId: { company: "mentorship-groups", product: "meetings", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.ttlSeconds ? { ttl: options.ttlSeconds } : {}),
  });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meeting.sequence,
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      // DTSTAMP is when this version was made: the last change, so an unchanged feed stays byte-identical.
      stamp: new Date(meeting.updatedAt),
      created: new Date(meeting.createdAt),
      lastModified: new Date(meeting.updatedAt),
      status: STATUS[meeting.status],
      summary: meeting.summary,
      description: meeting.description || null,
      location: meeting.location,
      url: meeting.url,
    });
  }
  return calendar.toString();
}
