//! The embedded migrations and the runner that applies them once each, in
//! order, under an advisory lock so that several nodes starting at once are safe.

use crate::{db_error, micros};
use postgres::Client;
use saps_core::StoreError;

/// Every migration step, in order: its name (the file stem, the same in
/// `crates/saps-sqlite/migrations`) and its SQL.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_foundation",
        include_str!("../migrations/0001_foundation.sql"),
    ),
    (
        "0002_one_fifteen_day_engagement",
        include_str!("../migrations/0002_one_fifteen_day_engagement.sql"),
    ),
    (
        "0003_outbox_lease",
        include_str!("../migrations/0003_outbox_lease.sql"),
    ),
    (
        "0004_microsecond_instants",
        include_str!("../migrations/0004_microsecond_instants.sql"),
    ),
    (
        "0005_jobs_and_sign_in_throttle",
        include_str!("../migrations/0005_jobs_and_sign_in_throttle.sql"),
    ),
    (
        "0006_partner_records",
        include_str!("../migrations/0006_partner_records.sql"),
    ),
    (
        "0007_provider_agreement_and_enrollments",
        include_str!("../migrations/0007_provider_agreement_and_enrollments.sql"),
    ),
    (
        "0008_user_disabled",
        include_str!("../migrations/0008_user_disabled.sql"),
    ),
    (
        "0009_profiles",
        include_str!("../migrations/0009_profiles.sql"),
    ),
    (
        "0010_completion_reports",
        include_str!("../migrations/0010_completion_reports.sql"),
    ),
    (
        "0011_payments",
        include_str!("../migrations/0011_payments.sql"),
    ),
    (
        "0012_reminders",
        include_str!("../migrations/0012_reminders.sql"),
    ),
    (
        "0013_webhooks",
        include_str!("../migrations/0013_webhooks.sql"),
    ),
    (
        "0014_journal_chain",
        include_str!("../migrations/0014_journal_chain.sql"),
    ),
    (
        "0015_conversions",
        include_str!("../migrations/0015_conversions.sql"),
    ),
    (
        "0016_expiry_index",
        include_str!("../migrations/0016_expiry_index.sql"),
    ),
    (
        "0017_notifications_and_redeemed_on",
        include_str!("../migrations/0017_notifications_and_redeemed_on.sql"),
    ),
    (
        "0018_directory_sort_keys",
        include_str!("../migrations/0018_directory_sort_keys.sql"),
    ),
    (
        "0019_cheaper_voucher_writes",
        include_str!("../migrations/0019_cheaper_voucher_writes.sql"),
    ),
    (
        "0020_directory_walk",
        include_str!("../migrations/0020_directory_walk.sql"),
    ),
    (
        "0021_directory_records",
        include_str!("../migrations/0021_directory_records.sql"),
    ),
    (
        "0022_sparse_event_indexes",
        include_str!("../migrations/0022_sparse_event_indexes.sql"),
    ),
];

/// The session advisory lock held while migrating ("sapsmigr").
const MIGRATION_LOCK: i64 = 0x7361_7073_6d69_6772;

/// Applies the steps not yet recorded in `schema_migrations`, each in its own
/// transaction, holding the migration lock so that concurrent callers wait
/// and then find nothing left to do.
pub(crate) fn migrate(client: &mut Client) -> Result<(), StoreError> {
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .map_err(db_error)?;
    let applied = apply_all(client).and_then(|()| crate::tx::seal_existing(client));
    // The lock is the session's: if unlocking fails the connection is
    // broken, and closing it releases the lock anyway.
    let unlocked = client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
        .map_err(db_error);
    applied?;
    unlocked.map(drop)
}

fn apply_all(client: &mut Client) -> Result<(), StoreError> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    text PRIMARY KEY,
                 applied_at timestamptz NOT NULL
             )",
        )
        .map_err(db_error)?;
    let known: Vec<String> = client
        .query(
            "SELECT version FROM schema_migrations ORDER BY version",
            &[],
        )
        .map_err(db_error)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for version in &known {
        if !MIGRATIONS.iter().any(|(v, _)| v == version) {
            tracing::warn!(
                version,
                "the database has a migration this build does not know (a newer build migrated it)"
            );
        }
    }
    for (version, sql) in MIGRATIONS {
        if known.iter().any(|k| k == version) {
            continue;
        }
        let mut tx = client.transaction().map_err(db_error)?;
        tx.batch_execute(sql)
            .map_err(|e| StoreError::Backend(format!("migration {version}: {}", describe(&e))))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[version, &micros(jiff::Timestamp::now())],
        )
        .map_err(db_error)?;
        tx.commit().map_err(db_error)?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}

/// The server's message rather than the driver's terse "db error".
fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.to_string(),
        None => e.to_string(),
    }
}
