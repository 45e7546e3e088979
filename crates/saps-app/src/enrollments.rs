//! Enrollment: a partner company enrolls in an offering for a year, with the
//! locations approved to deliver it. It needs the current provider agreement
//! signed and the offering Active; enrolling again renews from the current
//! end (eligibility and the signature are checked again).

use crate::App;
use crate::provider_agreements::current_agreement;
use jiff::ToSpan;
use jiff::civil::Date;
use saps_core::authz::Action;
use saps_core::eligibility::{EligibilityStatus, eligibility};
use saps_core::event::{EnrollmentCreated, EnrollmentRenewed};
use saps_core::port::Enrollment;
use saps_core::{Actor, Entity, Error, LocationId, NewEvent, OrgId, Rule, StoreError};

/// The last day of a year that starts on `first`.
fn a_year_from(first: Date) -> Date {
    first
        .checked_add(1.year())
        .and_then(|d| d.yesterday())
        .unwrap_or(Date::MAX)
}

fn raced() -> Error {
    Error::Conflict {
        entity: Entity::Enrollment,
        message: "The enrollment changed meanwhile; try again.".into(),
    }
}

impl App {
    /// Enrolls the company in an offering, or renews its enrollment
    /// (global admin, MPN admin). Another company's location, or an unknown
    /// one, is refused as `rule.location_not_in_partner`.
    pub async fn enroll(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        offering: &str,
        location_ids: Vec<LocationId>,
    ) -> Result<Enrollment, Error> {
        self.partner_for(actor, partner_id, Action::Enroll).await?;
        let program = self.program();
        let code = program
            .offering(offering)
            .ok_or_else(|| Rule::UnknownOffering {
                offering: offering.trim().to_owned(),
            })?
            .code
            .clone();
        let mut locations = location_ids;
        locations.sort_unstable();
        locations.dedup();
        if locations.is_empty() || locations.len() > 200 {
            return Err(Error::invalid(
                "location_ids",
                "choose between 1 and 200 of the company's locations",
            ));
        }
        let (now, actor_id) = (self.now(), actor.user_id);
        let today = saps_core::program_date(now);
        self.write(move |tx| {
            for id in &locations {
                if tx.location(*id)?.is_none_or(|l| l.partner_id != partner_id) {
                    return Err(Rule::LocationNotInPartner.into());
                }
            }
            let agreement = current_agreement(tx, &program)?.version;
            if tx.agreement_signature(partner_id, agreement)?.is_none() {
                let version = agreement;
                return Err(Rule::ProviderAgreementNotSigned { version }.into());
            }
            let records = tx.qualifications(partner_id)?;
            let active = eligibility(&program, &records, today)
                .iter()
                .any(|o| o.offering == code && o.status == EligibilityStatus::Active);
            if !active {
                let offering = code.clone();
                return Err(Rule::OfferingNotActive { offering }.into());
            }
            let (event, enrollment) = match tx.enrollment(partner_id, &code)? {
                None => {
                    let e = Enrollment {
                        id: uuid::Uuid::now_v7(),
                        partner_id,
                        offering: code.clone(),
                        location_ids: locations.clone(),
                        valid_until: a_year_from(today),
                        agreement_version: agreement,
                        enrolled_at: now,
                        enrolled_by: actor_id,
                        version: 0,
                    };
                    match tx.insert_enrollment(&e) {
                        Err(StoreError::Duplicate(_)) => return Err(raced()),
                        r => r?,
                    }
                    let body = EnrollmentCreated {
                        partner_id,
                        offering: e.offering.clone(),
                        location_ids: e.location_ids.clone(),
                        valid_until: e.valid_until,
                        agreement_version: agreement,
                    };
                    (NewEvent::new(body, now, Some(actor_id), program.version), e)
                }
                Some(old) => {
                    // A renewal extends a running enrollment from its end, and
                    // starts a lapsed one afresh from today.
                    let valid_until = match old.valid_until.tomorrow() {
                        Ok(next) if old.valid_until >= today => a_year_from(next),
                        _ => a_year_from(today),
                    };
                    let e = Enrollment {
                        location_ids: locations.clone(),
                        valid_until,
                        agreement_version: agreement,
                        enrolled_at: now,
                        enrolled_by: actor_id,
                        version: old.version + 1,
                        ..old
                    };
                    if !tx.update_enrollment(&e)? {
                        return Err(raced());
                    }
                    let body = EnrollmentRenewed {
                        partner_id,
                        offering: e.offering.clone(),
                        location_ids: e.location_ids.clone(),
                        valid_until: e.valid_until,
                        agreement_version: agreement,
                    };
                    (NewEvent::new(body, now, Some(actor_id), program.version), e)
                }
            };
            tx.append_event(&event.partner(partner_id))?;
            crate::profiles::ensure_profile(tx, partner_id)?;
            Ok(enrollment)
        })
        .await
    }

    /// The company's enrollments (operator, the company's admins).
    pub async fn enrollments(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<Vec<Enrollment>, Error> {
        self.partner_for(actor, partner_id, Action::ViewEnrollments)
            .await?;
        self.read(move |tx| Ok(tx.enrollments(partner_id)?)).await
    }
}
