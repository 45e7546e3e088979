-- The provider agreement's published versions (version 1 ships with the
-- program and is not stored), the companies' signatures, and enrollments:
-- one per company and offering, renewed in place (a conditional write on
-- `version`), which the unique key keeps single under concurrent enrollment.
-- The twin of crates/saps-sqlite/migrations/0007_provider_agreement_and_enrollments.sql.
CREATE TABLE provider_agreements (
    version      integer PRIMARY KEY,
    text         text NOT NULL,
    published_at timestamptz NOT NULL,
    published_by uuid NOT NULL REFERENCES users (id)
);

CREATE TABLE agreement_signatures (
    partner_id uuid NOT NULL REFERENCES orgs (id),
    version    integer NOT NULL,
    signed_by  uuid NOT NULL REFERENCES users (id),
    signed_at  timestamptz NOT NULL,
    PRIMARY KEY (partner_id, version)
);

-- location_ids is a JSON array of location ids.
CREATE TABLE enrollments (
    id                uuid PRIMARY KEY,
    partner_id        uuid NOT NULL REFERENCES orgs (id),
    offering          text NOT NULL,
    location_ids      text NOT NULL,
    valid_until       date NOT NULL,
    agreement_version integer NOT NULL,
    enrolled_at       timestamptz NOT NULL,
    enrolled_by       uuid NOT NULL REFERENCES users (id),
    version           integer NOT NULL,
    CONSTRAINT enrollments_partner_offering_key UNIQUE (partner_id, offering)
);
