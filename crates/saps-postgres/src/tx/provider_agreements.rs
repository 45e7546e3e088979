//! The provider agreement's versions and the companies' signatures.

use super::*;
use crate::micros;
use saps_core::port::{AgreementSignature, ProviderAgreementVersion, ProviderAgreements};
use saps_core::{OrgId, UserId};

impl ProviderAgreements for PgTx<'_> {
    fn insert_provider_agreement(&mut self, v: &ProviderAgreementVersion) -> StoreResult<()> {
        let (version, at) = (int(v.version, "version")?, micros(v.published_at));
        self.insert(
            "INSERT INTO provider_agreements (version, text, published_at, published_by) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[&version, &v.text, &at, &v.published_by.0],
            |_| Ok("provider_agreement_version"),
        )
    }

    fn latest_provider_agreement(&mut self) -> StoreResult<Option<ProviderAgreementVersion>> {
        self.row(
            "SELECT version, text, published_at, published_by FROM provider_agreements \
             ORDER BY version DESC LIMIT 1",
            &[],
        )?
        .map(|r| {
            Ok(ProviderAgreementVersion {
                version: u32_col(&r, 0)?,
                text: get(&r, 1)?,
                published_at: get(&r, 2)?,
                published_by: UserId(get(&r, 3)?),
            })
        })
        .transpose()
    }

    fn insert_agreement_signature(&mut self, s: &AgreementSignature) -> StoreResult<()> {
        let (version, at) = (int(s.version, "version")?, micros(s.signed_at));
        self.insert(
            "INSERT INTO agreement_signatures (partner_id, version, signed_by, signed_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[&s.partner_id.0, &version, &s.signed_by.0, &at],
            |_| Ok("agreement_signature"),
        )
    }

    fn agreement_signature(
        &mut self,
        partner: OrgId,
        version: u32,
    ) -> StoreResult<Option<AgreementSignature>> {
        let version = int(version, "version")?;
        self.row(
            "SELECT partner_id, version, signed_by, signed_at FROM agreement_signatures \
             WHERE partner_id = $1 AND version = $2",
            &[&partner.0, &version],
        )?
        .map(|r| {
            Ok(AgreementSignature {
                partner_id: OrgId(get(&r, 0)?),
                version: u32_col(&r, 1)?,
                signed_by: UserId(get(&r, 2)?),
                signed_at: get(&r, 3)?,
            })
        })
        .transpose()
    }

    fn agreement_signatures(&mut self, partner: OrgId) -> StoreResult<Vec<AgreementSignature>> {
        self.rows(
            "SELECT partner_id, version, signed_by, signed_at FROM agreement_signatures \
             WHERE partner_id = $1 ORDER BY version DESC",
            &[&partner.0],
        )?
        .iter()
        .map(|r| {
            Ok(AgreementSignature {
                partner_id: OrgId(get(r, 0)?),
                version: u32_col(r, 1)?,
                signed_by: UserId(get(r, 2)?),
                signed_at: get(r, 3)?,
            })
        })
        .collect()
    }
}
