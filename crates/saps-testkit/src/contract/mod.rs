//! The store contract: what every storage adapter must do, as plain functions
//! over a fresh `&dyn Store`. [`contract_tests!`](crate::contract_tests)
//! turns them into one `#[test]` each for an adapter.
//!
//! Every function expects an empty, migrated database of its own. The
//! functions live in one module per aggregate of the port; this module holds
//! the fixtures they share and the list that turns them into tests.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use saps_core::port::{
    IdempotentResponse, OutgoingMail, Store, Tx, VoucherQuery, read_blocking, write_blocking,
};
use saps_core::{
    Agreement, AgreementId, Days, EntryId, Error, Event, EventId, LedgerEntry, LedgerReason,
    Location, LocationId, NewEvent, Org, OrgId, OrgKind, Reservation, Role, Scope, StoreError,
    User, UserId, Voucher, VoucherCode, VoucherId, VoucherState,
};
use serde_json::json;
use std::collections::BTreeSet;

mod claims;
mod deliverables;
mod enrollments;
mod idempotency;
mod jobs;
mod journal;
mod ledger;
mod notifications;
mod orgs;
mod outbox;
mod profiles;
mod program;
mod provider_agreements;
mod records;
mod sessions;
mod throttle;
mod training_days;
mod transactions;
mod voucher_lists;
mod vouchers;
mod webhooks;

pub use claims::*;
pub use deliverables::*;
pub use enrollments::*;
pub use idempotency::*;
pub use jobs::*;
pub use journal::*;
pub use ledger::*;
pub use notifications::*;
pub use orgs::*;
pub use outbox::*;
pub use profiles::*;
pub use program::*;
pub use provider_agreements::*;
pub use records::*;
pub use sessions::*;
pub use throttle::*;
pub use training_days::*;
pub use transactions::*;
pub use voucher_lists::*;
pub use vouchers::*;
pub use webhooks::*;

// ---------------------------------------------------------------- fixtures

/// Runs `f` in a write transaction and expects it to succeed.
fn write<R, F>(store: &dyn Store, f: F) -> R
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    write_blocking(store, f).expect("the write succeeds")
}

/// Runs `f` on a read snapshot and expects it to succeed.
fn read<R, F>(store: &dyn Store, f: F) -> R
where
    R: Send + 'static,
    F: FnMut(&mut dyn Tx) -> Result<R, Error> + Send + 'static,
{
    read_blocking(store, f).expect("the read succeeds")
}

/// The current instant to the microsecond, the precision the stores keep
/// (the application's clock truncates the same way).
fn now() -> Timestamp {
    Timestamp::from_microsecond(Timestamp::now().as_microsecond()).expect("a time in range")
}

fn org(kind: OrgKind, name: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind,
        name: name.to_owned(),
        country: "FR".into(),
        benefit_active: kind == OrgKind::Customer,
        created_at: now(),
    }
}

fn user(org: &Org, role: Role) -> User {
    let id = UserId::new();
    User {
        id,
        org_id: org.id,
        email: format!("{}.{id}@example.com", role.as_str()),
        name: format!("Someone {}", role.as_str()),
        role,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        created_at: now(),
        locale: Default::default(),
        disabled: false,
    }
}

fn location(partner: &Org, city: &str) -> Location {
    Location {
        id: LocationId::new(),
        partner_id: partner.id,
        name: format!("{} {city}", partner.name),
        country: "FR".into(),
        city: city.to_owned(),
    }
}

fn agreement(customer: &Org, number: &str, available: i64) -> Agreement {
    Agreement {
        id: AgreementId::new(),
        customer_id: customer.id,
        number: number.to_owned(),
        sa_start: date(2020, 7, 1),
        sa_end: date(2023, 6, 30),
        days: Days(15),
        available,
        created_at: now(),
    }
}

fn voucher(agreement: &Agreement, pm: &User, created_by: &User) -> Voucher {
    Voucher {
        id: VoucherId::new(),
        code: VoucherCode::generate(),
        customer_id: agreement.customer_id,
        agreement_id: agreement.id,
        engagement: "DDPS-AZURE".into(),
        days: Days(3),
        project_manager_id: pm.id,
        created_by: created_by.id,
        state: VoucherState::Created,
        partner_id: None,
        reservation: None,
        created_at: now(),
        assigned_at: None,
        expires_on: date(2026, 6, 30),
        version: 0,
        redeemed_on: None,
    }
}

/// The voucher assigned to a partner (as stored, not as the domain decides).
fn assigned(mut v: Voucher, partner: OrgId) -> Voucher {
    v.state = VoucherState::Assigned;
    v.partner_id = Some(partner);
    v.assigned_at = Some(now());
    v
}

