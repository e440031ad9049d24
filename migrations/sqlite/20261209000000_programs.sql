-- Programs (mutually reinforcing activities): what each partner runs, for which goals of the
-- results tree, where and for whom. An organization with programs cannot be deleted (the
-- foreign key refuses it); a removed goal, place, group or indicator only drops its link.
CREATE TABLE programs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    name            TEXT    NOT NULL,
    description     TEXT,
    populations     TEXT    NOT NULL DEFAULT '[]',
    subjects        TEXT    NOT NULL DEFAULT '[]',
    age_bands       TEXT    NOT NULL DEFAULT '[]',
    core            INTEGER NOT NULL DEFAULT 0 CHECK (core IN (0, 1)),
    starts          TEXT,
    ends            TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CHECK (starts IS NULL OR ends IS NULL OR starts <= ends)
);
CREATE INDEX programs_by_initiative ON programs (initiative_id);
CREATE INDEX programs_by_organization ON programs (organization_id);

CREATE TABLE program_results (
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    result_id  INTEGER NOT NULL REFERENCES result_nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (program_id, result_id)
);
CREATE TABLE program_places (
    program_id INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    place_id   INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    PRIMARY KEY (program_id, place_id)
);
CREATE TABLE program_place_groups (
    program_id     INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    place_group_id INTEGER NOT NULL REFERENCES place_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (program_id, place_group_id)
);
CREATE TABLE program_indicators (
    program_id   INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (program_id, indicator_id)
);
