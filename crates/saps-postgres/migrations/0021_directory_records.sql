-- The directory's page read each listed company's enrollments, locations,
-- trainings, competencies and exams from five tables: five index descents
-- and five JSON aggregates per company, most of PostgreSQL's time in a
-- search (docs/PERFORMANCE.md). Each profile now keeps them, as the JSON the
-- page returns, with the last day of its latest enrollment and competency:
-- the walk passes over a company that is not enrolled or competent today on
-- the name index's entry, and a listed company is one look-up.
--
-- They are written with the profile, and again at the end of every
-- transaction that adds or changes a company's records (under the
-- company's advisory lock, as the tokens of 0020), from the tables, by the
-- function below: the one definition of the JSON, which the page parses. It
-- is PL/pgSQL so that its plan is made once per connection (an SQL function
-- with sub-selects is planned again at every statement that calls it:
-- 0.57 ms a call against 0.25 ms, measured on 2,000 calls).
-- SQLite keeps the tokens and the last days too (its 0021), not the JSON:
-- see crates/saps-sqlite/migrations/0021_directory_records.sql.
CREATE FUNCTION directory_records(partner uuid) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
RETURN json_build_array(
    (SELECT coalesce(json_agg(json_build_array(e.id, e.offering, e.location_ids, e.valid_until,
            e.agreement_version, e.enrolled_at, e.enrolled_by, e.version) ORDER BY e.offering), '[]')
        FROM enrollments e WHERE e.partner_id = partner),
    (SELECT coalesce(json_agg(json_build_array(l.id, l.name, l.country, l.city) ORDER BY l.id), '[]')
        FROM locations l WHERE l.partner_id = partner),
    (SELECT coalesce(json_agg(json_build_array(t.id, t.course, t.completed_on, t.recorded_at)
            ORDER BY t.recorded_at, t.id), '[]')
        FROM partner_trainings t WHERE t.partner_id = partner),
    (SELECT coalesce(json_agg(json_build_array(c.id, c.competency, c.level, c.valid_until,
            c.recorded_at) ORDER BY c.recorded_at, c.id), '[]')
        FROM partner_competencies c WHERE c.partner_id = partner),
    (SELECT coalesce(json_agg(json_build_array(x.id, x.user_id, x.exam, x.passed_on, x.recorded_at)
            ORDER BY x.recorded_at, x.id), '[]')
        FROM consultant_exams x WHERE x.partner_id = partner)
)::text;
END
$$;

ALTER TABLE partner_profiles
    ADD COLUMN directory_records text NOT NULL DEFAULT '[[],[],[],[],[]]',
    ADD COLUMN enrolled_until date,
    ADD COLUMN competent_until date;

UPDATE partner_profiles p SET
    directory_records = directory_records(p.partner_id),
    enrolled_until = (SELECT max(e.valid_until) FROM enrollments e WHERE e.partner_id = p.partner_id),
    competent_until = (SELECT max(c.valid_until) FROM partner_competencies c
        WHERE c.partner_id = p.partner_id);

CREATE INDEX partner_profiles_walk_dates ON partner_profiles (sort_key, partner_id)
    INCLUDE (search_terms, search_languages, search_countries, search_offerings,
        enrolled_until, competent_until);
DROP INDEX partner_profiles_walk;
ALTER INDEX partner_profiles_walk_dates RENAME TO partner_profiles_walk;
