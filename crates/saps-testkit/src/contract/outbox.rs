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
            html: None,
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
            html: None,
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

/// A failed attempt keeps its error and waits for its next attempt's instant;
/// a mail given up is never leased again and shows as failed; the HTML part
/// reads back.
pub fn a_failed_mail_waits_for_its_retry_and_a_given_up_mail_is_not_leased(store: &dyn Store) {
    use saps_core::port::{MailRetry, MailStatus};
    let t0: Timestamp = "2025-03-01T08:00:00Z".parse().expect("a timestamp");
    let mails: Vec<OutgoingMail> = (0..3_i64)
        .map(|i| OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: format!("r{i}@example.com"),
            subject: "s".into(),
            body: "plain".into(),
            html: Some(format!("<p>mail {i}</p>")),
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
    let lease =
        move |now: Timestamp| write(store, move |tx| Ok(tx.lease_mail(now, now + minute, 10)?));
    let now = t0 + minute;
    let leased = lease(now);
    assert_eq!(leased, mails, "the HTML part reads back with the mail");
    let (retried, given_up, sent) = (mails[0].id, mails[1].id, mails[2].id);
    let retry_at = now + minute * 10;
    write(store, move |tx| {
        tx.mark_mail_attempt_failed(retried, "450 mailbox busy", &MailRetry::At(retry_at))?;
        tx.mark_mail_attempt_failed(given_up, "550 no such user", &MailRetry::GiveUp(now))?;
        Ok(tx.mark_mail_sent(sent, now)?)
    });
    assert!(
        lease(now + minute).is_empty(),
        "a retried mail waits for its next attempt"
    );
    let again = lease(retry_at);
    assert_eq!(again.len(), 1);
    assert_eq!((again[0].id, again[0].attempts), (retried, 1));
    let much_later: Vec<uuid::Uuid> = lease(retry_at + minute * 100)
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(
        much_later,
        vec![retried],
        "an expired lease frees the retried mail; the given-up mail never comes back"
    );
    let entries = read(store, |tx| Ok(tx.outbox_entries(10)?));
    let status = |id| {
        entries
            .iter()
            .find(|e| e.mail.id == id)
            .map(|e| (e.status, e.last_error.clone()))
            .expect("listed")
    };
    assert_eq!(
        status(retried),
        (MailStatus::Retrying, Some("450 mailbox busy".into()))
    );
    assert_eq!(
        status(given_up),
        (MailStatus::Failed, Some("550 no such user".into()))
    );
    assert_eq!(status(sent), (MailStatus::Sent, None));
    assert_eq!(entries[0].mail.id, sent, "newest first");
}

/// A reminder's key is recorded once: the second recording says so and the
/// first one stands, also when two writers race.
pub fn a_reminder_key_is_recorded_once(store: &dyn Store) {
    let at: Timestamp = "2021-06-01T00:00:00Z".parse().expect("a timestamp");
    let first = write(store, move |tx| {
        Ok(tx.record_reminder("days_removal:abc:30", at)?)
    });
    let second = write(store, move |tx| {
        Ok(tx.record_reminder("days_removal:abc:30", at)?)
    });
    let other = write(store, move |tx| {
        Ok(tx.record_reminder("days_removal:abc:7", at)?)
    });
    assert_eq!((first, second, other), (true, false, true));
    let recorded = read(store, |tx| {
        Ok((
            tx.reminder_recorded("days_removal:abc:30")?,
            tx.reminder_recorded("days_removal:abc:14")?,
        ))
    });
    assert_eq!(recorded, (true, false));
    let won: usize = std::thread::scope(|s| {
        let racers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(move || write(store, move |tx| Ok(tx.record_reminder("race:1:3", at)?)))
            })
            .collect();
        racers
            .into_iter()
            .map(|r| usize::from(r.join().expect("no panic")))
            .sum()
    });
    assert_eq!(won, 1, "of racing writers exactly one records the reminder");
}
