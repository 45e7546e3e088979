//! The journal's payment events (variants of [`crate::EventBody`]).

use super::Rate;
use crate::VoucherCode;
use crate::ids::{LocationId, OrgId};
use crate::quantity::Money;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRegistered {
    pub partner_id: OrgId,
    pub offering: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccountSet {
    pub partner_id: OrgId,
    pub location_id: LocationId,
    pub holder: String,
    /// Masked but for its last four characters: the journal is read widely.
    pub iban: String,
    pub bic: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateCardChanged {
    /// The whole card after the change.
    pub rates: Vec<Rate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCreated {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
    pub location_id: LocationId,
    pub total: Money,
    pub codes: Vec<VoucherCode>,
}

/// A claim was submitted for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSubmitted {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimApproved {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
    pub payment_due_on: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRejected {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
    pub reason: String,
    /// A rejection after a dispute is final.
    pub is_final: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDisputed {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
    pub reason: String,
}

/// The partner withdrew a draft claim; its vouchers are free again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimWithdrawn {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimPaid {
    pub claim_id: uuid::Uuid,
    pub reference: String,
    pub partner_id: OrgId,
    pub total: Money,
    pub payment_reference: String,
}

/// A voucher entered a claim (at its creation, or again by a dispute).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherClaimed {
    pub code: VoucherCode,
    pub claim_id: uuid::Uuid,
    pub reference: String,
}

/// A rejected claim let its voucher go: it is redeemed again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherUnclaimed {
    pub code: VoucherCode,
    pub claim_id: uuid::Uuid,
    pub reference: String,
}

/// A voucher was paid with its claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherPaid {
    pub code: VoucherCode,
    pub claim_id: uuid::Uuid,
    pub reference: String,
}
