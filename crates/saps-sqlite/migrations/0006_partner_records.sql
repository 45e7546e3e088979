-- A partner company's qualifications, from which eligibility is computed:
-- compliance trainings, competencies (until a last day) and the exams its
-- consultants passed. Rows are only added; the latest record counts.
-- And each user's locale (the language of their e-mails), English for the
-- users created before it was stored.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';

CREATE TABLE partner_trainings (
    id           TEXT PRIMARY KEY,
    partner_id   TEXT NOT NULL REFERENCES orgs (id),
    course       TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX partner_trainings_partner ON partner_trainings (partner_id, recorded_at);

CREATE TABLE partner_competencies (
    id          TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES orgs (id),
    competency  TEXT NOT NULL,
    level       TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX partner_competencies_partner ON partner_competencies (partner_id, recorded_at);

CREATE TABLE consultant_exams (
    id          TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL REFERENCES orgs (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    exam        TEXT NOT NULL,
    passed_on   TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX consultant_exams_partner ON consultant_exams (partner_id, recorded_at);
