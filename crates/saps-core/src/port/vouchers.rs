//! Vouchers: stored whole, written under optimistic versioning.

use super::StoreResult;
use crate::code::VoucherCode;
use crate::ids::{OrgId, VoucherId};
use crate::journal::Scope;
use crate::voucher::{Voucher, VoucherState};

/// A filter over vouchers, always within a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherQuery {
    pub scope: Scope,
    pub state: Option<VoucherState>,
    /// Keyset cursor: only vouchers whose id is greater.
    pub after: Option<VoucherId>,
    pub limit: u32,
}

/// Vouchers.
pub trait Vouchers {
    /// Fails with `Duplicate("voucher_code")` on a code collision and with
    /// `Duplicate("fifteen_day_engagement")` when the customer already holds a
    /// live 15-day voucher for the same engagement.
    fn insert_voucher(&mut self, voucher: &Voucher) -> StoreResult<()>;
    /// Reads a voucher for update (PostgreSQL locks the row).
    fn voucher_by_code(&mut self, code: &VoucherCode) -> StoreResult<Option<Voucher>>;
    fn voucher(&mut self, id: VoucherId) -> StoreResult<Option<Voucher>>;
    /// Writes `voucher` if the stored version is `voucher.version - 1`;
    /// `Err(Stale)` otherwise.
    fn update_voucher(&mut self, voucher: &Voucher) -> StoreResult<()>;
    fn vouchers(&mut self, query: &VoucherQuery) -> StoreResult<Vec<Voucher>>;
    /// Live (not cancelled, expired or removed) vouchers of a customer for an
    /// engagement and length.
    fn count_live_vouchers(
        &mut self,
        customer: OrgId,
        engagement: &str,
        days: u32,
    ) -> StoreResult<u64>;
    /// Open vouchers whose expiry date is before `today`.
    fn vouchers_expired_before(
        &mut self,
        today: jiff::civil::Date,
        limit: u32,
    ) -> StoreResult<Vec<Voucher>>;
    fn voucher_counts(&mut self, scope: Scope) -> StoreResult<Vec<(VoucherState, u64)>>;
}
