-- The public report card of an initiative: chosen indicators, shown to anyone with its
-- address, with small groups hidden.
CREATE TABLE report_cards (
    initiative_id  INTEGER PRIMARY KEY REFERENCES initiatives (id),
    slug           TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL,
    -- JSON list of indicator codes, in the order shown.
    indicators     TEXT    NOT NULL DEFAULT '[]',
    threshold      INTEGER NOT NULL,
    published      INTEGER NOT NULL,
    updated_at     TEXT    NOT NULL
);
