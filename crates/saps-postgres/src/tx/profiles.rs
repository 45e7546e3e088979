//! Business profiles and the partner directory's search.

use super::*;
use crate::micros;
use saps_core::directory::{
    POSTGRES_COSTS, POSTGRES_LONE_PROBE_CAP as LONE_PROBE_CAP, PROBE_CAP, SearchPlan, plan_search,
};
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, DirectoryCandidate, DirectoryQuery, Enrollment, ExamRecord,
    PartnerQualifications, Profile, Profiles, TrainingRecord,
};
use saps_core::profile::{DirectoryKeys, ProfileFields, prefix_needle, tokens, value_needle};
use saps_core::{Location, LocationId, OrgId, UserId};

const COLS: &str = "p.partner_id, p.description, p.languages, p.industries, p.website, \
                    p.updated_at, p.updated_by, p.version";

fn list(r: &Row, idx: usize) -> StoreResult<Vec<String>> {
    let s: String = get(r, idx)?;
    serde_json::from_str(&s).map_err(|e| corrupt(format_args!("column {idx} {s:?}: {e}")))
}

fn profile_row(r: &Row) -> StoreResult<Profile> {
    Ok(Profile {
        partner_id: OrgId(get(r, 0)?),
        fields: ProfileFields {
            description: get(r, 1)?,
            languages: list(r, 2)?,
            industries: list(r, 3)?,
            website: get(r, 4)?,
        },
        updated_at: get(r, 5)?,
        updated_by: get::<Option<Uuid>>(r, 6)?.map(UserId),
        version: u32_col(r, 7)?,
    })
}

fn json(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings serialise")
}

/// The company's name (kept with the profile for the directory's page;
/// names do not change), for a statement whose `$1` is the company.
const NAME: &str = "(SELECT o.name FROM orgs o WHERE o.id = $1)";

