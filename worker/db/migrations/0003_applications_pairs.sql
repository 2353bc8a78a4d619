-- Applications to programs, the pairs admins make from them, blocks between people, and in-app
-- notifications.
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
  answers TEXT NOT NULL,               -- JSON: {questionId: string | string[]}
  capacity INTEGER,                    -- mentors only: how many mentees they will take
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'paired', 'withdrawn')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (program_id, user_id, role)
);
CREATE INDEX applications_by_user ON applications(user_id);

CREATE TABLE pairs (
  id TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  mentor_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  mentee_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'ended')),
  end_reason TEXT,
  ended_by TEXT,
  created_by TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT
);
-- The database itself refuses a second active pair for a mentee, or the same two people twice.
CREATE UNIQUE INDEX pairs_one_active_per_mentee ON pairs(program_id, mentee_id) WHERE status = 'active';
CREATE UNIQUE INDEX pairs_same_people_once ON pairs(program_id, mentor_id, mentee_id) WHERE status = 'active';
CREATE INDEX pairs_by_mentor ON pairs(mentor_id);
CREATE INDEX pairs_by_mentee ON pairs(mentee_id);

CREATE TABLE blocks (
  blocker_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  blocked_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks(blocked_id);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,                  -- JSON, rendered by the SPA in the reader's language
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_by_user ON notifications(user_id, created_at);
