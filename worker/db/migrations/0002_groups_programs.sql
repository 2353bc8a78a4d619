-- Groups, their members and invite links; mentorship programs made from templates.
CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  focus TEXT NOT NULL CHECK (focus IN ('parenting', 'professional', 'personal', 'other')),
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE group_members (
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  joined_at TEXT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members(user_id);

-- Only the SHA-256 of an invite token is stored; the link is shown once, when it is made.
CREATE TABLE group_invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  accepted_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX group_invites_by_group ON group_invites(group_id);

CREATE TABLE programs (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  template_id TEXT NOT NULL,
  locale TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
  steps TEXT NOT NULL,       -- JSON: the program's own copy of the weekly steps
  questions TEXT NOT NULL,   -- JSON: {mentor: Question[], mentee: Question[]}
  mentor_capacity_default INTEGER NOT NULL,
  mentor_capacity_max INTEGER NOT NULL,
  duration_weeks INTEGER NOT NULL,
  checkin_cadence_days INTEGER NOT NULL DEFAULT 7,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX programs_by_group ON programs(group_id);
