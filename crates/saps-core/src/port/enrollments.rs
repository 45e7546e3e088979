//! Partners' enrollments in offerings: the approved locations and the last
//! day of the year each enrollment lasts.

use super::StoreResult;
use crate::ids::{LocationId, OrgId, UserId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A company's enrollment in one offering (one per company and offering;
/// enrolling again renews it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    pub id: uuid::Uuid,
    pub partner_id: OrgId,
    /// The offering's code, as the catalog spells it.
    pub offering: String,
    /// The company's locations approved to deliver the offering.
    pub location_ids: Vec<LocationId>,
    /// The last day (inclusive) of the enrollment.
    pub valid_until: Date,
    /// The provider agreement version signed when it was made or last renewed.
    pub agreement_version: u32,
    pub enrolled_at: jiff::Timestamp,
    pub enrolled_by: UserId,
    /// Bumped by every renewal: renewals are conditional writes on it.
    pub version: u32,
}

/// Enrollments per company and offering.
pub trait Enrollments {
    /// Fails with `Duplicate("enrollment_offering")` when the company is
    /// already enrolled in the offering.
    fn insert_enrollment(&mut self, e: &Enrollment) -> StoreResult<()>;
    /// The company's enrollment in an offering (in a write, locked until commit).
    fn enrollment(&mut self, partner: OrgId, offering: &str) -> StoreResult<Option<Enrollment>>;
    /// The company's enrollments, by offering.
    fn enrollments(&mut self, partner: OrgId) -> StoreResult<Vec<Enrollment>>;
    /// Stores `e` if the stored row still has `e.version - 1`; `false` when
    /// it changed meanwhile (nothing is written).
    fn update_enrollment(&mut self, e: &Enrollment) -> StoreResult<bool>;
}
