//! The domain's errors: a refused rule, a missing or conflicting object, a
//! malformed value, or a failure of the store. Each has a stable code.

use crate::quantity::Days;
use jiff::civil::Date;
use std::fmt;

mod delivery;
mod handoff;
mod payment;

pub use delivery::DeliveryRule;
pub use payment::PaymentRule;

/// A business rule that refused an action. The name is part of the API
/// (`rule.<name>`); the message is the English text, translated by the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    UnknownEngagement {
        engagement: String,
    },
    LengthNotAllowed {
        engagement: String,
        days: u32,
        allowed: Vec<u32>,
    },
    EngagementRetired {
        engagement: String,
        on: Date,
    },
    SecondFifteenDayEngagement {
        engagement: String,
    },
    CreationClosed {
        last_day: Date,
    },
    AssignmentClosed {
        last_day: Date,
    },
    DaysRemoved {
        on: Date,
    },
    VoucherExpired {
        expired_on: Date,
    },
    InsufficientDays {
        available: i64,
        requested: Days,
    },
    BenefitNotActive,
    BenefitAlreadyActive,
    AgreementNotActive {
        agreement: String,
    },
    AgreementInvalid {
        reason: String,
    },
    AccrualEnded {
        on: Date,
    },
    TermsNotAccepted,
    DeliveryCountryMismatch {
        location_country: String,
        delivery_country: String,
    },
    EngagementAlreadyStarted {
        start_date: Date,
        today: Date,
    },
    EndsBeforeStart,
    EndsAfterExpiry {
        expires_on: Date,
    },
    TooLongForVoucher {
        voucher_days: u32,
    },
    ConsultantNotInPartner,
    ProjectManagerNotInCustomer,
    PartnerUnknown,
    LocationNotInPartner,
    RedemptionClosed {
        last_day: Date,
    },
    RoleNotInOrg {
        role: String,
    },
    EmailTaken,
    AgreementNumberTaken,
    UnknownCourse {
        course: String,
    },
    UnknownCompetency {
        competency: String,
    },
    UnknownExam {
        exam: String,
    },
    ProviderAgreementNotNewer {
        version: u32,
        current: u32,
    },
    ProviderAgreementNotCurrent {
        version: u32,
        current: u32,
    },
    ProviderAgreementNotAccepted,
    ProviderAgreementNotSigned {
        version: u32,
    },
    UnknownOffering {
        offering: String,
    },
    OfferingNotActive {
        offering: String,
    },
    /// The partner has no enrollment in the engagement's offering.
    NotEnrolled {
        offering: String,
    },
    /// The partner's enrollment in the offering ended.
    EnrollmentLapsed {
        offering: String,
        valid_until: Date,
    },
    /// The chosen location is not approved for the offering in the enrollment.
    LocationNotApproved {
        location: String,
        offering: String,
    },
    /// None of the partner's locations approved for the offering is in the country.
    NoApprovedLocationInCountry {
        offering: String,
        country: String,
    },
    /// The compliance course was not completed within the last year.
    ComplianceTrainingMissing {
        course: String,
    },
    /// The engagement's qualifying competency is not held.
    CompetencyMissing {
        competency: String,
        engagement: String,
    },
    /// The engagement's qualifying competency expired.
    CompetencyExpired {
        competency: String,
        expired_on: Date,
    },
    /// The chosen consultant passed none of the engagement's exams.
    ConsultantNotQualified {
        engagement: String,
        exams: String,
    },
    /// No consultant of the company passed any of the engagement's exams.
    NoQualifiedConsultant {
        engagement: String,
        exams: String,
    },
    /// The reservation's dates hold fewer days than the voucher's.
    ReservationTooShort {
        window_days: u32,
        voucher_days: u32,
    },
    /// A rule of the completion report, sign-off or redemption.
    Delivery(DeliveryRule),
    /// A rule of payment: registration, the rate card, claims.
    Payment(PaymentRule),
}

