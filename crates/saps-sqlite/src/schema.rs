//! The embedded migrations and the runner that applies them once each, in order.

use crate::db_error;
use rusqlite::{Connection, OptionalExtension};
use saps_core::StoreError;

/// Every migration step, in order: its name (the file stem, the same in
/// `crates/saps-postgres/migrations`) and its SQL.
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

/// Applies the steps not yet recorded in `schema_migrations`, each in its own
/// immediate transaction, so running it again (or from two processes) is harmless.
pub(crate) fn migrate(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    TEXT PRIMARY KEY,
             applied_at TEXT NOT NULL
         )",
    )
    .map_err(db_error)?;
    for (version, sql) in MIGRATIONS {
        conn.execute_batch("BEGIN IMMEDIATE").map_err(db_error)?;
        let step = apply(conn, version, sql);
        let end = if step.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let ended = conn.execute_batch(end).map_err(db_error);
        step?;
        ended?;
    }
    crate::tx::seal_existing(conn)?;
    Ok(())
}

fn apply(conn: &Connection, version: &str, sql: &str) -> Result<(), StoreError> {
    let done: Option<String> = conn
        .query_row(
            "SELECT version FROM schema_migrations WHERE version = ?1",
            [version],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if done.is_some() {
        return Ok(());
    }
    conn.execute_batch(sql)
        .map_err(|e| StoreError::Backend(format!("migration {version}: {e}")))?;
    conn.execute(
        "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
        [version, &crate::tx::timestamp(jiff::Timestamp::now())],
    )
    .map_err(db_error)?;
    tracing::info!(version, "applied migration");
    Ok(())
}
