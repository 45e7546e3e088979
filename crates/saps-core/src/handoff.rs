//! The hand-off between customer and partner: whether a partner company may
//! be given a voucher and may reserve it, decided from its enrollment, its
//! records and its locations on a given day (pure: no I/O).
//!
//! The checks run in one order, and the first that fails is named:
//! 1. enrolled in the engagement's offering, and the enrollment not lapsed;
//! 2. a location approved for the offering — at reservation the chosen one,
//!    and it must be in the delivery country; otherwise at least one approved
//!    location in the delivery country;
//! 3. the compliance course completed within the last year;
//! 4. the engagement's qualifying competency held and not expired;
//! 5. a qualified consultant — at reservation the chosen one, otherwise at
//!    least one of the company — who passed one of the engagement's exams.
//!
//! Boundaries follow [`crate::eligibility`]: an enrollment valid until D
//! counts through D; a competency valid until D counts through D.

use crate::eligibility::{competency_counts, course_counts};
use crate::error::Rule;
use crate::ids::UserId;
use crate::org::Location;
use crate::port::{Enrollment, PartnerQualifications};
use crate::program::{Engagement, Offering, Program};
use jiff::civil::Date;

/// What the program knows of a partner company on a day.
pub struct Standing<'a> {
    pub program: &'a Program,
    /// The company's enrollment in the engagement's offering, if any.
    pub enrollment: Option<&'a Enrollment>,
    pub records: &'a PartnerQualifications,
    /// The company's locations.
    pub locations: &'a [Location],
    pub today: Date,
}

/// The chosen location and consultant of a reservation.
pub struct Choice<'a> {
    pub location: &'a Location,
    pub consultant: UserId,
    pub delivery_country: &'a str,
}

impl Standing<'_> {
    fn engagement(&self, code: &str) -> Result<(&Offering, &Engagement), Rule> {
        self.program
            .engagement(code)
            .ok_or_else(|| Rule::UnknownEngagement {
                engagement: code.to_owned(),
            })
    }

    fn enrolled(&self, offering: &Offering) -> Result<&Enrollment, Rule> {
        let e = self
            .enrollment
            .filter(|e| e.offering.eq_ignore_ascii_case(&offering.code))
            .ok_or_else(|| Rule::NotEnrolled {
                offering: offering.code.clone(),
            })?;
        if e.valid_until < self.today {
            return Err(Rule::EnrollmentLapsed {
                offering: offering.code.clone(),
                valid_until: e.valid_until,
            });
        }
        Ok(e)
    }

    fn course_and_competency(&self, e: &Engagement) -> Result<(), Rule> {
        let course = &self.program.compliance_course;
        let done = self.records.trainings.iter().any(|t| {
            t.course.eq_ignore_ascii_case(course) && course_counts(t.completed_on, self.today)
        });
        if !done {
            return Err(Rule::ComplianceTrainingMissing {
                course: course.clone(),
            });
        }
        // The latest record of a competency decides, as for eligibility.
        let held = self
            .records
            .competencies
            .iter()
            .rfind(|c| c.competency.eq_ignore_ascii_case(&e.competency));
        match held {
            None => Err(Rule::CompetencyMissing {
                competency: e.competency.clone(),
                engagement: e.code.clone(),
            }),
            Some(c) if !competency_counts(c.valid_until, self.today) => {
                Err(Rule::CompetencyExpired {
                    competency: e.competency.clone(),
                    expired_on: c.valid_until,
                })
            }
            Some(_) => Ok(()),
        }
    }

    /// Whether `who` (any consultant when `None`) passed one of the exams.
    fn passed(&self, e: &Engagement, who: Option<UserId>) -> bool {
        self.records.exams.iter().any(|x| {
            who.is_none_or(|u| x.user_id == u)
                && x.passed_on <= self.today
                && e.exams.iter().any(|n| n.eq_ignore_ascii_case(&x.exam))
        })
    }

    /// May the company be given a voucher for `engagement` delivered in
    /// `country`, and reserve it? The checks that do not depend on the
    /// reservation form (validation, assignment).
    pub fn may_deliver(&self, engagement: &str, country: &str) -> Result<(), Rule> {
        let (offering, e) = self.engagement(engagement)?;
        let enrollment = self.enrolled(offering)?;
        let in_country = self.locations.iter().any(|l| {
            enrollment.location_ids.contains(&l.id) && l.country.eq_ignore_ascii_case(country)
        });
        if !in_country {
            return Err(Rule::NoApprovedLocationInCountry {
                offering: offering.code.clone(),
                country: country.to_owned(),
            });
        }
        self.course_and_competency(e)?;
        if !self.passed(e, None) {
            return Err(Rule::NoQualifiedConsultant {
                engagement: e.code.clone(),
                exams: e.exams.join(", "),
            });
        }
        Ok(())
    }

    /// May the company reserve `engagement` with this location and consultant?
    pub fn may_reserve(&self, engagement: &str, choice: &Choice<'_>) -> Result<(), Rule> {
        let (offering, e) = self.engagement(engagement)?;
        let enrollment = self.enrolled(offering)?;
        if !enrollment.location_ids.contains(&choice.location.id) {
            return Err(Rule::LocationNotApproved {
                location: choice.location.name.clone(),
                offering: offering.code.clone(),
            });
        }
        if choice.location.country != choice.delivery_country {
            return Err(Rule::DeliveryCountryMismatch {
                location_country: choice.location.country.clone(),
                delivery_country: choice.delivery_country.to_owned(),
            });
        }
        self.course_and_competency(e)?;
        if !self.passed(e, Some(choice.consultant)) {
            return Err(Rule::ConsultantNotQualified {
                engagement: e.code.clone(),
                exams: e.exams.join(", "),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
