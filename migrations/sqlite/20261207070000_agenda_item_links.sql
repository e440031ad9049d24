-- An agenda item may concern a node of the results tree, an indicator, or an open question:
-- the meeting's page links to it. A link to something deleted is dropped, the item stays.
ALTER TABLE meeting_agenda_items ADD COLUMN result_id INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL;
ALTER TABLE meeting_agenda_items ADD COLUMN indicator_id INTEGER REFERENCES indicators (id) ON DELETE SET NULL;
ALTER TABLE meeting_agenda_items ADD COLUMN dispute_id INTEGER REFERENCES disputes (id) ON DELETE SET NULL;
