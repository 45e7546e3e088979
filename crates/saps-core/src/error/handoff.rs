//! The hand-off rules' arguments and English messages (enrollment,
//! eligibility and reservation window at assignment and reservation).

use super::{Rule, RuleArg};
use std::fmt;

impl Rule {
    pub(super) fn handoff_args(&self) -> Vec<(&'static str, RuleArg)> {
        use RuleArg::{Date as D, Number as N, Text as T};
        match self {
            Self::NotEnrolled { offering } => vec![("offering", T(offering.clone()))],
            Self::EnrollmentLapsed {
                offering,
                valid_until,
            } => vec![
                ("offering", T(offering.clone())),
                ("valid_until", D(*valid_until)),
            ],
            Self::LocationNotApproved { location, offering } => vec![
                ("location", T(location.clone())),
                ("offering", T(offering.clone())),
            ],
            Self::NoApprovedLocationInCountry { offering, country } => vec![
                ("offering", T(offering.clone())),
                ("country", T(country.clone())),
            ],
            Self::ComplianceTrainingMissing { course } => vec![("course", T(course.clone()))],
            Self::CompetencyMissing {
                competency,
                engagement,
            } => vec![
                ("competency", T(competency.clone())),
                ("engagement", T(engagement.clone())),
            ],
            Self::CompetencyExpired {
                competency,
                expired_on,
            } => vec![
                ("competency", T(competency.clone())),
                ("expired_on", D(*expired_on)),
            ],
            Self::ConsultantNotQualified { engagement, exams }
            | Self::NoQualifiedConsultant { engagement, exams } => vec![
                ("engagement", T(engagement.clone())),
                ("exams", T(exams.clone())),
            ],
            Self::ReservationTooShort {
                window_days,
                voucher_days,
            } => vec![
                ("window_days", N(i64::from(*window_days))),
                ("voucher_days", N(i64::from(*voucher_days))),
            ],
            _ => Vec::new(),
        }
    }

    pub(super) fn handoff_fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotEnrolled { offering } => {
                write!(f, "The partner is not enrolled in {offering}.")
            }
            Self::EnrollmentLapsed {
                offering,
                valid_until,
            } => write!(
                f,
                "The partner's enrollment in {offering} ended on {valid_until}; renew it first."
            ),
            Self::LocationNotApproved { location, offering } => write!(
                f,
                "The location {location} is not approved to deliver {offering}."
            ),
            Self::NoApprovedLocationInCountry { offering, country } => write!(
                f,
                "The partner has no location in {country} approved to deliver {offering}."
            ),
            Self::ComplianceTrainingMissing { course } => write!(
                f,
                "The partner has not completed the compliance course {course} within the last year."
            ),
            Self::CompetencyMissing {
                competency,
                engagement,
            } => write!(
                f,
                "The partner does not hold the competency {competency} that {engagement} needs."
            ),
            Self::CompetencyExpired {
                competency,
                expired_on,
            } => write!(
                f,
                "The partner's competency {competency} expired on {expired_on}."
            ),
            Self::ConsultantNotQualified { engagement, exams } => write!(
                f,
                "The consultant has passed none of the exams of {engagement} ({exams})."
            ),
            Self::NoQualifiedConsultant { engagement, exams } => write!(
                f,
                "No consultant of the partner has passed an exam of {engagement} ({exams})."
            ),
            Self::ReservationTooShort {
                window_days,
                voucher_days,
            } => write!(
                f,
                "The dates hold {window_days} days; the voucher's {voucher_days} days need at least as many."
            ),
            _ => Ok(()),
        }
    }
}
