//! The program clock: the system clock in production, a simulated one that an
//! operator can move in the demo and in tests.

use jiff::{Timestamp, ToSpan};
use std::sync::Mutex;

/// Why a clock could not be moved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("the system clock cannot be moved")]
    NotSimulated,
    #[error("that moves the clock out of range")]
    OutOfRange,
}

/// Where "now" comes from. Instants are kept to the microsecond, the
/// precision both databases store.
pub enum Clock {
    System,
    Simulated(Mutex<Timestamp>),
}

fn micros(t: Timestamp) -> Timestamp {
    Timestamp::from_microsecond(t.as_microsecond()).expect("in range")
}

impl Clock {
    /// A simulated clock starting at midnight UTC of `date`, then ticking with
    /// the real clock so events keep their order.
    pub fn simulated(date: jiff::civil::Date) -> Self {
        Self::Simulated(Mutex::new(saps_core::quantity::start_of(date)))
    }

    /// Parses `system` or `simulated:YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        if s == "system" {
            return Ok(Self::System);
        }
        if let Some(d) = s.strip_prefix("simulated:") {
            let date: jiff::civil::Date = d
                .parse()
                .map_err(|_| format!("{d:?} is not a date (YYYY-MM-DD)"))?;
            return Ok(Self::simulated(date));
        }
        Err(format!(
            "{s:?} is not a clock: use `system` or `simulated:YYYY-MM-DD`"
        ))
    }

    pub fn is_simulated(&self) -> bool {
        matches!(self, Self::Simulated(_))
    }

    /// The current instant. A simulated clock advances by one microsecond per
    /// reading so that instants stay strictly increasing.
    pub fn now(&self) -> Timestamp {
        match self {
            Self::System => micros(Timestamp::now()),
            Self::Simulated(t) => {
                let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
                *t = t.checked_add(1.microsecond()).unwrap_or(*t);
                *t
            }
        }
    }

    /// Sets a simulated clock to the start of `date`. `Err` on the system clock.
    pub fn set(&self, date: jiff::civil::Date) -> Result<Timestamp, ClockError> {
        match self {
            Self::System => Err(ClockError::NotSimulated),
            Self::Simulated(t) => {
                let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
                *t = saps_core::quantity::start_of(date);
                Ok(*t)
            }
        }
    }

    /// Moves a simulated clock forward by whole days. `Err` on the system clock.
    pub fn advance(&self, days: i64) -> Result<Timestamp, ClockError> {
        match self {
            Self::System => Err(ClockError::NotSimulated),
            Self::Simulated(t) => {
                let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
                *t = t
                    .checked_add((days * 24).hours())
                    .map_err(|_| ClockError::OutOfRange)?;
                Ok(*t)
            }
        }
    }
}