/// What a profile keeps of its company's locations, enrollments and records
/// (migrations 0020 and 0021), each column with its value read from those
/// tables, for the company `of` (`$1`, or a row's `p.partner_id`): the
/// countries and offerings as tokens, the records as the JSON the page
/// parses ([`Digest`]), and the last days that make the company a candidate.
fn digest(of: &str) -> [(&'static str, String); 5] {
    [
        (
            "search_countries",
            format!(
                "(SELECT coalesce(' ' || string_agg(DISTINCT l.country, ' ' ORDER BY l.country) \
                 || ' ', ' ') FROM locations l WHERE l.partner_id = {of})"
            ),
        ),
        (
            "search_offerings",
            format!(
                "(SELECT coalesce(' ' || string_agg(e.offering, ' ' ORDER BY e.offering) || ' ', \
                 ' ') FROM enrollments e WHERE e.partner_id = {of})"
            ),
        ),
        ("directory_records", format!("directory_records({of})")),
        (
            "enrolled_until",
            format!("(SELECT max(e.valid_until) FROM enrollments e WHERE e.partner_id = {of})"),
        ),
        (
            "competent_until",
            format!(
                "(SELECT max(c.valid_until) FROM partner_competencies c \
                 WHERE c.partner_id = {of})"
            ),
        ),
    ]
}

impl Profiles for PgTx<'_> {
    fn profile(&mut self, partner: OrgId) -> StoreResult<Option<Profile>> {
        let lock = self.for_update();
        self.row(
            &format!("SELECT {COLS} FROM partner_profiles p WHERE p.partner_id = $1{lock}"),
            &[&partner.0],
        )?
        .as_ref()
        .map(profile_row)
        .transpose()
    }

    fn save_profile(&mut self, p: &Profile, keys: &DirectoryKeys) -> StoreResult<bool> {
        let f = &p.fields;
        let (langs, inds) = (json(&f.languages), json(&f.industries));
        let at = p.updated_at.map(micros);
        let by = p.updated_by.map(|u| u.0);
        let version = int(p.version, "version")?;
        let (terms, languages) = (tokens(&keys.terms), tokens(&keys.languages));
        let digest = digest("$1");
        self.lock_directory(&[p.partner_id.0])?;
        let n = if p.version == 0 {
            let columns: Vec<&str> = digest.iter().map(|(c, _)| *c).collect();
            let values: Vec<&str> = digest.iter().map(|(_, v)| v.as_str()).collect();
            self.exec(
                &format!(
                    "INSERT INTO partner_profiles (partner_id, sort_key, description, languages, \
                     industries, website, updated_at, updated_by, version, search_terms, \
                     search_languages, org_name, {}) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, {NAME}, {}) \
                     ON CONFLICT DO NOTHING",
                    columns.join(", "),
                    values.join(", ")
                ),
                &[
                    &p.partner_id.0,
                    &keys.sort_key,
                    &f.description,
                    &langs,
                    &inds,
                    &f.website,
                    &at,
                    &by,
                    &terms,
                    &languages,
                ],
            )?
        } else {
            let sets: Vec<String> = digest.iter().map(|(c, v)| format!("{c} = {v}")).collect();
            self.exec(
                &format!(
                    "UPDATE partner_profiles SET sort_key = $2, description = $3, languages = $4, \
                     industries = $5, website = $6, updated_at = $7, updated_by = $8, version = $9, \
                     search_terms = $10, search_languages = $11, org_name = {NAME}, {} \
                     WHERE partner_id = $1 AND version = $9 - 1",
                    sets.join(", ")
                ),
                &[
                    &p.partner_id.0,
                    &keys.sort_key,
                    &f.description,
                    &langs,
                    &inds,
                    &f.website,
                    &at,
                    &by,
                    &version,
                    &terms,
                    &languages,
                ],
            )?
        };
        if n != 1 {
            return Ok(false);
        }
        let id = p.partner_id.0;
        // Written from the tables just now, under the lock.
        self.directory_stale.remove(&id);
        self.exec(
            "DELETE FROM partner_profile_terms WHERE partner_id = $1",
            &[&id],
        )?;
        self.exec(
            "INSERT INTO partner_profile_terms (term, partner_id) \
             SELECT DISTINCT t, $2::uuid FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING",
            &[&keys.terms, &id],
        )?;
        self.exec(
            "DELETE FROM partner_profile_languages WHERE partner_id = $1",
            &[&id],
        )?;
        self.exec(
            "INSERT INTO partner_profile_languages (language, partner_id) \
             SELECT DISTINCT l, $2::uuid FROM unnest($1::text[]) AS l ON CONFLICT DO NOTHING",
            &[&keys.languages, &id],
        )?;
        Ok(true)
    }

    fn enrolled_without_profile(&mut self, limit: u32) -> StoreResult<Vec<OrgId>> {
        let limit = i64::from(limit);
        self.rows(
            "SELECT DISTINCT e.partner_id FROM enrollments e WHERE NOT EXISTS \
             (SELECT 1 FROM partner_profiles p WHERE p.partner_id = e.partner_id) \
             ORDER BY e.partner_id LIMIT $1",
            &[&limit],
        )?
        .iter()
        .map(|r| Ok(OrgId(get(r, 0)?)))
        .collect()
    }

    fn directory(&mut self, q: &DirectoryQuery) -> StoreResult<Vec<DirectoryCandidate>> {
        // The filters' counts (each an index range up to a cap: a plan
        // made without the values will do, and is made once).
        let drivers = self.drivers(q)?;
        // The page's statement has a handful of shapes, each prepared once
        // per connection; after five runs PostgreSQL may keep a generic
        // plan, made without the filters' values, which hashes whole tables
        // (100–970 ms measured) where the values' own plan walks an index.
        self.exec("SET LOCAL plan_cache_mode = force_custom_plan", &[])?;
        let (sql, params) = directory_sql(q, &drivers);
        // The page and what deciding needs of each company, in one round trip.
        self.rows(&sql, &params.refs())?
            .iter()
            .map(|r| {
                let profile = profile_row(r)?;
                let partner_id = profile.partner_id;
                let text: &str = get(r, 9)?;
                let [enrollments, locations, trainings, competencies, exams]: Digest =
                    serde_json::from_str(text)
                        .map_err(|e| corrupt(format_args!("directory_records: {e}")))?;
                let mut current = Vec::with_capacity(enrollments.len());
                for e in &enrollments {
                    let e = enrollment(partner_id, e)?;
                    if e.valid_until >= q.today {
                        current.push(e);
                    }
                }
                Ok(DirectoryCandidate {
                    name: get(r, 8)?,
                    sort_key: get(r, 10)?,
                    profile,
                    enrollments: current,
                    locations: locations
                        .iter()
                        .map(|l| {
                            Ok(Location {
                                id: LocationId(field(l, 0)?),
                                partner_id,
                                name: field(l, 1)?,
                                country: field(l, 2)?,
                                city: field(l, 3)?,
                            })
                        })
                        .collect::<StoreResult<_>>()?,
                    qualifications: qualifications(partner_id, &trainings, &competencies, &exams)?,
                })
            })
            .collect()
    }
}

