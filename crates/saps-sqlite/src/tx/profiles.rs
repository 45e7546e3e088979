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
        let (sql, args) = directory_sql(q);
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

/// The candidates' query and its arguments.
fn directory_sql(q: &DirectoryQuery) -> (String, Vec<Value>) {
    let mut args: Vec<Value> = vec![text(q.today)];
    let mut sql = format!(
        "SELECT {COLS}, o.name, p.sort_key FROM partner_profiles p \
         JOIN orgs o ON o.id = p.partner_id WHERE "
    );
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
         WHERE c.partner_id = p.partner_id AND c.valid_until >= ?1) \
         AND EXISTS (SELECT 1 FROM enrollments e WHERE e.partner_id = p.partner_id \
         AND e.valid_until >= ?1",
    );
    if let Some(o) = &q.offering {
        let a = arg(&mut args, text(o));
        sql.push_str(&format!(" AND e.offering = {a}"));
    }
    sql.push(')');
    if let Some(l) = &q.language {
        let a = arg(&mut args, text(l));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM partner_profile_languages l \
             WHERE l.language = {a} AND l.partner_id = p.partner_id)"
        ));
    }
    if let Some(c) = &q.country {
        let a = arg(&mut args, text(c));
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM locations l \
             WHERE l.country = {a} AND l.partner_id = p.partner_id)"
        ));
    }
    for w in &q.words {
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
