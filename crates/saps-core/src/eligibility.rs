//! Eligibility per offering, decided from the program, a partner company's
//! records and a date (pure: no I/O, the day is an argument).
//!
//! An engagement is eligible when the company completed the program's
//! compliance course within the last year, holds the engagement's qualifying
//! competency, and has a consultant who passed one of the engagement's exams.
//! An offering is **Active** when the course is done and at least one of its
//! engagements is eligible, **In progress** when some requirement is met, and
//! **Not started** when none is.
//!
//! Boundaries, in program days (UTC): a last day D allows until D 23:59:59
//! UTC. A competency valid until D counts through D and stops counting on
//! D + 1; a course completed on C counts through the day before its
//! anniversary and lapses on C + 1 year (a course done on 29 February lapses
//! on 28 February). Records dated after the day asked about do not count yet.
//! When a competency is recorded more than once, its latest record decides
//! (so a correction can shorten it); any course completion or exam pass counts.

use crate::port::PartnerQualifications;
use crate::program::{Offering, Program};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

/// Where a company stands in an offering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EligibilityStatus {
    NotStarted,
    InProgress,
    Active,
}

/// What kind of requirement a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    Training,
    Competency,
    Exam,
}

/// One requirement of an offering, met or not (the green check mark).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Requirement {
    pub kind: RequirementKind,
    /// The course, competency or exam, as the program names it.
    pub name: String,
    pub met: bool,
}

/// What an engagement still needs. For exams, every exam of the engagement
/// is listed and passing any one of them is enough.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Missing {
    pub kind: RequirementKind,
    pub name: String,
}

/// Whether the company may deliver one engagement, and what it lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EngagementEligibility {
    pub code: String,
    pub eligible: bool,
    pub missing: Vec<Missing>,
}

/// The company's eligibility for one offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferingEligibility {
    /// The offering's code.
    pub offering: String,
    pub status: EligibilityStatus,
    pub requirements: Vec<Requirement>,
    pub engagements: Vec<EngagementEligibility>,
}

/// Whether a course completed on `completed_on` counts on `today`.
pub fn course_counts(completed_on: Date, today: Date) -> bool {
    let lapses_on = completed_on.checked_add(1.year()).unwrap_or(Date::MAX);
    completed_on <= today && today < lapses_on
}

/// Whether a competency held until `valid_until` (inclusive) counts on `today`.
pub fn competency_counts(valid_until: Date, today: Date) -> bool {
    today <= valid_until
}

/// What the company's records prove on `today`.
struct Proven<'a> {
    course: bool,
    records: &'a PartnerQualifications,
    today: Date,
}

impl Proven<'_> {
    fn competency(&self, name: &str) -> bool {
        self.records
            .competencies
            .iter()
            .rfind(|c| c.competency.eq_ignore_ascii_case(name))
            .is_some_and(|c| competency_counts(c.valid_until, self.today))
    }

    fn exam(&self, name: &str) -> bool {
        self.records
            .exams
            .iter()
            .any(|e| e.exam.eq_ignore_ascii_case(name) && e.passed_on <= self.today)
    }
}

/// Every offering of the program, in catalog order, as it stands for the
/// company on `today`.
pub fn eligibility(
    program: &Program,
    records: &PartnerQualifications,
    today: Date,
) -> Vec<OfferingEligibility> {
    let course = records.trainings.iter().any(|t| {
        t.course.eq_ignore_ascii_case(&program.compliance_course)
            && course_counts(t.completed_on, today)
    });
    let proven = Proven {
        course,
        records,
        today,
    };
    program
        .offerings
        .iter()
        .map(|o| offering(program, o, &proven))
        .collect()
}

fn offering(program: &Program, o: &Offering, proven: &Proven<'_>) -> OfferingEligibility {
    let mut requirements = vec![Requirement {
        kind: RequirementKind::Training,
        name: program.compliance_course.clone(),
        met: proven.course,
    }];
    let mut add = |kind, name: &str, met: bool| {
        if !requirements
            .iter()
            .any(|r| r.kind == kind && r.name == name)
        {
            requirements.push(Requirement {
                kind,
                name: name.to_owned(),
                met,
            });
        }
    };
    for e in &o.engagements {
        add(
            RequirementKind::Competency,
            &e.competency,
            proven.competency(&e.competency),
        );
    }
    for e in &o.engagements {
        for x in &e.exams {
            add(RequirementKind::Exam, x, proven.exam(x));
        }
    }
    let engagements: Vec<EngagementEligibility> = o
        .engagements
        .iter()
        .map(|e| {
            let mut missing = Vec::new();
            if !proven.course {
                missing.push(Missing {
                    kind: RequirementKind::Training,
                    name: program.compliance_course.clone(),
                });
            }
            if !proven.competency(&e.competency) {
                missing.push(Missing {
                    kind: RequirementKind::Competency,
                    name: e.competency.clone(),
                });
            }
            if !e.exams.iter().any(|x| proven.exam(x)) {
                missing.extend(e.exams.iter().map(|x| Missing {
                    kind: RequirementKind::Exam,
                    name: x.clone(),
                }));
            }
            EngagementEligibility {
                code: e.code.clone(),
                eligible: missing.is_empty(),
                missing,
            }
        })
        .collect();
    let status = if proven.course && engagements.iter().any(|e| e.eligible) {
        EligibilityStatus::Active
    } else if requirements.iter().any(|r| r.met) {
        EligibilityStatus::InProgress
    } else {
        EligibilityStatus::NotStarted
    };
    OfferingEligibility {
        offering: o.code.clone(),
        status,
        requirements,
        engagements,
    }
}

#[cfg(test)]
mod tests;
