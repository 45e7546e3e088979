//! Disabling and enabling users, and a user's own language. A disabled user
//! can no longer sign in, and
//! every token and browser session it holds stops working at once (the store
//! finds no user behind them).

use crate::App;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::{UserDisabled, UserEnabled, UserLocaleChanged};
use saps_core::{Actor, Entity, Error, Locale, NewEvent, OrgKind, User, UserId};

impl App {
    /// Disables (`true`) or enables (`false`) a user: the operator any user,
    /// a partner's global admin or a customer's benefit admin the users of its
    /// own organisation, never itself. Another tenant's user is not found,
    /// exactly like a missing one. Setting the state it already has changes
    /// nothing and records no event.
    pub async fn set_user_disabled(
        &self,
        actor: &Actor,
        id: UserId,
        disabled: bool,
    ) -> Result<User, Error> {
        let (now, version, actor) = (self.now(), self.program().version, *actor);
        self.write(move |tx| {
            let user = tx.user(id)?.ok_or(Error::NotFound(Entity::User))?;
            authorize(
                &actor,
                Action::DisableUser,
                Resource::User(user.id, user.org_id),
            )?;
            if user.disabled == disabled {
                return Ok(user);
            }
            let kind = tx.org(user.org_id)?.map(|o| o.kind);
            tx.set_user_disabled(id, disabled)?;
            let (uid, org_id) = (user.id, user.org_id);
            let mut e = if disabled {
                NewEvent::new(
                    UserDisabled { id: uid, org_id },
                    now,
                    Some(actor.user_id),
                    version,
                )
            } else {
                NewEvent::new(
                    UserEnabled { id: uid, org_id },
                    now,
                    Some(actor.user_id),
                    version,
                )
            };
            match kind {
                Some(OrgKind::Customer) => e = e.customer(org_id),
                Some(OrgKind::Partner) => e = e.partner(org_id),
                Some(OrgKind::Operator) | None => {}
            }
            tx.append_event(&e)?;
            Ok(User { disabled, ..user })
        })
        .await
    }
}

impl App {
    /// The signed-in user chooses the language of their pages and e-mails.
    /// Choosing the one they have changes nothing and records no event.
    pub async fn set_own_locale(&self, actor: &Actor, locale: Locale) -> Result<User, Error> {
        let (now, version, actor) = (self.now(), self.program().version, *actor);
        self.write(move |tx| {
            let user = tx
                .user(actor.user_id)?
                .ok_or(Error::NotFound(Entity::User))?;
            if user.locale == locale {
                return Ok(user);
            }
            tx.set_user_locale(user.id, locale)?;
            let (id, org_id) = (user.id, user.org_id);
            let body = UserLocaleChanged { id, org_id, locale };
            let mut e = NewEvent::new(body, now, Some(actor.user_id), version);
            match tx.org(org_id)?.map(|o| o.kind) {
                Some(OrgKind::Customer) => e = e.customer(org_id),
                Some(OrgKind::Partner) => e = e.partner(org_id),
                Some(OrgKind::Operator) | None => {}
            }
            tx.append_event(&e)?;
            Ok(User { locale, ..user })
        })
        .await
    }
}
