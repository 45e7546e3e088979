//! The partner directory's decisions, pure: whether a company is listed on
//! a day, with which offerings and locations, and the page cursor.
//!
//! A company is listed when it is enrolled in an offering (the enrollment's
//! last day is today or later) **and** that offering's eligibility status is
//! Active today. It is listed with those offerings and with the locations
//! those enrollments approved.

use crate::eligibility::{EligibilityStatus, eligibility};
use crate::ids::OrgId;
use crate::port::DirectoryCandidate;
use crate::profile::ProfileFields;
use crate::program::Program;
use jiff::civil::Date;

/// A place a listed company delivers from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ListedLocation {
    pub country: String,
    pub city: String,
}

/// A company as the directory shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    pub partner_id: OrgId,
    pub name: String,
    pub profile: ProfileFields,
    /// Offerings' codes, in catalog order.
    pub offerings: Vec<String>,
    /// By country, then city; without repeats.
    pub locations: Vec<ListedLocation>,
}

/// How `c` is listed on `today`, if it is, restricted to `offering` and
/// `country` when given (a company listed only for other offerings, or only
/// with locations elsewhere, is not found by them).
pub fn listing(
    program: &Program,
    c: &DirectoryCandidate,
    today: Date,
    offering: Option<&str>,
    country: Option<&str>,
) -> Option<Listing> {
    let statuses = eligibility(program, &c.qualifications, today);
    let mut offerings = Vec::new();
    let mut approved = Vec::new();
    for o in &statuses {
        if o.status != EligibilityStatus::Active {
            continue;
        }
        let enrolled = c
            .enrollments
            .iter()
            .find(|e| e.offering.eq_ignore_ascii_case(&o.offering) && e.valid_until >= today);
        if let Some(e) = enrolled {
            offerings.push(o.offering.clone());
            approved.extend(e.location_ids.iter().copied());
        }
    }
    if offerings.is_empty()
        || offering.is_some_and(|f| !offerings.iter().any(|o| o.eq_ignore_ascii_case(f)))
    {
        return None;
    }
    let mut locations: Vec<ListedLocation> = c
        .locations
        .iter()
        .filter(|l| approved.contains(&l.id))
        .map(|l| ListedLocation {
            country: l.country.clone(),
            city: l.city.clone(),
        })
        .collect();
    locations.sort();
    locations.dedup();
    if country.is_some_and(|k| !locations.iter().any(|l| l.country.eq_ignore_ascii_case(k))) {
        return None;
    }
    Some(Listing {
        partner_id: c.profile.partner_id,
        name: c.name.clone(),
        profile: c.profile.fields.clone(),
        offerings,
        locations,
    })
}

/// The opaque cursor after a company (its sort key and id).
pub fn encode_cursor(sort_key: &str, id: OrgId) -> String {
    let hex: String = sort_key.bytes().map(|b| format!("{b:02x}")).collect();
    format!("d1.{hex}.{}", id.0.simple())
}

/// Reads a cursor made by [`encode_cursor`].
pub fn decode_cursor(s: &str) -> Option<(String, OrgId)> {
    let (hex, id) = s.strip_prefix("d1.")?.rsplit_once('.')?;
    if hex.len() % 2 != 0 || hex.len() > 2_000 {
        return None;
    }
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let key = String::from_utf8(bytes).ok()?;
    let id = uuid::Uuid::try_parse(id).ok()?;
    Some((key, OrgId(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_what_saps_did_not_make() {
        let id = OrgId(uuid::Uuid::now_v7());
        let c = encode_cursor("nuvem ágil", id);
        assert_eq!(decode_cursor(&c), Some(("nuvem ágil".to_owned(), id)));
        assert_eq!(
            decode_cursor(&encode_cursor("", id)),
            Some((String::new(), id))
        );
        for bad in [
            "",
            "d1.",
            "x1.00.abc",
            "d1.0.",
            "d1.zz.0",
            "d1.ff.00000000000000000000000000000000",
        ] {
            assert_eq!(decode_cursor(bad), None, "{bad:?}");
        }
    }
}
