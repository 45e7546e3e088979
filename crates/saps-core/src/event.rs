//! What happened, typed: one variant per kind of journal event, each with the
//! facts that kind records. The journal stores an event as its stable dotted
//! `kind` and a JSON `payload` (see [`crate::journal`]); this vocabulary is
//! written once here and read by the voucher history, the event feed, the
//! invariant checks and whatever else reads the journal.
//!
//! Payloads are part of the wire and of every stored journal: a field's name
//! and its JSON form never change. Add fields only as optional ones, and add
//! kinds rather than reshape old ones.

use crate::VoucherCode;
use crate::ids::{AgreementId, LocationId, OrgId, UserId};
use crate::org::{Locale, Location, Role};
pub use crate::payment::events::ClaimWithdrawn;
pub use crate::payment::events::{
    BankAccountSet, ClaimApproved, ClaimCreated, ClaimDisputed, ClaimPaid, ClaimRejected,
    ClaimSubmitted, PaymentRegistered, RateCardChanged, VoucherClaimed, VoucherPaid,
    VoucherUnclaimed,
};
use crate::port::CompetencyLevel;
use crate::quantity::Days;
use crate::voucher::Reservation;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Declares the event vocabulary from one list, so that the enum, its serde
/// names, [`EventBody::kind`] and [`EventBody::KINDS`] cannot disagree.
macro_rules! event_kinds {
    ($($(#[$doc:meta])* $kind:literal => $variant:ident),* $(,)?) => {
        /// The body of a journal event. Serialised adjacently tagged, as
        /// `{"kind": "voucher.reserved", "payload": {…}}`, so `kind` is the
        /// stable wire name.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "kind", content = "payload")]
        pub enum EventBody {
            $($(#[$doc])* #[serde(rename = $kind)] $variant($variant),)*
        }

        impl EventBody {
            /// Every kind the program writes, as stored in the journal.
            pub const KINDS: &'static [&'static str] = &[$($kind),*];

            /// The dotted name stored as the event's kind.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => $kind,)*
                }
            }

            /// The content alone, as JSON: what the adjacently tagged form
            /// carries under `payload`, without building the tagged map.
            fn payload(&self) -> Result<Value, serde_json::Error> {
                match self {
                    $(Self::$variant(body) => serde_json::to_value(body),)*
                }
            }
        }

        $(impl From<$variant> for EventBody {
            fn from(body: $variant) -> Self {
                Self::$variant(body)
            }
        })*
    };
}

event_kinds! {
    /// A customer created a voucher; its days left the agreement's pool.
    "voucher.created" => VoucherCreated,
    /// A customer assigned a voucher to a partner.
    "voucher.assigned" => VoucherAssigned,
    /// A partner reserved a voucher for a consultant, place and dates.
    "voucher.reserved" => VoucherReserved,
    /// A partner gave a reservation up; the voucher is assigned again.
    "voucher.reservation_cancelled" => ReservationCancelled,
    /// A customer cancelled a voucher; its days went back to the pool.
    "voucher.cancelled" => VoucherCancelled,
    /// A voucher's validity passed.
    "voucher.expired" => VoucherExpired,
    /// The program removed an agreement's remaining days.
    "days.removed" => DaysRemoved,
    /// The operator enrolled a partner with its locations.
    "partner.created" => PartnerCreated,
    /// The operator added a customer.
    "customer.created" => CustomerCreated,
    /// The operator's own organisation, made once when saps is first set up.
    "operator.created" => OperatorCreated,
    /// Someone (or the command-line bootstrap) added a user.
    "user.created" => UserCreated,
    /// A customer's Software Assurance agreement was recorded and its days accrued.
    "agreement.added" => AgreementAdded,
    /// A customer's planning services benefit was activated.
    "benefit.activated" => BenefitActivated,
    /// The operator moved the simulated clock.
    "clock.moved" => ClockMoved,
    /// The operator changed the program's settings or calendar.
    "program.changed" => ProgramChanged,
    /// The operator recorded a compliance course a partner company completed.
    "training.recorded" => TrainingRecorded,
    /// The operator recorded a competency a partner company holds.
    "competency.recorded" => CompetencyRecorded,
    /// The operator recorded an exam a partner's consultant passed.
    "exam.recorded" => ExamRecorded,
    /// A location was added to a partner company.
    "location.added" => LocationAdded,
    /// The operator published a new version of the provider agreement.
    "provider_agreement.published" => ProviderAgreementPublished,
    /// A partner's global admin signed a version of the provider agreement.
    "provider_agreement.signed" => ProviderAgreementSigned,
    /// A partner enrolled in an offering for a year.
    "enrollment.created" => EnrollmentCreated,
    /// A partner renewed its enrollment in an offering for a year.
    "enrollment.renewed" => EnrollmentRenewed,
    /// The operator or the organisation's admin disabled a user: it can no
    /// longer sign in, and its tokens and sessions ended.
    "user.disabled" => UserDisabled,
    /// The operator or the organisation's admin enabled a disabled user again.
    "user.enabled" => UserEnabled,
    /// A user chose the language of their pages and e-mails.
    "user.locale_changed" => UserLocaleChanged,
    /// The assigned partner gave a voucher back before reserving it; the
    /// customer may assign it again.
    "voucher.returned" => VoucherReturned,
    /// A partner's admin (or the operator) wrote the company's business profile.
    "profile.updated" => ProfileUpdated,
    /// The reserving partner submitted the completion report with its
    /// deliverables; the voucher is completed and awaits the customer's sign-off.
    "voucher.completed" => VoucherCompleted,
    /// The customer accepted or declined the delivery, or its silence for the
    /// program's sign-off days was deemed acceptance. A decline reserves the
    /// voucher again.
    "voucher.signed_off" => VoucherSignedOff,
    /// The reserving partner redeemed a completed, signed-off voucher.
    "voucher.redeemed" => VoucherRedeemed,
    /// The customer handed a voucher not yet delivered to another project manager.
    "voucher.project_manager_changed" => ProjectManagerChanged,
    /// A partner's global admin registered the company for payment of an offering.
    "payment.registered" => PaymentRegistered,
    /// A partner's global admin gave or changed a location's bank account.
    "bank_account.set" => BankAccountSet,
    /// The operator replaced the rate card.
    "rate_card.changed" => RateCardChanged,
    /// A partner made a draft claim of redeemed vouchers.
    "claim.created" => ClaimCreated,
    /// The partner submitted a claim for review.
    "claim.submitted" => ClaimSubmitted,
    /// The operator approved a claim; its payment is due.
    "claim.approved" => ClaimApproved,
    /// The operator rejected a claim with a reason; its vouchers are free again.
    "claim.rejected" => ClaimRejected,
    /// The partner disputed a claim's rejection.
    "claim.disputed" => ClaimDisputed,
    /// The operator paid a claim; its vouchers are paid.
    "claim.paid" => ClaimPaid,
    /// A voucher entered a claim.
    "voucher.claimed" => VoucherClaimed,
    /// A rejected claim let its voucher go: it is redeemed again.
    "voucher.unclaimed" => VoucherUnclaimed,
    /// A voucher was paid with its claim.
    "voucher.paid" => VoucherPaid,
    /// A reminder went out (once per kind, subject and offset) before a deadline.
    "reminder.sent" => ReminderSent,
    /// An organisation's admin (or the operator) subscribed a URL to event kinds.
    "webhook.created" => WebhookCreated,
    /// An organisation's admin (or the operator) removed a subscription.
    "webhook.deleted" => WebhookDeleted,
    /// saps disabled a subscription whose deliveries all failed for a day.
    "webhook.disabled" => WebhookDisabled,
    /// The operator recorded training-voucher days a customer's agreement holds.
    "training_days.granted" => TrainingDaysGranted,
    /// A customer converted training-voucher days into planning days.
    "days.converted" => DaysConverted,
    /// A change of the program's validity or anchor moved an open voucher's expiry.
    "voucher.expiry_moved" => VoucherExpiryMoved,
    /// The partner withdrew a draft claim; its vouchers are free again.
    "claim.withdrawn" => ClaimWithdrawn,
    /// A user chose which optional mails (reminders, voucher updates,
    /// payments) they receive.
    "user.notifications_changed" => UserNotificationsChanged,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSent {
    /// `days_removal`, `voucher_unreserved`, `reservation_expiry`,
    /// `claim_window` or `sign_off`.
    pub reminder: String,
    /// The key that makes it once only: kind, subject and offset.
    pub key: String,
    /// The voucher it is about, if it is about one.
    pub code: Option<VoucherCode>,
    /// The deadline it reminds of.
    pub deadline: Date,
    /// Days before the deadline (0 for a sign-off reminder).
    pub offset_days: u32,
    /// How many people it was sent to.
    pub recipients: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookCreated {
    pub webhook_id: uuid::Uuid,
    pub org_id: OrgId,
    pub url: String,
    pub events: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDeleted {
    pub webhook_id: uuid::Uuid,
    pub org_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDisabled {
    pub webhook_id: uuid::Uuid,
    pub org_id: OrgId,
    /// Since when every attempt failed.
    pub failing_since: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherExpiryMoved {
    pub code: VoucherCode,
    pub from: Date,
    pub to: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingDaysGranted {
    /// The agreement's number.
    pub agreement: String,
    pub agreement_id: AgreementId,
    pub training_days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaysConverted {
    /// The agreement's number.
    pub agreement: String,
    pub agreement_id: AgreementId,
    /// The training days given up.
    pub training_days: i64,
    /// The planning days they became (credited to the agreement's pool).
    pub planning_days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectManagerChanged {
    pub code: VoucherCode,
    pub from: UserId,
    pub to: UserId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherCreated {
    pub code: VoucherCode,
    /// The engagement's code in the program's catalog.
    pub engagement: String,
    pub days: Days,
    /// The agreement's number (not its id), as the customer knows it.
    pub agreement: String,
    pub project_manager_id: UserId,
    pub expires_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherAssigned {
    pub code: VoucherCode,
    pub partner_id: OrgId,
    /// The partner's name when it was assigned.
    pub partner: String,
    /// Assignment may move the expiry (it can be anchored on assignment).
    pub expires_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherReserved {
    pub code: VoucherCode,
    pub reservation: Reservation,
    /// The location's name when it was reserved.
    pub location: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationCancelled {
    pub code: VoucherCode,
    pub reason: String,
    /// The reservation given up.
    pub reservation: Reservation,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherCancelled {
    pub code: VoucherCode,
    pub refunded_days: Days,
    /// Why the customer cancelled, when they said (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherExpired {
    pub code: VoucherCode,
    pub expired_on: Date,
    /// Zero when the days could not go back (the agreement had ended).
    pub refunded_days: Days,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaysRemoved {
    /// The agreement's number.
    pub agreement: String,
    pub agreement_id: AgreementId,
    pub days: i64,
    /// The milestone date on which the days were due to be removed.
    pub on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCreated {
    pub id: OrgId,
    pub name: String,
    pub country: String,
    pub locations: Vec<Location>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerCreated {
    pub id: OrgId,
    pub name: String,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorCreated {
    pub id: OrgId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCreated {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub org_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDisabled {
    pub id: UserId,
    pub org_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserEnabled {
    pub id: UserId,
    pub org_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserLocaleChanged {
    pub id: UserId,
    pub org_id: OrgId,
    pub locale: Locale,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserNotificationsChanged {
    pub id: UserId,
    pub org_id: OrgId,
    pub reminders: bool,
    pub voucher_updates: bool,
    pub payments: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAdded {
    /// The agreement's number.
    pub agreement: String,
    pub agreement_id: AgreementId,
    pub sa_start: Date,
    pub sa_end: Date,
    /// The days a three-year agreement would accrue.
    pub days: Days,
    /// The days this agreement's term accrued into the pool.
    pub accrued: Days,
}

/// Nothing more to say than its kind: the customer is the event's customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitActivated {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockMoved {
    pub from: Timestamp,
    pub to: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramChanged {
    /// The program's version after the change.
    pub version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRecorded {
    pub partner_id: OrgId,
    pub course: String,
    pub completed_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyRecorded {
    pub partner_id: OrgId,
    pub competency: String,
    pub level: CompetencyLevel,
    pub valid_until: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamRecorded {
    pub partner_id: OrgId,
    /// The consultant who passed it.
    pub user_id: UserId,
    pub exam: String,
    pub passed_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationAdded {
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderAgreementPublished {
    pub version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderAgreementSigned {
    pub partner_id: OrgId,
    pub version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentCreated {
    pub partner_id: OrgId,
    pub offering: String,
    pub location_ids: Vec<LocationId>,
    /// The last day (inclusive) of the enrollment.
    pub valid_until: Date,
    /// The provider agreement version it was made under.
    pub agreement_version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentRenewed {
    pub partner_id: OrgId,
    pub offering: String,
    pub location_ids: Vec<LocationId>,
    /// The new last day (inclusive).
    pub valid_until: Date,
    pub agreement_version: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherReturned {
    pub code: VoucherCode,
    /// The partner that gave it back.
    pub partner_id: OrgId,
    /// The partner's name when it gave it back.
    pub partner: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileUpdated {
    pub partner_id: OrgId,
    pub description: String,
    pub languages: Vec<String>,
    /// Codes of `saps_core::profile::INDUSTRIES`.
    pub industries: Vec<String>,
    pub website: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherCompleted {
    pub code: VoucherCode,
    pub report_id: crate::ids::ReportId,
    /// The receipt's SHA-256 (see `GET /vouchers/{code}/receipt`).
    pub receipt_sha256: String,
    pub days_onsite: u32,
    pub days_offsite: u32,
    /// Every deliverable's file name and SHA-256, in order.
    pub files: Vec<DeliveredFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveredFile {
    pub filename: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherSignedOff {
    pub code: VoucherCode,
    pub report_id: crate::ids::ReportId,
    pub accepted: bool,
    /// No answer within the program's sign-off days: accepted by silence.
    pub deemed: bool,
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherRedeemed {
    pub code: VoucherCode,
    pub partner_id: OrgId,
    pub days: Days,
}

impl EventBody {
    /// Reads a stored event's kind and payload. A kind outside [`Self::KINDS`]
    /// (a store's test data, or a kind from a newer saps) or a payload of the
    /// wrong shape is an error, left to the reader to skip or report.
    pub fn from_parts(kind: &str, payload: &Value) -> Result<Self, serde_json::Error> {
        let mut tagged = serde_json::Map::with_capacity(2);
        tagged.insert("kind".into(), Value::String(kind.to_owned()));
        tagged.insert("payload".into(), payload.clone());
        serde_json::from_value(Value::Object(tagged))
    }

    /// The stored form: the kind and the JSON payload.
    pub fn into_parts(self) -> (&'static str, Value) {
        // Every payload is a struct of ids, strings, numbers and dates, which
        // always serialise.
        let payload = self.payload().expect("an event body serialises");
        (self.kind(), payload)
    }
}

#[cfg(test)]
mod tests;
