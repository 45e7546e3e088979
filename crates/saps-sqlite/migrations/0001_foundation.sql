-- The foundation: organisations and people, agreements and their ledger of
-- days, vouchers, the journal, the program, idempotency keys and the outbox.
--
-- Types at rest: ids are hyphenated lower-case UUID text, timestamps RFC 3339
-- UTC text with nine fractional digits (generated in Rust, so text order is
-- time order), dates 'YYYY-MM-DD', JSON as text, enums by their snake_case
-- names, voucher codes in their compact form, days and money as integers.
-- The PostgreSQL twin (crates/saps-postgres/migrations) mirrors every table,
-- column and constraint.

CREATE TABLE orgs (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    country        TEXT NOT NULL,
    benefit_active INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX orgs_kind ON orgs (kind, id);

CREATE TABLE locations (
    id         TEXT PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES orgs (id),
    name       TEXT NOT NULL,
    country    TEXT NOT NULL,
    city       TEXT NOT NULL
);
CREATE INDEX locations_partner ON locations (partner_id, id);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id, id);

CREATE TABLE api_tokens (
    hash       TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);

CREATE TABLE agreements (
    id          TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES orgs (id),
    number      TEXT NOT NULL,
    sa_start    TEXT NOT NULL,
    sa_end      TEXT NOT NULL,
    days        INTEGER NOT NULL,
    available   INTEGER NOT NULL CHECK (available >= 0),
    created_at  TEXT NOT NULL,
    UNIQUE (customer_id, number)
);

-- voucher_id and event_id are not foreign keys: a use case may post the
-- debit before it inserts the voucher or appends the event.
CREATE TABLE ledger (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements (id),
    at           TEXT NOT NULL,
    delta        INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    voucher_id   TEXT,
    event_id     TEXT NOT NULL
);
CREATE INDEX ledger_agreement ON ledger (agreement_id);

-- The reservation columns (location_id … reserved_at) are all set or all null.
CREATE TABLE vouchers (
    id                 TEXT PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    customer_id        TEXT NOT NULL REFERENCES orgs (id),
    agreement_id       TEXT NOT NULL REFERENCES agreements (id),
    engagement         TEXT NOT NULL,
    days               INTEGER NOT NULL,
    project_manager_id TEXT NOT NULL REFERENCES users (id),
    created_by         TEXT NOT NULL REFERENCES users (id),
    state              TEXT NOT NULL,
    partner_id         TEXT REFERENCES orgs (id),
    location_id        TEXT REFERENCES locations (id),
    consultant_id      TEXT REFERENCES users (id),
    start_date         TEXT,
    end_date           TEXT,
    delivery_country   TEXT,
    reserved_by        TEXT REFERENCES users (id),
    reserved_at        TEXT,
    created_at         TEXT NOT NULL,
    assigned_at        TEXT,
    expires_on         TEXT NOT NULL,
    version            INTEGER NOT NULL
);
CREATE INDEX vouchers_customer ON vouchers (customer_id, id);
CREATE INDEX vouchers_partner ON vouchers (partner_id, id);
CREATE INDEX vouchers_state_expiry ON vouchers (state, expires_on);

-- The journal. No foreign keys: it outlives and precedes what it mentions.
CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    at              TEXT NOT NULL,
    actor_id        TEXT,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    voucher_id      TEXT,
    customer_id     TEXT,
    partner_id      TEXT,
    program_version INTEGER NOT NULL
);
CREATE INDEX events_voucher ON events (voucher_id, seq);
CREATE INDEX events_customer ON events (customer_id, seq);
CREATE INDEX events_partner ON events (partner_id, seq);

CREATE TABLE program (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL
);

-- status is null while the first request is being processed.
CREATE TABLE idempotency_keys (
    user_id      TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER,
    body         BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE outbox (
    id         TEXT PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE sent_at IS NULL;
