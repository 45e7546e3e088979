//! Eligibility: statuses, check marks and what is missing, and the day each
//! record starts and stops counting.

use super::*;
use crate::ids::{OrgId, UserId};
use crate::port::{CompetencyLevel, CompetencyRecord, ExamRecord, TrainingRecord};
use jiff::civil::date;
use proptest::prelude::*;

fn training(completed_on: Date) -> TrainingRecord {
    TrainingRecord {
        id: uuid::Uuid::nil(),
        partner_id: OrgId::new(),
        course: crate::program::COMPLIANCE_COURSE.into(),
        completed_on,
        recorded_at: jiff::Timestamp::UNIX_EPOCH,
    }
}

fn competency(name: &str, valid_until: Date) -> CompetencyRecord {
    CompetencyRecord {
        id: uuid::Uuid::nil(),
        partner_id: OrgId::new(),
        competency: name.into(),
        level: CompetencyLevel::Gold,
        valid_until,
        recorded_at: jiff::Timestamp::UNIX_EPOCH,
    }
}

fn exam(name: &str, passed_on: Date) -> ExamRecord {
    ExamRecord {
        id: uuid::Uuid::nil(),
        partner_id: OrgId::new(),
        user_id: UserId::new(),
        exam: name.into(),
        passed_on,
        recorded_at: jiff::Timestamp::UNIX_EPOCH,
    }
}

fn of<'a>(all: &'a [OfferingEligibility], code: &str) -> &'a OfferingEligibility {
    all.iter()
        .find(|o| o.offering == code)
        .expect("the offering")
}

const TODAY: Date = date(2020, 11, 2);

#[test]
fn a_company_with_no_records_has_started_nothing() {
    let p = Program::sa_planning_services();
    let all = eligibility(&p, &PartnerQualifications::default(), TODAY);
    assert_eq!(all.len(), p.offerings.len());
    for o in &all {
        assert_eq!(o.status, EligibilityStatus::NotStarted, "{}", o.offering);
        assert!(o.requirements.iter().all(|r| !r.met));
        assert!(o.engagements.iter().all(|e| !e.eligible));
    }
    let pv = of(&all, "PVDPS");
    let names: Vec<(RequirementKind, &str)> = pv
        .requirements
        .iter()
        .map(|r| (r.kind, r.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (RequirementKind::Training, crate::program::COMPLIANCE_COURSE),
            (RequirementKind::Competency, "Datacenter"),
            (RequirementKind::Exam, "AZ-800"),
            (RequirementKind::Exam, "AZ-801"),
        ]
    );
    let hv = &pv.engagements[0];
    assert_eq!(hv.code, "PVDPS-HV");
    assert_eq!(hv.missing.len(), 4, "course, competency and either exam");
}

#[test]
fn statuses_follow_the_records_as_they_are_added() {
    let p = Program::sa_planning_services();
    let mut q = PartnerQualifications::default();
    q.competencies
        .push(competency("Datacenter", date(2021, 6, 30)));
    let all = eligibility(&p, &q, TODAY);
    assert_eq!(of(&all, "PVDPS").status, EligibilityStatus::InProgress);
    assert_eq!(of(&all, "SSDPS").status, EligibilityStatus::NotStarted);

    q.exams.push(exam("AZ-801", date(2020, 9, 1)));
    let all = eligibility(&p, &q, TODAY);
    let pv = of(&all, "PVDPS");
    assert_eq!(pv.status, EligibilityStatus::InProgress, "no course yet");
    assert_eq!(
        pv.engagements[0].missing,
        [Missing {
            kind: RequirementKind::Training,
            name: crate::program::COMPLIANCE_COURSE.into()
        }]
    );

    q.trainings.push(training(date(2020, 10, 1)));
    let all = eligibility(&p, &q, TODAY);
    let pv = of(&all, "PVDPS");
    assert_eq!(pv.status, EligibilityStatus::Active);
    assert!(
        pv.engagements.iter().all(|e| e.eligible),
        "AZ-801 serves both"
    );
    let met: Vec<bool> = pv.requirements.iter().map(|r| r.met).collect();
    assert_eq!(met, [true, true, false, true]);
    // The course alone starts every other offering.
    assert_eq!(of(&all, "SSDPS").status, EligibilityStatus::InProgress);
}

