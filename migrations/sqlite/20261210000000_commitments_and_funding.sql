-- Commitments (100Kin10): a partner promises money, people or activity to a node of the
-- results tree, in a measurable amount, by a date; public or for the partners only; its
-- report carries the evidence.
CREATE TABLE commitments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    result_id       INTEGER NOT NULL REFERENCES result_nodes (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('money', 'people', 'activity')),
    promise         TEXT    NOT NULL,
    amount          INTEGER NOT NULL CHECK (amount > 0),
    unit            TEXT,
    due             TEXT    NOT NULL,
    visibility      TEXT    NOT NULL CHECK (visibility IN ('public', 'partners')),
    status          TEXT    NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'fulfilled', 'partly', 'not_fulfilled')),
    delivered       INTEGER CHECK (delivered IS NULL OR delivered >= 0),
    evidence        TEXT,
    evidence_url    TEXT,
    reported_on     TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    -- Kept or not, a report says what shows it.
    CHECK (status = 'open' OR evidence IS NOT NULL)
);
CREATE INDEX commitments_by_initiative ON commitments (initiative_id, due);
CREATE INDEX commitments_by_organization ON commitments (organization_id);

-- Joint funding requests: one request every funding partner reads; each funder's answer is
-- one row, seen by funders only.
CREATE TABLE funding_requests (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    initiative_id   INTEGER NOT NULL REFERENCES initiatives (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    amount          INTEGER NOT NULL CHECK (amount > 0),
    needed_by       TEXT,
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX funding_requests_by_initiative ON funding_requests (initiative_id);

CREATE TABLE funding_request_results (
    funding_request_id INTEGER NOT NULL REFERENCES funding_requests (id) ON DELETE CASCADE,
    result_id          INTEGER NOT NULL REFERENCES result_nodes (id) ON DELETE CASCADE,
    PRIMARY KEY (funding_request_id, result_id)
);

CREATE TABLE funding_pledges (
    funding_request_id INTEGER NOT NULL REFERENCES funding_requests (id) ON DELETE CASCADE,
    organization_id    INTEGER NOT NULL REFERENCES organizations (id),
    interest           TEXT    NOT NULL CHECK (interest IN ('interested', 'considering', 'declined')),
    amount             INTEGER CHECK (amount IS NULL OR (amount > 0 AND interest = 'interested')),
    note               TEXT,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (funding_request_id, organization_id)
);
