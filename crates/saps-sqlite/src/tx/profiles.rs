//! Business profiles and the partner directory's search.

use super::*;
use jiff::civil::Date;
use saps_core::Location;
use saps_core::OrgId;
use saps_core::directory::{LONE_PROBE_CAP, PROBE_CAP, SQLITE_COSTS, SearchPlan, plan_search};
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, DirectoryCandidate, DirectoryQuery, Enrollment, ExamRecord,
    PartnerQualifications, Profile, Profiles, TrainingRecord,
};
use saps_core::profile::{DirectoryKeys, ProfileFields, prefix_needle, tokens, value_needle};
use std::collections::HashMap;

const COLS: &str = "p.partner_id, p.description, p.languages, p.industries, p.website, \
                    p.updated_at, p.updated_by, p.version";

fn list(r: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let s: String = r.get(idx)?;
    serde_json::from_str(&s).map_err(|e| corrupt(idx, format_args!("{s:?}: {e}")))
}

fn profile_row(r: &Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        partner_id: col(r, 0)?,
        fields: ProfileFields {
            description: r.get(1)?,
            languages: list(r, 2)?,
            industries: list(r, 3)?,
            website: r.get(4)?,
        },
        updated_at: opt_col(r, 5)?,
        updated_by: opt_col(r, 6)?,
        version: r.get(7)?,
    })
}

fn json(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings serialise")
}