/// The voucher assigned and reserved for a location and consultant.
fn reserved(v: Voucher, location: &Location, consultant: &User, by: &User) -> Voucher {
    let mut v = assigned(v, location.partner_id);
    v.state = VoucherState::Reserved;
    v.reservation = Some(Reservation {
        location_id: location.id,
        consultant_id: consultant.id,
        start_date: date(2026, 3, 2),
        end_date: date(2026, 3, 4),
        delivery_country: "FR".into(),
        reserved_by: by.id,
        reserved_at: now(),
    });
    v
}

fn entry(agreement: AgreementId, delta: i64, reason: LedgerReason) -> LedgerEntry {
    LedgerEntry {
        id: EntryId::new(),
        agreement_id: agreement,
        at: now(),
        delta,
        reason,
        voucher_id: None,
        event_id: EventId::new(),
    }
}

fn insert_orgs(store: &dyn Store, orgs: &[&Org]) {
    let orgs: Vec<Org> = orgs.iter().map(|o| (*o).clone()).collect();
    write(store, move |tx| {
        for o in &orgs {
            tx.insert_org(o)?;
        }
        Ok(())
    });
}

fn insert_users(store: &dyn Store, users: &[&User]) {
    let users: Vec<User> = users.iter().map(|u| (*u).clone()).collect();
    write(store, move |tx| {
        for u in &users {
            tx.insert_user(u)?;
        }
        Ok(())
    });
}

fn insert_vouchers(store: &dyn Store, vouchers: &[&Voucher]) {
    let vouchers: Vec<Voucher> = vouchers.iter().map(|v| (*v).clone()).collect();
    write(store, move |tx| {
        for v in &vouchers {
            tx.insert_voucher(v)?;
        }
        Ok(())
    });
}

/// A customer with a project manager, a benefit administrator and an agreement.
struct Customer {
    org: Org,
    pm: User,
    admin: User,
    agreement: Agreement,
}

fn customer(store: &dyn Store, name: &str, available: i64) -> Customer {
    let o = org(OrgKind::Customer, name);
    let c = Customer {
        pm: user(&o, Role::ProjectManager),
        admin: user(&o, Role::BenefitAdmin),
        agreement: agreement(&o, "A-1", available),
        org: o,
    };
    insert_orgs(store, &[&c.org]);
    insert_users(store, &[&c.pm, &c.admin]);
    let a = c.agreement.clone();
    write(store, move |tx| Ok(tx.insert_agreement(&a)?));
    c
}

/// A partner with a location, two consultants and an administrator.
struct Partner {
    org: Org,
    location: Location,
    consultants: [User; 2],
    admin: User,
}

fn partner(store: &dyn Store, name: &str) -> Partner {
    let o = org(OrgKind::Partner, name);
    let p = Partner {
        location: location(&o, "Lyon"),
        consultants: [user(&o, Role::Consultant), user(&o, Role::Consultant)],
        admin: user(&o, Role::MpnAdmin),
        org: o,
    };
    insert_orgs(store, &[&p.org]);
    insert_users(store, &[&p.consultants[0], &p.consultants[1], &p.admin]);
    let l = p.location.clone();
    write(store, move |tx| Ok(tx.insert_location(&l)?));
    p
}

fn store_error<T: std::fmt::Debug>(outcome: Result<T, Error>) -> StoreError {
    match outcome {
        Err(Error::Store(e)) => e,
        other => panic!("expected a store error, got {other:?}"),
    }
}

fn sorted_by_id<T, K: Ord>(mut items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    items.sort_by_key(key);
    items
}

fn ids(vouchers: &[Voucher]) -> BTreeSet<VoucherId> {
    vouchers.iter().map(|v| v.id).collect()
}

fn all_vouchers(store: &dyn Store, scope: Scope, state: Option<VoucherState>) -> Vec<Voucher> {
    read(store, move |tx| {
        Ok(tx.vouchers(&VoucherQuery {
            scope,
            state,
            after: None,
            limit: 10_000,
        })?)
    })
}

/// Two customers, two partners, their people and five vouchers spread among
/// them, for the scoping tests.
struct Tenants {
    c1: Customer,
    pm1b: User,
    c2: Customer,
    p1: Partner,
    p2: Partner,
    /// c1/pm, p1, reserved for p1's first consultant
    v1: Voucher,
    /// c1/pm1b, p1, reserved for p1's second consultant
    v2: Voucher,
    /// c1/pm, not assigned
    v3: Voucher,
    /// c2/pm, p2, reserved for p2's first consultant
    v4: Voucher,
    /// c2/pm, assigned to p1
    v5: Voucher,
}

