-- Partner companies' business profiles and what the partner directory finds
-- them by. sort_key is the folded company name (case and accents removed in
-- Rust: saps_core::profile), the directory's order with the id; terms are
-- the folded words of the name and the description, searched by prefix
-- ranges; languages holds each language tag and its language alone (pt-BR
-- and pt). The lists are JSON arrays; a company that enrolled before writing
-- its profile has an empty one (version 0, updated_at NULL).
CREATE TABLE partner_profiles (
    partner_id  TEXT PRIMARY KEY REFERENCES orgs (id),
    sort_key    TEXT NOT NULL,
    description TEXT NOT NULL,
    languages   TEXT NOT NULL,
    industries  TEXT NOT NULL,
    website     TEXT,
    updated_at  TEXT,
    updated_by  TEXT REFERENCES users (id),
    version     INTEGER NOT NULL
);
CREATE INDEX partner_profiles_order ON partner_profiles (sort_key, partner_id);

CREATE TABLE partner_profile_terms (
    term       TEXT NOT NULL,
    partner_id TEXT NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (term, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_profile_terms_partner ON partner_profile_terms (partner_id, term);

CREATE TABLE partner_profile_languages (
    language   TEXT NOT NULL,
    partner_id TEXT NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (language, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_profile_languages_partner ON partner_profile_languages (partner_id);

-- The directory's country filter, and its enrollment and competency checks.
CREATE INDEX locations_country ON locations (country, partner_id);
CREATE INDEX enrollments_offering ON enrollments (offering, partner_id, valid_until);
CREATE INDEX partner_competencies_valid_until ON partner_competencies (partner_id, valid_until);
