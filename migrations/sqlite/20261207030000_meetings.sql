-- Meetings of the initiative's bodies. A meeting's time is Israel's local time, as people
-- read their clocks ('2027-01-10T17:00:00'); the calendar feeds convert it. Its number
-- counts the body's meetings ("steering committee 3").
CREATE TABLE meetings (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id                INTEGER NOT NULL REFERENCES bodies (id),
    number                 INTEGER NOT NULL,
    starts_at              TEXT    NOT NULL,
    duration_minutes       INTEGER NOT NULL,
    location               TEXT,
    objectives             TEXT,
    attendance_recorded_at TEXT,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    UNIQUE (body_id, number)
);

CREATE TABLE meeting_agenda_items (
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    minutes      INTEGER,
    presenter_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    PRIMARY KEY (meeting_id, position)
);

-- Who was asked to come, and who came. A person present without an invitation is kept
-- with invited = 0. A person on a meeting's record cannot be deleted (it is history).
CREATE TABLE meeting_invitees (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    invited    INTEGER NOT NULL CHECK (invited IN (0, 1)),
    attended   INTEGER CHECK (attended IN (0, 1)),
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_invitees_by_person ON meeting_invitees (person_id);
