-- Matching at community scale: bulk publishing counts each mentor's active pairs in a program once per
-- pair it creates, and suggest-all counts them for every applicant; this index answers both directly.
CREATE INDEX pairs_active_by_mentor ON pairs(program_id, mentor_id) WHERE status = 'active';
