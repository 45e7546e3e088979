//! Business profiles and the partner directory's search.

use super::*;
use crate::micros;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, DirectoryCandidate, DirectoryQuery, Enrollment, ExamRecord,
    PartnerQualifications, Profile, Profiles, TrainingRecord,
};
use saps_core::profile::{DirectoryKeys, ProfileFields};
use saps_core::{Location, LocationId, OrgId, UserId};
use std::collections::HashMap;

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
        let n = if p.version == 0 {
            self.exec(
                "INSERT INTO partner_profiles (partner_id, sort_key, description, languages, \
                 industries, website, updated_at, updated_by, version) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) ON CONFLICT DO NOTHING",
                &[
                    &p.partner_id.0,
                    &keys.sort_key,
                    &f.description,
                    &langs,
                    &inds,
                    &f.website,
                    &at,
                    &by,
                ],
            )?
        } else {
            self.exec(
                "UPDATE partner_profiles SET sort_key = $2, description = $3, languages = $4, \
                 industries = $5, website = $6, updated_at = $7, updated_by = $8, version = $9 \
                 WHERE partner_id = $1 AND version = $9 - 1",
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
                ],
            )?
        };
        if n != 1 {
            return Ok(false);
        }
        let id = p.partner_id.0;
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
        let drivers = self.drivers(q)?;
        let (sql, params) = directory_sql(q, &drivers);
        let rows = self.rows(&sql, &params.refs())?;
        let mut heads = Vec::with_capacity(rows.len());
        for r in &rows {
            heads.push((profile_row(r)?, get::<String>(r, 8)?, get::<String>(r, 9)?));
        }
        let ids: Vec<Uuid> = heads.iter().map(|h| h.0.partner_id.0).collect();
        let mut details = self.details(&ids, q.today)?;
        Ok(heads
            .into_iter()
            .map(|(profile, name, sort_key)| {
                let (enrollments, locations, qualifications) =
                    details.remove(&profile.partner_id.0).unwrap_or_default();
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

type Details = (Vec<Enrollment>, Vec<Location>, PartnerQualifications);

impl PgTx<'_> {
    /// The candidates' current enrollments, locations and records, in five
    /// queries whatever their number.
    fn details(&mut self, ids: &[Uuid], today: Date) -> StoreResult<HashMap<Uuid, Details>> {
        let mut out: HashMap<Uuid, Details> = HashMap::with_capacity(ids.len());
        if ids.is_empty() {
            return Ok(out);
        }
        let ids = ids.to_vec();
        for r in &self.rows(
            "SELECT id, partner_id, offering, location_ids, valid_until, agreement_version, \
             enrolled_at, enrolled_by, version FROM enrollments \
             WHERE partner_id = ANY($1) AND valid_until >= $2 ORDER BY partner_id, offering",
            &[&ids, &today],
        )? {
            let locations: String = get(r, 3)?;
            let e = Enrollment {
                id: get(r, 0)?,
                partner_id: OrgId(get(r, 1)?),
                offering: get(r, 2)?,
                location_ids: serde_json::from_str(&locations)
                    .map_err(|e| corrupt(format_args!("location_ids {locations:?}: {e}")))?,
                valid_until: get(r, 4)?,
                agreement_version: u32_col(r, 5)?,
                enrolled_at: get(r, 6)?,
                enrolled_by: UserId(get(r, 7)?),
                version: u32_col(r, 8)?,
            };
            out.entry(e.partner_id.0).or_default().0.push(e);
        }
        for r in &self.rows(
            "SELECT id, partner_id, name, country, city FROM locations \
             WHERE partner_id = ANY($1) ORDER BY partner_id, id",
            &[&ids],
        )? {
            let l = Location {
                id: LocationId(get(r, 0)?),
                partner_id: OrgId(get(r, 1)?),
                name: get(r, 2)?,
                country: get(r, 3)?,
                city: get(r, 4)?,
            };
            out.entry(l.partner_id.0).or_default().1.push(l);
        }
        for r in &self.rows(
            "SELECT id, partner_id, course, completed_on, recorded_at FROM partner_trainings \
             WHERE partner_id = ANY($1) ORDER BY partner_id, recorded_at, id",
            &[&ids],
        )? {
            let t = TrainingRecord {
                id: get(r, 0)?,
                partner_id: OrgId(get(r, 1)?),
                course: get(r, 2)?,
                completed_on: get(r, 3)?,
                recorded_at: get(r, 4)?,
            };
            out.entry(t.partner_id.0).or_default().2.trainings.push(t);
        }
        for r in &self.rows(
            "SELECT id, partner_id, competency, level, valid_until, recorded_at \
             FROM partner_competencies WHERE partner_id = ANY($1) \
             ORDER BY partner_id, recorded_at, id",
            &[&ids],
        )? {
            let c = CompetencyRecord {
                id: get(r, 0)?,
                partner_id: OrgId(get(r, 1)?),
                competency: get(r, 2)?,
                level: enum_col(r, 3, CompetencyLevel::parse)?,
                valid_until: get(r, 4)?,
                recorded_at: get(r, 5)?,
            };
            out.entry(c.partner_id.0)
                .or_default()
                .2
                .competencies
                .push(c);
        }
        for r in &self.rows(
            "SELECT id, partner_id, user_id, exam, passed_on, recorded_at \
             FROM consultant_exams WHERE partner_id = ANY($1) \
             ORDER BY partner_id, recorded_at, id",
            &[&ids],
        )? {
            let x = ExamRecord {
                id: get(r, 0)?,
                partner_id: OrgId(get(r, 1)?),
                user_id: UserId(get(r, 2)?),
                exam: get(r, 3)?,
                passed_on: get(r, 4)?,
                recorded_at: get(r, 5)?,
            };
            out.entry(x.partner_id.0).or_default().2.exams.push(x);
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

/// A filter matching fewer rows than this drives the search alone: its
/// companies are read through its index and sorted.
const DRIVE_BELOW: i64 = 2_000;
/// Two or more filters each matching fewer rows than this drive the search
/// together (the intersection of their companies); otherwise the search
/// walks the name order and checks each filter per company.
const INTERSECT_BELOW: i64 = 16_000;

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

    /// The filter as a condition on the company `p` (the offering is checked
    /// with the enrollment).
    fn condition(self, p: &mut Params) -> Option<String> {
        Some(match self {
            Filter::Word(w) => {
                let (lo, hi) = (p.bind(w.to_owned()), p.bind(format!("{w}\u{10FFFF}")));
                format!(
                    "EXISTS (SELECT 1 FROM partner_profile_terms t \
                     WHERE t.partner_id = p.partner_id AND t.term >= {lo} AND t.term < {hi})"
                )
            }
            Filter::Language(l) => {
                let v = p.bind(l.to_owned());
                format!(
                    "EXISTS (SELECT 1 FROM partner_profile_languages l \
                     WHERE l.language = {v} AND l.partner_id = p.partner_id)"
                )
            }
            Filter::Country(c) => {
                let v = p.bind(c.to_owned());
                format!(
                    "EXISTS (SELECT 1 FROM locations l \
                     WHERE l.country = {v} AND l.partner_id = p.partner_id)"
                )
            }
            Filter::Offering(_) => return None,
        })
    }
}

fn filters(q: &DirectoryQuery) -> Vec<Filter<'_>> {
    let mut all: Vec<Filter<'_>> = q.words.iter().map(|w| Filter::Word(w)).collect();
    all.extend(q.language.as_deref().map(Filter::Language));
    all.extend(q.country.as_deref().map(Filter::Country));
    all.extend(q.offering.as_deref().map(Filter::Offering));
    all
}

impl PgTx<'_> {
    /// The filters the search starts from: the most selective one if it
    /// matches few rows, else every filter matching rather few rows if there
    /// are two or more, else none (the name order).
    fn drivers<'q>(&mut self, q: &'q DirectoryQuery) -> StoreResult<Vec<Filter<'q>>> {
        let mut counted: Vec<(i64, Filter<'q>)> = Vec::new();
        for f in filters(q) {
            let mut p = Params::default();
            let source = f.source(&mut p, q.today, false);
            let sql = format!("SELECT count(*) FROM ({source} LIMIT {INTERSECT_BELOW}) s");
            let n: i64 = match self.row(&sql, &p.refs())? {
                Some(r) => get(&r, 0)?,
                None => 0,
            };
            counted.push((n, f));
        }
        counted.sort_by_key(|(n, _)| *n);
        Ok(match counted.as_slice() {
            [(n, f), ..] if *n < DRIVE_BELOW => vec![*f],
            _ => {
                let few: Vec<Filter<'q>> = counted
                    .iter()
                    .filter(|(n, _)| *n < INTERSECT_BELOW)
                    .map(|(_, f)| *f)
                    .collect();
                // A filter's count is only known below INTERSECT_BELOW: one
                // that matches more may match nearly everything, and reading
                // it costs more than walking the name order.
                if few.len() >= 2 { few } else { Vec::new() }
            }
        })
    }
}

/// The candidates' query and its parameters: from the driving filters'
/// companies, else in name order.
fn directory_sql(q: &DirectoryQuery, drivers: &[Filter<'_>]) -> (String, Params) {
    let mut p = Params::default();
    let mut sql = format!("SELECT {COLS}, o.name, p.sort_key FROM ");
    if drivers.is_empty() {
        sql.push_str("partner_profiles p ");
    } else {
        let sources: Vec<String> = drivers
            .iter()
            .map(|f| f.source(&mut p, q.today, drivers.len() == 1))
            .collect();
        sql.push_str(&format!(
            "({}) d JOIN partner_profiles p ON p.partner_id = d.partner_id ",
            sources.join(" INTERSECT ")
        ));
    }
    sql.push_str("JOIN orgs o ON o.id = p.partner_id WHERE ");
    if let Some((key, id)) = &q.after {
        let (k, i) = (p.bind(key.clone()), p.bind(id.0));
        sql.push_str(&format!("(p.sort_key, p.partner_id) > ({k}, {i}) AND "));
    }
    let today = p.bind(q.today);
    sql.push_str(&format!(
        "EXISTS (SELECT 1 FROM partner_competencies c \
         WHERE c.partner_id = p.partner_id AND c.valid_until >= {today}) \
         AND EXISTS (SELECT 1 FROM enrollments e WHERE e.partner_id = p.partner_id \
         AND e.valid_until >= {today}"
    ));
    if let Some(o) = &q.offering {
        let a = p.bind(o.clone());
        sql.push_str(&format!(" AND e.offering = {a}"));
    }
    sql.push(')');
    for f in filters(q) {
        if drivers.contains(&f) {
            continue;
        }
        if let Some(c) = f.condition(&mut p) {
            sql.push_str(" AND ");
            sql.push_str(&c);
        }
    }
    let n = p.bind(i64::from(q.limit));
    sql.push_str(&format!(" ORDER BY p.sort_key, p.partner_id LIMIT {n}"));
    (sql, p)
}