/// What a profile keeps of its company's locations, enrollments and
/// competencies (migration 0021), each column with its value read from those
/// tables, for the company `of` (`?1`, or a row's `partner_id`): the
/// countries and offerings as tokens, the last days that make the company a
/// candidate.
fn derived(of: &str) -> [(&'static str, String); 4] {
    [
        (
            "search_countries",
            format!(
                "coalesce((SELECT ' ' || group_concat(c.country, ' ') || ' ' FROM \
                 (SELECT DISTINCT l.country FROM locations l WHERE l.partner_id = {of}) c), ' ')"
            ),
        ),
        (
            "search_offerings",
            format!(
                "coalesce((SELECT ' ' || group_concat(e.offering, ' ') || ' ' \
                 FROM enrollments e WHERE e.partner_id = {of}), ' ')"
            ),
        ),
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

/// The least string greater than every string that starts with `prefix`
/// (terms never hold U+10FFFF, a noncharacter).
pub(crate) fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

impl Profiles for SqliteTx<'_> {
    fn profile(&mut self, partner: OrgId) -> StoreResult<Option<Profile>> {
        self.one(
            &format!("SELECT {COLS} FROM partner_profiles p WHERE p.partner_id = ?1"),
            [partner.to_string()],
            profile_row,
        )
    }

    fn save_profile(&mut self, p: &Profile, keys: &DirectoryKeys) -> StoreResult<bool> {
        let id = p.partner_id.to_string();
        let f = &p.fields;
        let derived = derived("?1");
        let (terms, languages) = (tokens(&keys.terms), tokens(&keys.languages));
        let n = if p.version == 0 {
            let columns: Vec<&str> = derived.iter().map(|(c, _)| *c).collect();
            let values: Vec<&str> = derived.iter().map(|(_, v)| v.as_str()).collect();
            self.exec(
                &format!(
                    "INSERT INTO partner_profiles (partner_id, sort_key, description, languages, \
                     industries, website, updated_at, updated_by, version, search_terms, \
                     search_languages, {}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, {}) \
                     ON CONFLICT DO NOTHING",
                    columns.join(", "),
                    values.join(", ")
                ),
                params![
                    id,
                    keys.sort_key,
                    f.description,
                    json(&f.languages),
                    json(&f.industries),
                    f.website,
                    p.updated_at.map(timestamp),
                    opt_string(p.updated_by),
                    terms,
                    languages,
                ],
            )?
        } else {
            let sets: Vec<String> = derived.iter().map(|(c, v)| format!("{c} = {v}")).collect();
            self.exec(
                &format!(
                    "UPDATE partner_profiles SET sort_key = ?2, description = ?3, languages = ?4, \
                     industries = ?5, website = ?6, updated_at = ?7, updated_by = ?8, \
                     version = ?9, search_terms = ?11, search_languages = ?12, {} \
                     WHERE partner_id = ?1 AND version = ?10",
                    sets.join(", ")
                ),
                params![
                    id,
                    keys.sort_key,
                    f.description,
                    json(&f.languages),
                    json(&f.industries),
                    f.website,
                    p.updated_at.map(timestamp),
                    opt_string(p.updated_by),
                    p.version,
                    p.version - 1,
                    terms,
                    languages,
                ],
            )?
        };
        if n != 1 {
            return Ok(false);
        }
        // Written from the tables just now.
        self.directory_stale.remove(&p.partner_id.0);
        self.exec(
            "DELETE FROM partner_profile_terms WHERE partner_id = ?1",
            [&id],
        )?;
        for t in &keys.terms {
            self.exec(
                "INSERT OR IGNORE INTO partner_profile_terms (term, partner_id) VALUES (?1, ?2)",
                [t, &id],
            )?;
        }
        self.exec(
            "DELETE FROM partner_profile_languages WHERE partner_id = ?1",
            [&id],
        )?;
        for l in &keys.languages {
            self.exec(
                "INSERT OR IGNORE INTO partner_profile_languages (language, partner_id) \
                 VALUES (?1, ?2)",
                [l, &id],
            )?;
        }
        Ok(true)
    }

    fn enrolled_without_profile(&mut self, limit: u32) -> StoreResult<Vec<OrgId>> {
        self.all(
            "SELECT DISTINCT e.partner_id FROM enrollments e WHERE NOT EXISTS \
             (SELECT 1 FROM partner_profiles p WHERE p.partner_id = e.partner_id) \
             ORDER BY e.partner_id LIMIT ?1",
            [limit],
            |r| Ok(OrgId(col(r, 0)?)),
        )
    }

    fn directory(&mut self, q: &DirectoryQuery) -> StoreResult<Vec<DirectoryCandidate>> {
        let drivers = self.drivers(q)?;
        let rows = if drivers.is_empty() {
            let (sql, args) = walk_sql(q);
            self.all(&sql, rusqlite::params_from_iter(args), candidate_row)?
        } else {
            self.driven(q, &drivers)?
        };
        let ids: Vec<String> = rows.iter().map(|r| r.0.partner_id.to_string()).collect();
        let mut details = self.details(&ids, q.today)?;
        Ok(rows
            .into_iter()
            .map(|(profile, name, sort_key)| {
                let (enrollments, locations, qualifications) =
                    details.remove(&profile.partner_id).unwrap_or_default();
                DirectoryCandidate {
                    name,
                    sort_key,
                    profile,
                    enrollments,
                    locations,
                    qualifications,
                }
            })
            .collect())
    }
}

/// A candidate's profile, company name and sort key.
type CandidateRow = (Profile, String, String);

fn candidate_row(r: &Row<'_>) -> rusqlite::Result<CandidateRow> {
    Ok((profile_row(r)?, r.get(8)?, r.get(9)?))
}

type Details = (Vec<Enrollment>, Vec<Location>, PartnerQualifications);

impl SqliteTx<'_> {
    /// The candidates' current enrollments, locations and records, in five
    /// queries whatever their number (the ids as one JSON array).
    fn details(&self, ids: &[String], today: Date) -> StoreResult<HashMap<OrgId, Details>> {
        let mut out: HashMap<OrgId, Details> = HashMap::with_capacity(ids.len());
        if ids.is_empty() {
            return Ok(out);
        }
        let ids = serde_json::to_string(ids).expect("ids serialise");
        const IN: &str = "partner_id IN (SELECT value FROM json_each(?1))";
        let enrollments = self.all(
            &format!(
                "SELECT id, partner_id, offering, location_ids, valid_until, agreement_version, \
                 enrolled_at, enrolled_by, version FROM enrollments \
                 WHERE {IN} AND valid_until >= ?2 ORDER BY partner_id, offering"
            ),
            params![ids, today.to_string()],
            |r| {
                let locations: String = r.get(3)?;
                Ok(Enrollment {
                    id: col(r, 0)?,
                    partner_id: col(r, 1)?,
                    offering: r.get(2)?,
                    location_ids: serde_json::from_str(&locations)
                        .map_err(|e| corrupt(3, format_args!("{locations:?}: {e}")))?,
                    valid_until: col(r, 4)?,
                    agreement_version: r.get(5)?,
                    enrolled_at: col(r, 6)?,
                    enrolled_by: col(r, 7)?,
                    version: r.get(8)?,
                })
            },
        )?;
        for e in enrollments {
            out.entry(e.partner_id).or_default().0.push(e);
        }
        let locations = self.all(
            &format!(
                "SELECT id, partner_id, name, country, city FROM locations \
                 WHERE {IN} ORDER BY partner_id, id"
            ),
            [&ids],
            |r| {
                Ok(Location {
                    id: col(r, 0)?,
                    partner_id: col(r, 1)?,
                    name: r.get(2)?,
                    country: r.get(3)?,
                    city: r.get(4)?,
                })
            },
        )?;
        for l in locations {
            out.entry(l.partner_id).or_default().1.push(l);
        }
        let trainings = self.all(
            &format!(
                "SELECT id, partner_id, course, completed_on, recorded_at FROM partner_trainings \
                 WHERE {IN} ORDER BY partner_id, recorded_at, id"
            ),
            [&ids],
            |r| {
                Ok(TrainingRecord {
                    id: col(r, 0)?,
                    partner_id: col(r, 1)?,
                    course: r.get(2)?,
                    completed_on: col(r, 3)?,
                    recorded_at: col(r, 4)?,
                })
            },
        )?;
        for t in trainings {
            out.entry(t.partner_id).or_default().2.trainings.push(t);
        }
        let competencies = self.all(
            &format!(
                "SELECT id, partner_id, competency, level, valid_until, recorded_at \
                 FROM partner_competencies WHERE {IN} ORDER BY partner_id, recorded_at, id"
            ),
            [&ids],
            |r| {
                Ok(CompetencyRecord {
                    id: col(r, 0)?,
                    partner_id: col(r, 1)?,
                    competency: r.get(2)?,
                    level: enum_col(r, 3, CompetencyLevel::parse)?,
                    valid_until: col(r, 4)?,
                    recorded_at: col(r, 5)?,
                })
            },
        )?;
        for c in competencies {
            out.entry(c.partner_id).or_default().2.competencies.push(c);
        }
        let exams = self.all(
            &format!(
                "SELECT id, partner_id, user_id, exam, passed_on, recorded_at \
                 FROM consultant_exams WHERE {IN} ORDER BY partner_id, recorded_at, id"
            ),
            [&ids],
            |r| {
                Ok(ExamRecord {
                    id: col(r, 0)?,
                    partner_id: col(r, 1)?,
                    user_id: col(r, 2)?,
                    exam: r.get(3)?,
                    passed_on: col(r, 4)?,
                    recorded_at: col(r, 5)?,
                })
            },
        )?;
        for x in exams {
            out.entry(x.partner_id).or_default().2.exams.push(x);
        }
        Ok(out)
    }
}

/// A filter of the search, which may also be where it starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter<'a> {
    Word(&'a str),
    Language(&'a str),
    Country(&'a str),
    Offering(&'a str),
}

/// Numbered arguments of a statement built at run time.
#[derive(Default)]
struct Args(Vec<Value>);

impl Args {
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.0.push(v.into());
        format!("?{}", self.0.len())
    }
}

impl Filter<'_> {
    /// The companies the filter matches (with repeats unless `distinct`).
    fn source(self, a: &mut Args, today: &str, distinct: bool) -> String {
        let distinct = if distinct { "DISTINCT " } else { "" };
        match self {
            Filter::Word(w) => {
                let (lo, hi) = (a.bind(w.to_owned()), a.bind(prefix_end(w)));
                format!(
                    "SELECT {distinct}partner_id FROM partner_profile_terms \
                     WHERE term >= {lo} AND term < {hi}"
                )
            }
            Filter::Language(l) => {
                let v = a.bind(l.to_owned());
                format!("SELECT partner_id FROM partner_profile_languages WHERE language = {v}")
            }
            Filter::Country(c) => {
                let v = a.bind(c.to_owned());
                format!("SELECT {distinct}partner_id FROM locations WHERE country = {v}")
            }
            Filter::Offering(o) => {
                let (v, d) = (a.bind(o.to_owned()), a.bind(today.to_owned()));
                format!(
                    "SELECT partner_id FROM enrollments WHERE offering = {v} AND valid_until >= {d}"
                )
            }
        }
    }

    /// The filter as a condition on the company `p`, read from its tokens
    /// (migration 0021: columns of the name index, so that a walk passes over
    /// a company that fails on the index entry alone).
    fn condition(self, a: &mut Args) -> String {
        let (column, token) = match self {
            Filter::Word(w) => ("search_terms", prefix_needle(w)),
            Filter::Language(l) => ("search_languages", value_needle(l)),
            Filter::Country(c) => ("search_countries", value_needle(c)),
            // Every enrollment's offering: the enrollment's last day is
            // checked with the company's.
            Filter::Offering(o) => ("search_offerings", value_needle(o)),
        };
        format!("instr(p.{column}, {}) > 0", a.bind(token))
    }
}

fn filters(q: &DirectoryQuery) -> Vec<Filter<'_>> {
    let mut all: Vec<Filter<'_>> = q.words.iter().map(|w| Filter::Word(w)).collect();
    all.extend(q.language.as_deref().map(Filter::Language));
    all.extend(q.country.as_deref().map(Filter::Country));
    all.extend(q.offering.as_deref().map(Filter::Offering));
    all
}

impl SqliteTx<'_> {
    /// The filters the search starts from (none: the name order), chosen by
    /// [`plan_search`] from each filter's count (counted through its index,
    /// up to a cap) and the number of companies with a profile.
    fn drivers<'q>(&self, q: &'q DirectoryQuery) -> StoreResult<Vec<Filter<'q>>> {
        let today = q.today.to_string();
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
        let mut counts = Vec::with_capacity(all.len());
        for f in &all {
            let mut a = Args::default();
            let source = f.source(&mut a, &today, false);
            let sql = format!("SELECT count(*) FROM ({source} LIMIT {cap})");
            counts.push(
                self.one(&sql, rusqlite::params_from_iter(a.0), |r| r.get(0))?
                    .unwrap_or(0),
            );
        }
        // Profiles are only ever added: the largest rowid is their number.
        let companies: i64 = self
            .one(
                "SELECT coalesce(max(rowid), 0) FROM partner_profiles",
                [],
                |r| r.get(0),
            )?
            .unwrap_or(0);
        Ok(
            match plan_search(&counts, cap, companies, q.limit, &SQLITE_COSTS) {
                SearchPlan::Walk => Vec::new(),
                SearchPlan::Drive(few) => few.into_iter().map(|i| all[i]).collect(),
            },
        )
    }
}