impl Rule {
    /// The stable name used in `rule.<name>`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::UnknownEngagement { .. } => "unknown_engagement",
            Self::LengthNotAllowed { .. } => "length_not_allowed",
            Self::EngagementRetired { .. } => "engagement_retired",
            Self::SecondFifteenDayEngagement { .. } => "second_fifteen_day_engagement",
            Self::CreationClosed { .. } => "creation_closed",
            Self::AssignmentClosed { .. } => "assignment_closed",
            Self::DaysRemoved { .. } => "days_removed",
            Self::VoucherExpired { .. } => "voucher_expired",
            Self::InsufficientDays { .. } => "insufficient_days",
            Self::BenefitNotActive => "benefit_not_active",
            Self::BenefitAlreadyActive => "benefit_already_active",
            Self::AgreementNotActive { .. } => "agreement_not_active",
            Self::AgreementInvalid { .. } => "agreement_invalid",
            Self::AccrualEnded { .. } => "accrual_ended",
            Self::TermsNotAccepted => "terms_not_accepted",
            Self::DeliveryCountryMismatch { .. } => "delivery_country_mismatch",
            Self::EngagementAlreadyStarted { .. } => "engagement_already_started",
            Self::EndsBeforeStart => "ends_before_start",
            Self::EndsAfterExpiry { .. } => "ends_after_expiry",
            Self::TooLongForVoucher { .. } => "too_long_for_voucher",
            Self::ConsultantNotInPartner => "consultant_not_in_partner",
            Self::ProjectManagerNotInCustomer => "project_manager_not_in_customer",
            Self::PartnerUnknown => "partner_unknown",
            Self::LocationNotInPartner => "location_not_in_partner",
            Self::RedemptionClosed { .. } => "redemption_closed",
            Self::RoleNotInOrg { .. } => "role_not_in_org",
            Self::EmailTaken => "email_taken",
            Self::AgreementNumberTaken => "agreement_number_taken",
            Self::UnknownCourse { .. } => "unknown_course",
            Self::UnknownCompetency { .. } => "unknown_competency",
            Self::UnknownExam { .. } => "unknown_exam",
            Self::ProviderAgreementNotNewer { .. } => "provider_agreement_not_newer",
            Self::ProviderAgreementNotCurrent { .. } => "provider_agreement_not_current",
            Self::ProviderAgreementNotAccepted => "provider_agreement_not_accepted",
            Self::ProviderAgreementNotSigned { .. } => "provider_agreement_not_signed",
            Self::UnknownOffering { .. } => "unknown_offering",
            Self::OfferingNotActive { .. } => "offering_not_active",
            Self::NotEnrolled { .. } => "not_enrolled",
            Self::EnrollmentLapsed { .. } => "enrollment_lapsed",
            Self::LocationNotApproved { .. } => "location_not_approved",
            Self::NoApprovedLocationInCountry { .. } => "no_approved_location_in_country",
            Self::ComplianceTrainingMissing { .. } => "compliance_training_missing",
            Self::CompetencyMissing { .. } => "competency_missing",
            Self::CompetencyExpired { .. } => "competency_expired",
            Self::ConsultantNotQualified { .. } => "consultant_not_qualified",
            Self::NoQualifiedConsultant { .. } => "no_qualified_consultant",
            Self::ReservationTooShort { .. } => "reservation_too_short",
            Self::Delivery(d) => d.name(),
            Self::Payment(p) => p.name(),
        }
    }
}

/// A value a rule carries, for messages built outside the domain (the UI
/// translates each rule and formats its dates and numbers per locale).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleArg {
    Text(String),
    Number(i64),
    Date(Date),
    Numbers(Vec<u32>),
}

