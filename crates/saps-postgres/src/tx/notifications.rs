//! Each user's choice of optional mails.

use super::*;
use saps_core::UserId;
use saps_core::notify::NotificationSettings;
use saps_core::port::Notifications;

impl Notifications for PgTx<'_> {
    fn notification_settings(&mut self, user: UserId) -> StoreResult<NotificationSettings> {
        let Some(r) = self.row(
            "SELECT reminders, voucher_updates, payments FROM notification_settings \
             WHERE user_id = $1",
            &[&user.0],
        )?
        else {
            return Ok(NotificationSettings::default());
        };
        Ok(NotificationSettings {
            reminders: get(&r, 0)?,
            voucher_updates: get(&r, 1)?,
            payments: get(&r, 2)?,
        })
    }

    fn set_notification_settings(
        &mut self,
        user: UserId,
        s: &NotificationSettings,
    ) -> StoreResult<()> {
        self.exec(
            "INSERT INTO notification_settings (user_id, reminders, voucher_updates, payments) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET \
             reminders = excluded.reminders, voucher_updates = excluded.voucher_updates, \
             payments = excluded.payments",
            &[&user.0, &s.reminders, &s.voucher_updates, &s.payments],
        )
        .map(drop)
    }
}
