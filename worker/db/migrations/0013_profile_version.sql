-- The suggestions route keeps each program's mentors, scored features and all, in memory while nothing
-- they are made of has changed. Applications, pairs and programs carry their own timestamps; a person's
-- profile (name, about, topics, languages, time zone) did not. This counter goes up with every change to
-- those columns, whichever statement makes it.
ALTER TABLE users ADD COLUMN profile_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER users_profile_version AFTER UPDATE OF display_name, about, topics, languages, time_zone ON users
BEGIN
  UPDATE users SET profile_version = profile_version + 1 WHERE id = NEW.id;
END;
