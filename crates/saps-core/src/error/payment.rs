//! The rules of payment (SAVB): registration, the rate card and claims
//! (`rule.<name>`), their arguments and English messages.

use super::{Rule, RuleArg};
use jiff::civil::Date;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentRule {
    /// Registering for payment of an offering needs a redeemed voucher of it.
    NoRedeemedVoucher { offering: String },
    /// The partner has not registered for payment of the voucher's offering.
    NotRegistered { offering: String },
    /// The voucher is not redeemed (or was never delivered).
    VoucherNotRedeemed { code: String },
    /// The claim window after the voucher's redemption has closed.
    ClaimWindowClosed { code: String, last_day: Date },
    /// A claim holds vouchers of one location only.
    MixedLocations,
    /// A claim holds vouchers of one currency only.
    MixedCurrencies,
    /// No day rate for the delivery country was in force on the redemption date.
    NoRateInForce { country: String, on: Date },
    /// Submitting needs a bank account for the claim's location.
    BankAccountMissing,
    /// The rate card names a country twice for the same date.
    DuplicateRate {
        country: String,
        effective_from: Date,
    },
    /// A rejection may be disputed within 30 days only.
    DisputeWindowClosed { last_day: Date },
    /// A claim is disputed once; its second rejection is final.
    AlreadyDisputed,
    /// A voucher of a disputed claim was claimed again or paid meanwhile.
    VoucherClaimedElsewhere { code: String },
}

impl From<PaymentRule> for Rule {
    fn from(p: PaymentRule) -> Self {
        Rule::Payment(p)
    }
}

impl From<PaymentRule> for super::Error {
    fn from(p: PaymentRule) -> Self {
        super::Error::Rule(Rule::Payment(p))
    }
}

impl PaymentRule {
    pub fn name(&self) -> &'static str {
        match self {
            Self::NoRedeemedVoucher { .. } => "no_redeemed_voucher",
            Self::NotRegistered { .. } => "not_registered_for_payment",
            Self::VoucherNotRedeemed { .. } => "voucher_not_redeemed",
            Self::ClaimWindowClosed { .. } => "claim_window_closed",
            Self::MixedLocations => "claim_mixed_locations",
            Self::MixedCurrencies => "claim_mixed_currencies",
            Self::NoRateInForce { .. } => "no_rate_in_force",
            Self::BankAccountMissing => "bank_account_missing",
            Self::DuplicateRate { .. } => "duplicate_rate",
            Self::DisputeWindowClosed { .. } => "dispute_window_closed",
            Self::AlreadyDisputed => "already_disputed",
            Self::VoucherClaimedElsewhere { .. } => "voucher_claimed_elsewhere",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, RuleArg)> {
        use RuleArg::{Date as D, Text as T};
        match self {
            Self::NoRedeemedVoucher { offering } | Self::NotRegistered { offering } => {
                vec![("offering", T(offering.clone()))]
            }
            Self::VoucherNotRedeemed { code } | Self::VoucherClaimedElsewhere { code } => {
                vec![("code", T(code.clone()))]
            }
            Self::ClaimWindowClosed { code, last_day } => {
                vec![("code", T(code.clone())), ("last_day", D(*last_day))]
            }
            Self::NoRateInForce { country, on } => {
                vec![("country", T(country.clone())), ("on", D(*on))]
            }
            Self::DuplicateRate {
                country,
                effective_from,
            } => vec![
                ("country", T(country.clone())),
                ("effective_from", D(*effective_from)),
            ],
            Self::DisputeWindowClosed { last_day } => vec![("last_day", D(*last_day))],
            Self::MixedLocations
            | Self::MixedCurrencies
            | Self::BankAccountMissing
            | Self::AlreadyDisputed => Vec::new(),
        }
    }
}

impl fmt::Display for PaymentRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoRedeemedVoucher { offering } => write!(
                f,
                "Registering for payment of {offering} needs a redeemed voucher of it."
            ),
            Self::NotRegistered { offering } => {
                write!(
                    f,
                    "The company is not registered for payment of {offering}."
                )
            }
            Self::VoucherNotRedeemed { code } => {
                write!(
                    f,
                    "The voucher {code} is not redeemed; only redeemed vouchers are claimed."
                )
            }
            Self::ClaimWindowClosed { code, last_day } => {
                write!(f, "The voucher {code} could be claimed until {last_day}.")
            }
            Self::MixedLocations => write!(f, "A claim holds the vouchers of one location only."),
            Self::MixedCurrencies => write!(f, "A claim holds the vouchers of one currency only."),
            Self::NoRateInForce { country, on } => {
                write!(f, "The rate card has no day rate for {country} on {on}.")
            }
            Self::BankAccountMissing => write!(
                f,
                "Give the location's bank account before submitting the claim."
            ),
            Self::DuplicateRate {
                country,
                effective_from,
            } => write!(
                f,
                "The rate card names {country} twice from {effective_from}."
            ),
            Self::DisputeWindowClosed { last_day } => {
                write!(f, "The rejection could be disputed until {last_day}.")
            }
            Self::AlreadyDisputed => {
                write!(f, "The claim was disputed once; its rejection is final.")
            }
            Self::VoucherClaimedElsewhere { code } => write!(
                f,
                "The voucher {code} was claimed again meanwhile; the claim cannot be disputed."
            ),
        }
    }
}