fn tenants(store: &dyn Store) -> Tenants {
    let c1 = customer(store, "Customer one", 30);
    let c2 = customer(store, "Customer two", 30);
    let pm1b = user(&c1.org, Role::ProjectManager);
    insert_users(store, &[&pm1b]);
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let v1 = reserved(
        voucher(&c1.agreement, &c1.pm, &c1.admin),
        &p1.location,
        &p1.consultants[0],
        &p1.admin,
    );
    let v2 = reserved(
        voucher(&c1.agreement, &pm1b, &c1.admin),
        &p1.location,
        &p1.consultants[1],
        &p1.admin,
    );
    let v3 = voucher(&c1.agreement, &c1.pm, &c1.admin);
    let v4 = reserved(
        voucher(&c2.agreement, &c2.pm, &c2.admin),
        &p2.location,
        &p2.consultants[0],
        &p2.admin,
    );
    let v5 = assigned(voucher(&c2.agreement, &c2.pm, &c2.admin), p1.org.id);
    insert_vouchers(store, &[&v1, &v2, &v3, &v4, &v5]);
    Tenants {
        c1,
        pm1b,
        c2,
        p1,
        p2,
        v1,
        v2,
        v3,
        v4,
        v5,
    }
}

/// Every contract function by name, for runners that cannot use
/// [`contract_tests!`](crate::contract_tests) (one that skips when no
/// database is configured, a benchmark …).
pub const ALL: &[(&str, Contract)] = crate::__contract_list!(@table);

/// One contract function: checks a fresh store, panicking on a breach.
pub type Contract = fn(&dyn Store);

/// The one list of contract functions, expanded into a table or into tests.
#[doc(hidden)]
#[macro_export]
macro_rules! __contract_list {
    (@expand table [] $($name:ident),* $(,)?) => {
        &[$((stringify!($name), $crate::contract::$name as $crate::contract::Contract)),*]
    };
    (@expand tests [$make:expr] $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let store = ($make)();
                $crate::contract::$name(&*store);
            }
        )*
    };
    (@$mode:ident $($arg:tt)*) => {
        $crate::__contract_list! {@expand $mode [$($arg)*]
            an_org_reads_back_with_every_field_equal,
            a_location_reads_back_and_is_listed_under_its_partner,
            a_user_reads_back_by_id_email_and_org,
            a_token_finds_its_user_until_it_expires_or_is_revoked,
            an_agreement_reads_back_by_id_and_number,
            a_voucher_without_a_reservation_reads_back_by_id_and_code,
            a_reserved_voucher_reads_back_with_its_reservation,
            events_read_back_with_their_payload_in_append_order,
            instants_round_trip_to_the_microsecond,
            a_taken_email_is_a_duplicate_user_email,
            a_disabled_user_reads_back_disabled_and_its_tokens_find_nobody,
            a_taken_agreement_number_is_a_duplicate_for_the_same_customer_only,
            a_taken_voucher_code_is_a_duplicate_voucher_code,
            the_ledger_never_lets_a_pool_go_negative_and_sums_to_its_balance,
            updating_a_voucher_from_a_stale_version_is_refused_and_changes_nothing,
            work_that_fails_after_writing_leaves_nothing_while_its_neighbours_commit,
            work_that_panics_after_writing_leaves_nothing,
            a_refused_insert_names_its_key_and_the_work_carries_on,
            vouchers_are_scoped_to_the_reader,
            voucher_counts_are_scoped_to_the_reader,
            events_are_scoped_to_the_reader,
            keyset_pagination_returns_every_voucher_exactly_once,
            events_after_returns_later_events_in_strictly_increasing_order,
            a_writer_sees_its_own_events_in_the_feed,
            an_idempotency_key_is_claimed_completed_replayed_and_released,
            a_stale_pending_idempotency_key_is_taken_over_and_old_answers_are_purged,
            the_outbox_hands_out_pending_mail_until_sent_or_failed_ten_times,
            mail_is_leased_to_one_sender_at_a_time,
            the_program_round_trips_and_is_replaced,
            live_vouchers_are_counted_per_customer_engagement_and_length,
            a_second_live_fifteen_day_voucher_is_a_duplicate,
            open_vouchers_past_their_expiry_are_found_for_the_sweep,
            racing_debits_never_overdraw_a_pool,
            racing_updates_from_one_version_let_exactly_one_win,
            racing_transitions_read_for_update_and_the_losers_see_the_winner,
            a_due_job_is_leased_by_one_holder_and_runs_once_per_period,
            an_expired_job_lease_is_taken_over,
            racing_nodes_lease_a_job_exactly_once,
            sign_in_attempts_count_per_key_within_a_window,
            racing_sign_in_attempts_each_get_a_distinct_count,
            partner_records_read_back_in_order_under_their_partner,
            a_users_locale_reads_back,
            the_latest_provider_agreement_is_the_highest_version_and_versions_are_unique,
            a_signature_reads_back_per_partner_and_version_and_is_made_once,
            an_enrollment_reads_back_and_is_renewed_by_a_conditional_write,
            racing_enrollments_of_one_offering_store_exactly_one,
            bulk_inserted_records_read_back_like_single_ones,
            bulk_appended_events_read_back_in_append_order,
            some_kinds_of_records_read_back_alone,
            a_profile_reads_back_and_is_replaced_by_a_conditional_write,
            the_directory_finds_enrolled_companies_by_every_filter_in_name_order,
            a_driven_search_reads_on_until_its_page_is_full,
            a_profile_written_while_its_company_enrolls_keeps_every_offering_and_country,
            records_written_after_a_profile_are_what_the_search_reads,
            a_report_reads_back_with_its_files_stored_once_by_hash,
            sign_offs_read_back_and_pending_reports_are_found_oldest_first,
            voucher_lists_filter_search_and_sort_by_expiry_page_by_page,
            enrolled_companies_without_a_profile_are_found_for_the_backfill,
            a_payment_registration_reads_back_and_is_made_once_per_offering,
            a_bank_account_reads_back_and_is_replaced,
            the_rate_card_reads_back_exactly_and_is_replaced_whole,
            a_claim_reads_back_and_is_updated_by_a_conditional_write,
            racing_claim_numbers_are_distinct_and_count_up_per_year,
            redeemed_vouchers_are_counted_per_partner_and_engagement,
            a_failed_mail_waits_for_its_retry_and_a_given_up_mail_is_not_leased,
            a_reminder_key_is_recorded_once,
            training_days_add_up_and_are_taken_only_when_held,
            racing_takes_of_training_days_let_exactly_one_win,
            a_webhook_reads_back_and_its_cursor_moves_by_a_conditional_write,
            deliveries_are_queued_once_leased_to_one_sender_and_logged,
            notification_settings_default_on_read_back_and_are_per_user,
            the_redemption_day_reads_back_and_finds_redeemed_vouchers_in_a_range,
            a_batch_of_state_changes_writes_only_the_vouchers_still_at_their_version,
            credits_posted_together_move_each_pool_by_their_sum_and_a_debit_is_refused,
            event_totals_count_a_kind_after_a_point_and_sum_a_payload_field,
            appended_events_are_chained_in_order_over_what_is_stored,
        }
    };
}

