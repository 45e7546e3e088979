//! The contract: the provider agreement's published versions and the
//! companies' signatures.

use super::*;
use saps_core::port::{AgreementSignature, ProviderAgreementVersion};

fn version(by: &User, version: u32) -> ProviderAgreementVersion {
    ProviderAgreementVersion {
        version,
        text: format!("Provider agreement, version {version} — révisée"),
        published_at: now(),
        published_by: by.id,
    }
}

/// The latest version is the highest; a version published twice is a
/// duplicate `provider_agreement_version` and keeps the first text.
pub fn the_latest_provider_agreement_is_the_highest_version_and_versions_are_unique(
    store: &dyn Store,
) {
    assert_eq!(read(store, |tx| Ok(tx.latest_provider_agreement()?)), None);
    let op_org = org(OrgKind::Operator, "Operator");
    let op = user(&op_org, Role::Operator);
    insert_orgs(store, &[&op_org]);
    insert_users(store, &[&op]);
    let (v3, v2) = (version(&op, 3), version(&op, 2));
    let (a, b) = (v3.clone(), v2.clone());
    write(store, move |tx| {
        tx.insert_provider_agreement(&a)?;
        tx.insert_provider_agreement(&b)?;
        Ok(())
    });
    assert_eq!(
        read(store, |tx| Ok(tx.latest_provider_agreement()?)),
        Some(v3.clone())
    );
    let again = ProviderAgreementVersion {
        text: "other".into(),
        ..v3.clone()
    };
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_provider_agreement(&again)?));
    assert_eq!(
        store_error(outcome),
        StoreError::Duplicate("provider_agreement_version")
    );
    assert_eq!(
        read(store, |tx| Ok(tx.latest_provider_agreement()?)),
        Some(v3)
    );
}

/// A signature reads back for its company and version only; a second one of
/// the same version is a duplicate `agreement_signature`.
pub fn a_signature_reads_back_per_partner_and_version_and_is_made_once(store: &dyn Store) {
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let s = AgreementSignature {
        partner_id: p1.org.id,
        version: 1,
        signed_by: p1.admin.id,
        signed_at: now(),
    };
    let stored = s.clone();
    write(store, move |tx| Ok(tx.insert_agreement_signature(&stored)?));
    let (id1, id2) = (p1.org.id, p2.org.id);
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement_signature(id1, 1)?)),
        Some(s.clone())
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement_signature(id1, 2)?)),
        None
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement_signature(id2, 1)?)),
        None
    );
    let later = AgreementSignature {
        version: 3,
        signed_at: now(),
        ..s.clone()
    };
    let stored = later.clone();
    write(store, move |tx| Ok(tx.insert_agreement_signature(&stored)?));
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement_signatures(id1)?)),
        vec![later, s.clone()],
        "every version the company signed, newest first"
    );
    assert_eq!(
        read(store, move |tx| Ok(tx.agreement_signatures(id2)?)),
        vec![]
    );
    let twice = AgreementSignature {
        signed_at: now(),
        ..s
    };
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_agreement_signature(&twice)?));
    assert_eq!(
        store_error(outcome),
        StoreError::Duplicate("agreement_signature")
    );
}
