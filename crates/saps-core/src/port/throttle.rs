//! The storage port's sign-in throttle: attempts per address, counted in the
//! database so that the limit holds across nodes and concurrent requests.
//!
//! Addresses are never stored: the key is a digest of the lower-cased e-mail
//! (the use case makes it).

use crate::port::StoreResult;
use jiff::Timestamp;

/// Sign-in attempts per address key, in the `sign_in_attempts` table.
pub trait SignInThrottle {
    /// In a write: counts one attempt for `key` at `now` and returns the
    /// attempts in the current window, this one included. A window that began
    /// before `window_start` is over: the count starts again at 1 from `now`.
    /// Atomic: of many concurrent attempts each sees a distinct count.
    fn count_sign_in_attempt(
        &mut self,
        key: &str,
        now: Timestamp,
        window_start: Timestamp,
    ) -> StoreResult<u32>;
    /// Forgets the attempts for `key` (a successful sign-in).
    fn clear_sign_in_attempts(&mut self, key: &str) -> StoreResult<()>;
    /// Takes one attempt back from `key`'s current window (never below zero):
    /// an attempt counted before the password was checked that succeeded.
    fn forget_sign_in_attempt(&mut self, key: &str) -> StoreResult<()>;
    /// Deletes windows that began before `before`; returns how many.
    fn purge_sign_in_attempts(&mut self, before: Timestamp) -> StoreResult<u64>;
}
