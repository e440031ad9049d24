-- The document library: a document sits in the initiative's folder (no body) or a body's,
-- is seen by everyone in the initiative, the body's members or the backbone, and may be a
-- meeting's material, a decision's or a results node's. Its versions keep the bytes.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    body_id       INTEGER REFERENCES bodies (id),
    title         TEXT    NOT NULL,
    description   TEXT,
    visibility    TEXT    NOT NULL CHECK (visibility IN ('initiative', 'body', 'backbone')),
    meeting_id    INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    decision_id   INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
    result_id     INTEGER REFERENCES result_nodes (id) ON DELETE SET NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CHECK (visibility <> 'body' OR body_id IS NOT NULL)
);
CREATE INDEX documents_by_initiative ON documents (initiative_id);
CREATE INDEX documents_by_meeting ON documents (meeting_id);

CREATE TABLE document_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    file_name   TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size_bytes  INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    content     BLOB    NOT NULL,
    created_at  TEXT    NOT NULL,
    UNIQUE (document_id, number)
);
