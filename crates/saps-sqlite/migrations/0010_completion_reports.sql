-- Completion reports and their deliverables. A file's bytes are stored once
-- per SHA-256 (deliverable_blobs); a report links to them by hash with the
-- name each was uploaded under (report_deliverables). The receipt is kept as
-- served, with its SHA-256. A declined report stays, superseded by the next.
-- The twin of crates/saps-postgres/migrations/0010_completion_reports.sql.
CREATE TABLE deliverable_blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    bytes  BLOB NOT NULL
);

CREATE TABLE completion_reports (
    id               TEXT PRIMARY KEY,
    voucher_id       TEXT NOT NULL REFERENCES vouchers (id),
    delivered_from   TEXT NOT NULL,
    delivered_to     TEXT NOT NULL,
    days_onsite      INTEGER NOT NULL,
    days_offsite     INTEGER NOT NULL,
    summary          TEXT NOT NULL,
    next_steps       TEXT NOT NULL,
    submitted_by     TEXT NOT NULL REFERENCES users (id),
    submitted_at     TEXT NOT NULL,
    receipt          TEXT NOT NULL,
    receipt_sha256   TEXT NOT NULL,
    sign_off         TEXT NOT NULL,
    signed_off_at    TEXT,
    signed_off_by    TEXT REFERENCES users (id),
    sign_off_comment TEXT
);
CREATE INDEX completion_reports_voucher ON completion_reports (voucher_id, submitted_at);
CREATE INDEX completion_reports_sign_off ON completion_reports (sign_off, submitted_at);

CREATE TABLE report_deliverables (
    id           TEXT PRIMARY KEY,
    report_id    TEXT NOT NULL REFERENCES completion_reports (id),
    position     INTEGER NOT NULL,
    sha256       TEXT NOT NULL REFERENCES deliverable_blobs (sha256),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL
);
CREATE INDEX report_deliverables_report ON report_deliverables (report_id, position);
