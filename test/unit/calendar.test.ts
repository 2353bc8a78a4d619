import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, meetingUid, type CalendarMeeting } from "../../worker/calendar/ics.ts";

const meeting = (over: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  id: "m-1",
  startsAt: Date.UTC(2026, 11, 8, 17),
  endsAt: Date.UTC(2026, 11, 8, 17, 45),
  status: "confirmed",
  sequence: 1,
  summary: "Mentorship: Jonas Weber & Léa Martin",
  description: "Agenda: CV review; salary, negotiation\nSecond line",
  location: "https://meet.example.org/abc",
  url: null,
  createdAt: Date.UTC(2026, 10, 30, 9),
  updatedAt: Date.UTC(2026, 10, 30, 10),
  ...over,
});

function events(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { component, events: component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent)) };
}

describe("buildCalendar", () => {
  it("writes a file an iCalendar parser reads back field by field", () => {
    const text = buildCalendar("Meetings", [meeting()]);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const {
      component,
      events: [event],
    } = events(text);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event!.uid).toBe(meetingUid("m-1"));
    expect(event!.sequence).toBe(1);
    expect(event!.summary).toBe("Mentorship: Jonas Weber & Léa Martin");
    expect(event!.description).toBe("Agenda: CV review; salary, negotiation\nSecond line");
    expect(event!.location).toBe("https://meet.example.org/abc");
    expect(event!.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 8, 17));
    expect(event!.endDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 8, 17, 45));
    // Times in UTC: no floating local times and no VTIMEZONE to get wrong.
    expect(event!.startDate.zone.tzid).toBe("UTC");
    expect(event!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("keeps the UID across changes and marks a cancellation", () => {
    const {
      events: [event],
    } = events(buildCalendar("Meetings", [meeting({ status: "cancelled", sequence: 4 })]));
    expect(event!.uid).toBe(meetingUid("m-1"));
    expect(event!.sequence).toBe(4);
    expect(event!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("folds long lines at 75 octets and lists several events", () => {
    const text = buildCalendar("Meetings", [meeting({ description: "x".repeat(300) }), meeting({ id: "m-2", status: "tentative" })]);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).byteLength).toBeLessThanOrEqual(75);
    const parsed = events(text).events;
    expect(parsed.map((e) => e.uid)).toEqual([meetingUid("m-1"), meetingUid("m-2")]);
    expect(parsed[0]!.description).toBe("x".repeat(300));
    expect(parsed[1]!.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
  });

  it("is byte-identical when nothing changed, so subscribed clients see no churn", () => {
    expect(buildCalendar("Meetings", [meeting()])).toBe(buildCalendar("Meetings", [meeting()]));
  });
});
