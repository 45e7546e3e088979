//! Each user's choice of optional mails.

use super::StoreResult;
use crate::ids::UserId;
use crate::notify::NotificationSettings;

/// Notification settings, one set per user.
pub trait Notifications {
    /// A user's settings: the default (every group on) when never saved.
    fn notification_settings(&mut self, user: UserId) -> StoreResult<NotificationSettings>;
    /// Saves a user's settings whole, replacing what was saved before.
    fn set_notification_settings(
        &mut self,
        user: UserId,
        settings: &NotificationSettings,
    ) -> StoreResult<()>;
}
