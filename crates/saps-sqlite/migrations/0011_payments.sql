-- Payment (SAVB): registrations per offering, bank accounts per location, the
-- dated rate card, the yearly claim reference counters and claims. A claim is
-- stored whole as JSON (`doc`, the saps_core::payment::Claim), with the columns
-- its lists and conditional writes use beside it; money in the rate card is a
-- decimal string at the currency's scale (exact, never a float).
CREATE TABLE payment_registrations (
    partner_id    TEXT NOT NULL REFERENCES orgs (id),
    offering      TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (partner_id, offering)
) WITHOUT ROWID;

CREATE TABLE bank_accounts (
    location_id TEXT PRIMARY KEY REFERENCES locations (id),
    partner_id  TEXT NOT NULL REFERENCES orgs (id),
    holder      TEXT NOT NULL,
    iban        TEXT NOT NULL,
    bic         TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX bank_accounts_partner ON bank_accounts (partner_id, location_id);

CREATE TABLE rates (
    country        TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    amount         TEXT NOT NULL,
    currency       TEXT NOT NULL,
    PRIMARY KEY (country, effective_from)
) WITHOUT ROWID;

CREATE TABLE claim_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE claims (
    id         TEXT PRIMARY KEY,
    reference  TEXT NOT NULL UNIQUE,
    partner_id TEXT NOT NULL REFERENCES orgs (id),
    state      TEXT NOT NULL,
    doc        TEXT NOT NULL,
    version    INTEGER NOT NULL
);
CREATE INDEX claims_partner ON claims (partner_id, id);
CREATE INDEX claims_state ON claims (state, id);
