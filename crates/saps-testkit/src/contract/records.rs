//! The contract: a partner company's trainings, competencies and
//! consultants' exams, and the locale stored on a user.

use super::*;
use saps_core::Locale;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, RecordKinds,
    TrainingRecord,
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

/// A bulk import's records (more than one batch of each) read back exactly
/// as if each had been inserted in turn, after the ones already there.
pub fn bulk_inserted_records_read_back_like_single_ones(store: &dyn Store) {
    let p = partner(store, "Partner");
    let first = training(&p.org, "Compliance", date(2020, 1, 1));
    let single = first.clone();
    write(store, move |tx| Ok(tx.insert_training(&single)?));
    let mut expected = PartnerQualifications {
        trainings: vec![first],
        ..PartnerQualifications::default()
    };
    for i in 0..12_001u32 {
        let day = date(2020, 1, 1) + jiff::Span::new().days(i64::from(i % 700));
        expected
            .competencies
            .push(competency(&p.org, &format!("Competency {i}"), day));
    }
    for i in 0..7 {
        let day = date(2020, 3, 1 + i);
        expected
            .trainings
            .push(training(&p.org, &format!("Course {i}"), day));
        expected
            .exams
            .push(exam(&p.consultants[(i % 2) as usize], "AZ-800", day));
    }
    let q = expected.clone();
    write(store, move |tx| {
        tx.insert_trainings(&q.trainings[1..])?;
        tx.insert_competencies(&q.competencies)?;
        tx.insert_exams(&q.exams)?;
        Ok(())
    });
    let id = p.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.qualifications(id)?)), expected);
    // Nothing at all is a batch too.
    write(store, |tx| {
        tx.insert_trainings(&[])?;
        tx.append_events(&[])?;
        Ok(())
    });
}

/// Bulk-appended events (more than one batch) read back in the order given,
/// with their payloads and scopes, after an event appended alone.
pub fn bulk_appended_events_read_back_in_append_order(store: &dyn Store) {
    let p = partner(store, "Partner");
    let alone = NewEvent::raw("program.changed", now(), None, 1, serde_json::json!({}));
    let mut events = vec![alone.clone()];
    for i in 0..6_001 {
        let payload = serde_json::json!({ "n": i, "text": "Réservé \"q\" 日本" });
        events.push(
            NewEvent::raw("competency.recorded", now(), Some(p.admin.id), 2, payload)
                .partner(p.org.id),
        );
    }
    let bulk = events[1..].to_vec();
    write(store, move |tx| {
        tx.append_event(&alone)?;
        tx.append_events(&bulk)?;
        Ok(())
    });
    let mut back = Vec::new();
    let mut after = 0;
    loop {
        let page = read(store, move |tx| {
            Ok(tx.events_after(Scope::All, after, 1000)?)
        });
        let Some(last) = page.last() else { break };
        after = last.seq;
        back.extend(page);
    }
    let ids: Vec<_> = back.iter().map(|e| e.id).collect();
    let expected: Vec<_> = events.iter().map(|e| e.id).collect();
    assert_eq!(ids, expected);
    let (first, last) = (&back[1], &back[back.len() - 1]);
    assert_eq!(first.payload, events[1].payload);
    assert_eq!(last.payload, events[events.len() - 1].payload);
    assert_eq!(last.partner_id, Some(p.org.id));
    assert_eq!(last.actor_id, Some(p.admin.id));
    assert_eq!((last.voucher_id, last.customer_id), (None, None));
    assert_eq!(back[0].actor_id, None);
    assert_eq!(back[0].at, events[0].at);
    assert_eq!(last.at, events[events.len() - 1].at);
    let id = p.org.id;
    let mine = read(store, move |tx| {
        Ok(tx.events_after(Scope::Partner(id), 0, 10_000)?)
    });
    assert_eq!(mine.len(), 6_001);
}

/// Reading only some kinds of a company's records gives those, as a full
/// read does, and the others empty.
pub fn some_kinds_of_records_read_back_alone(store: &dyn Store) {
    let p = partner(store, "Partner");
    let all = PartnerQualifications {
        trainings: vec![training(&p.org, "Compliance", date(2020, 1, 10))],
        competencies: vec![competency(&p.org, "Datacenter", date(2021, 6, 30))],
        exams: vec![exam(&p.consultants[0], "AZ-800", date(2020, 9, 15))],
    };
    let q = all.clone();
    write(store, move |tx| {
        tx.insert_trainings(&q.trainings)?;
        tx.insert_competencies(&q.competencies)?;
        tx.insert_exams(&q.exams)?;
        Ok(())
    });
    let id = p.org.id;
    for (trainings, competencies, exams) in [
        (true, false, false),
        (false, true, false),
        (false, false, true),
    ] {
        let kinds = RecordKinds {
            trainings,
            competencies,
            exams,
        };
        let expected = PartnerQualifications {
            trainings: if trainings {
                all.trainings.clone()
            } else {
                vec![]
            },
            competencies: if competencies {
                all.competencies.clone()
            } else {
                vec![]
            },
            exams: if exams { all.exams.clone() } else { vec![] },
        };
        assert_eq!(
            read(store, move |tx| Ok(tx.qualifications_of(id, kinds)?)),
            expected
        );
    }
    assert_eq!(
        read(store, move |tx| Ok(
            tx.qualifications_of(id, RecordKinds::ALL)?
        )),
        all
    );
}
