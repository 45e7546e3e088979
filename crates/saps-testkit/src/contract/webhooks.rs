//! The contract: webhook subscriptions, deliveries and their log.

use super::*;
use saps_core::port::{
    DeliveryAttempt, DeliveryStatus, DeliveryUpdate, Webhook, WebhookDelivery, WebhookScope,
};

fn hook(org: &Org, by: &User, scope: WebhookScope) -> Webhook {
    Webhook {
        id: uuid::Uuid::now_v7(),
        org_id: org.id,
        scope,
        url: "https://hooks.example/saps".into(),
        events: vec!["voucher.created".into(), "voucher.assigned".into()],
        secret: "whsec_c2VjcmV0LWJ5dGVzLWZvci10aGUtY29udHJhY3Q=".into(),
        created_at: now(),
        created_by: by.id,
        cursor: 7,
        failing_since: None,
        disabled_at: None,
    }
}

fn delivery(w: &Webhook, message: &str, at: Timestamp) -> WebhookDelivery {
    WebhookDelivery {
        id: uuid::Uuid::now_v7(),
        webhook_id: w.id,
        message_id: message.to_owned(),
        kind: "voucher.created".into(),
        body: format!(r#"{{"id":"{message}","kind":"voucher.created","payload":{{"é":1}}}}"#),
        created_at: at,
        status: DeliveryStatus::Pending,
        attempts: 0,
        next_attempt_at: Some(at),
    }
}

/// A subscription reads back whole, is listed under its organisation, moves
/// its cursor only from where it is, is disabled once, and is deleted with
/// its deliveries.
pub fn a_webhook_reads_back_and_its_cursor_moves_by_a_conditional_write(store: &dyn Store) {
    let customer = org(OrgKind::Customer, "Hooked customer");
    let admin = user(&customer, Role::BenefitAdmin);
    insert_orgs(store, &[&customer]);
    insert_users(store, &[&admin]);
    let w = hook(&customer, &admin, WebhookScope::Customer);
    let stored = w.clone();
    write(store, move |tx| Ok(tx.insert_webhook(&stored)?));
    let id = w.id;
    assert_eq!(read(store, move |tx| Ok(tx.webhook(id)?)), Some(w.clone()));
    let org_id = customer.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.webhooks_of(org_id)?)),
        vec![w.clone()]
    );
    assert!(write(store, move |tx| Ok(
        tx.advance_webhook_cursor(id, 7, 12)?
    )));
    assert!(
        !write(store, move |tx| Ok(tx.advance_webhook_cursor(id, 7, 30)?)),
        "stale"
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.webhook(id)?)).unwrap().cursor,
        12
    );

    let t = now();
    write(store, move |tx| Ok(tx.note_webhook_result(id, false, t)?));
    let later = t + jiff::SignedDuration::from_secs(60);
    write(store, move |tx| {
        Ok(tx.note_webhook_result(id, false, later)?)
    });
    let since = read(store, move |tx| Ok(tx.webhook(id)?))
        .unwrap()
        .failing_since;
    assert_eq!(since, Some(t), "failing since the first failure");
    assert!(write(store, move |tx| Ok(tx.disable_webhook(id, later)?)));
    assert!(
        !write(store, move |tx| Ok(tx.disable_webhook(id, later)?)),
        "once"
    );
    assert!(read(store, |tx| Ok(tx.active_webhooks()?)).is_empty());

    let d = delivery(&w, "evt-1", t);
    write(store, move |tx| Ok(tx.enqueue_delivery(&d)?));
    assert!(write(store, move |tx| Ok(tx.delete_webhook(id)?)));
    assert!(!write(store, move |tx| Ok(tx.delete_webhook(id)?)));
    assert_eq!(
        read(store, move |tx| Ok(tx.webhook_deliveries(id, 10)?)),
        vec![]
    );
}

