//! What the onboarding pages show, gathered in one read each: a partner's
//! Planning Services tab (eligibility, the provider agreement and who signed
//! which version, enrollments and whether each may be renewed), the
//! operator's overview of every partner, and one partner's records.

use crate::App;
use jiff::civil::Date;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::eligibility::{EligibilityStatus, OfferingEligibility, eligibility};
use saps_core::port::{CompetencyRecord, Enrollment, ExamRecord, TrainingRecord};
use saps_core::program::ProviderAgreementText;
use saps_core::{Actor, Error, Location, Org, OrgId, OrgKind, Role, User, UserId};

/// An enrollment may be renewed from this many days before its last day.
pub const RENEW_WITHIN_DAYS: i32 = 60;

/// Whether an enrollment lasting until `valid_until` is renewable on `today`:
/// within [`RENEW_WITHIN_DAYS`] of its end, or lapsed.
pub fn renewable(valid_until: Date, today: Date) -> bool {
    (valid_until - today).get_days() <= RENEW_WITHIN_DAYS
}

/// A signature, with the signer's name.
#[derive(Clone, Debug)]
pub struct SignatureView {
    pub version: u32,
    pub signed_by: String,
    pub signed_at: jiff::Timestamp,
}

/// An enrollment with its locations and where it stands today.
#[derive(Clone, Debug)]
pub struct EnrollmentView {
    pub enrollment: Enrollment,
    pub locations: Vec<Location>,
    pub lapsed: bool,
    pub renewable: bool,
}

/// A partner's Planning Services tab.
#[derive(Clone, Debug)]
pub struct PartnerOnboarding {
    pub partner: Org,
    pub eligibility: Vec<OfferingEligibility>,
    pub agreement: ProviderAgreementText,
    /// Every version the company signed, newest first.
    pub signatures: Vec<SignatureView>,
    /// Whether the current version is signed.
    pub current_signed: bool,
    pub enrollments: Vec<EnrollmentView>,
    pub locations: Vec<Location>,
    pub may_sign: bool,
    pub may_enroll: bool,
    pub may_add_location: bool,
}

/// One partner in the operator's overview.
#[derive(Clone, Debug)]
pub struct PartnerSummary {
    pub partner: Org,
    pub statuses: Vec<(String, EligibilityStatus)>,
    pub enrollments: Vec<Enrollment>,
}

