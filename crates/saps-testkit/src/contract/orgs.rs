//! The contract: Organisations, locations and users.

use super::*;

/// Organisations of every kind read back equal, by id and by kind, and the
/// benefit flag can be switched.
pub fn an_org_reads_back_with_every_field_equal(store: &dyn Store) {
    let operator = org(OrgKind::Operator, "Operator");
    let partner = org(OrgKind::Partner, "Partner Ltd");
    let customer = Org {
        name: "Cliente São João — «Ünïcødé»".into(),
        country: "BR".into(),
        ..org(OrgKind::Customer, "")
    };
    let other = org(OrgKind::Customer, "Other customer");
    insert_orgs(store, &[&operator, &partner, &customer, &other]);

    for o in [&operator, &partner, &customer, &other] {
        let id = o.id;
        assert_eq!(read(store, move |tx| Ok(tx.org(id)?)).as_ref(), Some(o));
    }
    let customers = read(store, |tx| Ok(tx.orgs(OrgKind::Customer)?));
    assert_eq!(
        sorted_by_id(customers, |o| o.id),
        sorted_by_id(vec![customer.clone(), other.clone()], |o| o.id)
    );
    assert_eq!(
        read(store, |tx| Ok(tx.orgs(OrgKind::Partner)?)),
        vec![partner.clone()]
    );
    let missing = OrgId::new();
    assert_eq!(read(store, move |tx| Ok(tx.org(missing)?)), None);

    let id = customer.id;
    write(store, move |tx| Ok(tx.set_benefit_active(id, false)?));
    let stored = read(store, move |tx| Ok(tx.org(id)?)).expect("the customer");
    assert!(!stored.benefit_active);
    write(store, move |tx| Ok(tx.set_benefit_active(id, true)?));
    let stored = read(store, move |tx| Ok(tx.org(id)?)).expect("the customer");
    assert!(stored.benefit_active);
}

/// A location reads back equal and is listed under its partner only.
pub fn a_location_reads_back_and_is_listed_under_its_partner(store: &dyn Store) {
    let p1 = partner(store, "Partner one");
    let p2 = partner(store, "Partner two");
    let second = location(&p1.org, "Paris");
    let l = second.clone();
    write(store, move |tx| Ok(tx.insert_location(&l)?));

    let id = second.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.location(id)?)),
        Some(second.clone())
    );
    let partner_id = p1.org.id;
    assert_eq!(
        sorted_by_id(read(store, move |tx| Ok(tx.locations(partner_id)?)), |l| l
            .id),
        sorted_by_id(vec![p1.location.clone(), second], |l| l.id)
    );
    let partner_id = p2.org.id;
    assert_eq!(
        read(store, move |tx| Ok(tx.locations(partner_id)?)),
        vec![p2.location]
    );
    let missing = LocationId::new();
    assert_eq!(read(store, move |tx| Ok(tx.location(missing)?)), None);
}

/// A user reads back equal by id, by e-mail and in its org.
pub fn a_user_reads_back_by_id_email_and_org(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let other = customer(store, "Other", 0);
    let (id, email) = (c.pm.id, c.pm.email.clone());
    assert_eq!(read(store, move |tx| Ok(tx.user(id)?)), Some(c.pm.clone()));
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_email(&email)?)),
        Some(c.pm.clone())
    );
    assert_eq!(
        read(store, |tx| Ok(tx.user_by_email("nobody@example.com")?)),
        None
    );
    let org = c.org.id;
    assert_eq!(
        sorted_by_id(read(store, move |tx| Ok(tx.users(org)?)), |u| u.id),
        sorted_by_id(vec![c.pm, c.admin], |u| u.id)
    );
    let org = other.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.users(org)?)).len(), 2);
}

/// A second user with a taken e-mail is refused as `user_email`, and nothing
/// of the refused one is kept.
pub fn a_taken_email_is_a_duplicate_user_email(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let twin = User {
        email: c.pm.email.clone(),
        ..user(&c.org, Role::BenefitAdmin)
    };
    let attempt = twin.clone();
    let outcome = write_blocking(store, move |tx| Ok(tx.insert_user(&attempt)?));
    assert_eq!(store_error(outcome), StoreError::Duplicate("user_email"));
    let id = twin.id;
    assert_eq!(read(store, move |tx| Ok(tx.user(id)?)), None);
}

/// A disabled user reads back disabled everywhere, its tokens find nobody
/// (every session ends at once), and enabling it brings them back.
pub fn a_disabled_user_reads_back_disabled_and_its_tokens_find_nobody(store: &dyn Store) {
    let c = customer(store, "Customer", 0);
    let at = now();
    let (pm, admin) = (c.pm.id, c.admin.id);
    write(store, move |tx| {
        tx.insert_token("pm-token", pm, at)?;
        Ok(tx.insert_token("admin-token", admin, at)?)
    });
    let before = at - jiff::SignedDuration::from_secs(1);

    write(store, move |tx| Ok(tx.set_user_disabled(pm, true)?));
    let stored = read(store, move |tx| Ok(tx.user(pm)?)).expect("the user");
    assert!(stored.disabled);
    assert_eq!(
        stored,
        User {
            disabled: true,
            ..c.pm.clone()
        }
    );
    let email = c.pm.email.clone();
    assert!(
        read(store, move |tx| Ok(tx.user_by_email(&email)?))
            .expect("the user")
            .disabled
    );
    let org = c.org.id;
    let listed = read(store, move |tx| Ok(tx.users(org)?));
    assert!(listed.iter().any(|u| u.id == pm && u.disabled));
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_token("pm-token", before)?)),
        None
    );
    assert_eq!(
        read(
            store,
            move |tx| Ok(tx.user_by_token("admin-token", before)?)
        ),
        Some(c.admin.clone()),
        "another user of the same org is untouched"
    );

    write(store, move |tx| Ok(tx.set_user_disabled(pm, false)?));
    assert_eq!(
        read(store, move |tx| Ok(tx.user_by_token("pm-token", before)?)),
        Some(c.pm.clone())
    );
    // A missing user changes nothing and is no error.
    write(store, |tx| Ok(tx.set_user_disabled(UserId::new(), true)?));

    // The user's language is stored and read back, the others' untouched.
    write(store, move |tx| {
        Ok(tx.set_user_locale(pm, saps_core::Locale::PtBr)?)
    });
    let stored = read(store, move |tx| Ok(tx.user(pm)?)).expect("the user");
    assert_eq!(stored.locale, saps_core::Locale::PtBr);
    assert_eq!(
        read(store, move |tx| Ok(tx.user(admin)?)).map(|u| u.locale),
        Some(saps_core::Locale::En)
    );
    write(store, |tx| {
        Ok(tx.set_user_locale(UserId::new(), saps_core::Locale::Ru)?)
    });
}
