//! Training-voucher days an agreement holds, until they are converted into
//! planning days.

use super::StoreResult;
use crate::ids::AgreementId;

/// Each agreement's balance of training days.
pub trait TrainingDays {
    /// The training days an agreement holds (0 when none were granted).
    fn training_days(&mut self, agreement: AgreementId) -> StoreResult<i64>;
    /// Adds training days to an agreement's balance.
    fn grant_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<()>;
    /// Takes `days` from the balance if it holds that many; `Ok(false)`, with
    /// nothing written, when it does not (a conditional write: two
    /// conversions never take the same days).
    fn take_training_days(&mut self, agreement: AgreementId, days: i64) -> StoreResult<bool>;
}
