-- What a meeting leaves behind: minutes per agenda item (Markdown, rendered and cleaned when
-- shown) and whether the item was covered; the decisions it took (in the decision log, with
-- a link back); the action items it gave people, each with an owner and a due date, done
-- with a note; and when its summary was sent.
ALTER TABLE meeting_agenda_items ADD COLUMN notes TEXT;
ALTER TABLE meeting_agenda_items ADD COLUMN covered INTEGER CHECK (covered IN (0, 1));
ALTER TABLE meetings ADD COLUMN minutes_recorded_at TEXT;
ALTER TABLE meetings ADD COLUMN finalized_at TEXT;

ALTER TABLE decisions ADD COLUMN meeting_id INTEGER REFERENCES meetings (id);
CREATE INDEX decisions_by_meeting ON decisions (meeting_id);

-- An action item is owned by a person or by an organization (exactly one of them).
CREATE TABLE action_items (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id            INTEGER NOT NULL REFERENCES meetings (id),
    title                 TEXT    NOT NULL,
    owner_person_id       INTEGER REFERENCES people (id),
    owner_organization_id INTEGER REFERENCES organizations (id),
    due_on                TEXT,
    result_id             INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL,
    indicator_id          INTEGER REFERENCES indicators (id) ON DELETE SET NULL,
    done_at               TEXT,
    done_note             TEXT,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    CHECK ((owner_person_id IS NULL) <> (owner_organization_id IS NULL))
);
CREATE INDEX action_items_by_meeting ON action_items (meeting_id);
CREATE INDEX action_items_by_person ON action_items (owner_person_id);
CREATE INDEX action_items_by_organization ON action_items (owner_organization_id);
