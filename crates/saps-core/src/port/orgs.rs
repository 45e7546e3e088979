//! Organisations, their locations and their people.

use super::StoreResult;
use crate::ids::{LocationId, OrgId, UserId};
use crate::org::{Locale, Location, Org, OrgKind, User};

/// Organisations, locations and users.
pub trait Orgs {
    fn insert_org(&mut self, org: &Org) -> StoreResult<()>;
    fn org(&mut self, id: OrgId) -> StoreResult<Option<Org>>;
    fn orgs(&mut self, kind: OrgKind) -> StoreResult<Vec<Org>>;
    fn set_benefit_active(&mut self, customer: OrgId, active: bool) -> StoreResult<()>;
    fn insert_location(&mut self, location: &Location) -> StoreResult<()>;
    fn location(&mut self, id: LocationId) -> StoreResult<Option<Location>>;
    fn locations(&mut self, partner: OrgId) -> StoreResult<Vec<Location>>;
    /// Fails with `Duplicate("user_email")` when the e-mail is taken.
    fn insert_user(&mut self, user: &User) -> StoreResult<()>;
    fn user(&mut self, id: UserId) -> StoreResult<Option<User>>;
    fn user_by_email(&mut self, email: &str) -> StoreResult<Option<User>>;
    fn users(&mut self, org: OrgId) -> StoreResult<Vec<User>>;
    /// Disables or enables a user; a missing user changes nothing.
    fn set_user_disabled(&mut self, id: UserId, disabled: bool) -> StoreResult<()>;
    /// Stores the language of a user's e-mails and pages; a missing user
    /// changes nothing.
    fn set_user_locale(&mut self, id: UserId, locale: Locale) -> StoreResult<()>;
}
