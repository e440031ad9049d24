-- Members take part in the agenda in their own name: a position keeps the person who
-- stated it (positions stated before this migration keep only their organization), and a
-- version of the agenda gathers comments, each with its author and, when they speak for
-- one, their organization.
ALTER TABLE dispute_positions ADD COLUMN user_id INTEGER REFERENCES users (id);

CREATE TABLE agenda_comments (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    agenda_version_id INTEGER NOT NULL REFERENCES agenda_versions (id),
    user_id           INTEGER REFERENCES users (id),
    organization_id   INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    body              TEXT    NOT NULL,
    created_at        TEXT    NOT NULL
);
CREATE INDEX agenda_comments_by_version ON agenda_comments (agenda_version_id, id);

-- A person's first page lists what they were told lately in the initiative.
CREATE INDEX notifications_by_person ON notifications (user_id, initiative_id, id);

-- A notification's message names its one-click unsubscribe address in a List-Unsubscribe
-- header (RFC 8058), so a mail program can offer "unsubscribe" beside the message.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT;
