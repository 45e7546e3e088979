//! The provider agreement's versions and the companies' signatures.

use super::*;
use saps_core::OrgId;
use saps_core::port::{AgreementSignature, ProviderAgreementVersion, ProviderAgreements};

impl ProviderAgreements for SqliteTx<'_> {
    fn insert_provider_agreement(&mut self, v: &ProviderAgreementVersion) -> StoreResult<()> {
        let exists = self
            .one(
                "SELECT 1 FROM provider_agreements WHERE version = ?1",
                [v.version],
                |_| Ok(()),
            )?
            .is_some();
        if exists {
            return Err(StoreError::Duplicate("provider_agreement_version"));
        }
        self.exec(
            "INSERT INTO provider_agreements (version, text, published_at, published_by) \
             VALUES (?1, ?2, ?3, ?4)",
            params![
                v.version,
                v.text,
                timestamp(v.published_at),
                v.published_by.to_string()
            ],
        )
        .map(drop)
    }

    fn latest_provider_agreement(&mut self) -> StoreResult<Option<ProviderAgreementVersion>> {
        self.one(
            "SELECT version, text, published_at, published_by FROM provider_agreements \
             ORDER BY version DESC LIMIT 1",
            [],
            |r| {
                Ok(ProviderAgreementVersion {
                    version: r.get(0)?,
                    text: r.get(1)?,
                    published_at: col(r, 2)?,
                    published_by: col(r, 3)?,
                })
            },
        )
    }

    fn insert_agreement_signature(&mut self, s: &AgreementSignature) -> StoreResult<()> {
        if self.agreement_signature(s.partner_id, s.version)?.is_some() {
            return Err(StoreError::Duplicate("agreement_signature"));
        }
        self.exec(
            "INSERT INTO agreement_signatures (partner_id, version, signed_by, signed_at) \
             VALUES (?1, ?2, ?3, ?4)",
            params![
                s.partner_id.to_string(),
                s.version,
                s.signed_by.to_string(),
                timestamp(s.signed_at)
            ],
        )
        .map(drop)
    }

    fn agreement_signature(
        &mut self,
        partner: OrgId,
        version: u32,
    ) -> StoreResult<Option<AgreementSignature>> {
        self.one(
            "SELECT partner_id, version, signed_by, signed_at FROM agreement_signatures \
             WHERE partner_id = ?1 AND version = ?2",
            params![partner.to_string(), version],
            |r| {
                Ok(AgreementSignature {
                    partner_id: col(r, 0)?,
                    version: r.get(1)?,
                    signed_by: col(r, 2)?,
                    signed_at: col(r, 3)?,
                })
            },
        )
    }

    fn agreement_signatures(&mut self, partner: OrgId) -> StoreResult<Vec<AgreementSignature>> {
        self.all(
            "SELECT partner_id, version, signed_by, signed_at FROM agreement_signatures \
             WHERE partner_id = ?1 ORDER BY version DESC",
            [partner.to_string()],
            |r| {
                Ok(AgreementSignature {
                    partner_id: col(r, 0)?,
                    version: r.get(1)?,
                    signed_by: col(r, 2)?,
                    signed_at: col(r, 3)?,
                })
            },
        )
    }
}
