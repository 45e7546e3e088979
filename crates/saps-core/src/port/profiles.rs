//! Partner companies' business profiles, and the partner directory's search
//! over them.

use super::{Enrollment, PartnerQualifications, StoreResult};
use crate::ids::{OrgId, UserId};
use crate::org::Location;
use crate::profile::{DirectoryKeys, ProfileFields};
use jiff::civil::Date;

/// A company's business profile. A company that enrolled before writing one
/// has an empty profile (version 0, never updated), so that it is listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub partner_id: OrgId,
    pub fields: ProfileFields,
    pub updated_at: Option<jiff::Timestamp>,
    pub updated_by: Option<UserId>,
    /// 0 when inserted, bumped by every update: updates are conditional on it.
    pub version: u32,
}

/// One directory search, as the store runs it. The store returns companies
/// that *may* match, in order; the caller decides eligibility (computed, not
/// stored) and rechecks the approved locations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryQuery {
    /// The program's today: enrollments ending before it do not count.
    pub today: Date,
    /// Only companies enrolled (until today or later) in this offering.
    pub offering: Option<String>,
    /// Only companies with a location in this country (ISO alpha-2, upper case).
    pub country: Option<String>,
    /// Only companies whose profile names this language key (see
    /// [`crate::profile::language_keys`]).
    pub language: Option<String>,
    /// Folded words; each must start one of the company's terms.
    pub words: Vec<String>,
    /// Keyset: only companies after this (sort key, id).
    pub after: Option<(String, OrgId)>,
    pub limit: u32,
    /// Where the search starts; `None`: chosen by the store from its counts
    /// ([`crate::directory::plan_search`]). Every plan gives the same answer
    /// (the contract suite checks it); forcing one is for tests and diagnosis.
    /// `Drive` indexes the filters in the order words, language, country,
    /// offering.
    pub plan: Option<crate::directory::SearchPlan>,
}

/// A company the directory may list, with what deciding needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryCandidate {
    pub name: String,
    pub sort_key: String,
    pub profile: Profile,
    /// The company's enrollments that last until the query's today or later.
    pub enrollments: Vec<Enrollment>,
    /// The company's locations.
    pub locations: Vec<Location>,
    pub qualifications: PartnerQualifications,
}

/// Business profiles and the directory.
pub trait Profiles {
    /// The company's profile, if it has one.
    fn profile(&mut self, partner: OrgId) -> StoreResult<Option<Profile>>;
    /// Stores the profile with the keys the directory finds it by: inserts it
    /// when `p.version` is 0 (`false` if the company has one already),
    /// otherwise replaces the stored one if it still has `p.version - 1`
    /// (`false`, writing nothing, when it changed meanwhile).
    fn save_profile(&mut self, p: &Profile, keys: &DirectoryKeys) -> StoreResult<bool>;
    /// Companies with a profile, at least one enrollment lasting until
    /// `q.today` (in `q.offering` when given), a competency lasting until
    /// `q.today`, and matching every filter; ordered by sort key then id,
    /// at most `q.limit`.
    fn directory(&mut self, q: &DirectoryQuery) -> StoreResult<Vec<DirectoryCandidate>>;
    /// Up to `limit` companies with an enrollment (of any date) and no profile,
    /// in id order: those that enrolled before profiles existed, which the
    /// directory cannot list until they get an empty one.
    fn enrolled_without_profile(&mut self, limit: u32) -> StoreResult<Vec<OrgId>>;
}
