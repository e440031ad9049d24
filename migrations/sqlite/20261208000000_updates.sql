-- Updates (newsletters): drafted by the backbone, sent once to an audience, kept as an
-- archive. The figures an update could report when sent are kept (indicator, period
-- code) so that the next draft offers only newer ones.
CREATE TABLE updates (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    audience      TEXT    NOT NULL CHECK (audience IN ('partners', 'body', 'funders', 'custom')),
    body_id       INTEGER REFERENCES bodies (id),
    reported      TEXT    NOT NULL DEFAULT '[]',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    sent_at       TEXT,
    CHECK ((audience = 'body') = (body_id IS NOT NULL))
);
CREATE INDEX updates_by_initiative ON updates (initiative_id);

-- The people of a custom audience.
CREATE TABLE update_people (
    update_id INTEGER NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (update_id, person_id)
);

-- Whom a sent update reached, each with the digest of their link to stop updates.
CREATE TABLE update_recipients (
    update_id   INTEGER NOT NULL REFERENCES updates (id),
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    stop_digest TEXT    NOT NULL UNIQUE,
    PRIMARY KEY (update_id, person_id)
);
CREATE INDEX update_recipients_by_person ON update_recipients (person_id);

-- A person who asked to receive no more updates (from the link in one).
ALTER TABLE people ADD COLUMN updates_stopped_at TEXT;

-- The contact plan: why, how and how often the backbone keeps in touch with a partner.
CREATE TABLE contact_plans (
    organization_id INTEGER PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    purpose         TEXT    NOT NULL,
    channel         TEXT    NOT NULL CHECK (channel IN ('updates', 'meetings', 'visit', 'phone', 'email')),
    every           INTEGER NOT NULL CHECK (every BETWEEN 1 AND 52),
    unit            TEXT    NOT NULL CHECK (unit IN ('weeks', 'months')),
    updated_at      TEXT    NOT NULL
);
