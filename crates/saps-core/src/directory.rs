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

/// How many rows of one filter a search counts before it stops counting: a
/// filter matching more is common enough to be checked company by company.
pub const PROBE_CAP: i64 = 16_000;
/// The probe's cap when the search has a single filter: beyond about this,
/// walking the name order finds a page sooner than reading the filter's
/// companies and sorting them (`3 × rows ≈ 5.5 × page × companies / rows`).
pub const LONE_PROBE_CAP: i64 = 3_000;

/// Where a directory search starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchPlan {
    /// Walk the companies in name order, checking every filter on each.
    Walk,
    /// Read the companies of these filters (by index into the probes; their
    /// intersection when several), sort them by name and check the others on
    /// each.
    Drive(Vec<usize>),
}

/// What the steps of a search cost on one database, relative to one
/// another (measured there; see docs/PERFORMANCE.md).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchCosts {
    /// Reading one of a driving filter's index entries (and intersecting it).
    pub entry: f64,
    /// Reading a driven company's sort key.
    pub sort_key: f64,
    /// Walking past one company in name order.
    pub step: f64,
    /// Looking a driven company up.
    pub lookup: f64,
    /// Checking one more filter on a company.
    pub filter: f64,
    /// Checking the eligibility of a company that passed every filter.
    pub check: f64,
}

/// SQLite, in reads of one of a filter's index entries (~0.18 µs; `sqlite3`'s
/// timer on 100,000 profiles, memory-mapped): the walk passes a company on
/// one entry of the name index that carries its tokens and last days
/// (migration 0021; ~0.12 µs, each filter a string search on it ~0.45 µs),
/// where a driven company's sort key is a look-up by its id and a share of
/// the sort (~2.5 µs), and a company that passes — walked or driven — is its
/// row and its name (~5 µs).
pub const SQLITE_COSTS: SearchCosts = SearchCosts {
    entry: 1.0,
    sort_key: 13.0,
    step: 0.7,
    lookup: 28.0,
    filter: 2.5,
    check: 28.0,
};

/// PostgreSQL, in reads of one index entry in a range (~0.3 µs;
/// `EXPLAIN ANALYZE` on 100,000 profiles): the walk passes a company on one
/// entry of the name index that carries its words, languages and countries
/// (~0.45 µs, each filter a string search on it), but every per-company
/// probe is an executor loop over an index: a driven company's sort key
/// (~2.4 µs) and its row (~1.5 µs), and the eligibility of a company that
/// passed its filters — its row, its name and two probes (~6 µs).
pub const POSTGRES_COSTS: SearchCosts = SearchCosts {
    entry: 1.5,
    sort_key: 8.0,
    step: 1.5,
    lookup: 5.0,
    filter: 0.3,
    check: 20.0,
};

/// PostgreSQL's cap on counting a lone filter: its walk is cheap enough that
/// a filter of more companies than about this does not drive
/// (`(entry + sort_key) × rows ≈ (step + filter) × page × companies / rows`).
pub const POSTGRES_LONE_PROBE_CAP: i64 = 1_500;

