//! Business profiles and the partner directory's search.

use super::*;
use saps_core::OrgId;
use saps_core::port::{
    DirectoryCandidate, DirectoryQuery, Enrollments, Orgs, PartnerRecords, Profile, Profiles,
};
use saps_core::profile::{DirectoryKeys, ProfileFields};

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
        let n = if p.version == 0 {
            self.exec(
                "INSERT INTO partner_profiles (partner_id, sort_key, description, languages, \
                 industries, website, updated_at, updated_by, version) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0) ON CONFLICT DO NOTHING",
                params![
                    id,
                    keys.sort_key,
                    f.description,
                    json(&f.languages),
                    json(&f.industries),
                    f.website,
                    p.updated_at.map(timestamp),
                    opt_string(p.updated_by),
                ],
            )?
        } else {
            self.exec(
                "UPDATE partner_profiles SET sort_key = ?2, description = ?3, languages = ?4, \
                 industries = ?5, website = ?6, updated_at = ?7, updated_by = ?8, version = ?9 \
                 WHERE partner_id = ?1 AND version = ?10",
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
                ],
            )?
        };
        if n != 1 {
            return Ok(false);
        }
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

    fn directory(&mut self, q: &DirectoryQuery) -> StoreResult<Vec<DirectoryCandidate>> {
        let driver = self.driver(q)?;
        let (sql, args) = directory_sql(q, driver);
        let rows = self.all(&sql, rusqlite::params_from_iter(args), |r| {
            Ok((
                profile_row(r)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for (profile, name, sort_key) in rows {
            let id = profile.partner_id;
            let mut enrollments = self.enrollments(id)?;
            enrollments.retain(|e| e.valid_until >= q.today);
            out.push(DirectoryCandidate {
                name,
                sort_key,
                enrollments,
                locations: self.locations(id)?,
                qualifications: self.qualifications(id)?,
                profile,
            });
        }
        Ok(out)
    }
}

/// A filter the search may start from instead of walking the name order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Driver<'a> {
    Word(&'a str),
    Language(&'a str),
    Country(&'a str),
    Offering(&'a str),
}

/// A filter matching fewer rows than this drives the search: its companies
/// are read through its index and sorted; otherwise the search walks the
/// name order and checks each filter per company.
const DRIVE_BELOW: i64 = 4_000;

impl Driver<'_> {
    /// The companies the filter matches (`?1`, `?2`: its values).
    fn source(self) -> &'static str {
        match self {
            Driver::Word(_) => {
                "SELECT DISTINCT partner_id FROM partner_profile_terms WHERE term >= ?1 AND term < ?2"
            }
            Driver::Language(_) => {
                "SELECT partner_id FROM partner_profile_languages WHERE language = ?1"
            }
            Driver::Country(_) => "SELECT DISTINCT partner_id FROM locations WHERE country = ?1",
            Driver::Offering(_) => {
                "SELECT partner_id FROM enrollments WHERE offering = ?1 AND valid_until >= ?2"
            }
        }
    }

    fn values(self, today: &str) -> [String; 2] {
        match self {
            Driver::Word(w) => [w.to_owned(), prefix_end(w)],
            Driver::Language(v) | Driver::Country(v) => [v.to_owned(), String::new()],
            Driver::Offering(o) => [o.to_owned(), today.to_owned()],
        }
    }
}

impl SqliteTx<'_> {
    /// The most selective filter, if it matches few enough rows.
    fn driver<'q>(&self, q: &'q DirectoryQuery) -> StoreResult<Option<Driver<'q>>> {
        let mut all: Vec<Driver<'q>> = q.words.iter().map(|w| Driver::Word(w)).collect();
        all.extend(q.language.as_deref().map(Driver::Language));
        all.extend(q.country.as_deref().map(Driver::Country));
        all.extend(q.offering.as_deref().map(Driver::Offering));
        let today = q.today.to_string();
        let mut best: Option<(i64, Driver<'q>)> = None;
        for d in all {
            let [a, b] = d.values(&today);
            let source = d.source().replace("SELECT DISTINCT", "SELECT");
            let sql = format!("SELECT count(*) FROM ({source} LIMIT {DRIVE_BELOW})");
            let n: i64 = match d {
                Driver::Word(_) | Driver::Offering(_) => {
                    self.one(&sql, params![a, b], |r| r.get(0))?
                }
                _ => self.one(&sql, params![a], |r| r.get(0))?,
            }
            .unwrap_or(0);
            if n < DRIVE_BELOW && best.is_none_or(|(m, _)| n < m) {
                best = Some((n, d));
            }
        }
        Ok(best.map(|(_, d)| d))
    }
}

/// The candidates' query and its arguments: from the driving filter's
/// companies (the join order forced by CROSS JOIN), else in name order.
fn directory_sql(q: &DirectoryQuery, driver: Option<Driver<'_>>) -> (String, Vec<Value>) {
    let today = q.today.to_string();
    let mut args: Vec<Value> = Vec::new();
    let mut sql = format!("SELECT {COLS}, o.name, p.sort_key FROM ");
    if let Some(d) = driver {
        let [a, b] = d.values(&today);
        args.extend([text(a), text(b)]);
        sql.push_str(&format!(
            "({}) d CROSS JOIN partner_profiles p ON p.partner_id = d.partner_id ",
            d.source()
        ));
    } else {
        args.extend([text(&today), text("")]);
        sql.push_str("partner_profiles p ");
    }
    // ?1 and ?2 belong to the driver; today is ?3.
    args.push(text(&today));
    sql.push_str("JOIN orgs o ON o.id = p.partner_id WHERE ");
    let arg = |args: &mut Vec<Value>, v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some((key, id)) = &q.after {
        let (a, b) = (arg(&mut args, text(key)), arg(&mut args, text(id)));
        sql.push_str(&format!("(p.sort_key, p.partner_id) > ({a}, {b}) AND "));
    }
    sql.push_str(
        "EXISTS (SELECT 1 FROM partner_competencies c \
         WHERE c.partner_id = p.partner_id AND c.valid_until >= ?3) \
         AND EXISTS (SELECT 1 FROM enrollments e WHERE e.partner_id = p.partner_id \
         AND e.valid_until >= ?3",
    );
    if let Some(o) = &q.offering {
        let a = arg(&mut args, text(o));
        sql.push_str(&format!(" AND e.offering = {a}"));
    }
    sql.push(')');
    if let Some(l) = &q.language
        && driver != Some(Driver::Language(l))
    {
        let a = arg(&mut args, text(l));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM partner_profile_languages l \
             WHERE l.language = {a} AND l.partner_id = p.partner_id)"
        ));
    }
    if let Some(c) = &q.country
        && driver != Some(Driver::Country(c))
    {
        let a = arg(&mut args, text(c));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM locations l \
             WHERE l.country = {a} AND l.partner_id = p.partner_id)"
        ));
    }
    for w in &q.words {
        if driver == Some(Driver::Word(w)) {
            continue;
        }
        let (a, b) = (arg(&mut args, text(w)), arg(&mut args, text(prefix_end(w))));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM partner_profile_terms t \
             WHERE t.partner_id = p.partner_id AND t.term >= {a} AND t.term < {b})"
        ));
    }
    let n = arg(&mut args, Value::Integer(i64::from(q.limit)));
    sql.push_str(&format!(" ORDER BY p.sort_key, p.partner_id LIMIT {n}"));
    (sql, args)
}
