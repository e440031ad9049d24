-- no-transaction
-- Ids never come back. SQLite gives a new row the largest id plus one, so deleting the
-- newest organization, person, indicator… handed its id to the next one, and old links and
-- audit entries then pointed at a stranger's record. AUTOINCREMENT keeps every id ever
-- used out of reach. SQLite cannot add it to a table in place: each table is rebuilt by
-- the documented procedure (foreign keys off, new table, copy, drop, rename, indexes,
-- check), keeping every existing id. Not rebuilt: value_history and breakdown_cells, whose
-- ids never leave the database and are never deleted one by one.
-- Runs outside the migrator's transaction because foreign keys cannot be switched off
-- inside one; the BEGIN … COMMIT below makes it all or nothing all the same.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- users
CREATE TABLE rebuilt_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at    TEXT    NOT NULL
);
INSERT INTO rebuilt_users SELECT * FROM users;
DROP TABLE users;
ALTER TABLE rebuilt_users RENAME TO users;

-- api_tokens
CREATE TABLE rebuilt_api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    digest     TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
);
INSERT INTO rebuilt_api_tokens SELECT * FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE rebuilt_api_tokens RENAME TO api_tokens;

-- initiatives
CREATE TABLE rebuilt_initiatives (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    description TEXT,
    parent_id   INTEGER REFERENCES initiatives (id),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
INSERT INTO rebuilt_initiatives SELECT * FROM initiatives;
DROP TABLE initiatives;
ALTER TABLE rebuilt_initiatives RENAME TO initiatives;

-- organizations
CREATE TABLE rebuilt_organizations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id     INTEGER NOT NULL REFERENCES initiatives (id),
    name              TEXT    NOT NULL,
    -- The folded name (see kesher_domain::search::fold): two spellings of one name collide.
    name_key          TEXT    NOT NULL,
    sector            TEXT    NOT NULL,
    organization_type TEXT    NOT NULL,
    description       TEXT,
    website           TEXT,
    external_id       TEXT,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    UNIQUE (initiative_id, name_key)
);
INSERT INTO rebuilt_organizations SELECT * FROM organizations;
DROP TABLE organizations;
ALTER TABLE rebuilt_organizations RENAME TO organizations;
CREATE UNIQUE INDEX organizations_external_id
    ON organizations (initiative_id, external_id) WHERE external_id IS NOT NULL;