/// How many of the driving filters' companies the first check reads; each
/// further check reads twice as many as the one before.
const FIRST_CHECK: usize = 64;

impl SqliteTx<'_> {
    /// A search that starts from its driving filters: first their companies
    /// after the cursor, in name order (read through the covering index
    /// `partner_profiles (partner_id, sort_key)`, no profile row touched);
    /// then the other filters and the eligibility checked on those companies
    /// in that order, a few at a time, until the page is full. Before, every
    /// driven company was checked and then sorted: a country with 4,000
    /// companies cost 4,000 checks for a page of 51.
    fn driven(&self, q: &DirectoryQuery, drivers: &[Filter<'_>]) -> StoreResult<Vec<CandidateRow>> {
        let today = q.today.to_string();
        let mut a = Args::default();
        let sources: Vec<String> = drivers
            .iter()
            .map(|f| f.source(&mut a, &today, drivers.len() == 1))
            .collect();
        let mut sql = format!(
            "SELECT p.partner_id FROM ({}) d CROSS JOIN partner_profiles p \
             ON p.partner_id = d.partner_id",
            sources.join(" INTERSECT ")
        );
        if let Some((key, id)) = &q.after {
            let (k, i) = (a.bind(key.clone()), a.bind(id.to_string()));
            sql.push_str(&format!(" WHERE (p.sort_key, p.partner_id) > ({k}, {i})"));
        }
        sql.push_str(" ORDER BY p.sort_key, p.partner_id");
        let ids: Vec<String> = self.all(&sql, rusqlite::params_from_iter(a.0), |r| r.get(0))?;
        let limit = q.limit as usize;
        let mut out = Vec::with_capacity(limit);
        let mut rest = ids.as_slice();
        let mut take = FIRST_CHECK.max(limit);
        while !rest.is_empty() && out.len() < limit {
            let (chunk, after) = rest.split_at(take.min(rest.len()));
            rest = after;
            take = take.saturating_mul(2);
            let mut a = Args::default();
            let list = a.bind(serde_json::to_string(chunk).expect("ids serialise"));
            let mut sql = format!(
                "SELECT {COLS}, o.name, p.sort_key FROM json_each({list}) j \
                 CROSS JOIN partner_profiles p ON p.partner_id = j.value \
                 JOIN orgs o ON o.id = p.partner_id WHERE "
            );
            sql.push_str(&conditions(q, drivers, &mut a));
            sql.push_str(" ORDER BY j.key");
            out.extend(self.all(&sql, rusqlite::params_from_iter(a.0), candidate_row)?);
        }
        out.truncate(limit);
        Ok(out)
    }
}

