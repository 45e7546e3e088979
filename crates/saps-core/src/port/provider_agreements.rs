//! The provider agreement partners sign: its published versions, and which
//! company signed which version.

use super::StoreResult;
use crate::ids::{OrgId, UserId};
use serde::{Deserialize, Serialize};

/// A published version of the provider agreement (the program's own first
/// version is not stored: it ships with the program).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderAgreementVersion {
    pub version: u32,
    pub text: String,
    pub published_at: jiff::Timestamp,
    pub published_by: UserId,
}

/// A company's signature of one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementSignature {
    pub partner_id: OrgId,
    pub version: u32,
    pub signed_by: UserId,
    pub signed_at: jiff::Timestamp,
}

/// Versions of the provider agreement and the companies' signatures.
pub trait ProviderAgreements {
    /// Fails with `Duplicate("provider_agreement_version")` when the version exists.
    fn insert_provider_agreement(&mut self, v: &ProviderAgreementVersion) -> StoreResult<()>;
    /// The highest published version.
    fn latest_provider_agreement(&mut self) -> StoreResult<Option<ProviderAgreementVersion>>;
    /// Fails with `Duplicate("agreement_signature")` when the company signed that version.
    fn insert_agreement_signature(&mut self, s: &AgreementSignature) -> StoreResult<()>;
    fn agreement_signature(
        &mut self,
        partner: OrgId,
        version: u32,
    ) -> StoreResult<Option<AgreementSignature>>;
    /// Every version the company signed, newest version first.
    fn agreement_signatures(&mut self, partner: OrgId) -> StoreResult<Vec<AgreementSignature>>;
}