-- people
CREATE TABLE rebuilt_people (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    name            TEXT    NOT NULL,
    role_title      TEXT,
    email           TEXT,
    phone           TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
INSERT INTO rebuilt_people SELECT * FROM people;
DROP TABLE people;
ALTER TABLE rebuilt_people RENAME TO people;
CREATE UNIQUE INDEX people_email ON people (initiative_id, email) WHERE email IS NOT NULL;
CREATE INDEX people_organization ON people (organization_id);

-- bodies
CREATE TABLE rebuilt_bodies (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    mandate       TEXT,
    cadence_text  TEXT,
    cadence_every INTEGER,
    cadence_unit  TEXT,
    goal          TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
INSERT INTO rebuilt_bodies SELECT * FROM bodies;
DROP TABLE bodies;
ALTER TABLE rebuilt_bodies RENAME TO bodies;
CREATE INDEX bodies_initiative ON bodies (initiative_id);

-- memberships
CREATE TABLE rebuilt_memberships (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id    INTEGER NOT NULL REFERENCES bodies (id),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    role       TEXT    NOT NULL,
    from_date  TEXT,
    to_date    TEXT,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
INSERT INTO rebuilt_memberships SELECT * FROM memberships;
DROP TABLE memberships;
ALTER TABLE rebuilt_memberships RENAME TO memberships;
CREATE INDEX memberships_body ON memberships (body_id);
CREATE INDEX memberships_person ON memberships (person_id);

-- import_drafts
CREATE TABLE rebuilt_import_drafts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    file_name     TEXT    NOT NULL,
    table_json    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
INSERT INTO rebuilt_import_drafts SELECT * FROM import_drafts;
DROP TABLE import_drafts;
ALTER TABLE rebuilt_import_drafts RENAME TO import_drafts;

-- audit_log
CREATE TABLE rebuilt_audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT    NOT NULL,
    actor_id      INTEGER,
    initiative_id INTEGER,
    entity        TEXT    NOT NULL,
    entity_id     INTEGER NOT NULL,
    action        TEXT    NOT NULL,
    before_json   TEXT,
    after_json    TEXT
);
INSERT INTO rebuilt_audit_log SELECT * FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE rebuilt_audit_log RENAME TO audit_log;
CREATE INDEX audit_log_subject ON audit_log (entity, entity_id);
CREATE INDEX audit_log_initiative ON audit_log (initiative_id, id);

-- agenda_versions
CREATE TABLE rebuilt_agenda_versions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO rebuilt_agenda_versions SELECT * FROM agenda_versions;
DROP TABLE agenda_versions;
ALTER TABLE rebuilt_agenda_versions RENAME TO agenda_versions;

-- result_nodes
CREATE TABLE rebuilt_result_nodes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO rebuilt_result_nodes SELECT * FROM result_nodes;
DROP TABLE result_nodes;
ALTER TABLE rebuilt_result_nodes RENAME TO result_nodes;
CREATE INDEX result_nodes_tree ON result_nodes (initiative_id, parent_id, position);

-- glossary_terms
CREATE TABLE rebuilt_glossary_terms (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    term          TEXT    NOT NULL,
    term_key      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, term_key)
);
INSERT INTO rebuilt_glossary_terms SELECT * FROM glossary_terms;
DROP TABLE glossary_terms;
ALTER TABLE rebuilt_glossary_terms RENAME TO glossary_terms;

-- glossary_definitions
CREATE TABLE rebuilt_glossary_definitions (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO rebuilt_glossary_definitions SELECT * FROM glossary_definitions;
DROP TABLE glossary_definitions;
ALTER TABLE rebuilt_glossary_definitions RENAME TO glossary_definitions;

-- decisions
CREATE TABLE rebuilt_decisions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    body_id       INTEGER REFERENCES bodies (id) ON DELETE SET NULL,
    decided_on    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    contested     INTEGER NOT NULL DEFAULT 0 CHECK (contested IN (0, 1)),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
INSERT INTO rebuilt_decisions SELECT * FROM decisions;
DROP TABLE decisions;
ALTER TABLE rebuilt_decisions RENAME TO decisions;

-- disputes
CREATE TABLE rebuilt_disputes (
    id                         INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id              INTEGER NOT NULL REFERENCES initiatives (id),
    question                   TEXT    NOT NULL,
    raised_by_organization_id  INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    raised_by_sector           TEXT,
    status                     TEXT    NOT NULL,
    created_at                 TEXT    NOT NULL,
    updated_at                 TEXT    NOT NULL
);
INSERT INTO rebuilt_disputes SELECT * FROM disputes;
DROP TABLE disputes;
ALTER TABLE rebuilt_disputes RENAME TO disputes;

-- dispute_events
CREATE TABLE rebuilt_dispute_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    dispute_id INTEGER NOT NULL REFERENCES disputes (id),
    at         TEXT    NOT NULL,
    actor_id   INTEGER REFERENCES users (id),
    status     TEXT    NOT NULL,
    note       TEXT
);
INSERT INTO rebuilt_dispute_events SELECT * FROM dispute_events;
DROP TABLE dispute_events;
ALTER TABLE rebuilt_dispute_events RENAME TO dispute_events;

-- dispute_positions
CREATE TABLE rebuilt_dispute_positions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    dispute_id      INTEGER NOT NULL REFERENCES disputes (id),
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    position        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);
INSERT INTO rebuilt_dispute_positions SELECT * FROM dispute_positions;
DROP TABLE dispute_positions;
ALTER TABLE rebuilt_dispute_positions RENAME TO dispute_positions;

-- endorsements
CREATE TABLE rebuilt_endorsements (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id     INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id   INTEGER NOT NULL REFERENCES organizations (id),
    agenda_version_id INTEGER NOT NULL REFERENCES agenda_versions (id),
    signed_on         TEXT    NOT NULL,
    signed_by         TEXT,
    created_at        TEXT    NOT NULL,
    UNIQUE (organization_id, agenda_version_id)
);
INSERT INTO rebuilt_endorsements SELECT * FROM endorsements;
DROP TABLE endorsements;
ALTER TABLE rebuilt_endorsements RENAME TO endorsements;

