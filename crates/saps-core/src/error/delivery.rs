//! The rules of delivery: the completion report, the customer's sign-off and
//! redemption (`rule.<name>`), their arguments and English messages.

use super::{Rule, RuleArg};
use jiff::civil::Date;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeliveryRule {
    /// The delivery ends after today.
    DeliveryInFuture { today: Date },
    /// The delivery dates are not within the reservation's.
    DeliveryOutsideReservation { start_date: Date, end_date: Date },
    /// On-site and off-site days do not add up to the voucher's days.
    DeliveredDaysMismatch { delivered: u32, voucher_days: u32 },
    /// More days off-site than the program allows.
    TooManyOffsiteDays { days_offsite: u32, max: u32 },
    /// A report needs at least one deliverable.
    DeliverableMissing,
    /// A deliverable's content is not an accepted type (whatever its name).
    DeliverableType { filename: String },
    /// Redemption needs the customer's sign-off (or its deemed acceptance).
    NotSignedOff,
}

impl From<DeliveryRule> for Rule {
    fn from(d: DeliveryRule) -> Self {
        Rule::Delivery(d)
    }
}

impl From<DeliveryRule> for super::Error {
    fn from(d: DeliveryRule) -> Self {
        super::Error::Rule(Rule::Delivery(d))
    }
}

impl DeliveryRule {
    pub fn name(&self) -> &'static str {
        match self {
            Self::DeliveryInFuture { .. } => "delivery_in_future",
            Self::DeliveryOutsideReservation { .. } => "delivery_outside_reservation",
            Self::DeliveredDaysMismatch { .. } => "delivered_days_mismatch",
            Self::TooManyOffsiteDays { .. } => "too_many_offsite_days",
            Self::DeliverableMissing => "deliverable_missing",
            Self::DeliverableType { .. } => "deliverable_type",
            Self::NotSignedOff => "not_signed_off",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, RuleArg)> {
        use RuleArg::{Date as D, Number as N, Text as T};
        match self {
            Self::DeliveryInFuture { today } => vec![("today", D(*today))],
            Self::DeliveryOutsideReservation {
                start_date,
                end_date,
            } => vec![("start_date", D(*start_date)), ("end_date", D(*end_date))],
            Self::DeliveredDaysMismatch {
                delivered,
                voucher_days,
            } => vec![
                ("delivered", N(i64::from(*delivered))),
                ("voucher_days", N(i64::from(*voucher_days))),
            ],
            Self::TooManyOffsiteDays { days_offsite, max } => vec![
                ("days_offsite", N(i64::from(*days_offsite))),
                ("max", N(i64::from(*max))),
            ],
            Self::DeliverableType { filename } => vec![("filename", T(filename.clone()))],
            Self::DeliverableMissing | Self::NotSignedOff => Vec::new(),
        }
    }
}

impl fmt::Display for DeliveryRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DeliveryInFuture { today } => {
                write!(f, "The delivery cannot end after today ({today}).")
            }
            Self::DeliveryOutsideReservation {
                start_date,
                end_date,
            } => write!(
                f,
                "The delivery dates must be within the reservation, {start_date} to {end_date}."
            ),
            Self::DeliveredDaysMismatch {
                delivered,
                voucher_days,
            } => write!(
                f,
                "The delivered days ({delivered}) must equal the voucher's days ({voucher_days})."
            ),
            Self::TooManyOffsiteDays { days_offsite, max } => write!(
                f,
                "At most {max} days may be delivered off-site, not {days_offsite}."
            ),
            Self::DeliverableMissing => write!(f, "Attach at least one deliverable."),
            Self::DeliverableType { filename } => write!(
                f,
                "{filename} is not a PDF, Office, OpenDocument, plain text, PNG or JPEG file."
            ),
            Self::NotSignedOff => write!(f, "The customer has not signed the delivery off."),
        }
    }
}
