-- What a D1 change requires of a pair room, written in the same batch as the change and delivered by
-- worker/db/room-outbox.ts with retries until the room confirms. A row is deleted once delivered.
CREATE TABLE room_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pair_id TEXT NOT NULL,
  effect TEXT NOT NULL,            -- JSON, a RoomEffect (worker/pair-room/effects.ts)
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX room_outbox_due ON room_outbox(next_attempt_at, id);
