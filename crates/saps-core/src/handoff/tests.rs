//! Each check of the hand-off, in its order: the first failing one is named.

use super::*;
use crate::ids::{LocationId, OrgId};
use crate::port::{CompetencyLevel, CompetencyRecord, ExamRecord, TrainingRecord};
use jiff::Timestamp;
use jiff::civil::date;

struct World {
    program: Program,
    enrollment: Option<Enrollment>,
    records: PartnerQualifications,
    locations: Vec<Location>,
    consultant: UserId,
    today: Date,
}

fn location(partner: OrgId, name: &str, country: &str) -> Location {
    Location {
        id: LocationId::new(),
        partner_id: partner,
        name: name.into(),
        country: country.into(),
        city: name.into(),
    }
}

/// A partner enrolled in SSDPS (Paris approved, Milano not) and eligible for
/// SSDPS-UPG on 2020-11-02.
fn world() -> World {
    let partner = OrgId::new();
    let consultant = UserId::new();
    let program = Program::sa_planning_services();
    let locations = vec![
        location(partner, "Paris", "FR"),
        location(partner, "Milano", "IT"),
    ];
    let at = Timestamp::UNIX_EPOCH;
    let enrollment = Enrollment {
        id: uuid::Uuid::nil(),
        partner_id: partner,
        offering: "SSDPS".into(),
        location_ids: vec![locations[0].id],
        valid_until: date(2021, 6, 30),
        agreement_version: 1,
        enrolled_at: at,
        enrolled_by: consultant,
        version: 0,
    };
    let records = PartnerQualifications {
        trainings: vec![TrainingRecord {
            id: uuid::Uuid::nil(),
            partner_id: partner,
            course: program.compliance_course.clone(),
            completed_on: date(2020, 1, 15),
            recorded_at: at,
        }],
        competencies: vec![CompetencyRecord {
            id: uuid::Uuid::nil(),
            partner_id: partner,
            competency: "Data Platform".into(),
            level: CompetencyLevel::Gold,
            valid_until: date(2021, 3, 31),
            recorded_at: at,
        }],
        exams: vec![ExamRecord {
            id: uuid::Uuid::nil(),
            partner_id: partner,
            user_id: consultant,
            exam: "DP-300".into(),
            passed_on: date(2020, 5, 1),
            recorded_at: at,
        }],
    };
    World {
        program,
        enrollment: Some(enrollment),
        records,
        locations,
        consultant,
        today: date(2020, 11, 2),
    }
}

impl World {
    fn standing(&self) -> Standing<'_> {
        Standing {
            program: &self.program,
            enrollment: self.enrollment.as_ref(),
            records: &self.records,
            locations: &self.locations,
            today: self.today,
        }
    }

    fn deliver(&self) -> Result<(), Rule> {
        self.standing().may_deliver("SSDPS-UPG", "FR")
    }

    fn reserve_at(&self, loc: usize, consultant: UserId, country: &str) -> Result<(), Rule> {
        let choice = Choice {
            location: &self.locations[loc],
            consultant,
            delivery_country: country,
        };
        self.standing().may_reserve("SSDPS-UPG", &choice)
    }

    fn reserve(&self) -> Result<(), Rule> {
        self.reserve_at(0, self.consultant, "FR")
    }
}

#[test]
fn an_enrolled_eligible_partner_may_be_given_and_reserve_the_voucher() {
    let w = world();
    assert_eq!(w.deliver(), Ok(()));
    assert_eq!(w.reserve(), Ok(()));
}

#[test]
fn no_enrollment_or_one_in_another_offering_is_not_enrolled() {
    let mut w = world();
    let not_enrolled = Err(Rule::NotEnrolled {
        offering: "SSDPS".into(),
    });
    if let Some(e) = w.enrollment.as_mut() {
        e.offering = "DDPS".into();
    }
    assert_eq!(w.deliver(), not_enrolled);
    w.enrollment = None;
    // Checked first: nothing else is named, even when also missing.
    w.records.exams.clear();
    assert_eq!(w.deliver(), not_enrolled);
    assert_eq!(w.reserve(), not_enrolled);
}