-- field_changes
CREATE TABLE rebuilt_field_changes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    result_id       INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL,
    before_text     TEXT    NOT NULL,
    now_text        TEXT    NOT NULL,
    noted_on        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
INSERT INTO rebuilt_field_changes SELECT * FROM field_changes;
DROP TABLE field_changes;
ALTER TABLE rebuilt_field_changes RENAME TO field_changes;

-- places
CREATE TABLE rebuilt_places (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id    INTEGER NOT NULL REFERENCES initiatives (id),
    parent_id        INTEGER REFERENCES places (id),
    kind             TEXT    NOT NULL,
    code             TEXT,
    name             TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,
    sector           TEXT,
    supervision      TEXT,
    stage            TEXT,
    ses_index        REAL,
    ses_cluster      INTEGER,
    nurture_quintile INTEGER,
    periphery        INTEGER,
    population       INTEGER,
    students         INTEGER,
    grid_x           REAL,
    grid_y           REAL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
INSERT INTO rebuilt_places SELECT * FROM places;
DROP TABLE places;
ALTER TABLE rebuilt_places RENAME TO places;
CREATE UNIQUE INDEX places_code ON places (initiative_id, kind, code) WHERE code IS NOT NULL;
CREATE INDEX places_name ON places (initiative_id, kind, name_key);
CREATE INDEX places_parent ON places (parent_id);

-- place_groups
CREATE TABLE rebuilt_place_groups (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, name_key)
);
INSERT INTO rebuilt_place_groups SELECT * FROM place_groups;
DROP TABLE place_groups;
ALTER TABLE rebuilt_place_groups RENAME TO place_groups;

-- indicators
CREATE TABLE rebuilt_indicators (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id         INTEGER NOT NULL REFERENCES initiatives (id),
    code                  TEXT    NOT NULL,
    name_he               TEXT    NOT NULL,
    name_en               TEXT,
    definition_he         TEXT,
    definition_en         TEXT,
    unit                  TEXT    NOT NULL,
    direction             TEXT    NOT NULL,
    kind                  TEXT    NOT NULL,
    scale_max             INTEGER,
    axis                  TEXT    NOT NULL,
    result_node_id        INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL,
    data_source           TEXT,
    frequency             TEXT    NOT NULL,
    period_kind           TEXT    NOT NULL,
    owner_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    aggregation           TEXT    NOT NULL,
    weight_code           TEXT,
    formula               TEXT,
    population_code       TEXT,
    decimals              INTEGER NOT NULL,
    -- JSON list of dimension codes.
    breakdowns            TEXT    NOT NULL DEFAULT '[]',
    valid_min             REAL,
    valid_max             REAL,
    baseline_period       INTEGER,
    baseline_value        REAL,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL, coverage_expected TEXT NOT NULL DEFAULT 'previous_period', coverage_group_id INTEGER
    REFERENCES place_groups (id) ON DELETE SET NULL, coverage_threshold REAL NOT NULL DEFAULT 90, no_change_band REAL,
    UNIQUE (initiative_id, code)
);
INSERT INTO rebuilt_indicators SELECT * FROM indicators;
DROP TABLE indicators;
ALTER TABLE rebuilt_indicators RENAME TO indicators;

-- targets
CREATE TABLE rebuilt_targets (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_id       INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period             INTEGER NOT NULL,
    value              REAL,
    benchmark_place_id INTEGER REFERENCES places (id) ON DELETE SET NULL,
    note               TEXT,
    UNIQUE (indicator_id, period)
);
INSERT INTO rebuilt_targets SELECT * FROM targets;
DROP TABLE targets;
ALTER TABLE rebuilt_targets RENAME TO targets;

-- validation_rules
CREATE TABLE rebuilt_validation_rules (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    left_code     TEXT    NOT NULL,
    comparison    TEXT    NOT NULL,
    right_code    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
INSERT INTO rebuilt_validation_rules SELECT * FROM validation_rules;
DROP TABLE validation_rules;
ALTER TABLE rebuilt_validation_rules RENAME TO validation_rules;

-- data_sources
CREATE TABLE rebuilt_data_sources (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    kind          TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    created_by    INTEGER REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    rows          INTEGER NOT NULL DEFAULT 0
);
INSERT INTO rebuilt_data_sources SELECT * FROM data_sources;
DROP TABLE data_sources;
ALTER TABLE rebuilt_data_sources RENAME TO data_sources;

-- column_mappings
CREATE TABLE rebuilt_column_mappings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    purpose       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    mapping       TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, purpose, name)
);
INSERT INTO rebuilt_column_mappings SELECT * FROM column_mappings;
DROP TABLE column_mappings;
ALTER TABLE rebuilt_column_mappings RENAME TO column_mappings;

