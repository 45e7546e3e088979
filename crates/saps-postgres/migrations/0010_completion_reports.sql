-- Completion reports and their deliverables. A file's bytes are stored once
-- per SHA-256 (deliverable_blobs); a report links to them by hash with the
-- name each was uploaded under (report_deliverables). The receipt is kept as
-- served, with its SHA-256. A declined report stays, superseded by the next.
-- The twin of crates/saps-sqlite/migrations/0010_completion_reports.sql.
CREATE TABLE deliverable_blobs (
    sha256 text PRIMARY KEY,
    size   bigint NOT NULL,
    bytes  bytea NOT NULL
);

CREATE TABLE completion_reports (
    id               uuid PRIMARY KEY,
    voucher_id       uuid NOT NULL REFERENCES vouchers (id),
    delivered_from   date NOT NULL,
    delivered_to     date NOT NULL,
    days_onsite      integer NOT NULL,
    days_offsite     integer NOT NULL,
    summary          text NOT NULL,
    next_steps       text NOT NULL,
    submitted_by     uuid NOT NULL REFERENCES users (id),
    submitted_at     timestamptz NOT NULL,
    receipt          text NOT NULL,
    receipt_sha256   text NOT NULL,
    sign_off         text NOT NULL,
    signed_off_at    timestamptz,
    signed_off_by    uuid REFERENCES users (id),
    sign_off_comment text
);
CREATE INDEX completion_reports_voucher ON completion_reports (voucher_id, submitted_at);
CREATE INDEX completion_reports_sign_off ON completion_reports (sign_off, submitted_at);

CREATE TABLE report_deliverables (
    id           uuid PRIMARY KEY,
    report_id    uuid NOT NULL REFERENCES completion_reports (id),
    position     integer NOT NULL,
    sha256       text NOT NULL REFERENCES deliverable_blobs (sha256),
    filename     text NOT NULL,
    content_type text NOT NULL
);
CREATE INDEX report_deliverables_report ON report_deliverables (report_id, position);
