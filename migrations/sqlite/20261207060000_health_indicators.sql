-- An indicator that follows one health figure of one body (attendance, returning members,
-- action items done in time, agenda covered), its values computed from the meeting record
-- for one place (the initiative's own), period by period.
CREATE TABLE health_indicators (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators (id) ON DELETE CASCADE,
    measure      TEXT    NOT NULL CHECK (measure IN ('attendance', 'returning', 'actions_done', 'agenda_covered')),
    body_id      INTEGER NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    place_id     INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL
);