/// Chooses where a search starts from its filters' counts (each counted up to
/// `cap`; a count at the cap means "at least"), the number of companies with
/// a profile (an estimate will do) and the page's size, by comparing the
/// database's rough `costs` of reading the driving filters' entries and
/// their companies' sort keys against looking companies up and checking
/// them. A driven search checks its companies in name order and stops at a
/// full page, as a walk does.
pub fn plan_search(
    counts: &[i64],
    cap: i64,
    companies: i64,
    page: u32,
    costs: &SearchCosts,
) -> SearchPlan {
    if counts.is_empty() {
        return SearchPlan::Walk;
    }
    let total = companies
        .max(counts.iter().copied().max().unwrap_or(0))
        .max(1) as f64;
    let share = |c: i64| (c.max(1) as f64 / total).min(1.0);
    let filters = counts.len() as f64;
    // Walking: until a page's worth of companies pass every filter.
    let all: f64 = counts.iter().map(|&c| share(c)).product();
    let walked = (f64::from(page) / all).min(total);
    let walk =
        walked * (costs.step + costs.filter * filters) + costs.check * f64::from(page).min(walked);
    // Driving: the filters counted below the cap, read and intersected; the
    // companies left are looked up and checked against the rest.
    let few: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] < cap).collect();
    if few.is_empty() {
        return SearchPlan::Walk;
    }
    let read: f64 = few.iter().map(|&i| counts[i] as f64).sum::<f64>() * costs.entry;
    let left = few
        .iter()
        .map(|&i| counts[i] as f64)
        .fold(total, |n, c| n * c / total);
    // The companies left are put in name order by their sort keys and
    // checked in that order until a page's worth pass the other filters.
    let rest: f64 = (0..counts.len())
        .filter(|i| !few.contains(i))
        .map(|i| share(counts[i]))
        .product();
    let checked = (f64::from(page) / rest).min(left);
    let drive = read
        + costs.sort_key * left
        + checked * (costs.lookup + costs.filter * (filters - few.len() as f64))
        + costs.check * f64::from(page).min(checked);
    if drive < walk {
        SearchPlan::Drive(few)
    } else {
        SearchPlan::Walk
    }
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
    fn a_search_starts_where_it_reads_least() {
        let n = 100_000;
        // A rare filter drives; nothing to drive without filters.
        assert_eq!(
            plan_search(&[], PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Walk
        );
        assert_eq!(
            plan_search(&[300], LONE_PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Drive(vec![0])
        );
        // A common lone filter (counted to the cap): the name order.
        assert_eq!(
            plan_search(&[LONE_PROBE_CAP], LONE_PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Walk
        );
        // A lone filter of 1,924 companies (a country) walks: past ~2,650
        // entries of the name index in 1.6 ms, where sorting its companies by
        // their sort keys took 10 ms.
        assert_eq!(
            plan_search(&[1_924], LONE_PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Walk
        );
        assert_eq!(
            plan_search(&[800], LONE_PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Drive(vec![0])
        );
        // Two rather rare filters drive together.
        assert_eq!(
            plan_search(&[900, 1_500], PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Drive(vec![0, 1])
        );
        // Two common words: walking finds a page after ~3,600 companies,
        // cheaper than reading and intersecting 24,000 entries (measured:
        // ~15 ms against ~22 ms).
        assert_eq!(
            plan_search(&[14_000, 10_000], PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Walk
        );
        // Every filter above the cap: walk.
        assert_eq!(
            plan_search(&[PROBE_CAP, PROBE_CAP], PROBE_CAP, n, 51, &SQLITE_COSTS),
            SearchPlan::Walk
        );
    }

    #[test]
    fn on_postgresql_the_walk_checks_filters_on_the_name_index_so_only_rare_ones_drive() {
        let n = 100_000;
        let cap = POSTGRES_LONE_PROBE_CAP;
        // A lone filter drives below about a thousand companies, and one
        // counted to PostgreSQL's lone cap walks.
        assert_eq!(
            plan_search(&[800], cap, n, 51, &POSTGRES_COSTS),
            SearchPlan::Drive(vec![0])
        );
        assert_eq!(
            plan_search(&[cap], cap, n, 51, &POSTGRES_COSTS),
            SearchPlan::Walk
        );
        // A country of 3,300 companies and a common word: walking past
        // ~10,000 index entries (~4.5 ms) beats sorting the country's
        // companies by their sort keys (~10 ms).
        assert_eq!(
            plan_search(&[3_300, PROBE_CAP], PROBE_CAP, n, 51, &POSTGRES_COSTS),
            SearchPlan::Walk
        );
        // Two common words walk (16,810 and 8,792 companies: intersecting
        // them took 43 ms, walking to a page of both 3 ms).
        assert_eq!(
            plan_search(&[PROBE_CAP, 8_792], PROBE_CAP, n, 51, &POSTGRES_COSTS),
            SearchPlan::Walk
        );
        // A rare country with a common word: its few companies drive.
        assert_eq!(
            plan_search(&[400, PROBE_CAP], PROBE_CAP, n, 51, &POSTGRES_COSTS),
            SearchPlan::Drive(vec![0])
        );
    }

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