-- The newest id of a record deleted before this migration is known from the audit log
-- (every create and delete names its record): start each count above it, so even those
-- ids do not come back.
INSERT INTO sqlite_sequence (name, seq) SELECT 'users', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'users');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'user'), 0)) WHERE name = 'users';
INSERT INTO sqlite_sequence (name, seq) SELECT 'api_tokens', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'api_tokens');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'api_token'), 0)) WHERE name = 'api_tokens';
INSERT INTO sqlite_sequence (name, seq) SELECT 'initiatives', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'initiatives');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'initiative'), 0)) WHERE name = 'initiatives';
INSERT INTO sqlite_sequence (name, seq) SELECT 'organizations', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'organizations');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'organization'), 0)) WHERE name = 'organizations';
INSERT INTO sqlite_sequence (name, seq) SELECT 'people', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'people');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'person'), 0)) WHERE name = 'people';
INSERT INTO sqlite_sequence (name, seq) SELECT 'bodies', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'bodies');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'body'), 0)) WHERE name = 'bodies';
INSERT INTO sqlite_sequence (name, seq) SELECT 'memberships', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'memberships');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'membership'), 0)) WHERE name = 'memberships';
INSERT INTO sqlite_sequence (name, seq) SELECT 'agenda_versions', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'agenda_versions');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'agenda_version'), 0)) WHERE name = 'agenda_versions';
INSERT INTO sqlite_sequence (name, seq) SELECT 'result_nodes', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'result_nodes');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'result'), 0)) WHERE name = 'result_nodes';
INSERT INTO sqlite_sequence (name, seq) SELECT 'glossary_terms', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'glossary_terms');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'term'), 0)) WHERE name = 'glossary_terms';
INSERT INTO sqlite_sequence (name, seq) SELECT 'glossary_definitions', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'glossary_definitions');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'definition'), 0)) WHERE name = 'glossary_definitions';
INSERT INTO sqlite_sequence (name, seq) SELECT 'decisions', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'decisions');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'decision'), 0)) WHERE name = 'decisions';
INSERT INTO sqlite_sequence (name, seq) SELECT 'disputes', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'disputes');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'dispute'), 0)) WHERE name = 'disputes';
INSERT INTO sqlite_sequence (name, seq) SELECT 'dispute_positions', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'dispute_positions');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'position'), 0)) WHERE name = 'dispute_positions';
INSERT INTO sqlite_sequence (name, seq) SELECT 'endorsements', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'endorsements');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'endorsement'), 0)) WHERE name = 'endorsements';
INSERT INTO sqlite_sequence (name, seq) SELECT 'field_changes', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'field_changes');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'field_change'), 0)) WHERE name = 'field_changes';
INSERT INTO sqlite_sequence (name, seq) SELECT 'places', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'places');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'place'), 0)) WHERE name = 'places';
INSERT INTO sqlite_sequence (name, seq) SELECT 'place_groups', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'place_groups');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'place_group'), 0)) WHERE name = 'place_groups';
INSERT INTO sqlite_sequence (name, seq) SELECT 'indicators', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'indicators');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'indicator'), 0)) WHERE name = 'indicators';
INSERT INTO sqlite_sequence (name, seq) SELECT 'validation_rules', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'validation_rules');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'validation_rule'), 0)) WHERE name = 'validation_rules';
INSERT INTO sqlite_sequence (name, seq) SELECT 'data_sources', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'data_sources');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'data_source'), 0)) WHERE name = 'data_sources';
INSERT INTO sqlite_sequence (name, seq) SELECT 'column_mappings', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'column_mappings');
UPDATE sqlite_sequence SET seq = max(seq, coalesce(
    (SELECT max(entity_id) FROM audit_log WHERE entity = 'column_mapping'), 0)) WHERE name = 'column_mappings';

COMMIT;
PRAGMA foreign_keys = ON;
