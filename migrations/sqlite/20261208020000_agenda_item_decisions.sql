-- An agenda item may also concern a decision of the log (to follow it up, or to revisit it).
ALTER TABLE meeting_agenda_items ADD COLUMN decision_id INTEGER REFERENCES decisions (id) ON DELETE SET NULL;
