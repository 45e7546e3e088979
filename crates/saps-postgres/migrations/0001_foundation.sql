-- The foundation: organisations and people, agreements and their ledger of
-- days, vouchers, the journal, the program, idempotency keys and the outbox.
--
-- The twin of crates/saps-sqlite/migrations/0001_foundation.sql: the same
-- tables, columns and constraints, in PostgreSQL's native types (uuid,
-- timestamptz, date, jsonb, bigint). Enums are text, by their snake_case
-- names; voucher codes are stored in their compact form.
--
-- Timestamps come from Rust with nanoseconds and must read back exactly, but
-- timestamptz keeps microseconds: each timestamp column `x` holds the instant
-- rounded down to the microsecond, and `x_ns` the nanoseconds below it
-- (0-999). SQL that reads `x` alone sees the instant to the microsecond.

CREATE TABLE orgs (
    id             uuid PRIMARY KEY,
    kind           text NOT NULL,
    name           text NOT NULL,
    country        text NOT NULL,
    benefit_active boolean NOT NULL,
    created_at     timestamptz NOT NULL,
    created_at_ns  smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999)
);
CREATE INDEX orgs_kind ON orgs (kind, id);

CREATE TABLE locations (
    id         uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES orgs (id),
    name       text NOT NULL,
    country    text NOT NULL,
    city       text NOT NULL
);
CREATE INDEX locations_partner ON locations (partner_id, id);

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL REFERENCES orgs (id),
    email         text NOT NULL CONSTRAINT users_email_key UNIQUE,
    name          text NOT NULL,
    role          text NOT NULL,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL,
    created_at_ns smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999)
);
CREATE INDEX users_org ON users (org_id, id);

CREATE TABLE api_tokens (
    hash          text PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL,
    created_at_ns smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999)
);

CREATE TABLE agreements (
    id            uuid PRIMARY KEY,
    customer_id   uuid NOT NULL REFERENCES orgs (id),
    number        text NOT NULL,
    sa_start      date NOT NULL,
    sa_end        date NOT NULL,
    days          integer NOT NULL,
    available     bigint NOT NULL CHECK (available >= 0),
    created_at    timestamptz NOT NULL,
    created_at_ns smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999),
    CONSTRAINT agreements_customer_id_number_key UNIQUE (customer_id, number)
);

-- voucher_id and event_id are not foreign keys: a use case may post the
-- debit before it inserts the voucher or appends the event.
CREATE TABLE ledger (
    id           uuid PRIMARY KEY,
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    at           timestamptz NOT NULL,
    at_ns        smallint NOT NULL CHECK (at_ns BETWEEN 0 AND 999),
    delta        bigint NOT NULL,
    reason       text NOT NULL,
    voucher_id   uuid,
    event_id     uuid NOT NULL
);
CREATE INDEX ledger_agreement ON ledger (agreement_id);

-- The reservation columns (location_id … reserved_at) are all set or all null.
CREATE TABLE vouchers (
    id                 uuid PRIMARY KEY,
    code               text NOT NULL CONSTRAINT vouchers_code_key UNIQUE,
    customer_id        uuid NOT NULL REFERENCES orgs (id),
    agreement_id       uuid NOT NULL REFERENCES agreements (id),
    engagement         text NOT NULL,
    days               integer NOT NULL,
    project_manager_id uuid NOT NULL REFERENCES users (id),
    created_by         uuid NOT NULL REFERENCES users (id),
    state              text NOT NULL,
    partner_id         uuid REFERENCES orgs (id),
    location_id        uuid REFERENCES locations (id),
    consultant_id      uuid REFERENCES users (id),
    start_date         date,
    end_date           date,
    delivery_country   text,
    reserved_by        uuid REFERENCES users (id),
    reserved_at        timestamptz,
    reserved_at_ns     smallint CHECK (reserved_at_ns BETWEEN 0 AND 999),
    created_at         timestamptz NOT NULL,
    created_at_ns      smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999),
    assigned_at        timestamptz,
    assigned_at_ns     smallint CHECK (assigned_at_ns BETWEEN 0 AND 999),
    expires_on         date NOT NULL,
    version            bigint NOT NULL
);
CREATE INDEX vouchers_customer ON vouchers (customer_id, id);
CREATE INDEX vouchers_partner ON vouchers (partner_id, id);
CREATE INDEX vouchers_state_expiry ON vouchers (state, expires_on);

-- The journal. No foreign keys: it outlives and precedes what it mentions.
--
-- seq is not a bigserial: sequence values are taken in one order and
-- committed in another, so a poller reading "seq > cursor" could step over an
-- event that commits later with a smaller number. Here seq is the writing
-- transaction's id shifted left by 20 bits plus the event's rank within the
-- transaction (see PgTx::append_event), so feed order is transaction order,
-- and events_after returns only events of transactions older than every one
-- still in flight in this database: nothing can later appear below a cursor
-- it handed out.
CREATE TABLE events (
    seq             bigint PRIMARY KEY,
    id              uuid NOT NULL CONSTRAINT events_id_key UNIQUE,
    at              timestamptz NOT NULL,
    at_ns           smallint NOT NULL CHECK (at_ns BETWEEN 0 AND 999),
    actor_id        uuid,
    kind            text NOT NULL,
    payload         jsonb NOT NULL,
    voucher_id      uuid,
    customer_id     uuid,
    partner_id      uuid,
    program_version integer NOT NULL
);
CREATE INDEX events_voucher ON events (voucher_id, seq);
CREATE INDEX events_customer ON events (customer_id, seq);
CREATE INDEX events_partner ON events (partner_id, seq);

CREATE TABLE program (
    id   integer PRIMARY KEY CHECK (id = 1),
    body jsonb NOT NULL
);

-- status is null while the first request is being processed.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    status        integer,
    body          bytea NOT NULL,
    created_at    timestamptz NOT NULL,
    created_at_ns smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    recipient     text NOT NULL,
    subject       text NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL,
    created_at_ns smallint NOT NULL CHECK (created_at_ns BETWEEN 0 AND 999),
    sent_at       timestamptz,
    sent_at_ns    smallint CHECK (sent_at_ns BETWEEN 0 AND 999),
    attempts      integer NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox (created_at, created_at_ns, id) WHERE sent_at IS NULL;
