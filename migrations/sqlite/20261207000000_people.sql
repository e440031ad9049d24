-- People come in by e-mail: the outbox of messages, invitations, password resets.

-- Every message Kesher sends, queued in the transaction of the event that causes it and
-- sent by a worker. Bodies are emptied once sent, since they may hold a one-time link.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER REFERENCES initiatives (id),
    kind            TEXT    NOT NULL,
    to_address      TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX mail_outbox_initiative ON mail_outbox (initiative_id, id);

-- A single-use link into an initiative with a role; only the link's digest is kept.
CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    email           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    organization_id INTEGER REFERENCES organizations (id),
    language        TEXT    NOT NULL,
    invited_by      INTEGER REFERENCES users (id),
    digest          TEXT    NOT NULL UNIQUE,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    accepted_at     TEXT,
    accepted_by     INTEGER REFERENCES users (id),
    revoked_at      TEXT
);
CREATE INDEX invitations_initiative ON invitations (initiative_id, id);

-- A password reset link, valid an hour and used once; only its digest is kept.
CREATE TABLE password_resets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    digest     TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT
);

-- Each account's language: its messages are written in it, and its pages open in it
-- unless the person picks another language on the page.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'he';

-- What a person is told of; `mailed_at` stays empty while it waits for the daily digest.
CREATE TABLE notifications (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    initiative_id INTEGER REFERENCES initiatives (id),
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    link          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    mailed_at     TEXT
);
CREATE INDEX notifications_waiting ON notifications (user_id, id) WHERE mailed_at IS NULL;

-- How each person wants each kind; a kind not listed is sent at once.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind    TEXT    NOT NULL,
    mode    TEXT    NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- The one-click unsubscribe link of a message, as its digest: whose, and which kind.
CREATE TABLE unsubscribe_links (
    digest     TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    kind       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
