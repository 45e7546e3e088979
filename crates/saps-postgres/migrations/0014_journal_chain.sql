-- The tamper-evident journal: every event is sealed with its predecessor's
-- hash and its own (SHA-256 over its canonical encoding, see
-- saps_core::chain), 64 hexadecimal digits each. Both are null until the
-- event is sealed. Writers never seal: a sealer (the journal.seal job, and
-- the store right after migrating, for the events written before this
-- migration) seals committed events in seq order behind them, holding the
-- one row of journal_seal, which only sealers lock, so that writers of
-- different customers never wait on one another (see ARCHITECTURE.md).
-- The twin of crates/saps-sqlite/migrations/0014_journal_chain.sql.
ALTER TABLE events ADD COLUMN prev_hash text, ADD COLUMN hash text;
CREATE INDEX events_unsealed ON events (seq) WHERE hash IS NULL;
CREATE INDEX events_kind ON events (kind, seq);

-- The sealer's position: the last sealed event.
CREATE TABLE journal_seal (
    id   integer PRIMARY KEY CHECK (id = 1),
    seq  bigint,
    hash text
);
INSERT INTO journal_seal (id) VALUES (1);

CREATE TABLE audit_verifications (
    id          uuid PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    ok          boolean,
    sealed      bigint NOT NULL DEFAULT 0,
    unsealed    bigint NOT NULL DEFAULT 0,
    head_seq    bigint,
    head_hash   text,
    message     text NOT NULL DEFAULT ''
);
CREATE INDEX audit_verifications_started ON audit_verifications (started_at);