/// Expands into one `#[test]` per contract function, each on a fresh store
/// from `$make`: a closure or function taking nothing and returning anything
/// that dereferences to a store (`Box<dyn Store>`, `Arc<dyn Store>`, or a
/// guard that also removes the database when dropped).
///
/// ```text
/// saps_testkit::contract_tests!(|| Box::new(fresh_sqlite()) as Box<dyn Store>);
/// ```
#[macro_export]
macro_rules! contract_tests {
    ($make:expr $(,)?) => {
        $crate::__contract_list!(@tests $make);
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn every_contract_function_is_listed_exactly_once() {
        let sources = [
            include_str!("deliverables.rs"),
            include_str!("enrollments.rs"),
            include_str!("idempotency.rs"),
            include_str!("jobs.rs"),
            include_str!("journal.rs"),
            include_str!("ledger.rs"),
            include_str!("orgs.rs"),
            include_str!("outbox.rs"),
            include_str!("profiles.rs"),
            include_str!("program.rs"),
            include_str!("provider_agreements.rs"),
            include_str!("records.rs"),
            include_str!("sessions.rs"),
            include_str!("throttle.rs"),
            include_str!("transactions.rs"),
            include_str!("vouchers.rs"),
            include_str!("voucher_lists.rs"),
            include_str!("claims.rs"),
            include_str!("training_days.rs"),
            include_str!("webhooks.rs"),
            include_str!("notifications.rs"),
        ];
        let declared: BTreeSet<&str> = sources
            .iter()
            .flat_map(|s| s.lines())
            .filter_map(|l| l.strip_prefix("pub fn "))
            .filter_map(|l| l.split('(').next())
            .collect();
        let listed: BTreeSet<&str> = super::ALL.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed.len(), super::ALL.len(), "a function is listed twice");
        assert_eq!(declared, listed);
    }
}
