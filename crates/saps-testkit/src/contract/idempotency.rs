//! The contract: Idempotency keys.

use super::*;

/// An idempotency key is claimed once per user (pending until completed),
/// replays the completed response, and is free again once released.
pub fn an_idempotency_key_is_claimed_completed_replayed_and_released(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let (u, other) = (c.admin.id, c.pm.id);
    let claim = |user: UserId, key: &'static str, hash: &'static str| {
        write(store, move |tx| {
            Ok(tx.claim_idempotency_key(user, key, hash, now(), Timestamp::UNIX_EPOCH)?)
        })
    };

    assert_eq!(claim(u, "key-1", "hash-a"), None);
    assert_eq!(
        claim(u, "key-1", "hash-a"),
        Some(IdempotentResponse {
            request_hash: "hash-a".into(),
            status: None,
            body: vec![],
        }),
        "a pending claim is reported as pending"
    );
    assert_eq!(
        claim(other, "key-1", "hash-b"),
        None,
        "keys belong to one user"
    );

    let body = br#"{"id":"v-1","state":"created"}"#.to_vec();
    let stored = body.clone();
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "key-1", 201, &stored)?)
    });
    let done = Some(IdempotentResponse {
        request_hash: "hash-a".into(),
        status: Some(201),
        body: body.clone(),
    });
    assert_eq!(claim(u, "key-1", "hash-a"), done);
    assert_eq!(
        claim(u, "key-1", "hash-other"),
        done,
        "the stored hash is returned for the caller to compare"
    );

    let binary: Vec<u8> = (0..=255).collect();
    assert_eq!(claim(u, "key-2", "hash-c"), None);
    let stored = binary.clone();
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "key-2", 422, &stored)?)
    });
    assert_eq!(
        claim(u, "key-2", "hash-c").map(|r| (r.status, r.body)),
        Some((Some(422), binary))
    );

    assert_eq!(claim(u, "key-3", "hash-d"), None);
    write(store, move |tx| Ok(tx.release_idempotency_key(u, "key-3")?));
    assert_eq!(claim(u, "key-3", "hash-e"), None, "a released key is free");
    assert_eq!(
        claim(u, "key-1", "hash-a"),
        done,
        "other keys are untouched"
    );
}

/// A key left pending by a request that died is taken over once it is stale;
/// completed keys never are, and old completed keys are purged.
pub fn a_stale_pending_idempotency_key_is_taken_over_and_old_answers_are_purged(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let u = c.admin.id;
    let t0: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let minute = jiff::SignedDuration::from_secs(60);
    let claim = move |key: &'static str, hash: &'static str, at: Timestamp| {
        write(store, move |tx| {
            Ok(tx.claim_idempotency_key(u, key, hash, at, at - minute)?)
        })
    };
    assert_eq!(claim("pending", "h1", t0), None);
    assert_eq!(claim("done", "h1", t0), None);
    write(store, move |tx| {
        Ok(tx.complete_idempotency_key(u, "done", 200, b"{}")?)
    });
    // Thirty seconds later both are still held.
    let soon = t0 + jiff::SignedDuration::from_secs(30);
    assert!(claim("pending", "h2", soon).is_some_and(|r| r.status.is_none()));
    assert!(claim("done", "h2", soon).is_some_and(|r| r.status == Some(200)));
    // Two minutes later the pending one is taken over (with the new request), the done one is not.
    let later = t0 + jiff::SignedDuration::from_secs(120);
    assert_eq!(claim("pending", "h3", later), None);
    assert_eq!(
        claim("pending", "h3", later).map(|r| r.request_hash),
        Some("h3".to_owned())
    );
    assert!(
        claim("done", "h3", later).is_some_and(|r| r.status == Some(200) && r.request_hash == "h1")
    );
    // Purging removes completed keys created before the cut-off, never pending ones.
    let purged = write(store, move |tx| Ok(tx.purge_idempotency_keys(t0 + minute)?));
    assert_eq!(purged, 1);
    assert_eq!(
        claim("done", "h4", later),
        None,
        "the purged key is free again"
    );
    assert!(claim("pending", "h4", later).is_some_and(|r| r.status.is_none()));
}
