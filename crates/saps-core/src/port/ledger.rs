//! Agreements, their pools of days and the ledger that moves them.

use super::StoreResult;
use crate::ids::{AgreementId, OrgId};
use crate::journal::{LedgerEntry, LedgerReason};
use crate::voucher::Agreement;

/// Totals of an agreement's ledger, by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoolTotals {
    pub by_reason: Vec<(LedgerReason, i64)>,
    pub sum: i64,
}

/// Agreements, pools and the ledger.
pub trait Ledger {
    /// Fails with `Duplicate("agreement_number")` when the customer has that number.
    fn insert_agreement(&mut self, agreement: &Agreement) -> StoreResult<()>;
    fn agreement(&mut self, id: AgreementId) -> StoreResult<Option<Agreement>>;
    fn agreement_by_number(
        &mut self,
        customer: OrgId,
        number: &str,
    ) -> StoreResult<Option<Agreement>>;
    fn agreements(&mut self, customer: OrgId) -> StoreResult<Vec<Agreement>>;
    /// Appends an entry and moves the pool's balance by its delta, refusing
    /// (`Ok(false)`, nothing written) when the balance would go negative.
    fn post_ledger(&mut self, entry: &LedgerEntry) -> StoreResult<bool>;
    /// Appends entries that each give days back (`delta >= 0`) and moves
    /// each pool's balance by the sum of its entries, once per pool. A
    /// negative delta is refused (`Backend`) before anything is written. For
    /// sweeps that refund many vouchers in one transaction.
    fn post_ledger_credits(&mut self, entries: &[LedgerEntry]) -> StoreResult<()>;
    fn pool_totals(&mut self, agreement: AgreementId) -> StoreResult<PoolTotals>;
}
