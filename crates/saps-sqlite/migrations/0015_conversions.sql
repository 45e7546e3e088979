-- Training-voucher days each agreement holds until they are converted into
-- planning days (the conversion itself is a ledger entry and an event).
-- The twin of crates/saps-postgres/migrations/0015_conversions.sql.
CREATE TABLE training_days (
    agreement_id TEXT PRIMARY KEY REFERENCES agreements (id),
    held         INTEGER NOT NULL CHECK (held >= 0)
);
