-- A partner company's qualifications, from which eligibility is computed:
-- compliance trainings, competencies (until a last day) and the exams its
-- consultants passed. Rows are only added; the latest record counts.
-- And each user's locale (the language of their e-mails), English for the
-- users created before it was stored.
-- The twin of crates/saps-sqlite/migrations/0006_partner_records.sql.
ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en';

CREATE TABLE partner_trainings (
    id           uuid PRIMARY KEY,
    partner_id   uuid NOT NULL REFERENCES orgs (id),
    course       text NOT NULL,
    completed_on date NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX partner_trainings_partner ON partner_trainings (partner_id, recorded_at);

CREATE TABLE partner_competencies (
    id          uuid PRIMARY KEY,
    partner_id  uuid NOT NULL REFERENCES orgs (id),
    competency  text NOT NULL,
    level       text NOT NULL,
    valid_until date NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX partner_competencies_partner ON partner_competencies (partner_id, recorded_at);

CREATE TABLE consultant_exams (
    id          uuid PRIMARY KEY,
    partner_id  uuid NOT NULL REFERENCES orgs (id),
    user_id     uuid NOT NULL REFERENCES users (id),
    exam        text NOT NULL,
    passed_on   date NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX consultant_exams_partner ON consultant_exams (partner_id, recorded_at);
