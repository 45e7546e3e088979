//! Each user's choice of optional mails.

use super::*;
use saps_core::UserId;
use saps_core::notify::NotificationSettings;
use saps_core::port::Notifications;

impl Notifications for SqliteTx<'_> {
    fn notification_settings(&mut self, user: UserId) -> StoreResult<NotificationSettings> {
        let saved = self.one(
            "SELECT reminders, voucher_updates, payments FROM notification_settings \
             WHERE user_id = ?1",
            [user.to_string()],
            |r| {
                Ok(NotificationSettings {
                    reminders: r.get(0)?,
                    voucher_updates: r.get(1)?,
                    payments: r.get(2)?,
                })
            },
        )?;
        Ok(saved.unwrap_or_default())
    }

    fn set_notification_settings(
        &mut self,
        user: UserId,
        s: &NotificationSettings,
    ) -> StoreResult<()> {
        self.exec(
            "INSERT INTO notification_settings (user_id, reminders, voucher_updates, payments) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id) DO UPDATE SET \
             reminders = excluded.reminders, voucher_updates = excluded.voucher_updates, \
             payments = excluded.payments",
            params![user.to_string(), s.reminders, s.voucher_updates, s.payments],
        )
        .map(drop)
    }
}