impl Rule {
    /// The data the rule carries, by name, as its message uses it.
    pub fn args(&self) -> Vec<(&'static str, RuleArg)> {
        use RuleArg::{Date as D, Number as N, Numbers, Text as T};
        match self {
            Self::UnknownEngagement { engagement }
            | Self::SecondFifteenDayEngagement { engagement } => {
                vec![("engagement", T(engagement.clone()))]
            }
            Self::LengthNotAllowed {
                engagement,
                days,
                allowed,
            } => vec![
                ("engagement", T(engagement.clone())),
                ("days", N(i64::from(*days))),
                ("allowed", Numbers(allowed.clone())),
            ],
            Self::EngagementRetired { engagement, on } => {
                vec![("engagement", T(engagement.clone())), ("on", D(*on))]
            }
            Self::CreationClosed { last_day }
            | Self::AssignmentClosed { last_day }
            | Self::RedemptionClosed { last_day } => vec![("last_day", D(*last_day))],
            Self::DaysRemoved { on } | Self::AccrualEnded { on } => vec![("on", D(*on))],
            Self::VoucherExpired { expired_on } => vec![("expired_on", D(*expired_on))],
            Self::InsufficientDays {
                available,
                requested,
            } => vec![
                ("available", N(*available)),
                ("requested", N(requested.signed())),
            ],
            Self::AgreementNotActive { agreement } => vec![("agreement", T(agreement.clone()))],
            Self::AgreementInvalid { reason } => vec![("reason", T(reason.clone()))],
            Self::DeliveryCountryMismatch {
                location_country,
                delivery_country,
            } => vec![
                ("location_country", T(location_country.clone())),
                ("delivery_country", T(delivery_country.clone())),
            ],
            Self::EngagementAlreadyStarted { start_date, today } => {
                vec![("start_date", D(*start_date)), ("today", D(*today))]
            }
            Self::EndsAfterExpiry { expires_on } => vec![("expires_on", D(*expires_on))],
            Self::TooLongForVoucher { voucher_days } => {
                vec![("voucher_days", N(i64::from(*voucher_days)))]
            }
            Self::RoleNotInOrg { role } => vec![("role", T(role.clone()))],
            Self::UnknownCourse { course } => vec![("course", T(course.clone()))],
            Self::UnknownCompetency { competency } => vec![("competency", T(competency.clone()))],
            Self::UnknownExam { exam } => vec![("exam", T(exam.clone()))],
            Self::ProviderAgreementNotNewer { version, current }
            | Self::ProviderAgreementNotCurrent { version, current } => vec![
                ("version", N(i64::from(*version))),
                ("current", N(i64::from(*current))),
            ],
            Self::ProviderAgreementNotSigned { version } => {
                vec![("version", N(i64::from(*version)))]
            }
            Self::UnknownOffering { offering } | Self::OfferingNotActive { offering } => {
                vec![("offering", T(offering.clone()))]
            }
            Self::NotEnrolled { .. }
            | Self::EnrollmentLapsed { .. }
            | Self::LocationNotApproved { .. }
            | Self::NoApprovedLocationInCountry { .. }
            | Self::ComplianceTrainingMissing { .. }
            | Self::CompetencyMissing { .. }
            | Self::CompetencyExpired { .. }
            | Self::ConsultantNotQualified { .. }
            | Self::NoQualifiedConsultant { .. }
            | Self::ReservationTooShort { .. } => self.handoff_args(),
            Self::Delivery(d) => d.args(),
            Self::Payment(p) => p.args(),
            Self::BenefitNotActive
            | Self::BenefitAlreadyActive
            | Self::TermsNotAccepted
            | Self::EndsBeforeStart
            | Self::ConsultantNotInPartner
            | Self::ProjectManagerNotInCustomer
            | Self::PartnerUnknown
            | Self::LocationNotInPartner
            | Self::EmailTaken
            | Self::AgreementNumberTaken
            | Self::ProviderAgreementNotAccepted => Vec::new(),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownEngagement { engagement } => {
                write!(f, "There is no engagement {engagement:?} in the catalog.")
            }
            Self::LengthNotAllowed {
                engagement,
                days,
                allowed,
            } => write!(
                f,
                "{engagement} cannot last {days} days; allowed lengths are {allowed:?}."
            ),
            Self::EngagementRetired { engagement, on } => {
                write!(f, "{engagement} was retired on {on}.")
            }
            Self::SecondFifteenDayEngagement { engagement } => write!(
                f,
                "This customer already has a 15-day {engagement} engagement; a second one is not allowed."
            ),
            Self::CreationClosed { last_day } => write!(
                f,
                "Vouchers can no longer be created: the last day was {last_day}."
            ),
            Self::AssignmentClosed { last_day } => write!(
                f,
                "Vouchers can no longer be assigned: the last day was {last_day}."
            ),
            Self::DaysRemoved { on } => {
                write!(f, "All remaining planning days were removed on {on}.")
            }
            Self::VoucherExpired { expired_on } => {
                write!(f, "The voucher expired on {expired_on}.")
            }
            Self::InsufficientDays {
                available,
                requested,
            } => write!(
                f,
                "The pool has {available} planning days available; {requested} are needed."
            ),
            Self::BenefitNotActive => write!(
                f,
                "The Planning Services benefit is not activated for this customer."
            ),
            Self::BenefitAlreadyActive => {
                write!(f, "The Planning Services benefit is already active.")
            }
            Self::AgreementNotActive { agreement } => {
                write!(f, "Agreement {agreement} is not active today.")
            }
            Self::AgreementInvalid { reason } => write!(f, "The agreement is not valid: {reason}."),
            Self::AccrualEnded { on } => {
                write!(f, "Customers stopped accruing planning days on {on}.")
            }
            Self::TermsNotAccepted => write!(
                f,
                "The program terms must be accepted to reserve a voucher."
            ),
            Self::DeliveryCountryMismatch {
                location_country,
                delivery_country,
            } => write!(
                f,
                "The delivering location is in {location_country} \
                 but the engagement is delivered in {delivery_country}."
            ),
            Self::EngagementAlreadyStarted { start_date, today } => write!(
                f,
                "The engagement starts on {start_date}, before today ({today}); reserve before it starts."
            ),
            Self::EndsBeforeStart => write!(f, "The engagement ends before it starts."),
            Self::EndsAfterExpiry { expires_on } => write!(
                f,
                "The engagement must end by the voucher's expiry, {expires_on}."
            ),
            Self::TooLongForVoucher { voucher_days } => write!(
                f,
                "The dates span more working time than the voucher's {voucher_days} days allow."
            ),
            Self::ConsultantNotInPartner => {
                write!(f, "The consultant is not a consultant of this partner.")
            }
            Self::ProjectManagerNotInCustomer => write!(
                f,
                "The project manager is not a project manager of this customer."
            ),
            Self::PartnerUnknown => write!(f, "There is no such partner."),
            Self::LocationNotInPartner => {
                write!(f, "The location is not one of this partner's locations.")
            }
            Self::RedemptionClosed { last_day } => write!(
                f,
                "Vouchers can no longer be redeemed: the last day was {last_day}."
            ),
            Self::RoleNotInOrg { role } => write!(
                f,
                "The role {role} does not exist in this kind of organisation."
            ),
            Self::EmailTaken => write!(f, "A user with this e-mail address already exists."),
            Self::AgreementNumberTaken => write!(
                f,
                "This customer already has an agreement with this number."
            ),
            Self::UnknownCourse { course } => {
                write!(f, "{course:?} is not the program's compliance course.")
            }
            Self::UnknownCompetency { competency } => write!(
                f,
                "No engagement of the catalog is qualified by the competency {competency:?}."
            ),
            Self::UnknownExam { exam } => {
                write!(f, "No engagement of the catalog accepts the exam {exam:?}.")
            }
            Self::ProviderAgreementNotNewer { version, current } => write!(
                f,
                "Version {version} of the provider agreement is not newer than the current version {current}."
            ),
            Self::ProviderAgreementNotCurrent { version, current } => write!(
                f,
                "Version {version} is not the current provider agreement; sign version {current}."
            ),
            Self::ProviderAgreementNotAccepted => {
                write!(f, "The provider agreement must be accepted to sign it.")
            }
            Self::ProviderAgreementNotSigned { version } => write!(
                f,
                "Version {version} of the provider agreement must be signed before enrolling."
            ),
            Self::UnknownOffering { offering } => {
                write!(f, "There is no offering {offering:?} in the catalog.")
            }
            Self::OfferingNotActive { offering } => {
                write!(f, "The company's eligibility for {offering} is not active.")
            }
            Self::NotEnrolled { .. }
            | Self::EnrollmentLapsed { .. }
            | Self::LocationNotApproved { .. }
            | Self::NoApprovedLocationInCountry { .. }
            | Self::ComplianceTrainingMissing { .. }
            | Self::CompetencyMissing { .. }
            | Self::CompetencyExpired { .. }
            | Self::ConsultantNotQualified { .. }
            | Self::NoQualifiedConsultant { .. }
            | Self::ReservationTooShort { .. } => self.handoff_fmt(f),
            Self::Delivery(d) => d.fmt(f),
            Self::Payment(p) => p.fmt(f),
        }
    }
}

