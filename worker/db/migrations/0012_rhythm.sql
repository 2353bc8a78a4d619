-- The pair's weekly rhythm. The rooms hold meetings, goals and feedback; D1 holds only what is listed across
-- pairs, never content: the next meeting's time, meeting end times, the goal's state, first-message times
-- and feedback answer counts. Plus each person's calendar feed token and each program's nudge settings.
ALTER TABLE programs ADD COLUMN nudge_after_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE programs ADD COLUMN attention_after_days INTEGER NOT NULL DEFAULT 14;

CREATE TABLE pair_rhythm (
  pair_id TEXT PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
  next_meeting_at INTEGER,
  next_meeting_ends_at INTEGER,
  meeting_ends TEXT NOT NULL DEFAULT '[]',   -- JSON array of end times (ms) of agreed, not cancelled meetings
  goal_state TEXT CHECK (goal_state IN ('not_started', 'on_track', 'at_risk', 'achieved')),
  first_mentor_message_at INTEGER,
  first_mentee_message_at INTEGER,
  last_nudge_at INTEGER,
  updated_at INTEGER NOT NULL
);
-- Home lists each person's next meetings.
CREATE INDEX pair_rhythm_by_next_meeting ON pair_rhythm(next_meeting_at) WHERE next_meeting_at IS NOT NULL;

-- How many people of a pair gave each answer; the report sums them over a program and shows a question only
-- once at least 3 people answered it. Free-text comments never leave the room.
CREATE TABLE pair_feedback_counts (
  pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
  question TEXT NOT NULL CHECK (question IN ('rating_midpoint', 'rating_end', 'goal_met', 'again')),
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (pair_id, question, value)
);

-- Only the SHA-256 of a feed token is stored; resetting replaces it, so the old URL answers 404.
CREATE TABLE calendar_feeds (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
