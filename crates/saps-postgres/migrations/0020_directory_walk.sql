-- The directory's walk in name order checks a company's words, languages,
-- countries and offerings on one entry of the name index instead of probing
-- an index per filter and company. Each profile keeps them as tokens, each
-- followed by a space, after one (" cloud deploiement teams ", " fr pt-BR pt ",
-- " BR FR ", " DDPS SSDPS "): a word prefix is `strpos(search_terms, ' ' ||
-- word) > 0`, a language, country or offering `strpos(…, ' ' || value || ' ')
-- > 0`. The offerings are those of every enrollment, lapsed or not; the
-- enrollment's last day is checked on the few companies that pass. The index
-- carries the tokens (INCLUDE), so a company is passed over by an index-only
-- scan (~0.45 µs) where each probe cost ~1.3 µs (EXPLAIN ANALYZE on 100,000
-- profiles). The terms, languages, locations and enrollments tables still
-- drive the searches whose filters are rare. The company's name is kept with
-- the profile too (names do not change): the page reads it without a probe.
-- PostgreSQL only: see crates/saps-sqlite/migrations/0020_directory_walk.sql.
ALTER TABLE partner_profiles
    ADD COLUMN search_terms text COLLATE "C" NOT NULL DEFAULT ' ',
    ADD COLUMN search_languages text COLLATE "C" NOT NULL DEFAULT ' ',
    ADD COLUMN search_countries text COLLATE "C" NOT NULL DEFAULT ' ',
    ADD COLUMN search_offerings text COLLATE "C" NOT NULL DEFAULT ' ',
    ADD COLUMN org_name text NOT NULL DEFAULT '';

UPDATE partner_profiles p SET
    search_terms = coalesce((SELECT ' ' || string_agg(t.term, ' ' ORDER BY t.term) || ' '
        FROM partner_profile_terms t WHERE t.partner_id = p.partner_id), ' '),
    search_languages = coalesce((SELECT ' ' || string_agg(l.language, ' ' ORDER BY l.language) || ' '
        FROM partner_profile_languages l WHERE l.partner_id = p.partner_id), ' '),
    search_countries = coalesce((SELECT ' ' || string_agg(DISTINCT l.country, ' ' ORDER BY l.country) || ' '
        FROM locations l WHERE l.partner_id = p.partner_id), ' '),
    search_offerings = coalesce((SELECT ' ' || string_agg(e.offering, ' ' ORDER BY e.offering) || ' '
        FROM enrollments e WHERE e.partner_id = p.partner_id), ' '),
    org_name = (SELECT o.name FROM orgs o WHERE o.id = p.partner_id);

CREATE INDEX partner_profiles_walk ON partner_profiles (sort_key, partner_id)
    INCLUDE (search_terms, search_languages, search_countries, search_offerings);
DROP INDEX partner_profiles_order;

-- Where a search starts is decided from each filter's count, counted up to
-- 1,500 and estimated from the statistics above that. A word's prefix range
-- is estimated from the terms' histogram, whose default 100 buckets
-- (~15,000 rows each on 100,000 profiles) put "def" at 1,752 rows where it
-- has 4,791: the most common terms kept exactly and finer buckets make it
-- 4,606 (ANALYZE of the terms then takes ~0.7 s instead of ~0.1 s).
ALTER TABLE partner_profile_terms ALTER COLUMN term SET STATISTICS 1000;
