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

/// What a move of the clock did, counted from the events the date-driven
/// jobs appended after the move (on this node or another).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClockEffects {
    /// Vouchers that expired unreserved.
    pub vouchers_expired: u64,
    /// Days that went back to their pools with those vouchers.
    pub days_returned: i64,
    /// Days removed from pools at the removal milestone.
    pub days_removed: i64,
    /// Reminders sent (events of kind `reminder.sent`).
    pub reminders_sent: u64,
    /// Completion reports whose sign-off was deemed given by silence.
    pub sign_offs_deemed: u64,
}

impl ClockEffects {
    /// Whether the move changed nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The journal kinds a clock move's effects are counted from, each with the
/// payload field summed (see [`ClockEffects`]).
const EXPIRED: (&str, &str) = ("voucher.expired", "refunded_days");
const REMOVED: (&str, &str) = ("days.removed", "days");
const SIGNED_OFF: (&str, &str) = ("voucher.signed_off", "deemed");

/// The kind of the event a reminder job appends for each reminder it sends.
pub const REMINDER_SENT: &str = "reminder.sent";

/// A clock move's outcome: the new time and what the move did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockMoveOutcome {
    pub now: Timestamp,
    /// Whether the clock moved (`set` to today does not).
    pub moved: bool,
    pub effects: ClockEffects,
}

/// Refuses a move that would take the program date back: the clock only
/// moves forward (setting it to today is no move).
pub fn refuse_backwards(
    today: jiff::civil::Date,
    to: crate::ClockMove,
) -> Result<(), saps_core::Error> {
    match to {
        crate::ClockMove::Set(d) if d < today => Err(saps_core::Error::Conflict {
            entity: saps_core::Entity::Clock,
            message: backwards_message(d, today),
        }),
        _ => Ok(()),
    }
}

/// The English refusal of a backward move.
pub fn backwards_message(to: jiff::civil::Date, today: jiff::civil::Date) -> String {
    format!("The clock only moves forward: {to} is before the program date {today}.")
}

impl crate::App {
    /// Moves a simulated clock forward (to a later date, or by days), records
    /// the move in the journal, runs the date-driven jobs it made due, and
    /// says what they did. A date before today is refused (409) and changes
    /// nothing; today itself is no move.
    pub async fn move_clock_forward(
        &self,
        actor: &saps_core::Actor,
        to: crate::ClockMove,
    ) -> Result<ClockMoveOutcome, saps_core::Error> {
        saps_core::authz::authorize(
            actor,
            saps_core::authz::Action::MoveClock,
            saps_core::authz::Resource::Program,
        )?;
        if !self.clock.is_simulated() {
            return Err(crate::clock_error(ClockError::NotSimulated));
        }
        let today = self.today();
        refuse_backwards(today, to)?;
        if to == crate::ClockMove::Set(today) {
            return Ok(ClockMoveOutcome {
                now: self.now(),
                moved: false,
                effects: ClockEffects::default(),
            });
        }
        let before = self.now();
        let now = match to {
            crate::ClockMove::Set(date) => self.clock.set(date),
            crate::ClockMove::Advance(days) => self.clock.advance(days),
        }
        .map_err(crate::clock_error)?;
        let (actor_id, version) = (actor.user_id, self.program().version);
        let seq = self
            .write(move |tx| {
                let moved = saps_core::event::ClockMoved {
                    from: before,
                    to: now,
                };
                Ok(tx.append_event(&saps_core::NewEvent::new(
                    moved,
                    now,
                    Some(actor_id),
                    version,
                ))?)
            })
            .await?;
        self.run_jobs_after_clock_move().await?;
        let effects = self.effects_after(seq).await?;
        Ok(ClockMoveOutcome {
            now,
            moved: true,
            effects,
        })
    }

    /// Counts what the journal records after `seq` (the move's own event),
    /// kind by kind in the database: a move that expires a million vouchers
    /// does not read their million events back.
    async fn effects_after(&self, seq: i64) -> Result<ClockEffects, saps_core::Error> {
        self.read(move |tx| {
            let (vouchers_expired, days_returned) =
                tx.event_totals_after(seq, EXPIRED.0, EXPIRED.1)?;
            // Each removal's days are positive (only pools with days left).
            let (_, days_removed) = tx.event_totals_after(seq, REMOVED.0, REMOVED.1)?;
            let (_, deemed) = tx.event_totals_after(seq, SIGNED_OFF.0, SIGNED_OFF.1)?;
            let (reminders_sent, _) = tx.event_totals_after(seq, REMINDER_SENT, "")?;
            Ok(ClockEffects {
                vouchers_expired,
                days_returned,
                days_removed,
                reminders_sent,
                sign_offs_deemed: deemed.unsigned_abs(),
            })
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_effects_are_counted_from_kinds_the_program_writes() {
        use saps_core::event::EventBody;
        for (kind, _) in [EXPIRED, REMOVED, SIGNED_OFF] {
            assert!(EventBody::KINDS.contains(&kind), "{kind}");
        }
    }

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
