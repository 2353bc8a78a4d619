// REST calls of the pair's weekly rhythm: meetings, the goal, my feedback and my calendar feed.
import type { FeedbackBody, Goal, GoalProgressBody, Meeting, MyFeedback, RhythmSnapshot, SetGoalBody } from "../../../../shared/api/rhythm.ts";
import { api } from "../../lib/api.ts";

export type { Goal, Meeting, MyFeedback, RhythmSnapshot };

const pairPath = (pairId: string) => `/pairs/${encodeURIComponent(pairId)}`;
const meetingPath = (pairId: string, meetingId: string) => `${pairPath(pairId)}/meetings/${encodeURIComponent(meetingId)}`;

export const loadRhythm = (pairId: string) => api.get<RhythmSnapshot>(`${pairPath(pairId)}/rhythm`);

export type ProposeInput = {
  clientId: string;
  options: { startsAt: string }[];
  durationMinutes: number;
  place: string | null;
  agenda: string;
  timeZone?: string;
};

export const proposeMeeting = (pairId: string, body: ProposeInput) =>
  api.post<{ meeting: Meeting }>(`${pairPath(pairId)}/meetings`, body).then((r) => r.meeting);

export const acceptMeeting = (pairId: string, meetingId: string, optionId: string) =>
  api.post<{ meeting: Meeting }>(`${meetingPath(pairId, meetingId)}/accept`, { optionId }).then((r) => r.meeting);

export const declineMeeting = (pairId: string, meetingId: string, note: string) =>
  api.post<{ meeting: Meeting }>(`${meetingPath(pairId, meetingId)}/decline`, { note }).then((r) => r.meeting);

export const cancelMeeting = (pairId: string, meetingId: string) =>
  api.post<{ meeting: Meeting }>(`${meetingPath(pairId, meetingId)}/cancel`).then((r) => r.meeting);

export const rescheduleMeeting = (pairId: string, meetingId: string, body: Omit<ProposeInput, "clientId" | "place" | "agenda">) =>
  api.post<{ meeting: Meeting }>(`${meetingPath(pairId, meetingId)}/reschedule`, body).then((r) => r.meeting);

export const meetingIcsUrl = (pairId: string, meetingId: string) => `/api${meetingPath(pairId, meetingId)}/calendar.ics`;

export const setGoal = (pairId: string, body: SetGoalBody) => api.put<{ goal: Goal }>(`${pairPath(pairId)}/goal`, body).then((r) => r.goal);

export const setGoalProgress = (pairId: string, body: GoalProgressBody) =>
  api.put<{ goal: Goal }>(`${pairPath(pairId)}/goal/progress`, body).then((r) => r.goal);

export const answerFeedback = (pairId: string, body: FeedbackBody) =>
  api.post<{ feedback: MyFeedback }>(`${pairPath(pairId)}/feedback`, body).then((r) => r.feedback);

export const calendarFeedStatus = () => api.get<{ exists: boolean; createdAt: string | null }>("/me/calendar");
export const resetCalendarFeed = () => api.post<{ url: string; createdAt: string }>("/me/calendar/reset");
