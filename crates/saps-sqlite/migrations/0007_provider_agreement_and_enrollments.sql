-- The provider agreement's published versions (version 1 ships with the
-- program and is not stored), the companies' signatures, and enrollments:
-- one per company and offering, renewed in place (a conditional write on
-- `version`), which the unique key keeps single under concurrent enrollment.
CREATE TABLE provider_agreements (
    version      INTEGER PRIMARY KEY,
    text         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL REFERENCES users (id)
);

CREATE TABLE agreement_signatures (
    partner_id TEXT NOT NULL REFERENCES orgs (id),
    version    INTEGER NOT NULL,
    signed_by  TEXT NOT NULL REFERENCES users (id),
    signed_at  TEXT NOT NULL,
    PRIMARY KEY (partner_id, version)
);

-- location_ids is a JSON array of location ids.
CREATE TABLE enrollments (
    id                TEXT PRIMARY KEY,
    partner_id        TEXT NOT NULL REFERENCES orgs (id),
    offering          TEXT NOT NULL,
    location_ids      TEXT NOT NULL,
    valid_until       TEXT NOT NULL,
    agreement_version INTEGER NOT NULL,
    enrolled_at       TEXT NOT NULL,
    enrolled_by       TEXT NOT NULL REFERENCES users (id),
    version           INTEGER NOT NULL,
    CONSTRAINT enrollments_partner_offering_key UNIQUE (partner_id, offering)
);
