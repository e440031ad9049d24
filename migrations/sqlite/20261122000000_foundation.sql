-- The foundation: accounts, initiatives, the partner network, bodies, imports and the
-- audit log. Timestamps are UTC in RFC 3339 text; dates are YYYY-MM-DD text.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at    TEXT    NOT NULL
);

-- Sessions and API tokens are kept only as SHA-256 digests of the secret.
CREATE TABLE sessions (
    digest     TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    digest     TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
);

CREATE TABLE initiatives (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT,
    parent_id   INTEGER REFERENCES initiatives (id),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE organizations (
    id                INTEGER PRIMARY KEY,
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
CREATE UNIQUE INDEX organizations_external_id
    ON organizations (initiative_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE organization_tags (
    organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    tag             TEXT    NOT NULL,
    tag_key         TEXT    NOT NULL,
    PRIMARY KEY (organization_id, position)
);
CREATE INDEX organization_tags_key ON organization_tags (tag_key);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    name            TEXT    NOT NULL,
    role_title      TEXT,
    email           TEXT,
    phone           TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX people_email ON people (initiative_id, email) WHERE email IS NOT NULL;
CREATE INDEX people_organization ON people (organization_id);

CREATE TABLE bodies (
    id            INTEGER PRIMARY KEY,
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
CREATE INDEX bodies_initiative ON bodies (initiative_id);

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY,
    body_id    INTEGER NOT NULL REFERENCES bodies (id),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    role       TEXT    NOT NULL,
    from_date  TEXT,
    to_date    TEXT,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX memberships_body ON memberships (body_id);
CREATE INDEX memberships_person ON memberships (person_id);

CREATE TABLE initiative_roles (
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    role            TEXT    NOT NULL,
    organization_id INTEGER REFERENCES organizations (id),
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (initiative_id, user_id)
);
CREATE INDEX initiative_roles_user ON initiative_roles (user_id);

-- Parsed spreadsheets waiting for the user's confirmation.
CREATE TABLE import_drafts (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    file_name     TEXT    NOT NULL,
    table_json    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

-- Every change: who, when, what, before and after. No foreign keys to the entities, so
-- the log outlives what it describes.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    actor_id      INTEGER,
    initiative_id INTEGER,
    entity        TEXT    NOT NULL,
    entity_id     INTEGER NOT NULL,
    action        TEXT    NOT NULL,
    before_json   TEXT,
    after_json    TEXT
);
CREATE INDEX audit_log_subject ON audit_log (entity, entity_id);
CREATE INDEX audit_log_initiative ON audit_log (initiative_id, id);
