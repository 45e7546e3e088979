//! Training-voucher conversion: a customer turns Software Assurance training
//! days held on an agreement into planning days, at the program's ratio,
//! until the cut-off milestone.

use crate::error::{Error, TimeRule};
use crate::program::{MilestoneName, Program};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How many planning days so many training days become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversionRatio {
    pub training_days: u32,
    pub planning_days: u32,
}

impl Default for ConversionRatio {
    /// One training day for one planning day.
    fn default() -> Self {
        Self {
            training_days: 1,
            planning_days: 1,
        }
    }
}

/// The most training days one conversion may ask for.
pub const MAX_TRAINING_DAYS: i64 = 10_000;

/// The day conversion closes (effective on that day), if the calendar has one.
pub fn closes_on(program: &Program) -> Option<Date> {
    program.milestone(MilestoneName::TrainingConversionEnded)
}

/// Whether training days can still be converted on `today`.
pub fn is_open(program: &Program, today: Date) -> bool {
    closes_on(program).is_none_or(|d| today < d)
}

/// Checks a conversion of `training_days` out of `held` on `today` and gives
/// the planning days it yields. Bad amounts are refused before the calendar,
/// the calendar before the balance.
pub fn convert(
    program: &Program,
    today: Date,
    held: i64,
    training_days: i64,
) -> Result<i64, Error> {
    let ratio = program.conversion_ratio;
    if training_days <= 0 || training_days > MAX_TRAINING_DAYS {
        return Err(Error::invalid(
            "training_days",
            format!("training_days must be a whole number from 1 to {MAX_TRAINING_DAYS}"),
        ));
    }
    let per = i64::from(ratio.training_days.max(1));
    if training_days % per != 0 {
        return Err(Error::invalid(
            "training_days",
            format!("training_days must be a multiple of {per} (the program's ratio)"),
        ));
    }
    if let Some(on) = closes_on(program)
        && today >= on
    {
        return Err(TimeRule::ConversionClosed { on }.into());
    }
    if training_days > held {
        return Err(TimeRule::NotEnoughTrainingDays {
            held,
            requested: training_days,
        }
        .into());
    }
    Ok(training_days / per * i64::from(ratio.planning_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Rule;
    use jiff::civil::date;

    #[test]
    fn training_days_convert_one_for_one_before_the_cut_off() {
        let p = Program::sa_planning_services();
        assert_eq!(convert(&p, date(2020, 1, 31), 5, 3), Ok(3));
        assert!(is_open(&p, date(2020, 1, 31)));
    }

    #[test]
    fn on_and_after_the_cut_off_conversion_is_closed() {
        let p = Program::sa_planning_services();
        for today in [date(2020, 2, 1), date(2020, 11, 2)] {
            assert_eq!(
                convert(&p, today, 5, 3),
                Err(Error::Rule(Rule::Time(TimeRule::ConversionClosed {
                    on: date(2020, 2, 1)
                })))
            );
        }
    }

    #[test]
    fn zero_negative_and_too_many_training_days_are_refused() {
        let p = Program::sa_planning_services();
        let today = date(2020, 1, 10);
        for n in [0, -2, MAX_TRAINING_DAYS + 1] {
            assert_eq!(
                convert(&p, today, 5, n).unwrap_err().code(),
                "validation.training_days"
            );
        }
        assert_eq!(
            convert(&p, today, 2, 3),
            Err(TimeRule::NotEnoughTrainingDays {
                held: 2,
                requested: 3
            }
            .into())
        );
    }

    #[test]
    fn the_program_ratio_decides_the_planning_days() {
        let mut p = Program::sa_planning_services();
        p.conversion_ratio = ConversionRatio {
            training_days: 2,
            planning_days: 3,
        };
        let today = date(2020, 1, 10);
        assert_eq!(convert(&p, today, 10, 4), Ok(6));
        assert_eq!(
            convert(&p, today, 10, 3).unwrap_err().code(),
            "validation.training_days"
        );
    }
}
