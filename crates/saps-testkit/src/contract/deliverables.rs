//! The contract: completion reports, deliverable files stored once by hash,
//! and sign-offs.

use super::*;
use saps_core::delivery::{CompletionReport, Deliverable, ReportFields, SignOff, sha256_hex};
use saps_core::{DeliverableId, ReportId};

fn report(v: &Voucher, by: &User, at: Timestamp, files: &[(&str, &[u8])]) -> CompletionReport {
    CompletionReport {
        id: ReportId::new(),
        voucher_id: v.id,
        fields: ReportFields {
            delivered_from: date(2020, 12, 1),
            delivered_to: date(2020, 12, 3),
            days_onsite: 2,
            days_offsite: 1,
            summary: "Workshops — réalisés".into(),
            next_steps: "Plan the migration".into(),
        },
        deliverables: files
            .iter()
            .map(|(name, bytes)| Deliverable {
                id: DeliverableId::new(),
                filename: (*name).into(),
                sha256: sha256_hex(bytes),
                size: bytes.len() as u64,
                content_type: "application/pdf".into(),
            })
            .collect(),
        submitted_by: by.id,
        submitted_at: at,
        receipt: "{\"receipt\":1}".into(),
        receipt_sha256: sha256_hex(b"{\"receipt\":1}"),
        sign_off: SignOff::Pending,
        signed_off_at: None,
        signed_off_by: None,
        sign_off_comment: None,
    }
}

fn store_report(store: &dyn Store, r: &CompletionReport, files: &[(&str, &[u8])]) {
    let r = r.clone();
    let files: Vec<Vec<u8>> = files.iter().map(|(_, b)| b.to_vec()).collect();
    write(store, move |tx| {
        for bytes in &files {
            tx.put_blob(&sha256_hex(bytes), bytes)?;
        }
        tx.insert_report(&r)?;
        Ok(())
    });
}

/// A report reads back whole with its files in order; the same bytes under
/// two names are stored once and served to both; a file of another voucher
/// is not found.
pub fn a_report_reads_back_with_its_files_stored_once_by_hash(store: &dyn Store) {
    let t = tenants(store);
    let pdf: &[u8] = b"%PDF-1.7 same bytes \x00\xff";
    let files: [(&str, &[u8]); 3] = [("a.pdf", pdf), ("b.pdf", pdf), ("c.txt", b"notes")];
    let r = report(&t.v1, &t.p1.admin, now(), &files);
    store_report(store, &r, &files);
    let v1 = t.v1.id;
    let got = read(store, move |tx| Ok(tx.current_report(v1)?));
    assert_eq!(got.as_ref(), Some(&r));
    let unknown = DeliverableId::new();
    let found = read(store, move |tx| Ok(tx.deliverable(v1, unknown)?));
    assert!(found.is_none(), "an unknown deliverable is not found");
    for d in &r.deliverables {
        let id = d.id;
        let (meta, bytes) = read(store, move |tx| Ok(tx.deliverable(v1, id)?)).expect("found");
        assert_eq!(&meta, d);
        assert_eq!(sha256_hex(&bytes), d.sha256);
        let other = t.v4.id;
        assert!(read(store, move |tx| Ok(tx.deliverable(other, id)?)).is_none());
    }
    let v4 = t.v4.id;
    assert_eq!(read(store, move |tx| Ok(tx.current_report(v4)?)), None);
    // Storing the same bytes again is harmless.
    write(store, move |tx| Ok(tx.put_blob(&sha256_hex(pdf), pdf)?));
}

/// A declined report is no longer current; the next report is. Pending
/// reports submitted before an instant are found, oldest first, and a
/// sign-off reads back.
pub fn sign_offs_read_back_and_pending_reports_are_found_oldest_first(store: &dyn Store) {
    let t = tenants(store);
    let files: [(&str, &[u8]); 1] = [("a.pdf", b"%PDF-1")];
    let early = now();
    let first = report(&t.v1, &t.p1.admin, early, &files);
    store_report(store, &first, &files);
    let mut declined = first.clone();
    declined.sign_off = SignOff::Declined;
    declined.signed_off_at = Some(now());
    declined.signed_off_by = Some(t.c1.pm.id);
    declined.sign_off_comment = Some("Missing the notes".into());
    let d = declined.clone();
    write(store, move |tx| Ok(tx.update_sign_off(&d)?));
    let v1 = t.v1.id;
    assert_eq!(read(store, move |tx| Ok(tx.current_report(v1)?)), None);
    let later = early + jiff::SignedDuration::from_secs(60);
    let second = report(&t.v1, &t.p1.admin, later, &files);
    store_report(store, &second, &files);
    let other = report(&t.v4, &t.p2.admin, early, &files);
    store_report(store, &other, &files);
    assert_eq!(
        read(store, move |tx| Ok(tx.current_report(v1)?)),
        Some(second.clone())
    );
    let cut = later + jiff::SignedDuration::from_secs(1);
    let pending = read(store, move |tx| Ok(tx.reports_pending_before(cut, 10)?));
    assert_eq!(
        pending.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![other.id, second.id]
    );
    let pending = read(store, move |tx| Ok(tx.reports_pending_before(later, 10)?));
    assert_eq!(
        pending.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![other.id]
    );
    let mut deemed = second.clone();
    deemed.sign_off = SignOff::Deemed;
    deemed.signed_off_at = Some(now());
    let d = deemed.clone();
    write(store, move |tx| Ok(tx.update_sign_off(&d)?));
    assert_eq!(
        read(store, move |tx| Ok(tx.current_report(v1)?)),
        Some(deemed)
    );
    let pending = read(store, move |tx| Ok(tx.reports_pending_before(cut, 10)?));
    assert_eq!(pending.len(), 1);
}
