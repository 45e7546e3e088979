//! Which mails a user wants: the mails that are not essential come in groups
//! (topics) a user may turn off, each on by default. Mails that carry what
//! the user must have (the voucher ID sent to the customer on assignment,
//! account and security mails, a disabled webhook to its owner, a declined
//! delivery) belong to no topic and always go.

use serde::{Deserialize, Serialize};

/// A group of optional mails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Reminders before something lapses: unused days, a voucher expiring
    /// unreserved or reserved, a claim window closing, a report awaiting sign-off.
    Reminders,
    /// A voucher assigned to the partner; reserved, reservation cancelled,
    /// returned or cancelled (to the other party).
    VoucherUpdates,
    /// Decisions on payment claims: approved, rejected, paid.
    Payments,
}

impl Topic {
    pub const ALL: [Topic; 3] = [Topic::Reminders, Topic::VoucherUpdates, Topic::Payments];

    /// The stable name (API field, form field, translation key).
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Reminders => "reminders",
            Topic::VoucherUpdates => "voucher_updates",
            Topic::Payments => "payments",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A user's choice of optional mails (every topic on unless turned off).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationSettings {
    /// Reminders before days, vouchers or claim windows lapse, and of reports
    /// awaiting sign-off.
    pub reminders: bool,
    /// Vouchers assigned to the partner; reserved, reservation cancelled,
    /// returned or cancelled.
    pub voucher_updates: bool,
    /// Decisions on payment claims.
    pub payments: bool,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            reminders: true,
            voucher_updates: true,
            payments: true,
        }
    }
}

impl NotificationSettings {
    /// Whether mails of `topic` go to this user.
    pub fn allows(&self, topic: Topic) -> bool {
        match topic {
            Topic::Reminders => self.reminders,
            Topic::VoucherUpdates => self.voucher_updates,
            Topic::Payments => self.payments,
        }
    }

    /// The settings with `topic` on or off.
    pub fn with(mut self, topic: Topic, on: bool) -> Self {
        match topic {
            Topic::Reminders => self.reminders = on,
            Topic::VoucherUpdates => self.voucher_updates = on,
            Topic::Payments => self.payments = on,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_is_on_by_default_and_each_turns_off_alone() {
        let d = NotificationSettings::default();
        assert!(Topic::ALL.iter().all(|t| d.allows(*t)));
        for t in Topic::ALL {
            let s = d.with(t, false);
            assert!(!s.allows(t));
            assert_eq!(Topic::ALL.iter().filter(|o| s.allows(**o)).count(), 2);
            assert_eq!(Topic::parse(t.as_str()), Some(t));
        }
        assert_eq!(Topic::parse("marketing"), None);
    }

    #[test]
    fn unknown_keys_are_refused() {
        let bad = r#"{"reminders":true,"voucher_updates":true,"payments":true,"spam":false}"#;
        assert!(serde_json::from_str::<NotificationSettings>(bad).is_err());
        let good = r#"{"reminders":false,"voucher_updates":true,"payments":true}"#;
        let s: NotificationSettings = serde_json::from_str(good).unwrap();
        assert!(!s.reminders);
    }
}
