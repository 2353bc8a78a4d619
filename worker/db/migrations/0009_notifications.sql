-- Reaching people outside the app: verified addresses, password reset, email and web push.

-- NULL until the person opens the link of a verification email. Nothing but verification goes to an
-- unverified address.
ALTER TABLE users ADD COLUMN email_verified_at TEXT;

-- Single-use tokens sent by email: address verification (24 h), address change (24 h) and password
-- reset (1 h). Only the SHA-256 of a token is stored.
CREATE TABLE email_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'change', 'reset')),
  email TEXT NOT NULL COLLATE NOCASE,   -- the address the token was sent to (the new one for a change)
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX email_tokens_by_user ON email_tokens(user_id, purpose);

-- One JSON document per person ({kinds: {kind: {email, push}}, messagePreviews}); missing kinds take
-- the defaults in worker/notifications/kinds.ts, so a new kind needs no migration.
CREATE TABLE notification_preferences (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  prefs TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE push_subscriptions (
  endpoint TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions(user_id);

-- One row per (notification, channel, target): the queue consumer claims the row before it sends, so a
-- redelivered message never sends twice. target is '' for email and the subscription's endpoint for
-- push. status: sending | sent | skipped | failed | daily | dead.
CREATE TABLE notification_deliveries (
  notification_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'push')),
  target TEXT NOT NULL DEFAULT '',
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  detail TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (notification_id, channel, target)
);
CREATE INDEX notification_deliveries_daily ON notification_deliveries(status, user_id) WHERE status = 'daily';
CREATE INDEX notification_deliveries_by_user ON notification_deliveries(user_id);

-- Messages that failed every retry, kept for the operator (the dead-letter queue's consumer writes them).
CREATE TABLE notification_dead_letters (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  error TEXT,
  created_at TEXT NOT NULL
);
