-- Payment (SAVB): registrations per offering, bank accounts per location, the
-- dated rate card, the yearly claim reference counters and claims. A claim is
-- stored whole as JSON (`doc`, the saps_core::payment::Claim), with the columns
-- its lists and conditional writes use beside it; money in the rate card is a
-- decimal string at the currency's scale (exact, never a float).
-- The twin of crates/saps-sqlite/migrations/0011_payments.sql.
CREATE TABLE payment_registrations (
    partner_id    uuid NOT NULL REFERENCES orgs (id),
    offering      text NOT NULL,
    registered_at timestamptz NOT NULL,
    registered_by uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (partner_id, offering)
);

CREATE TABLE bank_accounts (
    location_id uuid PRIMARY KEY REFERENCES locations (id),
    partner_id  uuid NOT NULL REFERENCES orgs (id),
    holder      text NOT NULL,
    iban        text NOT NULL,
    bic         text NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX bank_accounts_partner ON bank_accounts (partner_id, location_id);

CREATE TABLE rates (
    country        text NOT NULL,
    effective_from date NOT NULL,
    amount         text NOT NULL,
    currency       text NOT NULL,
    PRIMARY KEY (country, effective_from)
);

CREATE TABLE claim_counters (
    year integer PRIMARY KEY,
    last bigint NOT NULL
);

CREATE TABLE claims (
    id         uuid PRIMARY KEY,
    reference  text NOT NULL UNIQUE,
    partner_id uuid NOT NULL REFERENCES orgs (id),
    state      text NOT NULL,
    doc        text NOT NULL,
    version    integer NOT NULL
);
CREATE INDEX claims_partner ON claims (partner_id, id);
CREATE INDEX claims_state ON claims (state, id);
