-- Membership that holds: join by request, a directory of listed groups, bans, an audit log of admin
-- actions, operator suspensions and escalated reports, and exact per-person write windows.

-- How people join, and whether the group appears in the directory. search_text is the group's name,
-- description and focus (in en, fr and de) folded to lower case without accents, written by the worker
-- whenever those change (SQLite has no accent folding of its own).
ALTER TABLE groups ADD COLUMN join_policy TEXT NOT NULL DEFAULT 'invite' CHECK (join_policy IN ('invite', 'request'));
ALTER TABLE groups ADD COLUMN listed INTEGER NOT NULL DEFAULT 0 CHECK (listed IN (0, 1));
ALTER TABLE groups ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX groups_listed ON groups(focus, name) WHERE listed = 1;

CREATE TABLE group_bans (
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  banned_by TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE join_requests (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT
);
-- The database itself refuses a second pending request from the same person.
CREATE UNIQUE INDEX join_requests_one_pending ON join_requests(group_id, user_id) WHERE status = 'pending';
CREATE INDEX join_requests_by_group ON join_requests(group_id, status, created_at);

-- Who did what, when: ids, names of things and codes only, never content (no messages, answers or notes).
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,   -- NULL for operator actions
  actor_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}',                       -- JSON: codes and labels, never content
  created_at TEXT NOT NULL
);
CREATE INDEX audit_log_by_group ON audit_log(group_id, created_at);

-- Operator suspensions: a suspended account cannot sign in (403 `suspended`).
ALTER TABLE users ADD COLUMN suspended_at TEXT;
ALTER TABLE users ADD COLUMN suspended_reason TEXT;

-- Group admins escalate a report to the operator.
ALTER TABLE reports ADD COLUMN escalated_at TEXT;
ALTER TABLE reports ADD COLUMN escalated_by TEXT;
CREATE INDEX reports_escalated ON reports(escalated_at) WHERE escalated_at IS NOT NULL;
