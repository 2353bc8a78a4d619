import { fail, ok, type RoomHost, type RoomResult } from "./host.ts";
import type { RoomState } from "./state.ts";

/**
 * The room's side of a person's data export (GET /api/me/export): everything in the space that this
 * member can already read, in pages, so the worker can stream a space of any size without holding it.
 * Parts come in a fixed order; within a part, pages follow a cursor.
 */
// The weekly rhythm's parts last: the pair's meetings and goal, and only this member's own feedback.
const EXPORT_PARTS = ["members", "steps", "messages", "posts", "comments", "checkins", "readCursors", "meetings", "goal", "myFeedback"] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];
export type RoomExportCursor = { part: ExportPart; after: number | string | null };
export type RoomExportPage = { part: ExportPart; items: unknown[]; next: RoomExportCursor | null };

/** Messages per page: about 1 MB at the longest message size, and a few dozen pages for 10,000 messages. */
const EXPORT_PAGE_SIZE = 500;

type Row = Record<string, SqlStorageValue>;

export class RoomExport {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
  ) {}

  page(userId: string, cursor: RoomExportCursor | null, limit = EXPORT_PAGE_SIZE): RoomResult<RoomExportPage> {
    if (!this.state.isMember(userId)) return fail("not_found", "This pair does not exist.");
    const part = cursor?.part ?? EXPORT_PARTS[0];
    if (!EXPORT_PARTS.includes(part)) return fail("bad_frame", "Unknown export part.");
    const after = cursor?.after ?? null;
    const size = Math.max(1, Math.min(limit, EXPORT_PAGE_SIZE));
    const { items, last } = this.read(part, after, size, userId);
    const nextPart = EXPORT_PARTS[EXPORT_PARTS.indexOf(part) + 1];
    const next: RoomExportCursor | null = items.length === size && last !== null ? { part, after: last } : nextPart ? { part: nextPart, after: null } : null;
    return ok({ part, items, next });
  }

  private rows(query: string, ...bindings: SqlStorageValue[]): Row[] {
    return this.host.sql.exec<Row>(query, ...bindings).toArray();
  }

  private read(part: ExportPart, after: number | string | null, size: number, userId: string): { items: unknown[]; last: number | string | null } {
    switch (part) {
      case "members": {
        const items = this.rows("SELECT user_id, role, display_name FROM members ORDER BY role").map((r) => ({
          userId: r.user_id,
          role: r.role,
          displayName: r.display_name,
        }));
        return { items, last: null };
      }
      case "steps": {
        const ticks = this.rows("SELECT step_id, activity_id, done_by, done_at FROM activity_ticks");
        const items = this.rows("SELECT * FROM steps ORDER BY position").map((r) => ({
          id: r.id,
          title: r.title,
          guidance: r.guidance,
          activities: JSON.parse(String(r.activities)),
          doneAt: r.done_at,
          doneBy: r.done_by,
          activitiesDone: ticks.filter((t) => t.step_id === r.id).map((t) => ({ activityId: t.activity_id, doneBy: t.done_by, doneAt: t.done_at })),
        }));
        return { items, last: null };
      }
      case "messages": {
        const rows = this.rows("SELECT seq, client_id, sender_id, body, sent_at FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", Number(after ?? 0), size);
        const items = rows.map((r) => ({ seq: r.seq, senderId: r.sender_id, body: r.body, sentAt: r.sent_at }));
        return { items, last: (rows.at(-1)?.seq as number | undefined) ?? null };
      }
      case "posts": {
        const rows = this.rows("SELECT * FROM posts WHERE id > ? ORDER BY id LIMIT ?", String(after ?? ""), size);
        const items = rows.map((r) => ({ id: r.id, authorId: r.author_id, title: r.title, body: r.body, url: r.url, createdAt: r.created_at }));
        return { items, last: (rows.at(-1)?.id as string | undefined) ?? null };
      }
      case "comments": {
        const rows = this.rows("SELECT * FROM comments WHERE id > ? ORDER BY id LIMIT ?", String(after ?? ""), size);
        const items = rows.map((r) => ({ id: r.id, postId: r.post_id, authorId: r.author_id, body: r.body, createdAt: r.created_at }));
        return { items, last: (rows.at(-1)?.id as string | undefined) ?? null };
      }
      case "checkins": {
        const rows = this.rows("SELECT * FROM checkins WHERE id > ? ORDER BY id LIMIT ?", String(after ?? ""), size);
        const items = rows.map((r) => ({ id: r.id, authorId: r.author_id, mood: r.mood, note: r.note, createdAt: r.created_at }));
        return { items, last: (rows.at(-1)?.id as string | undefined) ?? null };
      }
      case "readCursors": {
        const items = this.rows("SELECT user_id, seq, at FROM read_cursors").map((r) => ({ userId: r.user_id, seq: r.seq, at: r.at }));
        return { items, last: null };
      }
      case "meetings": {
        const items = this.rows("SELECT * FROM meetings ORDER BY created_at, id").map((r) => ({
          id: r.id,
          status: r.status,
          proposedBy: r.proposed_by,
          options: JSON.parse(String(r.options)),
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          durationMinutes: r.duration_minutes,
          place: r.place,
          agenda: r.agenda,
          declineNote: r.decline_note,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }));
        return { items, last: null };
      }
      case "goal": {
        const items = this.rows("SELECT * FROM goal").map((r) => ({
          what: r.what,
          why: r.why,
          byWhen: r.by_when,
          measure: r.measure,
          progress: r.progress,
          progressNote: r.progress_note,
          setBy: r.set_by,
          updatedBy: r.updated_by,
          setAt: r.set_at,
          updatedAt: r.updated_at,
        }));
        return { items, last: null };
      }
      case "myFeedback": {
        const items = this.rows("SELECT * FROM feedback WHERE user_id = ? ORDER BY answered_at", userId).map((r) => ({
          round: r.round,
          rating: r.rating,
          goalMet: r.goal_met,
          again: r.again === null ? null : r.again === 1,
          comment: r.comment,
          answeredAt: r.answered_at,
        }));
        return { items, last: null };
      }
    }
  }
}
