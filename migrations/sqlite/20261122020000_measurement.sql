-- Shared measurement: places and groups, indicators with targets and rules, data values
-- with their sources and history, saved column mappings.

CREATE TABLE places (
    id               INTEGER PRIMARY KEY,
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
CREATE UNIQUE INDEX places_code ON places (initiative_id, kind, code) WHERE code IS NOT NULL;
CREATE INDEX places_name ON places (initiative_id, kind, name_key);
CREATE INDEX places_parent ON places (parent_id);

CREATE TABLE place_groups (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, name_key)
);

CREATE TABLE place_group_members (
    group_id INTEGER NOT NULL REFERENCES place_groups (id) ON DELETE CASCADE,
    place_id INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, place_id)
) WITHOUT ROWID;

CREATE TABLE indicators (
    id                    INTEGER PRIMARY KEY,
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
    updated_at            TEXT    NOT NULL,
    UNIQUE (initiative_id, code)
);

CREATE TABLE targets (
    id                 INTEGER PRIMARY KEY,
    indicator_id       INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period             INTEGER NOT NULL,
    value              REAL,
    benchmark_place_id INTEGER REFERENCES places (id) ON DELETE SET NULL,
    note               TEXT,
    UNIQUE (indicator_id, period)
);

CREATE TABLE validation_rules (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    left_code     TEXT    NOT NULL,
    comparison    TEXT    NOT NULL,
    right_code    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

-- Every value names the file, form or call it came from; who and when are kept here once.
CREATE TABLE data_sources (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    kind          TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    created_by    INTEGER REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    rows          INTEGER NOT NULL DEFAULT 0
);

-- Breakdown cells (`gender=female|sector=arab`) are stored once and referred to by number,
-- so millions of values do not repeat the text. Cell 0 is the total.
CREATE TABLE breakdown_cells (
    id  INTEGER PRIMARY KEY,
    key TEXT    NOT NULL UNIQUE
);
INSERT INTO breakdown_cells (id, key) VALUES (0, '');

-- One row per indicator, period, place and cell. Periods are integer keys (see
-- kesher_domain::measurement::period); state and missing reason are small integers / codes.
CREATE TABLE data_values (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period       INTEGER NOT NULL,
    place_id     INTEGER NOT NULL REFERENCES places (id),
    cell_id      INTEGER NOT NULL,
    value        REAL,
    missing      TEXT,
    note         TEXT,
    state        INTEGER NOT NULL,
    source_id    INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, period, place_id, cell_id)
) WITHOUT ROWID;
CREATE INDEX data_values_place ON data_values (place_id);

-- Earlier readings of values: appended when a value is replaced or changes state.
CREATE TABLE value_history (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period       INTEGER NOT NULL,
    place_id     INTEGER NOT NULL,
    cell_id      INTEGER NOT NULL,
    value        REAL,
    missing      TEXT,
    note         TEXT,
    state        INTEGER NOT NULL,
    source_id    INTEGER NOT NULL,
    replaced_at  TEXT    NOT NULL
);
CREATE INDEX value_history_key ON value_history (indicator_id, period, place_id, cell_id);

CREATE TABLE column_mappings (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    purpose       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    mapping       TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (initiative_id, purpose, name)
);