/// A record of the digest: its fields in a JSON array.
type Record = Vec<serde_json::Value>;

/// A profile's `directory_records` (migration 0021): the company's
/// enrollments (all, by offering), locations (by id), trainings,
/// competencies and exams (each by the instant recorded, then id).
type Digest = [Vec<Record>; 5];

/// Item `i` of a record's JSON array, parsed from its text or number.
fn field<T>(v: &[serde_json::Value], i: usize) -> StoreResult<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let text = match v.get(i) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        other => return Err(corrupt(format_args!("item {i}: {other:?}"))),
    };
    text.parse()
        .map_err(|e| corrupt(format_args!("item {i} {text:?}: {e}")))
}

fn enrollment(partner_id: OrgId, e: &[serde_json::Value]) -> StoreResult<Enrollment> {
    let locations: String = field(e, 2)?;
    Ok(Enrollment {
        id: field(e, 0)?,
        partner_id,
        offering: field(e, 1)?,
        location_ids: serde_json::from_str(&locations)
            .map_err(|err| corrupt(format_args!("location_ids {locations:?}: {err}")))?,
        valid_until: field(e, 3)?,
        agreement_version: field(e, 4)?,
        enrolled_at: field(e, 5)?,
        enrolled_by: UserId(field(e, 6)?),
        version: field(e, 7)?,
    })
}

fn qualifications(
    partner_id: OrgId,
    trainings: &[Record],
    competencies: &[Record],
    exams: &[Record],
) -> StoreResult<PartnerQualifications> {
    let mut q = PartnerQualifications::default();
    for t in trainings {
        q.trainings.push(TrainingRecord {
            id: field(t, 0)?,
            partner_id,
            course: field(t, 1)?,
            completed_on: field(t, 2)?,
            recorded_at: field(t, 3)?,
        });
    }
    for c in competencies {
        let level: String = field(c, 2)?;
        q.competencies.push(CompetencyRecord {
            id: field(c, 0)?,
            partner_id,
            competency: field(c, 1)?,
            level: CompetencyLevel::parse(&level)
                .ok_or_else(|| corrupt(format_args!("unknown level {level:?}")))?,
            valid_until: field(c, 3)?,
            recorded_at: field(c, 4)?,
        });
    }
    for x in exams {
        q.exams.push(ExamRecord {
            id: field(x, 0)?,
            partner_id,
            user_id: UserId(field(x, 1)?),
            exam: field(x, 2)?,
            passed_on: field(x, 3)?,
            recorded_at: field(x, 4)?,
        });
    }
    Ok(q)
}

