//! The contract: API tokens (behind browser sessions too).

use super::*;

/// A token finds its user while it is younger than the cut-off, never once
/// revoked, and a hash already issued is refused as `api_token`.
pub fn a_token_finds_its_user_until_it_expires_or_is_revoked(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let at = now();
    let admin = c.admin.id;
    write(store, move |tx| {
        Ok(tx.insert_token("sha256-of-a-token", admin, at)?)
    });

    let before = at - jiff::SignedDuration::from_secs(1);
    assert_eq!(
        read(store, move |tx| Ok(
            tx.user_by_token("sha256-of-a-token", before)?
        )),
        Some(c.admin.clone())
    );
    assert_eq!(
        read(store, move |tx| Ok(
            tx.user_by_token("sha256-of-a-token", at)?
        )),
        None,
        "a token issued before the cut-off has expired"
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_token("unknown", before)?)),
        None
    );

    let pm = c.pm.id;
    let outcome = write_blocking(store, move |tx| {
        Ok(tx.insert_token("sha256-of-a-token", pm, at)?)
    });
    assert_eq!(store_error(outcome), StoreError::Duplicate("api_token"));

    write(store, |tx| {
        tx.delete_token("sha256-of-a-token")?;
        // Revoking an unknown (or already revoked) token is not an error.
        tx.delete_token("sha256-of-a-token")?;
        Ok(tx.delete_token("unknown")?)
    });
    assert_eq!(
        read(store, move |tx| Ok(
            tx.user_by_token("sha256-of-a-token", before)?
        )),
        None,
        "a revoked token finds nobody"
    );
}