/// The kind of object an error is about, for `<entity>.not_found` codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Voucher,
    Org,
    Partner,
    Customer,
    User,
    Location,
    Agreement,
    Clock,
    Route,
    Enrollment,
    Profile,
    Report,
    Deliverable,
    Claim,
    PaymentRegistration,
    RateCard,
    BankAccount,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Voucher => "voucher",
            Self::Org => "org",
            Self::Partner => "partner",
            Self::Customer => "customer",
            Self::User => "user",
            Self::Location => "location",
            Self::Agreement => "agreement",
            Self::Clock => "clock",
            Self::Route => "route",
            Self::Enrollment => "enrollment",
            Self::Profile => "profile",
            Self::Report => "report",
            Self::Deliverable => "deliverable",
            Self::Claim => "claim",
            Self::PaymentRegistration => "payment_registration",
            Self::RateCard => "rate_card",
            Self::BankAccount => "bank_account",
        }
    }
}

/// What the store reports when it cannot do what was asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// A unique key already exists (the constraint's name).
    #[error("duplicate {0}")]
    Duplicate(&'static str),
    /// A conditional write found the row changed under it.
    #[error("the row was changed concurrently")]
    Stale,
    /// The transaction lost to another and may be retried from the start.
    #[error("serialization failure, retry")]
    Retry,
    /// Anything else: the database is unreachable, full, corrupt …
    #[error("storage failure: {0}")]
    Backend(String),
}

/// The one error type of the domain and its use cases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Rule(Rule),
    #[error("{} not found", .0.as_str())]
    NotFound(Entity),
    #[error("{message}")]
    Conflict { entity: Entity, message: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("not signed in")]
    Unauthenticated,
    /// Too many failed attempts: try again later.
    #[error("{0}")]
    Throttled(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<Rule> for Error {
    fn from(r: Rule) -> Self {
        Self::Rule(r)
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden(message.into())
    }

    /// The stable code of the API contract.
    pub fn code(&self) -> String {
        match self {
            Self::Rule(r) => format!("rule.{}", r.name()),
            Self::NotFound(e) => format!("{}.not_found", e.as_str()),
            Self::Conflict { entity, .. } => format!("{}.conflict", entity.as_str()),
            Self::Forbidden(_) => "auth.forbidden".into(),
            Self::Invalid { field, .. } => format!("validation.{field}"),
            Self::Unauthenticated => "auth.unauthenticated".into(),
            Self::Throttled(_) => "auth.throttled".into(),
            Self::Store(StoreError::Retry | StoreError::Stale) => "store.busy".into(),
            Self::Store(StoreError::Duplicate(_)) => "store.duplicate".into(),
            Self::Store(StoreError::Backend(_)) => "internal".into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
