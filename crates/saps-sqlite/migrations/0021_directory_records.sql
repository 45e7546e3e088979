-- The directory's walk in name order checks a company's words, languages,
-- countries and offerings, and whether its latest enrollment and competency
-- last until today, on one entry of the name index, instead of probing an
-- index per filter and company (the searches with two filters walked
-- thousands of companies at three to five probes each: p95 ~21 ms with two
-- clients, docs/PERFORMANCE.md). Each profile keeps them: the tokens each
-- followed by a space, after one (" cloud deploiement teams ", " fr pt-BR pt ",
-- " BR FR ", " DDPS SSDPS "; a word prefix is `instr(search_terms, ' ' ||
-- word) > 0`, a value `instr(…, ' ' || value || ' ') > 0`), the last days as
-- dates. The offerings are those of every enrollment, lapsed or not: the
-- offering's own enrollment is checked on the companies that pass. SQLite
-- reads an index's columns before the table's row (a deferred seek), so a
-- company that fails is passed over on the index entry alone.
--
-- They are written with the profile, and again at the end of every unit of
-- work that adds a location, an enrollment or a competency or renews an
-- enrollment (crates/saps-sqlite/src/tx/profiles.rs). PostgreSQL keeps the
-- same tokens and dates since 0020 and 0021, with the records' JSON too.
-- The twin of crates/saps-postgres/migrations/0021_directory_records.sql.
ALTER TABLE partner_profiles ADD COLUMN search_terms TEXT NOT NULL DEFAULT ' ';
ALTER TABLE partner_profiles ADD COLUMN search_languages TEXT NOT NULL DEFAULT ' ';
ALTER TABLE partner_profiles ADD COLUMN search_countries TEXT NOT NULL DEFAULT ' ';
ALTER TABLE partner_profiles ADD COLUMN search_offerings TEXT NOT NULL DEFAULT ' ';
ALTER TABLE partner_profiles ADD COLUMN enrolled_until TEXT;
ALTER TABLE partner_profiles ADD COLUMN competent_until TEXT;

UPDATE partner_profiles SET
    search_terms = coalesce((SELECT ' ' || group_concat(t.term, ' ') || ' '
        FROM partner_profile_terms t WHERE t.partner_id = partner_profiles.partner_id), ' '),
    search_languages = coalesce((SELECT ' ' || group_concat(l.language, ' ') || ' '
        FROM partner_profile_languages l WHERE l.partner_id = partner_profiles.partner_id), ' '),
    search_countries = coalesce((SELECT ' ' || group_concat(c.country, ' ') || ' '
        FROM (SELECT DISTINCT l.country FROM locations l
              WHERE l.partner_id = partner_profiles.partner_id) c), ' '),
    search_offerings = coalesce((SELECT ' ' || group_concat(e.offering, ' ') || ' '
        FROM enrollments e WHERE e.partner_id = partner_profiles.partner_id), ' '),
    enrolled_until = (SELECT max(e.valid_until) FROM enrollments e
        WHERE e.partner_id = partner_profiles.partner_id),
    competent_until = (SELECT max(c.valid_until) FROM partner_competencies c
        WHERE c.partner_id = partner_profiles.partner_id);

CREATE INDEX partner_profiles_walk ON partner_profiles (sort_key, partner_id, search_terms,
    search_languages, search_countries, search_offerings, enrolled_until, competent_until);
DROP INDEX partner_profiles_order;
