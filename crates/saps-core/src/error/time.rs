//! The rules of training-day conversion (`rule.<name>`), their arguments and
//! English messages.

use super::{Rule, RuleArg};
use jiff::civil::Date;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeRule {
    /// Training-voucher days can no longer be converted (the cut-off milestone passed).
    ConversionClosed { on: Date },
    /// The agreement holds fewer training days than asked for.
    NotEnoughTrainingDays { held: i64, requested: i64 },
}

impl From<TimeRule> for Rule {
    fn from(t: TimeRule) -> Self {
        Rule::Time(t)
    }
}

impl From<TimeRule> for super::Error {
    fn from(t: TimeRule) -> Self {
        super::Error::Rule(Rule::Time(t))
    }
}

impl TimeRule {
    pub fn name(&self) -> &'static str {
        match self {
            Self::ConversionClosed { .. } => "conversion_closed",
            Self::NotEnoughTrainingDays { .. } => "not_enough_training_days",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, RuleArg)> {
        match self {
            Self::ConversionClosed { on } => vec![("on", RuleArg::Date(*on))],
            Self::NotEnoughTrainingDays { held, requested } => vec![
                ("held", RuleArg::Number(*held)),
                ("requested", RuleArg::Number(*requested)),
            ],
        }
    }
}

impl fmt::Display for TimeRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ConversionClosed { on } => write!(
                f,
                "Training-voucher days can no longer be converted: conversion closed on {on}."
            ),
            Self::NotEnoughTrainingDays { held, requested } => write!(
                f,
                "The agreement holds {held} training days; {requested} cannot be converted."
            ),
        }
    }
}