#[test]
fn an_exam_without_the_competency_does_not_make_an_engagement_eligible() {
    let p = Program::sa_planning_services();
    let q = PartnerQualifications {
        trainings: vec![training(date(2020, 10, 1))],
        competencies: vec![],
        exams: vec![exam("DP-300", date(2020, 9, 1))],
    };
    let ss = eligibility(&p, &q, TODAY);
    let ss = of(&ss, "SSDPS");
    assert_eq!(ss.status, EligibilityStatus::InProgress);
    assert!(ss.engagements.iter().all(|e| !e.eligible));
}

#[test]
fn records_count_from_their_day_until_they_lapse() {
    // (what, completed or valid until or passed, today, counts)
    let table = [
        (
            "course done today",
            date(2020, 11, 2),
            date(2020, 11, 2),
            true,
        ),
        (
            "course done tomorrow",
            date(2020, 11, 3),
            date(2020, 11, 2),
            false,
        ),
        (
            "course on the last day",
            date(2019, 11, 3),
            date(2020, 11, 2),
            true,
        ),
        (
            "course on its anniversary",
            date(2019, 11, 2),
            date(2020, 11, 2),
            false,
        ),
        (
            "course of 29 Feb, 27 Feb next",
            date(2020, 2, 29),
            date(2021, 2, 27),
            true,
        ),
        (
            "course of 29 Feb, 28 Feb next",
            date(2020, 2, 29),
            date(2021, 2, 28),
            false,
        ),
    ];
    for (what, day, today, counts) in table {
        assert_eq!(course_counts(day, today), counts, "{what}");
    }
    let table = [
        ("competency on its last day", date(2020, 11, 2), true),
        ("competency the day after", date(2020, 11, 1), false),
        ("competency later", date(2021, 1, 1), true),
    ];
    for (what, valid_until, counts) in table {
        assert_eq!(competency_counts(valid_until, TODAY), counts, "{what}");
    }
}

#[test]
fn the_latest_record_of_a_competency_decides_and_future_exams_wait() {
    let p = Program::sa_planning_services();
    let q = PartnerQualifications {
        trainings: vec![training(date(2020, 10, 1))],
        competencies: vec![
            competency("Datacenter", date(2021, 6, 30)),
            competency("datacenter", date(2020, 10, 31)),
        ],
        exams: vec![exam("AZ-800", date(2020, 11, 3))],
    };
    let all = eligibility(&p, &q, TODAY);
    let pv = of(&all, "PVDPS");
    assert!(!pv.requirements[1].met, "the later record shortened it");
    assert!(!pv.requirements[2].met, "passed tomorrow");
}

fn arb_day() -> impl Strategy<Value = Date> {
    (0i64..1100).prop_map(|n| {
        date(2019, 1, 1)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    })
}

proptest! {
    /// Whatever the records and the day, the status agrees with the marks.
    #[test]
    fn the_status_always_agrees_with_the_check_marks(
        course in proptest::option::of(arb_day()),
        held in proptest::collection::vec((0usize..4, arb_day()), 0..4),
        passed in proptest::collection::vec((0usize..6, arb_day()), 0..6),
        today in arb_day(),
    ) {
        let competencies = ["Datacenter", "Data Platform", "Messaging", "Gardening"];
        let exams = ["AZ-800", "AZ-801", "DP-300", "DA-100", "MS-203", "XX-1"];
        let q = PartnerQualifications {
            trainings: course.into_iter().map(training).collect(),
            competencies: held.iter().map(|(i, d)| competency(competencies[*i], *d)).collect(),
            exams: passed.iter().map(|(i, d)| exam(exams[*i], *d)).collect(),
        };
        let p = Program::sa_planning_services();
        for o in eligibility(&p, &q, today) {
            let course_met = o.requirements[0].met;
            prop_assert_eq!(course_met, course.is_some_and(|c| course_counts(c, today)));
            let any_eligible = o.engagements.iter().any(|e| e.eligible);
            let any_met = o.requirements.iter().any(|r| r.met);
            let expected = if course_met && any_eligible {
                EligibilityStatus::Active
            } else if any_met {
                EligibilityStatus::InProgress
            } else {
                EligibilityStatus::NotStarted
            };
            prop_assert_eq!(o.status, expected);
            for e in &o.engagements {
                prop_assert_eq!(e.eligible, e.missing.is_empty());
            }
        }
    }
}
