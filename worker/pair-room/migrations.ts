import { RHYTHM_ROOM_MIGRATION } from "./rhythm-host.ts";

/**
 * The room's SQLite schema, as an append-only list: never edit or reorder an entry once it has shipped,
 * only add new ones. Each entry runs once, inside the object, recorded in `_migrations`.
 */
const ROOM_MIGRATIONS: readonly { id: string; sql: string }[] = [
  {
    id: "001_initial",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE members (user_id TEXT PRIMARY KEY, role TEXT NOT NULL, display_name TEXT NOT NULL);
      CREATE TABLE steps (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        guidance TEXT NOT NULL,
        activities TEXT NOT NULL,
        done_at INTEGER,
        done_by TEXT
      );
      CREATE TABLE activity_ticks (
        step_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        done_by TEXT NOT NULL,
        done_at INTEGER NOT NULL,
        PRIMARY KEY (step_id, activity_id)
      );
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        UNIQUE (sender_id, client_id)
      );
      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        url TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (author_id, client_id)
      );
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        post_id TEXT NOT NULL REFERENCES posts(id),
        author_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (author_id, client_id)
      );
      CREATE TABLE checkins (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        mood INTEGER NOT NULL,
        note TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (author_id, client_id)
      );
      CREATE TABLE read_cursors (user_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, at INTEGER NOT NULL);
    `,
  },
  {
    // The rate limit counts a sender's messages of the last 10 seconds on every send.
    id: "002_messages_by_sender_time",
    sql: "CREATE INDEX messages_by_sender_time ON messages(sender_id, sent_at)",
  },
  // Meetings, the goal and feedback (worker/pair-room/rhythm.ts).
  RHYTHM_ROOM_MIGRATION,
  {
    // Every chat message paid for updating this index; the rate window is now rebuilt from the newest
    // messages by seq (chat.ts), and first and last message times are read by seq too.
    id: "004_drop_messages_by_sender_time",
    sql: "DROP INDEX messages_by_sender_time",
  },
];

/**
 * Applies the migrations this room has not run yet. The applied history must be exactly a prefix of
 * ROOM_MIGRATIONS, in the same order: a room whose history differs (an entry edited, reordered or
 * removed from the code, or a room written by a newer version) is refused rather than guessed at.
 */
export function runRoomMigrations(sql: SqlStorage, migrations: readonly { id: string; sql: string }[] = ROOM_MIGRATIONS): void {
  sql.exec("CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = sql
    .exec<{ id: string }>("SELECT id FROM _migrations ORDER BY rowid")
    .toArray()
    .map((row) => row.id);
  applied.forEach((id, index) => {
    if (migrations[index]?.id !== id) {
      throw new Error(
        `Room migration history differs from the code at position ${index + 1}: applied "${id}", expected "${migrations[index]?.id ?? "nothing"}".`,
      );
    }
  });
  for (const migration of migrations.slice(applied.length)) {
    sql.exec(migration.sql);
    sql.exec("INSERT INTO _migrations (id, applied_at) VALUES (?, ?)", migration.id, Date.now());
  }
}
