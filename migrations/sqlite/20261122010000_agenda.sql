-- The common agenda: versioned statements and boundaries, the results tree, the glossary
-- with versioned definitions, the decision log, disputes with their history, endorsements,
-- and the changes partners made in the field.

-- Each save of the statements is a new, immutable version.
CREATE TABLE agenda_versions (
    id               INTEGER PRIMARY KEY,
    initiative_id    INTEGER NOT NULL REFERENCES initiatives (id),
    number           INTEGER NOT NULL,
    problem          TEXT,
    vision           TEXT,
    vision_year      INTEGER,
    mission          TEXT,
    overarching_goal TEXT,
    note             TEXT,
    created_by       INTEGER REFERENCES users (id),
    created_at       TEXT    NOT NULL,
    UNIQUE (initiative_id, number)
);

CREATE TABLE agenda_boundaries (
    version_id INTEGER NOT NULL REFERENCES agenda_versions (id),
    position   INTEGER NOT NULL,
    dimension  TEXT    NOT NULL,
    scope      TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    reason     TEXT,
    PRIMARY KEY (version_id, position)
);

-- The results tree. A node's id never changes; moving it changes parent_id and position.
CREATE TABLE result_nodes (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    parent_id     INTEGER REFERENCES result_nodes (id),
    position      INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT,
    owner_body_id INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    -- JSON lists of text.
    populations   TEXT    NOT NULL DEFAULT '[]',
    subjects      TEXT    NOT NULL DEFAULT '[]',
    age_bands     TEXT    NOT NULL DEFAULT '[]',
    status        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX result_nodes_tree ON result_nodes (initiative_id, parent_id, position);

CREATE TABLE glossary_terms (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    term          TEXT    NOT NULL,
    term_key      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, term_key)
);

CREATE TABLE glossary_definitions (
    id                          INTEGER PRIMARY KEY,
    term_id                     INTEGER NOT NULL REFERENCES glossary_terms (id),
    number                      INTEGER NOT NULL,
    definition                  TEXT    NOT NULL,
    proposed_by_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    proposed_by_user            INTEGER REFERENCES users (id),
    adopted_on                  TEXT,
    adopted_by_body_id          INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    created_at                  TEXT    NOT NULL,
    UNIQUE (term_id, number)
);

CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    body_id       INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    decided_on    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    contested     INTEGER NOT NULL DEFAULT 0 CHECK (contested IN (0, 1)),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE TABLE decision_results (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    result_id   INTEGER NOT NULL REFERENCES result_nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, result_id)
);

CREATE TABLE decision_terms (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    term_id     INTEGER NOT NULL REFERENCES glossary_terms (id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, term_id)
);

CREATE TABLE disputes (
    id                         INTEGER PRIMARY KEY,
    initiative_id              INTEGER NOT NULL REFERENCES initiatives (id),
    question                   TEXT    NOT NULL,
    raised_by_organization_id  INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    raised_by_sector           TEXT,
    status                     TEXT    NOT NULL,
    created_at                 TEXT    NOT NULL,
    updated_at                 TEXT    NOT NULL
);

-- Every status a dispute has had, from its opening: a reopened dispute keeps its history.
CREATE TABLE dispute_events (
    id         INTEGER PRIMARY KEY,
    dispute_id INTEGER NOT NULL REFERENCES disputes (id),
    at         TEXT    NOT NULL,
    actor_id   INTEGER REFERENCES users (id),
    status     TEXT    NOT NULL,
    note       TEXT
);

CREATE TABLE dispute_positions (
    id              INTEGER PRIMARY KEY,
    dispute_id      INTEGER NOT NULL REFERENCES disputes (id),
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    position        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

CREATE TABLE dispute_decisions (
    dispute_id  INTEGER NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    PRIMARY KEY (dispute_id, decision_id)
);

CREATE TABLE endorsements (
    id                INTEGER PRIMARY KEY,
    initiative_id     INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id   INTEGER NOT NULL REFERENCES organizations (id),
    agenda_version_id INTEGER NOT NULL REFERENCES agenda_versions (id),
    signed_on         TEXT    NOT NULL,
    signed_by         TEXT,
    created_at        TEXT    NOT NULL,
    UNIQUE (organization_id, agenda_version_id)
);

CREATE TABLE field_changes (
    id              INTEGER PRIMARY KEY,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    result_id       INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL,
    before_text     TEXT    NOT NULL,
    now_text        TEXT    NOT NULL,
    noted_on        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
