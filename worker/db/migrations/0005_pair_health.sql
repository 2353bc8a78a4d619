-- Aggregates each pair room publishes about itself, so the program dashboard is one D1 query instead of
-- one Durable Object call per pair. Numbers and times only: never any content.
CREATE TABLE pair_health (
  pair_id TEXT PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
  steps_done INTEGER NOT NULL,
  steps_total INTEGER NOT NULL,
  activities_done INTEGER NOT NULL,
  activities_total INTEGER NOT NULL,
  checkin_times TEXT NOT NULL,      -- JSON array of check-in times (ms), newest 60, for the streak
  last_checkin_at INTEGER,
  last_activity_at INTEGER,
  started_at INTEGER NOT NULL,
  cadence_days INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
