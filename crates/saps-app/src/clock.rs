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
    /// Real time shifted by an offset an operator can change; readings are
    /// strictly increasing so events keep their order.
    Simulated(Mutex<Shift>),
}

/// The state of a simulated clock.
pub struct Shift {
    offset: jiff::SignedDuration,
    last: Timestamp,
}

/// The real time, to the microsecond: for what is measured in real time
/// (token lifetimes), never for the program's rules.
pub fn wall_now() -> Timestamp {
    micros(Timestamp::now())
}

fn micros(t: Timestamp) -> Timestamp {
    Timestamp::from_microsecond(t.as_microsecond()).expect("in range")
}

impl Clock {
    /// A simulated clock that reads midnight UTC of `date` now, then runs with
    /// real time.
    pub fn simulated(date: jiff::civil::Date) -> Self {
        let start = saps_core::quantity::start_of(date);
        Self::Simulated(Mutex::new(Shift {
            offset: start.duration_since(Timestamp::now()),
            last: start,
        }))
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

    /// The current instant.
    pub fn now(&self) -> Timestamp {
        match self {
            Self::System => micros(Timestamp::now()),
            Self::Simulated(m) => {
                let mut m = m.lock().unwrap_or_else(|e| e.into_inner());
                let t = micros(Timestamp::now().checked_add(m.offset).unwrap_or(m.last));
                let t = if t > m.last {
                    t
                } else {
                    m.last.checked_add(1.microsecond()).unwrap_or(m.last)
                };
                m.last = t;
                t
            }
        }
    }

    /// Sets a simulated clock to the start of `date`.
    pub fn set(&self, date: jiff::civil::Date) -> Result<Timestamp, ClockError> {
        match self {
            Self::System => Err(ClockError::NotSimulated),
            Self::Simulated(m) => {
                let mut m = m.lock().unwrap_or_else(|e| e.into_inner());
                let start = saps_core::quantity::start_of(date);
                m.offset = start.duration_since(Timestamp::now());
                // Moving back in time is allowed; readings restart from there.
                m.last = start;
                Ok(start)
            }
        }
    }

    /// Moves a simulated clock forward by whole days.
    pub fn advance(&self, days: i64) -> Result<Timestamp, ClockError> {
        match self {
            Self::System => Err(ClockError::NotSimulated),
            Self::Simulated(m) => {
                let mut m = m.lock().unwrap_or_else(|e| e.into_inner());
                let step = jiff::SignedDuration::from_hours(
                    days.checked_mul(24).ok_or(ClockError::OutOfRange)?,
                );
                let offset = m.offset.checked_add(step).ok_or(ClockError::OutOfRange)?;
                let now = Timestamp::now()
                    .checked_add(offset)
                    .map_err(|_| ClockError::OutOfRange)?;
                m.offset = offset;
                m.last = m.last.max(micros(now));
                Ok(m.last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simulated_clock_starts_at_its_date_runs_and_moves() {
        let c = Clock::simulated(jiff::civil::date(2020, 11, 2));
        let a = c.now();
        let b = c.now();
        assert!(b > a);
        assert_eq!(saps_core::program_date(a), jiff::civil::date(2020, 11, 2));
        c.advance(30).unwrap();
        assert_eq!(
            saps_core::program_date(c.now()),
            jiff::civil::date(2020, 12, 2)
        );
        c.set(jiff::civil::date(2021, 7, 1)).unwrap();
        assert_eq!(
            saps_core::program_date(c.now()),
            jiff::civil::date(2021, 7, 1)
        );
        assert_eq!(Clock::System.advance(1), Err(ClockError::NotSimulated));
    }
}
