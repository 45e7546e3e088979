//! Payment: registrations per offering, bank accounts per location, the rate
//! card, the claim reference counter and claims (stored whole, written under
//! optimistic versioning).

use super::StoreResult;
use crate::ids::{LocationId, OrgId};
use crate::payment::{BankAccount, Claim, ClaimState, Rate, Registration};

/// A page of claims, always within a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimQuery {
    /// One partner's claims; `None`: every partner's (the operator).
    pub partner: Option<OrgId>,
    /// Any of these states; empty: every state.
    pub states: Vec<ClaimState>,
    /// Keyset cursor: only claims whose id is greater (ids are time-ordered,
    /// so the list is oldest first).
    pub after: Option<uuid::Uuid>,
    pub limit: u32,
}

/// Payment's storage.
pub trait Payments {
    /// Fails with `Duplicate("payment_registration")` when the company is
    /// already registered for the offering.
    fn insert_registration(&mut self, r: &Registration) -> StoreResult<()>;
    /// The company's registrations, by offering.
    fn registrations(&mut self, partner: OrgId) -> StoreResult<Vec<Registration>>;
    /// How many of the company's vouchers of these engagements are redeemed,
    /// claimed or paid.
    fn count_redeemed_vouchers(
        &mut self,
        partner: OrgId,
        engagements: &[String],
    ) -> StoreResult<u64>;

    /// Writes the location's bank account, replacing any it had.
    fn put_bank_account(&mut self, a: &BankAccount) -> StoreResult<()>;
    fn bank_account(&mut self, location: LocationId) -> StoreResult<Option<BankAccount>>;
    /// The company's bank accounts, by location id.
    fn bank_accounts(&mut self, partner: OrgId) -> StoreResult<Vec<BankAccount>>;

    /// Every dated rate, by country then date.
    fn rates(&mut self) -> StoreResult<Vec<Rate>>;
    /// Replaces the whole card.
    fn replace_rates(&mut self, rates: &[Rate]) -> StoreResult<()>;

    /// The next number of `year`'s claims (1, 2, …): a conditional increment
    /// of the year's counter row, so concurrent claims never share a number.
    fn next_claim_number(&mut self, year: i16) -> StoreResult<u64>;
    /// Fails with `Duplicate("claim_reference")` on a reference taken.
    fn insert_claim(&mut self, c: &Claim) -> StoreResult<()>;
    /// Reads a claim (in a write, locked until commit).
    fn claim(&mut self, id: uuid::Uuid) -> StoreResult<Option<Claim>>;
    /// Stores `c` if the stored row still has `c.version - 1`; `false` when
    /// it changed meanwhile (nothing is written).
    fn update_claim(&mut self, c: &Claim) -> StoreResult<bool>;
    fn claims(&mut self, q: &ClaimQuery) -> StoreResult<Vec<Claim>>;
}
