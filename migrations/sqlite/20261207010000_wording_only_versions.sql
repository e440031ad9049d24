-- A revision of the agenda that mends the wording only is a minor version: the partners'
-- endorsements of the version before it carry over.
ALTER TABLE agenda_versions ADD COLUMN wording_only INTEGER NOT NULL DEFAULT 0 CHECK (wording_only IN (0, 1));
