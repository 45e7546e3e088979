-- The tamper-evident journal: every event is sealed with its predecessor's
-- hash and its own (SHA-256 over its canonical encoding, see
-- saps_core::chain), 64 hexadecimal digits each. Both are null until the
-- event is sealed: on SQLite, in the transaction that appends it; events
-- written before this migration are sealed right after it, in Rust (SQL
-- cannot hash the canonical encoding), once. The record of verifications
-- runs of the journal feeds the operator's audit page.
-- The twin of crates/saps-postgres/migrations/0014_journal_chain.sql.
ALTER TABLE events ADD COLUMN prev_hash TEXT;
ALTER TABLE events ADD COLUMN hash TEXT;
CREATE INDEX events_unsealed ON events (seq) WHERE hash IS NULL;
CREATE INDEX events_kind ON events (kind, seq);

CREATE TABLE audit_verifications (
    id          TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    ok          INTEGER,
    sealed      INTEGER NOT NULL DEFAULT 0,
    unsealed    INTEGER NOT NULL DEFAULT 0,
    head_seq    INTEGER,
    head_hash   TEXT,
    message     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_verifications_started ON audit_verifications (started_at);