/// A page of the operator's overview.
#[derive(Clone, Debug)]
pub struct PartnersPage {
    pub partners: Vec<PartnerSummary>,
    /// The page shown (from 1) and how many there are.
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

/// A partner's records, as the operator keeps them.
#[derive(Clone, Debug)]
pub struct PartnerRecordsView {
    pub partner: Org,
    pub trainings: Vec<TrainingRecord>,
    pub competencies: Vec<CompetencyRecord>,
    /// Each exam with its consultant's name.
    pub exams: Vec<(ExamRecord, String)>,
    pub consultants: Vec<User>,
    pub locations: Vec<Location>,
    pub eligibility: Vec<OfferingEligibility>,
}

impl App {
    /// The Planning Services tab of a partner (the operator, its admins).
    pub async fn partner_onboarding(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<PartnerOnboarding, Error> {
        let partner = self
            .partner_for(actor, partner_id, Action::ViewEligibility)
            .await?;
        let program = self.program();
        let today = self.today();
        let on = Resource::Org(partner.id, OrgKind::Partner);
        let may = |a: Action| authorize(actor, a, on).is_ok();
        let (may_sign, may_enroll, may_add_location) = (
            may(Action::SignProviderAgreement),
            may(Action::Enroll),
            may(Action::AddLocation),
        );
        let p = program.clone();
        let (records, agreement, signatures, enrollments, locations) = self
            .read(move |tx| {
                let agreement = crate::provider_agreements::current_agreement(tx, &p)?;
                let mut signatures = Vec::new();
                for s in tx.agreement_signatures(partner_id)? {
                    let signed_by = tx.user(s.signed_by)?.map(|u| u.name).unwrap_or_default();
                    signatures.push(SignatureView {
                        version: s.version,
                        signed_by,
                        signed_at: s.signed_at,
                    });
                }
                Ok((
                    tx.qualifications(partner_id)?,
                    agreement,
                    signatures,
                    tx.enrollments(partner_id)?,
                    tx.locations(partner_id)?,
                ))
            })
            .await?;
        let current_signed = signatures.iter().any(|s| s.version == agreement.version);
        let enrollments = enrollments
            .into_iter()
            .map(|e| EnrollmentView {
                locations: locations
                    .iter()
                    .filter(|l| e.location_ids.contains(&l.id))
                    .cloned()
                    .collect(),
                lapsed: e.valid_until < today,
                renewable: renewable(e.valid_until, today),
                enrollment: e,
            })
            .collect();
        Ok(PartnerOnboarding {
            partner,
            eligibility: eligibility(&program, &records, today),
            agreement,
            signatures,
            current_signed,
            enrollments,
            locations,
            may_sign,
            may_enroll,
            may_add_location,
        })
    }

    /// Every partner, by name, `per_page` at a time, with its status per
    /// offering and its enrollments (operator).
    pub async fn partners_overview(
        &self,
        actor: &Actor,
        page: usize,
        per_page: usize,
    ) -> Result<PartnersPage, Error> {
        if actor.role != Role::Operator {
            return Err(Error::forbidden("Your role may not see every partner."));
        }
        let program = self.program();
        let today = self.today();
        let per_page = per_page.max(1);
        let mut all = self.read(|tx| Ok(tx.orgs(OrgKind::Partner)?)).await?;
        all.sort_by_key(|o| o.name.to_lowercase());
        let total = all.len();
        let pages = total.div_ceil(per_page).max(1);
        let page = page.clamp(1, pages);
        let shown: Vec<Org> = all
            .into_iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .collect();
        let partners = self
            .read(move |tx| {
                let mut out = Vec::with_capacity(shown.len());
                for partner in &shown {
                    let records = tx.qualifications(partner.id)?;
                    let statuses = eligibility(&program, &records, today)
                        .into_iter()
                        .map(|o| (o.offering, o.status))
                        .collect();
                    out.push(PartnerSummary {
                        partner: partner.clone(),
                        statuses,
                        enrollments: tx.enrollments(partner.id)?,
                    });
                }
                Ok(out)
            })
            .await?;
        Ok(PartnersPage {
            partners,
            page,
            pages,
            total,
        })
    }

    /// A partner's trainings, competencies, consultants and their exams,
    /// and locations (operator).
    pub async fn partner_records(
        &self,
        actor: &Actor,
        partner_id: OrgId,
    ) -> Result<PartnerRecordsView, Error> {
        let partner = self
            .partner_for(actor, partner_id, Action::RecordQualification)
            .await?;
        let (program, today) = (self.program(), self.today());
        self.read(move |tx| {
            let q = tx.qualifications(partner_id)?;
            let users = tx.users(partner_id)?;
            let name_of = |id: UserId| {
                users
                    .iter()
                    .find(|u| u.id == id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default()
            };
            let exams = q
                .exams
                .iter()
                .map(|e| (e.clone(), name_of(e.user_id)))
                .collect();
            let eligibility = eligibility(&program, &q, today);
            Ok(PartnerRecordsView {
                partner: partner.clone(),
                trainings: q.trainings,
                competencies: q.competencies,
                exams,
                consultants: users
                    .iter()
                    .filter(|u| u.role == Role::Consultant)
                    .cloned()
                    .collect(),
                locations: tx.locations(partner_id)?,
                eligibility,
            })
        })
        .await
    }

    /// A consultant of a partner and the exams they passed (operator).
    pub async fn consultant_exams(
        &self,
        actor: &Actor,
        user_id: UserId,
    ) -> Result<(User, Org, Vec<ExamRecord>), Error> {
        let not_found = || Error::NotFound(saps_core::Entity::User);
        let user = self.user(user_id).await?.ok_or_else(not_found)?;
        let org = self
            .partner_for(actor, user.org_id, Action::RecordQualification)
            .await
            .map_err(|e| match e {
                Error::NotFound(_) => not_found(),
                e => e,
            })?;
        if user.role != Role::Consultant {
            return Err(not_found());
        }
        let exams = self
            .read(move |tx| Ok(tx.qualifications(user.org_id)?.exams))
            .await?
            .into_iter()
            .filter(|e| e.user_id == user_id)
            .collect();
        Ok((user, org, exams))
    }
}

#[cfg(test)]
mod tests {
    use super::renewable;
    use jiff::civil::date;

    #[test]
    fn an_enrollment_is_renewable_within_sixty_days_of_its_end_or_once_lapsed() {
        let end = date(2021, 6, 30);
        assert!(!renewable(end, date(2021, 4, 30)));
        assert!(!renewable(end, date(2021, 4, 30).yesterday().unwrap()));
        assert!(renewable(end, date(2021, 5, 1)));
        assert!(renewable(end, end));
        assert!(renewable(end, date(2022, 1, 1)));
    }
}