/// A filter of the search, which may also be where it starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter<'a> {
    Word(&'a str),
    Language(&'a str),
    Country(&'a str),
    Offering(&'a str),
}

impl Filter<'_> {
    /// The companies the filter matches (with repeats unless `distinct`).
    fn source(self, p: &mut Params, today: Date, distinct: bool) -> String {
        let distinct = if distinct { "DISTINCT " } else { "" };
        match self {
            Filter::Word(w) => {
                let (lo, hi) = (p.bind(w.to_owned()), p.bind(format!("{w}\u{10FFFF}")));
                format!(
                    "SELECT {distinct}partner_id FROM partner_profile_terms \
                     WHERE term >= {lo} AND term < {hi}"
                )
            }
            Filter::Language(l) => {
                let v = p.bind(l.to_owned());
                format!("SELECT partner_id FROM partner_profile_languages WHERE language = {v}")
            }
            Filter::Country(c) => {
                let v = p.bind(c.to_owned());
                format!("SELECT {distinct}partner_id FROM locations WHERE country = {v}")
            }
            Filter::Offering(o) => {
                let (v, d) = (p.bind(o.to_owned()), p.bind(today));
                format!(
                    "SELECT partner_id FROM enrollments WHERE offering = {v} AND valid_until >= {d}"
                )
            }
        }
    }

    /// The filter's rows as a statement with its values written in (quoted),
    /// for the planner to estimate.
    fn literal_source(self, today: Date) -> String {
        let lit = |v: &str| format!("'{}'", v.replace('\'', "''"));
        match self {
            Filter::Word(w) => format!(
                "SELECT partner_id FROM partner_profile_terms WHERE term >= {} AND term < {}",
                lit(w),
                lit(&format!("{w}\u{10FFFF}"))
            ),
            Filter::Language(l) => format!(
                "SELECT partner_id FROM partner_profile_languages WHERE language = {}",
                lit(l)
            ),
            Filter::Country(c) => {
                format!(
                    "SELECT partner_id FROM locations WHERE country = {}",
                    lit(c)
                )
            }
            Filter::Offering(o) => format!(
                "SELECT partner_id FROM enrollments WHERE offering = {} AND valid_until >= {}",
                lit(o),
                lit(&today.to_string())
            ),
        }
    }

    /// The filter as a condition on the company `alias`, read from its
    /// tokens.
    fn condition(self, p: &mut Params, alias: &str) -> String {
        let (column, token) = match self {
            Filter::Word(w) => ("search_terms", prefix_needle(w)),
            Filter::Language(l) => ("search_languages", value_needle(l)),
            Filter::Country(c) => ("search_countries", value_needle(c)),
            // Every enrollment's offering: its last day is checked with the
            // company's eligibility.
            Filter::Offering(o) => ("search_offerings", value_needle(o)),
        };
        format!("strpos({alias}.{column}, {}) > 0", p.bind(token))
    }
}

fn filters(q: &DirectoryQuery) -> Vec<Filter<'_>> {
    let mut all: Vec<Filter<'_>> = q.words.iter().map(|w| Filter::Word(w)).collect();
    all.extend(q.language.as_deref().map(Filter::Language));
    all.extend(q.country.as_deref().map(Filter::Country));
    all.extend(q.offering.as_deref().map(Filter::Offering));
    all
}

/// The advisory lock class of a company's directory digest ("sapd").
const DIGEST_LOCK: i32 = 0x7361_7064;

impl PgTx<'_> {
    /// Serializes the writes of companies' directory digests (migrations
    /// 0020 and 0021) until the transaction ends: a digest written while
    /// another transaction adds to the company's locations, enrollments or
    /// records is read from the tables once that one has committed (each
    /// statement reads what is committed when it starts), so that neither
    /// writes a digest that misses the other's rows. `companies` in order:
    /// two transactions take their locks in the same order.
    fn lock_directory(&mut self, companies: &[Uuid]) -> StoreResult<()> {
        self.exec(
            "SELECT pg_advisory_xact_lock($1, hashtext(c::text)) FROM unnest($2::uuid[]) AS c",
            &[&DIGEST_LOCK, &companies],
        )
        .map(drop)
    }

    /// Notes that the company's locations, enrollments or records changed:
    /// its profile's digest is written again before the transaction
    /// commits, once ([`Self::refresh_directory`]).
    pub(super) fn directory_changed(&mut self, partner: OrgId) {
        self.directory_stale.insert(partner.0);
    }

    /// Writes again, from the tables, the digest of every company this
    /// transaction changed (those with a profile; a profile written later
    /// reads the tables itself).
    pub(super) fn refresh_directory(&mut self) -> StoreResult<()> {
        if self.directory_stale.is_empty() {
            return Ok(());
        }
        let companies: Vec<Uuid> = std::mem::take(&mut self.directory_stale)
            .into_iter()
            .collect();
        self.lock_directory(&companies)?;
        let sets: Vec<String> = digest("p.partner_id")
            .iter()
            .map(|(c, v)| format!("{c} = {v}"))
            .collect();
        self.exec(
            &format!(
                "UPDATE partner_profiles p SET {} WHERE p.partner_id = ANY($1)",
                sets.join(", ")
            ),
            &[&companies],
        )
        .map(drop)
    }

    /// The filters the search starts from (none: the name order), chosen by
    /// [`plan_search`] from each filter's count (counted through its index,
    /// up to a cap) and the planner's estimate of the number of profiles —
    /// all in one statement, one round trip.
    fn drivers<'q>(&mut self, q: &'q DirectoryQuery) -> StoreResult<Vec<Filter<'q>>> {
        let all = filters(q);
        if let Some(plan) = &q.plan {
            return Ok(match plan {
                SearchPlan::Walk => Vec::new(),
                SearchPlan::Drive(few) => few.iter().filter_map(|&i| all.get(i).copied()).collect(),
            });
        }
        let cap = match all.len() {
            0 => return Ok(Vec::new()),
            1 => LONE_PROBE_CAP,
            _ => PROBE_CAP,
        };
        // Counting is exact but costs ~0.6 µs a row (16,000 rows ~9 ms):
        // each filter is counted up to the lone cap only, and one found
        // above it is estimated by the planner instead (below).
        let exact = cap.min(LONE_PROBE_CAP);
        let mut p = Params::default();
        let mut probes: Vec<String> = all
            .iter()
            .map(|f| {
                let source = f.source(&mut p, q.today, false);
                format!("(SELECT count(*) FROM ({source} LIMIT {exact}) s)")
            })
            .collect();
        probes.push(
            "(SELECT greatest(reltuples, 0)::bigint FROM pg_class \
             WHERE oid = 'partner_profiles'::regclass)"
                .to_owned(),
        );
        let sql = format!("SELECT {}", probes.join(", "));
        let row = self
            .row(&sql, &p.refs())?
            .ok_or_else(|| corrupt("the directory's probe returned no row"))?;
        let mut counts = (0..all.len())
            .map(|i| get(&row, i))
            .collect::<StoreResult<Vec<i64>>>()?;
        let companies: i64 = get(&row, all.len())?;
        for (i, f) in all.iter().enumerate() {
            if counts[i] >= exact && exact < cap {
                counts[i] = self.estimate(&f.literal_source(q.today))?.clamp(exact, cap);
            }
        }
        Ok(
            match plan_search(&counts, cap, companies, q.limit, &POSTGRES_COSTS) {
                SearchPlan::Walk => Vec::new(),
                SearchPlan::Drive(few) => few.into_iter().map(|i| all[i]).collect(),
            },
        )
    }
}

