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

/// How a voucher list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VoucherSort {
    /// Oldest first (by id, which is time-ordered).
    #[default]
    Created,
    /// Soonest expiry first, then by id.
    Expiry,
}

/// Where the previous page of a list ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListCursor {
    /// The last voucher's expiry (used when sorting by expiry).
    pub expires_on: jiff::civil::Date,
    pub id: VoucherId,
}

/// A voucher list as people filter it, always within a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherList {
    pub scope: Scope,
    /// Any of these states; empty: every state.
    pub states: Vec<VoucherState>,
    /// A fragment of the voucher ID (letters and digits, upper case, no
    /// dashes) or of the customer's or partner's name (lower case); empty:
    /// no search.
    pub search: String,
    pub sort: VoucherSort,
    pub after: Option<ListCursor>,
    pub limit: u32,
}

impl VoucherList {
    /// The voucher-ID fragment of a search: letters and digits only, upper case.
    pub fn code_fragment(&self) -> String {
        self.search
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    /// The name fragment of a search: trimmed, lower case.
    pub fn name_fragment(&self) -> String {
        self.search.trim().to_lowercase()
    }
}

/// `%`, `_` and `\` escaped for `LIKE … ESCAPE '\'`.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
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
    /// Writes each voucher's state, version and reservation (what a step
    /// such as expiry changes; no other column) where the stored version is
    /// `version - 1`, and returns the ids written, in no particular order: the
    /// others changed meanwhile (`update_voucher`'s `Stale`). For sweeps that
    /// move many vouchers in one transaction.
    fn update_voucher_states(&mut self, vouchers: &[Voucher]) -> StoreResult<Vec<VoucherId>>;
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
    /// A page of a filtered, searched and sorted list (see [`VoucherList`]).
    fn voucher_list(&mut self, list: &VoucherList) -> StoreResult<Vec<Voucher>>;
    /// Redeemed (not claimed) vouchers whose redemption day is in
    /// `from..=to`, soonest redeemed first: those whose claim window closes
    /// in a range of days.
    fn redeemed_between(
        &mut self,
        from: jiff::civil::Date,
        to: jiff::civil::Date,
    ) -> StoreResult<Vec<Voucher>>;
}
