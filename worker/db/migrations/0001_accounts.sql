-- Accounts, sessions and rate-limit counters.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  about TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '[]',      -- JSON array of strings
  languages TEXT NOT NULL DEFAULT '[]',   -- JSON array of language tags
  time_zone TEXT,
  locale TEXT,
  created_at TEXT NOT NULL
);

-- Only the SHA-256 of a session token is stored: a leaked table cannot be replayed.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  renewed_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE rate_limits (
  bucket TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);
