-- Invitations to a meeting by e-mail, with an iCalendar request attached, and the answers
-- they collect; cancellations; and calendar feeds people subscribe to.

-- A meeting's invitations were sent (and when last), how many times its time or place was
-- sent again (the iCalendar SEQUENCE, so calendars replace rather than duplicate it), and
-- whether it was called off.
ALTER TABLE meetings ADD COLUMN invitations_sent_at TEXT;
ALTER TABLE meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN cancelled_at TEXT;

-- An invitee's answer, and the digest of the secret in their invitation's answer links (a
-- new invitation replaces it, so an old message's links stop answering).
ALTER TABLE meeting_invitees ADD COLUMN answer TEXT CHECK (answer IN ('yes', 'no', 'maybe'));
ALTER TABLE meeting_invitees ADD COLUMN answered_at TEXT;
ALTER TABLE meeting_invitees ADD COLUMN answer_digest TEXT;
CREATE UNIQUE INDEX meeting_invitees_by_answer_digest ON meeting_invitees (answer_digest);

-- A message may carry a calendar object (text/calendar), with its iCalendar METHOD.
ALTER TABLE mail_outbox ADD COLUMN calendar TEXT;
ALTER TABLE mail_outbox ADD COLUMN calendar_method TEXT;

-- A calendar feed: a secret address a calendar program subscribes to, for one person's
-- meetings, one body's, or the whole initiative's. Only the secret's digest is kept; a
-- revoked feed answers 404.
CREATE TABLE calendar_feeds (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    digest        TEXT    NOT NULL UNIQUE,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    scope         TEXT    NOT NULL CHECK (scope IN ('mine', 'body', 'initiative')),
    body_id       INTEGER REFERENCES bodies (id) ON DELETE CASCADE,
    created_at    TEXT    NOT NULL,
    revoked_at    TEXT,
    CHECK ((scope = 'body') = (body_id IS NOT NULL))
);
CREATE INDEX calendar_feeds_by_user ON calendar_feeds (user_id);