/// A delivery is queued once per message and subscription, leased to one
/// sender at a time, and an attempt is recorded only by the lease's holder;
/// the log and the counts follow.
pub fn deliveries_are_queued_once_leased_to_one_sender_and_logged(store: &dyn Store) {
    let partner = org(OrgKind::Partner, "Hooked partner");
    let admin = user(&partner, Role::GlobalAdmin);
    insert_orgs(store, &[&partner]);
    insert_users(store, &[&admin]);
    let w = hook(&partner, &admin, WebhookScope::Partner);
    let stored = w.clone();
    write(store, move |tx| Ok(tx.insert_webhook(&stored)?));
    let t0 = now();
    let ds: Vec<WebhookDelivery> = (0..4)
        .map(|i| delivery(&w, &format!("evt-{i}"), t0))
        .collect();
    let queued = ds.clone();
    let fresh = write(store, move |tx| {
        queued
            .iter()
            .map(|d| Ok(tx.enqueue_delivery(d)?))
            .collect::<Result<Vec<bool>, Error>>()
    });
    assert_eq!(fresh, vec![true; 4]);
    let again = delivery(&w, "evt-0", t0);
    assert!(
        !write(store, move |tx| Ok(tx.enqueue_delivery(&again)?)),
        "one per message"
    );

    let until = t0 + jiff::SignedDuration::from_secs(60);
    let a = write(store, move |tx| {
        Ok(tx.lease_deliveries(t0, until, "node-a", 3)?)
    });
    let b = write(store, move |tx| {
        Ok(tx.lease_deliveries(t0, until, "node-b", 3)?)
    });
    assert_eq!((a.len(), b.len()), (3, 1), "disjoint leases");
    assert!(a.iter().all(|d| !b.iter().any(|e| e.id == d.id)));
    assert_eq!(
        a[0].body,
        ds.iter().find(|d| d.id == a[0].id).unwrap().body,
        "the exact bytes"
    );

    let attempt = |d: &WebhookDelivery, outcome: &str, code: Option<u16>| DeliveryAttempt {
        id: uuid::Uuid::now_v7(),
        delivery_id: d.id,
        webhook_id: d.webhook_id,
        at: t0,
        outcome: outcome.into(),
        status_code: code,
        error: code.is_none().then(|| "connection refused".into()),
    };
    let done = DeliveryUpdate {
        status: DeliveryStatus::Delivered,
        next_attempt_at: None,
    };
    let (ok, not_holder) = (
        attempt(&a[0], "delivered", Some(204)),
        attempt(&a[1], "delivered", Some(200)),
    );
    assert!(write(store, move |tx| Ok(
        tx.record_attempt(&ok, "node-a", done)?
    )));
    assert!(
        !write(store, move |tx| Ok(tx.record_attempt(
            &not_holder,
            "node-b",
            done
        )?)),
        "not its lease"
    );
    let retry_at = t0 + jiff::SignedDuration::from_secs(5);
    let retry = DeliveryUpdate {
        status: DeliveryStatus::Pending,
        next_attempt_at: Some(retry_at),
    };
    let failed = attempt(&a[1], "failed", None);
    assert!(write(store, move |tx| Ok(
        tx.record_attempt(&failed, "node-a", retry)?
    )));
    // Not due before its next attempt, due after; the others are still leased.
    assert!(
        write(store, move |tx| Ok(
            tx.lease_deliveries(t0, until, "node-c", 10)?
        ))
        .is_empty()
    );
    let due = write(store, move |tx| {
        Ok(tx.lease_deliveries(retry_at, until, "node-c", 10)?)
    });
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].id, due[0].attempts), (a[1].id, 1));
    // An expired lease frees what it held.
    let expired = until + jiff::SignedDuration::from_secs(1);
    let freed = write(store, move |tx| {
        Ok(tx.lease_deliveries(expired, expired, "node-d", 10)?)
    });
    assert_eq!(freed.len(), 3, "every pending delivery, their leases ended");

    let id = w.id;
    let log = read(store, move |tx| Ok(tx.webhook_attempts(id, 10)?));
    assert_eq!(log.len(), 2);
    let delivered = log
        .iter()
        .find(|l| l.attempt.outcome == "delivered")
        .unwrap();
    assert_eq!(
        (delivered.attempt.status_code, delivered.delivery_status),
        (Some(204), DeliveryStatus::Delivered)
    );
    let failed = log.iter().find(|l| l.attempt.outcome == "failed").unwrap();
    assert_eq!(failed.attempt.error.as_deref(), Some("connection refused"));
    let counts = read(store, |tx| Ok(tx.webhook_queue_counts()?));
    assert_eq!((counts.pending, counts.retrying, counts.failed), (3, 1, 0));
    assert_eq!(read(store, |tx| Ok(tx.mail_queue_counts()?)).pending, 0);
}
