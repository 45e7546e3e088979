//! The provider agreement: the operator publishes versions (each newer than
//! the last), a partner's global admin signs the current one. The first
//! version ships with the program, so a fresh installation needs no publish.

use crate::App;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::{ProviderAgreementPublished, ProviderAgreementSigned};
use saps_core::port::{AgreementSignature, ProviderAgreementVersion, Tx};
use saps_core::program::ProviderAgreementText;
use saps_core::{Actor, Error, NewEvent, OrgId, Program, Rule, StoreError};

/// The longest agreement text accepted.
const MAX_TEXT: usize = 100_000;
/// The highest version number accepted (both databases store it as a 32-bit integer).
const MAX_VERSION: u32 = 1_000_000;

/// The current version: the latest published, else the program's own.
pub(crate) fn current_agreement(
    tx: &mut dyn Tx,
    program: &Program,
) -> Result<ProviderAgreementText, Error> {
    Ok(match tx.latest_provider_agreement()? {
        Some(v) if v.version > program.provider_agreement.version => ProviderAgreementText {
            version: v.version,
            text: v.text,
        },
        _ => program.provider_agreement.clone(),
    })
}

impl App {
    /// The current provider agreement (everyone signed in).
    pub async fn provider_agreement(&self) -> Result<ProviderAgreementText, Error> {
        let program = self.program();
        self.read(move |tx| current_agreement(tx, &program)).await
    }

    /// Publishes a new version (operator); it must be newer than the current one.
    pub async fn publish_provider_agreement(
        &self,
        actor: &Actor,
        version: u32,
        text: &str,
    ) -> Result<ProviderAgreementText, Error> {
        authorize(actor, Action::PublishProviderAgreement, Resource::Program)?;
        if version > MAX_VERSION {
            return Err(Error::invalid(
                "version",
                format!("the version may be at most {MAX_VERSION}"),
            ));
        }
        let text = text.trim().to_owned();
        if text.is_empty() || text.chars().count() > MAX_TEXT {
            return Err(Error::invalid(
                "text",
                format!("the text must have between 1 and {MAX_TEXT} characters"),
            ));
        }
        let program = self.program();
        let (now, actor_id) = (self.now(), actor.user_id);
        self.write(move |tx| {
            let current = current_agreement(tx, &program)?.version;
            let newer = Rule::ProviderAgreementNotNewer { version, current };
            if version <= current {
                return Err(newer.into());
            }
            let v = ProviderAgreementVersion {
                version,
                text: text.clone(),
                published_at: now,
                published_by: actor_id,
            };
            match tx.insert_provider_agreement(&v) {
                Err(StoreError::Duplicate(_)) => return Err(newer.into()),
                r => r?,
            }
            let body = ProviderAgreementPublished { version };
            tx.append_event(&NewEvent::new(body, now, Some(actor_id), program.version))?;
            Ok(ProviderAgreementText {
                version,
                text: text.clone(),
            })
        })
        .await
    }

    /// Signs the current version for the company (its global admin). Signing
    /// a version already signed answers the signature made then.
    pub async fn sign_provider_agreement(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        version: u32,
        accept: bool,
    ) -> Result<AgreementSignature, Error> {
        self.partner_for(actor, partner_id, Action::SignProviderAgreement)
            .await?;
        if !accept {
            return Err(Rule::ProviderAgreementNotAccepted.into());
        }
        let program = self.program();
        let (now, actor_id) = (self.now(), actor.user_id);
        self.write(move |tx| {
            let current = current_agreement(tx, &program)?.version;
            if version != current {
                return Err(Rule::ProviderAgreementNotCurrent { version, current }.into());
            }
            if let Some(signed) = tx.agreement_signature(partner_id, version)? {
                return Ok(signed);
            }
            let s = AgreementSignature {
                partner_id,
                version,
                signed_by: actor_id,
                signed_at: now,
            };
            tx.insert_agreement_signature(&s)?;
            let body = ProviderAgreementSigned {
                partner_id,
                version,
            };
            let event = NewEvent::new(body, now, Some(actor_id), program.version);
            tx.append_event(&event.partner(partner_id))?;
            Ok(s)
        })
        .await
    }
}
