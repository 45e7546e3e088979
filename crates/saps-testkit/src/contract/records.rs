//! The contract: a partner company's trainings, competencies and
//! consultants' exams, and the locale stored on a user.

use super::*;
use saps_core::Locale;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, TrainingRecord,
};

fn training(partner: &Org, course: &str, completed_on: Date) -> TrainingRecord {
    TrainingRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: partner.id,
        course: course.to_owned(),
        completed_on,
        recorded_at: now(),
    }
}

fn competency(partner: &Org, name: &str, valid_until: Date) -> CompetencyRecord {
    CompetencyRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: partner.id,
        competency: name.to_owned(),
        level: CompetencyLevel::Gold,
        valid_until,
        recorded_at: now(),
    }
}

fn exam(consultant: &User, name: &str, passed_on: Date) -> ExamRecord {
    ExamRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: consultant.org_id,
        user_id: consultant.id,
        exam: name.to_owned(),
        passed_on,
        recorded_at: now(),
    }
}

/// Every record reads back equal, in the order recorded, under its own
/// partner only.
pub fn partner_records_read_back_in_order_under_their_partner(store: &dyn Store) {
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let mine = PartnerQualifications {
        trainings: vec![
            training(&p1.org, "Compliance", date(2020, 1, 10)),
            training(&p1.org, "Compliance", date(2020, 10, 1)),
        ],
        competencies: vec![CompetencyRecord {
            level: CompetencyLevel::Silver,
            ..competency(&p1.org, "Datacenter", date(2021, 6, 30))
        }],
        exams: vec![
            exam(&p1.consultants[0], "AZ-800", date(2020, 9, 15)),
            exam(&p1.consultants[1], "AZ-801", date(2020, 9, 16)),
        ],
    };
    let theirs = PartnerQualifications {
        trainings: vec![training(&p2.org, "Compliance", date(2020, 5, 5))],
        competencies: vec![competency(&p2.org, "Messaging", date(2022, 1, 1))],
        exams: vec![exam(&p2.consultants[0], "MS-203", date(2020, 2, 2))],
    };
    for q in [mine.clone(), theirs.clone()] {
        write(store, move |tx| {
            for t in &q.trainings {
                tx.insert_training(t)?;
            }
            for c in &q.competencies {
                tx.insert_competency(c)?;
            }
            for e in &q.exams {
                tx.insert_exam(e)?;
            }
            Ok(())
        });
    }
    let (id1, id2) = (p1.org.id, p2.org.id);
    assert_eq!(read(store, move |tx| Ok(tx.qualifications(id1)?)), mine);
    assert_eq!(read(store, move |tx| Ok(tx.qualifications(id2)?)), theirs);
    let nobody = OrgId::new();
    assert_eq!(
        read(store, move |tx| Ok(tx.qualifications(nobody)?)),
        PartnerQualifications::default()
    );
}

/// A user's locale reads back as stored, `pt-BR` included.
pub fn a_users_locale_reads_back(store: &dyn Store) {
    let p = partner(store, "Partner");
    let u = User {
        locale: Locale::PtBr,
        ..user(&p.org, Role::Consultant)
    };
    insert_users(store, &[&u]);
    let id = u.id;
    let back = read(store, move |tx| Ok(tx.user(id)?)).expect("the user");
    assert_eq!(back.locale, Locale::PtBr);
    assert_eq!(back, u);
}