#[test]
fn an_enrollment_counts_through_its_last_day_and_has_lapsed_the_day_after() {
    let mut w = world();
    w.today = date(2021, 6, 30);
    w.records.competencies[0].valid_until = date(2022, 1, 1);
    w.records.trainings[0].completed_on = date(2021, 1, 1);
    assert_eq!(w.reserve(), Ok(()));
    w.today = date(2021, 7, 1);
    let lapsed = Err(Rule::EnrollmentLapsed {
        offering: "SSDPS".into(),
        valid_until: date(2021, 6, 30),
    });
    assert_eq!(w.reserve(), lapsed);
    assert_eq!(w.deliver(), lapsed);
}

#[test]
fn the_location_must_be_approved_and_in_the_delivery_country() {
    let w = world();
    assert_eq!(
        w.reserve_at(1, w.consultant, "IT"),
        Err(Rule::LocationNotApproved {
            location: "Milano".into(),
            offering: "SSDPS".into(),
        })
    );
    assert_eq!(
        w.reserve_at(0, w.consultant, "IT"),
        Err(Rule::DeliveryCountryMismatch {
            location_country: "FR".into(),
            delivery_country: "IT".into(),
        })
    );
    // Milano is not approved: no approved location in Italy.
    assert_eq!(
        w.standing().may_deliver("SSDPS-UPG", "IT"),
        Err(Rule::NoApprovedLocationInCountry {
            offering: "SSDPS".into(),
            country: "IT".into(),
        })
    );
}

#[test]
fn the_course_must_be_done_within_the_last_year() {
    let mut w = world();
    w.records.trainings[0].completed_on = date(2019, 11, 2);
    let missing = Err(Rule::ComplianceTrainingMissing {
        course: w.program.compliance_course.clone(),
    });
    assert_eq!(w.reserve(), missing);
    w.records.trainings[0].completed_on = date(2019, 11, 3);
    assert_eq!(w.reserve(), Ok(()));
    w.records.trainings.clear();
    assert_eq!(w.deliver(), missing);
}

#[test]
fn the_competency_must_be_held_and_not_expired() {
    let mut w = world();
    w.records.competencies[0].valid_until = date(2020, 11, 1);
    let expired = Err(Rule::CompetencyExpired {
        competency: "Data Platform".into(),
        expired_on: date(2020, 11, 1),
    });
    assert_eq!(w.reserve(), expired);
    assert_eq!(w.deliver(), expired);
    w.records.competencies[0].competency = "Datacenter".into();
    assert_eq!(
        w.reserve(),
        Err(Rule::CompetencyMissing {
            competency: "Data Platform".into(),
            engagement: "SSDPS-UPG".into(),
        })
    );
}

#[test]
fn the_chosen_consultant_must_have_passed_an_exam_of_the_engagement() {
    let mut w = world();
    let other = UserId::new();
    assert_eq!(
        w.reserve_at(0, other, "FR"),
        Err(Rule::ConsultantNotQualified {
            engagement: "SSDPS-UPG".into(),
            exams: "DP-300".into(),
        })
    );
    // Another consultant's pass is enough for the company, not for this one.
    assert_eq!(w.deliver(), Ok(()));
    // An exam of another engagement, or one passed later, does not count.
    w.records.exams[0].exam = "AZ-104".into();
    assert_eq!(
        w.deliver(),
        Err(Rule::NoQualifiedConsultant {
            engagement: "SSDPS-UPG".into(),
            exams: "DP-300".into(),
        })
    );
    w.records.exams[0].exam = "dp-300".into();
    w.records.exams[0].passed_on = date(2020, 11, 3);
    assert!(matches!(
        w.reserve(),
        Err(Rule::ConsultantNotQualified { .. })
    ));
}
