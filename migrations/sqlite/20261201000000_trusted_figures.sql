-- Figures people can trust: which places each indicator expects to report and how many of
-- them must have for a period to be more than provisional; the band within which a change is
-- no real change; and each initiative's proof-point threshold.

ALTER TABLE indicators ADD COLUMN coverage_expected TEXT NOT NULL DEFAULT 'previous_period';
ALTER TABLE indicators ADD COLUMN coverage_group_id INTEGER
    REFERENCES place_groups (id) ON DELETE SET NULL;
ALTER TABLE indicators ADD COLUMN coverage_threshold REAL NOT NULL DEFAULT 90;
ALTER TABLE indicators ADD COLUMN no_change_band REAL;

CREATE TABLE measurement_settings (
    initiative_id         INTEGER PRIMARY KEY REFERENCES initiatives (id),
    -- In percent: the share of improving indicators that makes Strive's proof point.
    proof_point_threshold REAL    NOT NULL DEFAULT 60,
    updated_at            TEXT    NOT NULL
);
