-- The suggestions route keeps each program's mentors, features and all, in memory while nothing they are
-- made of has changed. This counter goes up with every change to that: an application of the program
-- (answers, capacity, status; added or removed), a pair of the program (its mentors' places left), or the
-- profile of anyone who applied to it (name, about, topics, languages, time zone). Triggers keep it, so no
-- statement that changes one of those can forget to; the route reads it with the program, in the query
-- that checks the caller's role.
ALTER TABLE programs ADD COLUMN match_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER applications_match_insert AFTER INSERT ON applications
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id = NEW.program_id;
END;

CREATE TRIGGER applications_match_update AFTER UPDATE ON applications
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id IN (OLD.program_id, NEW.program_id);
END;

CREATE TRIGGER applications_match_delete AFTER DELETE ON applications
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id = OLD.program_id;
END;

CREATE TRIGGER pairs_match_insert AFTER INSERT ON pairs
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id = NEW.program_id;
END;

CREATE TRIGGER pairs_match_update AFTER UPDATE ON pairs
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id IN (OLD.program_id, NEW.program_id);
END;

CREATE TRIGGER pairs_match_delete AFTER DELETE ON pairs
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id = OLD.program_id;
END;

CREATE TRIGGER users_match_profile AFTER UPDATE OF display_name, about, topics, languages, time_zone ON users
BEGIN
  UPDATE programs SET match_version = match_version + 1 WHERE id IN (SELECT program_id FROM applications WHERE user_id = NEW.id);
END;
