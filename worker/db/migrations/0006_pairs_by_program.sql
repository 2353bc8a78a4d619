-- The dashboard lists a program's pairs.
CREATE INDEX pairs_by_program ON pairs(program_id, started_at);
