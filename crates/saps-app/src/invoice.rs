//! The invoice of a claim: everything its PDF shows, read in one transaction.
//! Who may read it is who may see the claim (`payment::authorize_claim`): the
//! operator and the partner admins of the claim's company; to another company
//! the claim does not exist (`claim.not_found`).

use crate::App;
use saps_core::payment::{BankAccount, Claim, ClaimAction, authorize_claim};
use saps_core::{Actor, Entity, Error, Locale, Location, Org};

/// What an invoice is made from.
#[derive(Clone, Debug)]
pub struct InvoiceData {
    pub claim: Claim,
    pub partner: Org,
    pub location: Location,
    /// Each line's engagement code, in the order of the claim's lines.
    pub engagements: Vec<String>,
    pub bank_account: Option<BankAccount>,
    /// The partner's language: that of the partner user who made the claim.
    pub locale: Locale,
}

impl App {
    /// The invoice of claim `id`, as `actor` may read it.
    pub async fn claim_invoice(&self, actor: &Actor, id: uuid::Uuid) -> Result<InvoiceData, Error> {
        let actor = *actor;
        self.read(move |tx| {
            let claim = tx.claim(id)?.ok_or(Error::NotFound(Entity::Claim))?;
            authorize_claim(&actor, ClaimAction::View, Some(claim.partner_id))?;
            let partner = tx
                .org(claim.partner_id)?
                .ok_or(Error::NotFound(Entity::Org))?;
            let location = tx
                .location(claim.location_id)?
                .ok_or(Error::NotFound(Entity::Location))?;
            let mut engagements = Vec::with_capacity(claim.lines.len());
            for line in &claim.lines {
                let engagement = tx
                    .voucher(line.voucher_id)?
                    .map(|v| v.engagement)
                    .unwrap_or_default();
                engagements.push(engagement);
            }
            let bank_account = tx.bank_account(claim.location_id)?;
            let locale = tx
                .user(claim.created_by)?
                .map(|u| u.locale)
                .unwrap_or_default();
            Ok(InvoiceData {
                claim,
                partner,
                location,
                engagements,
                bank_account,
                locale,
            })
        })
        .await
    }
}
