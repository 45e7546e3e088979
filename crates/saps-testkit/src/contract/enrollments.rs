//! The contract: partners' enrollments in offerings.

use super::*;
use saps_core::port::Enrollment;

fn enrollment(p: &Partner, offering: &str) -> Enrollment {
    Enrollment {
        id: uuid::Uuid::now_v7(),
        partner_id: p.org.id,
        offering: offering.to_owned(),
        location_ids: vec![p.location.id],
        valid_until: date(2021, 11, 1),
        agreement_version: 1,
        enrolled_at: now(),
        enrolled_by: p.admin.id,
        version: 0,
    }
}

/// An enrollment reads back per company and offering; a renewal from the
/// stored version is written, one from a stale version is refused.
pub fn an_enrollment_reads_back_and_is_renewed_by_a_conditional_write(store: &dyn Store) {
    let p = partner(store, "Partner");
    let other = partner(store, "Other");
    let first = enrollment(&p, "SSDPS");
    let second = enrollment(&p, "DDPS");
    let (a, b) = (first.clone(), second.clone());
    write(store, move |tx| {
        tx.insert_enrollment(&a)?;
        tx.insert_enrollment(&b)?;
        Ok(())
    });
    let id = p.org.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.enrollment(id, "SSDPS")?)),
        Some(first.clone())
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.enrollments(id)?)),
        vec![second, first.clone()],
        "by offering"
    );
    let other_id = other.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.enrollments(other_id)?)), vec![]);
    let renewed = Enrollment {
        valid_until: date(2022, 11, 1),
        agreement_version: 2,
        version: 1,
        ..first.clone()
    };
    let update = renewed.clone();
    assert!(write(store, move |tx| Ok(tx.update_enrollment(&update)?)));
    let stale = Enrollment {
        valid_until: date(2030, 1, 1),
        ..renewed.clone()
    };
    assert!(!write(store, move |tx| Ok(tx.update_enrollment(&stale)?)));
    assert_eq!(
        read(store, move |tx| Ok(tx.enrollment(id, "SSDPS")?)),
        Some(renewed)
    );
}

/// Sixteen concurrent first enrollments of one offering: exactly one is
/// stored, every other one is a duplicate `enrollment_offering`.
pub fn racing_enrollments_of_one_offering_store_exactly_one(store: &dyn Store) {
    let p = partner(store, "Partner");
    let outcomes: Vec<Result<(), Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16)
            .map(|_| {
                let e = enrollment(&p, "SSDPS");
                s.spawn(move || write_blocking(store, move |tx| Ok(tx.insert_enrollment(&e)?)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an enroller"))
            .collect()
    });
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
    for o in outcomes.into_iter().filter(|o| o.is_err()) {
        assert_eq!(store_error(o), StoreError::Duplicate("enrollment_offering"));
    }
    let id = p.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.enrollments(id)?)).len(), 1);
}
