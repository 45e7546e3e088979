//! A partner company's eligibility per offering, as of the program's today.

use crate::App;
use saps_core::authz::Action;
use saps_core::eligibility::{OfferingEligibility, eligibility};
use saps_core::{Actor, Error, OrgId};

impl App {
    /// Eligibility per offering (operator, the partner's own admins).
    pub async fn eligibility(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<Vec<OfferingEligibility>, Error> {
        self.partner_for(actor, partner_id, Action::ViewEligibility)
            .await?;
        let records = self
            .read(move |tx| Ok(tx.qualifications(partner_id)?))
            .await?;
        Ok(eligibility(&self.program(), &records, self.today()))
    }
}