/// The search's conditions on the company `p` but the driving filters':
/// the other filters and the last days of its latest competency and
/// enrollment, all on the company's tokens (SQLite checks them in this
/// order, a company failing one is not looked at further), then, searching
/// by offering, a current enrollment in that one (a probe).
fn conditions(q: &DirectoryQuery, drivers: &[Filter<'_>], a: &mut Args) -> String {
    let mut sql = String::new();
    for f in filters(q) {
        if !drivers.contains(&f) {
            sql.push_str(&f.condition(a));
            sql.push_str(" AND ");
        }
    }
    let d = a.bind(q.today.to_string());
    sql.push_str(&format!(
        "p.enrolled_until >= {d} AND p.competent_until >= {d}"
    ));
    if let Some(o) = &q.offering {
        let v = a.bind(o.clone());
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM enrollments e WHERE e.offering = {v} \
             AND e.partner_id = p.partner_id AND e.valid_until >= {d})"
        ));
    }
    sql
}

/// The query of a search that walks the companies in name order from the
/// cursor, checking each, and its arguments.
fn walk_sql(q: &DirectoryQuery) -> (String, Vec<Value>) {
    let mut a = Args::default();
    let mut sql = format!(
        "SELECT {COLS}, o.name, p.sort_key FROM partner_profiles p \
         JOIN orgs o ON o.id = p.partner_id WHERE "
    );
    if let Some((key, id)) = &q.after {
        let (k, i) = (a.bind(key.clone()), a.bind(id.to_string()));
        sql.push_str(&format!("(p.sort_key, p.partner_id) > ({k}, {i}) AND "));
    }
    sql.push_str(&conditions(q, &[], &mut a));
    // The page size as a literal: SQLite prepares a statement again each
    // time its bound `LIMIT` changes (the statement cache unbinds it).
    sql.push_str(&format!(
        " ORDER BY p.sort_key, p.partner_id LIMIT {}",
        q.limit
    ));
    (sql, a.0)
}

impl SqliteTx<'_> {
    /// Notes that the company's locations, enrollments or competencies
    /// changed: its profile's tokens are written again when the unit of work
    /// ends, once ([`Self::refresh_directory`]).
    pub(super) fn directory_changed(&mut self, partner: OrgId) {
        self.directory_stale.insert(partner.0);
    }

    /// Writes again, from the tables, the tokens and last days of every
    /// company this unit of work changed (those with a profile; a profile
    /// written later reads the tables itself). The writer is alone: nothing
    /// else writes between the reads and the update.
    pub(super) fn refresh_directory(&mut self) -> StoreResult<()> {
        if self.directory_stale.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = std::mem::take(&mut self.directory_stale)
            .iter()
            .map(ToString::to_string)
            .collect();
        let sets: Vec<String> = derived("partner_profiles.partner_id")
            .iter()
            .map(|(c, v)| format!("{c} = {v}"))
            .collect();
        let ids = serde_json::to_string(&ids).expect("ids serialise");
        self.exec(
            &format!(
                "UPDATE partner_profiles SET {} \
                 WHERE partner_id IN (SELECT value FROM json_each(?1))",
                sets.join(", ")
            ),
            [ids],
        )
        .map(drop)
    }
}
