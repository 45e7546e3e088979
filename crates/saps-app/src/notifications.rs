//! A user's own choice of optional mails (see [`saps_core::notify`]): read
//! and saved by the signed-in user alone, journaled when it changes.

use crate::App;
use saps_core::event::UserNotificationsChanged;
use saps_core::notify::NotificationSettings;
use saps_core::{Actor, Entity, Error, NewEvent, OrgKind};

impl App {
    /// The signed-in user's notification settings (every group on until saved).
    pub async fn own_notifications(&self, actor: &Actor) -> Result<NotificationSettings, Error> {
        let actor = *actor;
        self.read(move |tx| {
            tx.user(actor.user_id)?
                .ok_or(Error::NotFound(Entity::User))?;
            Ok(tx.notification_settings(actor.user_id)?)
        })
        .await
    }

    /// Saves the signed-in user's notification settings whole. Saving what is
    /// saved already changes nothing and records no event.
    pub async fn set_own_notifications(
        &self,
        actor: &Actor,
        settings: NotificationSettings,
    ) -> Result<NotificationSettings, Error> {
        let (now, version, actor) = (self.now(), self.program().version, *actor);
        self.write(move |tx| {
            let user = tx
                .user(actor.user_id)?
                .ok_or(Error::NotFound(Entity::User))?;
            if tx.notification_settings(user.id)? == settings {
                return Ok(settings);
            }
            tx.set_notification_settings(user.id, &settings)?;
            let body = UserNotificationsChanged {
                id: user.id,
                org_id: user.org_id,
                reminders: settings.reminders,
                voucher_updates: settings.voucher_updates,
                payments: settings.payments,
            };
            let mut e = NewEvent::new(body, now, Some(actor.user_id), version);
            match tx.org(user.org_id)?.map(|o| o.kind) {
                Some(OrgKind::Customer) => e = e.customer(user.org_id),
                Some(OrgKind::Partner) => e = e.partner(user.org_id),
                Some(OrgKind::Operator) | None => {}
            }
            tx.append_event(&e)?;
            Ok(settings)
        })
        .await
    }
}
