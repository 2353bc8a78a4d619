-- Accounts people control (issue 12): public session ids, an absolute lifetime, last use and device;
-- reports that outlive a deleted account for a fixed time.

-- The id people see and revoke by. It is not the token hash: knowing it gives no way to act as the session.
ALTER TABLE sessions ADD COLUMN id TEXT;
-- However often a session is renewed, it ends at this time (90 days after sign-in).
ALTER TABLE sessions ADD COLUMN absolute_expires_at INTEGER;
ALTER TABLE sessions ADD COLUMN last_used_at INTEGER;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
UPDATE sessions
  SET id = lower(hex(randomblob(16))),
      absolute_expires_at = created_at + 90 * 86400000,
      last_used_at = renewed_at
  WHERE id IS NULL;
CREATE UNIQUE INDEX sessions_by_public_id ON sessions(id);

-- A report about a person who deleted their account keeps its copied message until this time (ms), then
-- the scheduled clean-up deletes the report.
ALTER TABLE reports ADD COLUMN purge_after INTEGER;
CREATE INDEX reports_to_purge ON reports(purge_after) WHERE purge_after IS NOT NULL;
