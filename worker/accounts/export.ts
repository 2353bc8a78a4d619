import type { Env } from "../env.ts";
import {
  exportApplications,
  exportBlocks,
  exportGroups,
  exportNotifications,
  exportOtherTables,
  exportPairs,
  exportProfile,
  exportReportsFiled,
  exportSessions,
} from "../db/accounts.ts";
import type { RoomExportCursor, RoomExportPage } from "../pair-room/export.ts";
import type { RoomResult } from "../pair-room/host.ts";
import { pairRoom } from "../pair-room/stub.ts";

/** The export's format version, so a later change of shape can be told apart. */
const EXPORT_FORMAT = 1;

/** JSON text columns become JSON again in the export, instead of strings of JSON. */
const JSON_COLUMNS = new Set(["topics", "languages", "answers", "data"]);
function revive(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (JSON_COLUMNS.has(key) && typeof value === "string") {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the text
      }
    }
    out[key] = value;
  }
  return out;
}

const field = (name: string, value: unknown, first = false) => `${first ? "" : ","}\n${JSON.stringify(name)}:${JSON.stringify(value)}`;

/**
 * Everything of one person as one JSON document, produced piece by piece: the D1 parts, then each pair
 * space page by page from its room. Nothing holds the whole file: the stream pulls the next piece only
 * when the client has taken the previous one.
 */
async function* exportPieces(env: Env, userId: string): AsyncGenerator<string> {
  const db = env.DB;
  const profile = await exportProfile(db, userId);
  yield `{${field("format", EXPORT_FORMAT, true)}${field("exportedAt", new Date().toISOString())}`;
  yield field("profile", profile ? revive(profile) : null);
  yield field("sessions", await exportSessions(db, userId));
  yield field("groups", await exportGroups(db, userId));
  yield field("applications", (await exportApplications(db, userId)).map(revive));
  yield field("notifications", (await exportNotifications(db, userId)).map(revive));
  yield field("reportsFiled", await exportReportsFiled(db, userId));
  yield field("blocks", await exportBlocks(db, userId));
  const other = await exportOtherTables(db, userId);
  yield field("notificationPreferences", other.notification_preferences ?? []);
  yield field(
    "otherRecords",
    Object.fromEntries(
      Object.entries(other)
        .filter(([name]) => name !== "notification_preferences")
        .map(([name, rows]) => [name, rows.map(revive)]),
    ),
  );

  const pairs = await exportPairs(db, userId);
  yield `,\n"pairs":[`;
  for (const [index, pair] of pairs.entries()) {
    yield `${index ? "," : ""}\n{${JSON.stringify("pair")}:${JSON.stringify(pair)},"space":{`;
    const room = pairRoom(env, pair.id);
    let cursor: RoomExportCursor | null = null;
    let openPart: string | null = null;
    let firstItem = true;
    for (;;) {
      const result = (await room.exportPage(userId, cursor)) as RoomResult<RoomExportPage>;
      if (!result.ok) break; // not (or no longer) a member: nothing of that room is theirs to read
      const page = result.value;
      if (page.part !== openPart) {
        yield `${openPart ? "]," : ""}\n${JSON.stringify(page.part)}:[`;
        openPart = page.part;
        firstItem = true;
      }
      if (page.items.length) {
        yield (firstItem ? "" : ",") + page.items.map((item) => JSON.stringify(item)).join(",");
        firstItem = false;
      }
      if (!page.next) break;
      cursor = page.next;
    }
    yield `${openPart ? "]" : ""}}}`;
  }
  yield "]\n}\n";
}

export function exportStream(env: Env, userId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = exportPieces(env, userId);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await pieces.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          console.error("export failed", userId, error);
          controller.error(error);
        }
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
