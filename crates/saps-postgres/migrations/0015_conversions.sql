-- Training-voucher days each agreement holds until they are converted into
-- planning days (the conversion itself is a ledger entry and an event).
-- The twin of crates/saps-sqlite/migrations/0015_conversions.sql.
CREATE TABLE training_days (
    agreement_id uuid PRIMARY KEY REFERENCES agreements (id),
    held         bigint NOT NULL CHECK (held >= 0)
);
