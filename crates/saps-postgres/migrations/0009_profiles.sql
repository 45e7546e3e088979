-- Partner companies' business profiles and what the partner directory finds
-- them by. sort_key is the folded company name (case and accents removed in
-- Rust: saps_core::profile), the directory's order with the id; terms are
-- the folded words of the name and the description, searched by prefix
-- ranges (byte order: COLLATE "C", as SQLite compares); languages holds each
-- language tag and its language alone (pt-BR and pt). The lists are JSON
-- arrays; a company that enrolled before writing its profile has an empty
-- one (version 0, updated_at NULL).
-- The twin of crates/saps-sqlite/migrations/0009_profiles.sql.
CREATE TABLE partner_profiles (
    partner_id  uuid PRIMARY KEY REFERENCES orgs (id),
    sort_key    text COLLATE "C" NOT NULL,
    description text NOT NULL,
    languages   text NOT NULL,
    industries  text NOT NULL,
    website     text,
    updated_at  timestamptz,
    updated_by  uuid REFERENCES users (id),
    version     integer NOT NULL
);
CREATE INDEX partner_profiles_order ON partner_profiles (sort_key, partner_id);

CREATE TABLE partner_profile_terms (
    term       text COLLATE "C" NOT NULL,
    partner_id uuid NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (term, partner_id)
);
CREATE INDEX partner_profile_terms_partner ON partner_profile_terms (partner_id, term);

CREATE TABLE partner_profile_languages (
    language   text NOT NULL,
    partner_id uuid NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (language, partner_id)
);
CREATE INDEX partner_profile_languages_partner ON partner_profile_languages (partner_id);

-- The directory's country filter, and its enrollment and competency checks.
CREATE INDEX locations_country ON locations (country, partner_id);
CREATE INDEX enrollments_offering ON enrollments (offering, partner_id, valid_until);
CREATE INDEX partner_competencies_valid_until ON partner_competencies (partner_id, valid_until);
