//! The contract: The mail outbox.

use super::*;

/// The outbox hands out unsent mail oldest first, forgets sent mail, and
/// gives up on mail that failed ten times.
pub fn the_outbox_hands_out_pending_mail_until_sent_or_failed_ten_times(store: &dyn Store) {
    let start: Timestamp = "2025-03-01T08:00:00.5Z".parse().expect("a timestamp");
    let mails: Vec<OutgoingMail> = (0..4_i64)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("person{i}@example.com"),
            subject: format!("Voucher {i} — réservé"),
            body: format!("Hello,\n\nline two of mail {i}\n"),
            // Out of insertion order, and not all with the same number of
            // fractional digits, to check the order is by time.
            created_at: start
                + jiff::SignedDuration::from_millis([300, 0, 2_000, 1_250][i as usize]),
            attempts: 0,
        })
        .collect();
    let queued = mails.clone();
    write(store, move |tx| {
        for m in &queued {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    });
    let pending = |limit| read(store, move |tx| Ok(tx.pending_mail(limit)?));
    let by_time = vec![
        mails[1].clone(),
        mails[0].clone(),
        mails[3].clone(),
        mails[2].clone(),
    ];
    assert_eq!(pending(10), by_time);
    assert_eq!(pending(2), by_time[..2]);

    let sent = mails[1].id;
    write(store, move |tx| Ok(tx.mark_mail_sent(sent, now())?));
    assert_eq!(pending(10), by_time[1..]);

    let failing = mails[0].id;
    write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    let after_one = pending(10);
    assert_eq!(after_one[0].id, failing);
    assert_eq!(after_one[0].attempts, 1);
    for _ in 1..9 {
        write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    }
    assert_eq!(pending(10)[0].attempts, 9);
    write(store, move |tx| Ok(tx.mark_mail_failed(failing)?));
    assert_eq!(pending(10), by_time[2..], "ten failures and it is given up");
}

/// Leasing hands each pending mail to one node at a time: two leases at the
/// same moment get disjoint mails, an expired lease frees its mails, and a
/// failed attempt frees the mail for the next try.
pub fn mail_is_leased_to_one_sender_at_a_time(store: &dyn Store) {
    let t0: Timestamp = "2025-03-01T08:00:00Z".parse().expect("a timestamp");
    let mails: Vec<OutgoingMail> = (0..5_i64)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("p{i}@example.com"),
            subject: "s".into(),
            body: "b".into(),
            created_at: t0 + jiff::SignedDuration::from_secs(i),
            attempts: 0,
        })
        .collect();
    let queued = mails.clone();
    write(store, move |tx| {
        for m in &queued {
            tx.enqueue_mail(m)?;
        }
        Ok(())
    });
    let minute = jiff::SignedDuration::from_secs(60);
    let lease = move |now: Timestamp, limit: u32| {
        write(store, move |tx| {
            Ok(tx.lease_mail(now, now + minute, limit)?)
        })
        .into_iter()
        .map(|m| m.id)
        .collect::<Vec<_>>()
    };
    let ids: Vec<_> = mails.iter().map(|m| m.id).collect();
    let now = t0 + minute;
    assert_eq!(lease(now, 3), ids[..3]);
    assert_eq!(
        lease(now, 10),
        ids[3..],
        "leased mail is not handed out twice"
    );
    assert_eq!(lease(now, 10), Vec::<uuid::Uuid>::new());
    let (sent, failed) = (ids[0], ids[1]);
    write(store, move |tx| {
        tx.mark_mail_sent(sent, now)?;
        Ok(tx.mark_mail_failed(failed)?)
    });
    assert_eq!(
        lease(now, 10),
        vec![ids[1]],
        "a failed attempt frees the mail"
    );
    let later = now + minute + minute;
    assert_eq!(
        lease(later, 10),
        ids[1..],
        "expired leases free their mails; sent mail stays sent"
    );
}