impl PgTx<'_> {
    /// The planner's estimate of the rows `sql` returns (its plan's top
    /// `rows=`), from the statistics, without running it: a simple query,
    /// not kept among the prepared statements (its values are written in).
    fn estimate(&mut self, sql: &str) -> StoreResult<i64> {
        let messages = match self.conn.client.simple_query(&format!("EXPLAIN {sql}")) {
            Ok(m) => m,
            Err(e) => return Err(self.fail(e)),
        };
        let top = messages.iter().find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_owned),
            _ => None,
        });
        top.as_deref()
            .and_then(|line| line.split("rows=").nth(1))
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| corrupt(format_args!("no row estimate in {top:?}")))
    }
}

/// The candidates' query and its parameters: from the driving filters'
/// companies, else in name order.
///
/// Either way the companies come in name order first — walked on the name
/// index, whose entries carry the tokens the filters are checked on (an
/// index-only scan), or the driving filters' companies sorted by their sort
/// keys (from the index `(partner_id, sort_key)`) — and then each is looked
/// up and checked on its own (a LATERAL subquery that `OFFSET 0` keeps from
/// being flattened), in that order, until the page is full: the planner
/// misjudges how few companies a set of filters leaves and would otherwise
/// hash whole tables (100,000 profiles, every competency and enrollment) to
/// check a thousand of them.
fn directory_sql(q: &DirectoryQuery, drivers: &[Filter<'_>]) -> (String, Params) {
    let mut p = Params::default();
    let sources: Vec<String> = drivers
        .iter()
        .map(|f| f.source(&mut p, q.today, drivers.len() == 1))
        .collect();
    // Walking, the companies are `w` (entries of the name index); driven,
    // `p` (each one's row, looked up).
    let alias = if sources.is_empty() { "w" } else { "p" };
    let mut filtered = Vec::new();
    for f in filters(q) {
        if !drivers.contains(&f) {
            filtered.push(f.condition(&mut p, alias));
        }
    }
    let after = q.after.as_ref().map(|(key, id)| {
        let (k, i) = (p.bind(key.clone()), p.bind(id.0));
        format!("({alias}.sort_key, {alias}.partner_id) > ({k}, {i})")
    });
    let today = p.bind(q.today);
    // A company is a candidate when its latest enrollment and competency
    // last until today (kept with its profile, migration 0021), and when
    // searched by offering, its enrollment in that one does.
    let current = |alias: &str| {
        format!("{alias}.enrolled_until >= {today} AND {alias}.competent_until >= {today}")
    };
    let in_offering = q.offering.as_ref().map(|o| {
        format!(
            "EXISTS (SELECT 1 FROM enrollments e WHERE e.partner_id = p.partner_id \
             AND e.offering = {} AND e.valid_until >= {today})",
            p.bind(o.clone())
        )
    });
    let n = p.bind(i64::from(q.limit));
    let where_ = |conditions: Vec<String>| {
        if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        }
    };
    // The company's row, with the records the decision needs (one look-up).
    let candidate = |of: &str, filtered: Vec<String>| {
        let mut checks = filtered;
        checks.push(format!("p.partner_id = {of}.partner_id"));
        checks.extend(in_offering.clone());
        format!(
            "CROSS JOIN LATERAL (SELECT {COLS}, p.org_name, p.directory_records \
             FROM partner_profiles p {} OFFSET 0) c",
            where_(checks)
        )
    };
    let sql = if sources.is_empty() {
        // The walk: the tokens and last days checked on the name index's
        // entries (in the statement's own FROM, so that the planner walks
        // the index for its LIMIT rather than sorting every match).
        filtered.extend(after);
        filtered.push(current("w"));
        format!(
            "SELECT c.*, w.sort_key FROM partner_profiles w {} {} \
             ORDER BY w.sort_key, w.partner_id LIMIT {n}",
            candidate("w", Vec::new()),
            where_(filtered)
        )
    } else {
        // The driving companies' sort keys, each read through the index
        // `(partner_id, sort_key)` (a LATERAL probe: the planner guesses an
        // intersection's size from its larger side and would otherwise
        // hash every profile to find a few hundred), sorted; the other
        // filters checked on each company's row.
        let after = after.map(|a| format!(" AND {a}")).unwrap_or_default();
        filtered.push(current("p"));
        format!(
            "SELECT c.*, s.sort_key FROM (SELECT k.partner_id, k.sort_key FROM ({}) d \
             CROSS JOIN LATERAL (SELECT p.partner_id, p.sort_key FROM partner_profiles p \
             WHERE p.partner_id = d.partner_id{after} OFFSET 0) k \
             ORDER BY k.sort_key, k.partner_id) s {} \
             ORDER BY s.sort_key, s.partner_id LIMIT {n}",
            sources.join(" INTERSECT "),
            candidate("s", filtered)
        )
    };
    (sql, p)
}
