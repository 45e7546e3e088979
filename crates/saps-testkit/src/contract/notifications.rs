//! The contract: each user's notification settings, and the redemption day
//! kept on the voucher.

use super::*;
use saps_core::notify::NotificationSettings;

/// A user never saved has every group on; saved settings read back exactly,
/// are replaced whole, and are that user's alone.
pub fn notification_settings_default_on_read_back_and_are_per_user(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let (admin, pm) = (c.admin.id, c.pm.id);
    let get = |u: UserId| read(store, move |tx| Ok(tx.notification_settings(u)?));
    assert_eq!(get(admin), NotificationSettings::default());
    let off = NotificationSettings {
        reminders: false,
        voucher_updates: true,
        payments: false,
    };
    write(store, move |tx| {
        Ok(tx.set_notification_settings(admin, &off)?)
    });
    assert_eq!(get(admin), off);
    assert_eq!(get(pm), NotificationSettings::default());
    let again = NotificationSettings {
        reminders: true,
        voucher_updates: false,
        payments: false,
    };
    write(store, move |tx| {
        Ok(tx.set_notification_settings(admin, &again)?)
    });
    assert_eq!(get(admin), again);
    assert_eq!(get(pm), NotificationSettings::default());
}

/// The redemption day reads back with the voucher, and the claim-window scan
/// finds redeemed vouchers by it: within the range (inclusive), soonest
/// first, never one of another state or without a day.
pub fn the_redemption_day_reads_back_and_finds_redeemed_vouchers_in_a_range(store: &dyn Store) {
    let c = customer(store, "Customer", 100);
    let on = |day: Option<Date>, state: VoucherState| Voucher {
        state,
        redeemed_on: day,
        ..voucher(&c.agreement, &c.pm, &c.admin)
    };
    let early = on(Some(date(2026, 3, 1)), VoucherState::Redeemed);
    let late = on(Some(date(2026, 3, 10)), VoucherState::Redeemed);
    let mid = on(Some(date(2026, 3, 5)), VoucherState::Redeemed);
    let before = on(Some(date(2026, 2, 28)), VoucherState::Redeemed);
    let after = on(Some(date(2026, 3, 11)), VoucherState::Redeemed);
    let claimed = on(Some(date(2026, 3, 5)), VoucherState::Claimed);
    let undated = on(None, VoucherState::Redeemed);
    insert_vouchers(
        store,
        &[&early, &late, &mid, &before, &after, &claimed, &undated],
    );
    let id = mid.id;
    let back = read(store, move |tx| Ok(tx.voucher(id)?)).expect("stored");
    assert_eq!(back.redeemed_on, Some(date(2026, 3, 5)));
    let found = read(store, |tx| {
        Ok(tx.redeemed_between(date(2026, 3, 1), date(2026, 3, 10))?)
    });
    let ids: Vec<VoucherId> = found.iter().map(|v| v.id).collect();
    assert_eq!(ids, [early.id, mid.id, late.id]);

    // Written by an update (the redemption), and kept by later updates.
    let mut v = on(None, VoucherState::Completed);
    insert_vouchers(store, &[&v]);
    v.state = VoucherState::Redeemed;
    v.redeemed_on = Some(date(2026, 3, 7));
    v.version += 1;
    let w = v.clone();
    write(store, move |tx| Ok(tx.update_voucher(&w)?));
    let id = v.id;
    let back = read(store, move |tx| Ok(tx.voucher(id)?)).expect("stored");
    assert_eq!(back.redeemed_on, Some(date(2026, 3, 7)));
    let found = read(store, |tx| {
        Ok(tx.redeemed_between(date(2026, 3, 7), date(2026, 3, 7))?)
    });
    assert_eq!(found.iter().map(|v| v.id).collect::<Vec<_>>(), [id]);
}
