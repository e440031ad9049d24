-- The work plan: multi-year and annual plans in the seed's table (goal → lever → action
-- component → executing organization or body → budget planned and actual), each row with a
-- status and milestones. A plan is a draft until a decision approves it; a later version of
-- the same years is a new plan with the next number. A results node, organization or body
-- that a row names is not deleted from under it (the foreign keys refuse it).
CREATE TABLE work_plans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('multi_year', 'annual')),
    title         TEXT    NOT NULL,
    first_year    INTEGER NOT NULL,
    last_year     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    decision_id   INTEGER REFERENCES decisions (id),
    approved_at   TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CHECK (first_year <= last_year),
    CHECK (kind = 'multi_year' OR first_year = last_year),
    UNIQUE (initiative_id, kind, first_year, last_year, version)
);

CREATE TABLE work_plan_items (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id         INTEGER NOT NULL REFERENCES work_plans (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    result_id       INTEGER NOT NULL REFERENCES result_nodes (id),
    title           TEXT,
    organization_id INTEGER REFERENCES organizations (id),
    body_id         INTEGER REFERENCES bodies (id),
    program_id      INTEGER REFERENCES programs (id) ON DELETE SET NULL,
    budget_planned  INTEGER CHECK (budget_planned >= 0),
    budget_actual   INTEGER CHECK (budget_actual >= 0),
    status          TEXT    NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    notes           TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CHECK ((organization_id IS NULL) <> (body_id IS NULL))
);
CREATE INDEX work_plan_items_by_plan ON work_plan_items (plan_id, position);

CREATE TABLE work_plan_milestones (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id    INTEGER NOT NULL REFERENCES work_plan_items (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL,
    due_on     TEXT    NOT NULL,
    done_on    TEXT,
    created_at TEXT    NOT NULL
);
CREATE INDEX work_plan_milestones_by_item ON work_plan_milestones (item_id);
