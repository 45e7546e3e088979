//! The contract: business profiles and the directory's candidate search.

use super::*;
use saps_core::directory::SearchPlan;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, DirectoryCandidate, DirectoryQuery, Enrollment, ExamRecord,
    Profile, TrainingRecord,
};
use saps_core::profile::{ProfileFields, directory_keys, words};

fn fields(description: &str, languages: &[&str]) -> ProfileFields {
    ProfileFields {
        description: description.to_owned(),
        languages: languages.iter().map(|s| (*s).to_owned()).collect(),
        industries: vec!["retail".into()],
        website: Some("https://example.com".into()),
    }
}

fn profile(p: &Partner, f: ProfileFields, version: u32) -> Profile {
    Profile {
        partner_id: p.org.id,
        fields: f,
        updated_at: Some(now()),
        updated_by: Some(p.admin.id),
        version,
    }
}

fn save(store: &dyn Store, p: &Partner, pr: &Profile) -> bool {
    let (pr, keys) = (pr.clone(), directory_keys(&p.org.name, &pr.fields));
    write(store, move |tx| Ok(tx.save_profile(&pr, &keys)?))
}

/// A profile reads back; a second first insert and a write from a stale
/// version are refused and change nothing.
pub fn a_profile_reads_back_and_is_replaced_by_a_conditional_write(store: &dyn Store) {
    let p = partner(store, "Partner");
    let id = p.org.id;
    assert_eq!(read(store, move |tx| Ok(tx.profile(id)?)), None);
    let first = profile(&p, fields("Serviços", &["pt-BR"]), 0);
    assert!(save(store, &p, &first));
    assert_eq!(
        read(store, move |tx| Ok(tx.profile(id)?)),
        Some(first.clone())
    );
    assert!(!save(store, &p, &profile(&p, fields("again", &[]), 0)));
    let second = Profile {
        fields: ProfileFields {
            website: None,
            industries: vec![],
            ..fields("Déploiement", &["fr", "en"])
        },
        updated_by: None,
        ..profile(&p, ProfileFields::default(), 1)
    };
    assert!(save(store, &p, &second));
    assert!(!save(store, &p, &profile(&p, fields("stale", &[]), 1)));
    assert_eq!(read(store, move |tx| Ok(tx.profile(id)?)), Some(second));
}

/// Enrolls `p` (until `until`) in `offering`, with a competency until
/// `competency_until` and a course; a profile with `description` and `languages`.
fn listed(
    store: &dyn Store,
    p: &Partner,
    offering: &str,
    until: Date,
    competency_until: Date,
    description: &str,
    languages: &[&str],
) {
    let e = Enrollment {
        id: uuid::Uuid::now_v7(),
        partner_id: p.org.id,
        offering: offering.to_owned(),
        location_ids: vec![p.location.id],
        valid_until: until,
        agreement_version: 1,
        enrolled_at: now(),
        enrolled_by: p.admin.id,
        version: 0,
    };
    let c = CompetencyRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: p.org.id,
        competency: "Cloud Platform".into(),
        level: CompetencyLevel::Gold,
        valid_until: competency_until,
        recorded_at: now(),
    };
    let t = TrainingRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: p.org.id,
        course: "Compliance".into(),
        completed_on: date(2021, 1, 4),
        recorded_at: now(),
    };
    write(store, move |tx| {
        tx.insert_enrollment(&e)?;
        tx.insert_competency(&c)?;
        tx.insert_training(&t)?;
        Ok(())
    });
    assert!(save(
        store,
        p,
        &profile(p, fields(description, languages), 0)
    ));
}

fn query(today: Date) -> DirectoryQuery {
    DirectoryQuery {
        today,
        offering: None,
        country: None,
        language: None,
        words: vec![],
        after: None,
        limit: 50,
        plan: None,
    }
}

/// The names a search finds — the same whether it walks the name order or
/// starts from its filters' companies (checked here for every search).
fn names(store: &dyn Store, q: DirectoryQuery) -> Vec<String> {
    let filters = q.words.len()
        + usize::from(q.language.is_some())
        + usize::from(q.country.is_some())
        + usize::from(q.offering.is_some());
    let mut plans = vec![None, Some(SearchPlan::Walk)];
    plans.extend((0..filters).map(|i| Some(SearchPlan::Drive(vec![i]))));
    if filters > 1 {
        plans.push(Some(SearchPlan::Drive((0..filters).collect())));
    }
    let mut found: Option<Vec<String>> = None;
    for plan in plans {
        let q = DirectoryQuery {
            plan: plan.clone(),
            ..q.clone()
        };
        let got: Vec<String> = read(store, move |tx| Ok(tx.directory(&q)?))
            .into_iter()
            .map(|c| c.name)
            .collect();
        match &found {
            None => found = Some(got),
            Some(first) => assert_eq!(&got, first, "the plan {plan:?} finds other companies"),
        }
    }
    found.unwrap_or_default()
}

/// The directory's candidates: companies with a profile, an enrollment and
/// a competency lasting until today, each filter narrowing them (words by
/// folded prefix, language keys, a location's country, the offering), in
/// folded-name order, with keyset pages; each with its current enrollments,
/// locations and records.
pub fn the_directory_finds_enrolled_companies_by_every_filter_in_name_order(store: &dyn Store) {
    let today = date(2021, 6, 1);
    let later = date(2021, 12, 31);
    let zeta = partner(store, "Zeta Conseil");
    listed(
        store,
        &zeta,
        "DDPS",
        later,
        later,
        "Déploiement de Teams",
        &["fr", "en"],
    );
    let agil = partner(store, "Ágil Serviços");
    listed(
        store,
        &agil,
        "SSDPS",
        later,
        later,
        "Serviços de nuvem",
        &["pt-BR"],
    );
    let ёлка = partner(store, "Ёлка Софт");
    listed(
        store,
        &ёлка,
        "DDPS",
        later,
        later,
        "Облачные решения",
        &["ru"],
    );
    let lapsed = partner(store, "Lapsed Enrollment");
    listed(
        store,
        &lapsed,
        "DDPS",
        date(2021, 5, 31),
        later,
        "Teams",
        &["fr"],
    );
    let expired = partner(store, "Expired Competency");
    listed(
        store,
        &expired,
        "DDPS",
        later,
        date(2021, 5, 31),
        "Teams",
        &["fr"],
    );
    let unlisted = partner(store, "No Profile");
    let e = Enrollment {
        id: uuid::Uuid::now_v7(),
        partner_id: unlisted.org.id,
        offering: "DDPS".into(),
        location_ids: vec![],
        valid_until: later,
        agreement_version: 1,
        enrolled_at: now(),
        enrolled_by: unlisted.admin.id,
        version: 0,
    };
    write(store, move |tx| Ok(tx.insert_enrollment(&e)?));
    let in_brazil = Location {
        country: "BR".into(),
        city: "São Paulo".into(),
        ..location(&agil.org, "São Paulo")
    };
    write(store, move |tx| Ok(tx.insert_location(&in_brazil)?));

    assert_eq!(
        names(store, query(today)),
        ["Ágil Serviços", "Zeta Conseil", "Ёлка Софт"]
    );
    let with = |f: &dyn Fn(&mut DirectoryQuery)| {
        let mut q = query(today);
        f(&mut q);
        names(store, q)
    };
    assert_eq!(with(&|q| q.words = vec!["servi".into()]), ["Ágil Serviços"]);
    assert_eq!(
        with(&|q| q.words = vec!["deploiement".into(), "te".into()]),
        ["Zeta Conseil"]
    );
    assert_eq!(with(&|q| q.words = vec!["елка".into()]), ["Ёлка Софт"]);
    assert_eq!(with(&|q| q.words = vec!["облач".into()]), ["Ёлка Софт"]);
    assert_eq!(
        with(&|q| q.words = vec!["teams".into(), "nuvem".into()]),
        Vec::<String>::new()
    );
    assert_eq!(with(&|q| q.language = Some("pt".into())), ["Ágil Serviços"]);
    assert_eq!(
        with(&|q| q.language = Some("pt-BR".into())),
        ["Ágil Serviços"]
    );
    assert_eq!(with(&|q| q.language = Some("en".into())), ["Zeta Conseil"]);
    assert_eq!(with(&|q| q.country = Some("BR".into())), ["Ágil Serviços"]);
    assert_eq!(
        with(&|q| q.country = Some("FR".into())),
        ["Ágil Serviços", "Zeta Conseil", "Ёлка Софт"]
    );
    // Enrolled in another offering after its profile was written, a company
    // is found by that offering too.
    let e = Enrollment {
        id: uuid::Uuid::now_v7(),
        partner_id: ёлка.org.id,
        offering: "SSDPS".into(),
        location_ids: vec![ёлка.location.id],
        valid_until: later,
        agreement_version: 1,
        enrolled_at: now(),
        enrolled_by: ёлка.admin.id,
        version: 0,
    };
    write(store, move |tx| Ok(tx.insert_enrollment(&e)?));
    assert_eq!(
        with(&|q| q.offering = Some("SSDPS".into())),
        ["Ágil Serviços", "Ёлка Софт"]
    );
    // A profile rewritten after its company's location was added is still
    // found by that location's country (and no longer by its old words).
    assert!(save(
        store,
        &agil,
        &profile(&agil, fields("Nuvem ágil", &["pt-BR"]), 1)
    ));
    assert_eq!(with(&|q| q.country = Some("BR".into())), ["Ágil Serviços"]);
    assert_eq!(with(&|q| q.words = vec!["servi".into()]), ["Ágil Serviços"]);
    assert_eq!(
        with(&|q| q.words = vec!["servicos".into(), "agil".into()]),
        ["Ágil Serviços"]
    );
    assert_eq!(with(&|q| q.words = vec!["nuvem".into()]), ["Ágil Serviços"]);
    assert_eq!(
        with(&|q| q.words = vec!["de".into(), "nuvem".into()]),
        Vec::<String>::new()
    );
    assert_eq!(
        with(&|q| q.offering = Some("DDPS".into())),
        ["Zeta Conseil", "Ёлка Софт"]
    );
    assert_eq!(with(&|q| q.limit = 1), ["Ágil Serviços"]);
    // Keyset: after the first company, by its sort key and id.
    let first = read(store, {
        let q = query(today);
        move |tx| Ok(tx.directory(&q)?)
    });
    let after = (first[0].sort_key.clone(), first[0].profile.partner_id);
    assert_eq!(after.0, "agil servicos");
    assert_eq!(
        with(&|q| q.after = Some(after.clone())),
        ["Zeta Conseil", "Ёлка Софт"]
    );
    // A lapsed enrollment and an expired competency count on their last day.
    assert_eq!(
        names(store, query(date(2021, 5, 31))).len(),
        5,
        "both lapsed companies are candidates on their last day"
    );
    let a = &first[0];
    assert_eq!(a.profile.fields.languages, ["pt-BR"]);
    assert_eq!(a.enrollments.len(), 1);
    assert_eq!(a.enrollments[0].offering, "SSDPS");
    assert_eq!(a.locations.len(), 2);
    assert_eq!(a.qualifications.competencies.len(), 1);
    assert_eq!(a.qualifications.trainings.len(), 1);
    // What the search reads of a company equals what the single reads give.
    let id = a.profile.partner_id;
    let (enrollments, locations, qualifications) = read(store, move |tx| {
        Ok((
            tx.enrollments(id)?,
            tx.locations(id)?,
            tx.qualifications(id)?,
        ))
    });
    assert_eq!(a.enrollments, enrollments);
    assert_eq!(a.locations, locations);
    assert_eq!(a.qualifications, qualifications);
}

/// A search that starts from its filters' companies checks them a few at a
/// time in name order until the page is full: a page whose companies are
/// spread over several such rounds (one company in five passes) is the same
/// under every plan, and the next page starts where it ended.
pub fn a_driven_search_reads_on_until_its_page_is_full(store: &dyn Store) {
    let today = date(2021, 6, 1);
    let later = date(2021, 12, 31);
    let mut passing = Vec::new();
    for i in 0..200 {
        let name = format!("Rounds {i:03}");
        let p = partner(store, &name);
        let current = i % 5 == 3;
        let competency_until = if current { later } else { date(2021, 5, 31) };
        listed(
            store,
            &p,
            "DDPS",
            later,
            competency_until,
            "Roundabout planning",
            &["en"],
        );
        if current {
            passing.push(name);
        }
    }
    let mut q = query(today);
    q.words = vec!["roundab".into()];
    q.language = Some("en".into());
    q.limit = 30;
    assert_eq!(names(store, q.clone()), passing[..30]);
    let driven = DirectoryQuery {
        plan: Some(SearchPlan::Drive(vec![0, 1])),
        ..q.clone()
    };
    let page = read(store, move |tx| Ok(tx.directory(&driven)?));
    let last = page.last().expect("a full page");
    q.after = Some((last.sort_key.clone(), last.profile.partner_id));
    assert_eq!(names(store, q), passing[30..]);
}

/// A company's profile written while it enrolls in two offerings, adds a
/// location and gets its competency, each by its own writer at the same
/// moment: the search finds it by each offering and country, under every
/// plan (the walk reads what the writers left on the profile's row, a driven
/// search their own tables), with every record.
pub fn a_profile_written_while_its_company_enrolls_keeps_every_offering_and_country(
    store: &dyn Store,
) {
    let today = date(2021, 6, 1);
    let later = date(2021, 12, 31);
    for round in 0..12 {
        let name = format!("Racer {round:02}");
        let p = partner(store, &name);
        let c = CompetencyRecord {
            id: uuid::Uuid::now_v7(),
            partner_id: p.org.id,
            competency: "Cloud Platform".into(),
            level: CompetencyLevel::Gold,
            valid_until: later,
            recorded_at: now(),
        };
        let enroll = |offering: &str| Enrollment {
            id: uuid::Uuid::now_v7(),
            partner_id: p.org.id,
            offering: offering.to_owned(),
            location_ids: vec![p.location.id],
            valid_until: later,
            agreement_version: 1,
            enrolled_at: now(),
            enrolled_by: p.admin.id,
            version: 0,
        };
        let (ddps, ssdps) = (enroll("DDPS"), enroll("SSDPS"));
        let abroad = Location {
            country: "BR".into(),
            ..location(&p.org, "Recife")
        };
        let (pr, keys) = {
            let pr = profile(&p, fields("Racing ahead", &["en"]), 0);
            let keys = directory_keys(&p.org.name, &pr.fields);
            (pr, keys)
        };
        std::thread::scope(|s| {
            let writers = [
                s.spawn(move || write(store, move |tx| Ok(tx.insert_enrollment(&ddps)?))),
                s.spawn(move || write(store, move |tx| Ok(tx.insert_enrollment(&ssdps)?))),
                s.spawn(move || write(store, move |tx| Ok(tx.insert_location(&abroad)?))),
                s.spawn(move || write(store, move |tx| Ok(tx.insert_competency(&c)?))),
            ];
            assert!(write(store, move |tx| Ok(tx.save_profile(&pr, &keys)?)));
            for w in writers {
                w.join().expect("a writer");
            }
        });
        let with = |f: &dyn Fn(&mut DirectoryQuery)| {
            let mut q = query(today);
            q.words = words(&name);
            f(&mut q);
            names(store, q)
        };
        let found = std::slice::from_ref(&name);
        for offering in ["DDPS", "SSDPS"] {
            assert_eq!(with(&|q| q.offering = Some(offering.into())), found);
        }
        for country in ["FR", "BR"] {
            assert_eq!(with(&|q| q.country = Some(country.into())), found);
        }
        let listed = as_searched(store, &p, today).expect("listed");
        assert_eq!(listed.enrollments.len(), 2);
        assert_eq!(listed.locations.len(), 2);
    }
}

/// The company as the directory's search reads it today (found by its
/// name's words, walking), checked against what the single reads give.
fn as_searched(store: &dyn Store, p: &Partner, today: Date) -> Option<DirectoryCandidate> {
    let mut q = query(today);
    q.words = words(&p.org.name);
    q.plan = Some(SearchPlan::Walk);
    let walked = read(store, {
        let q = q.clone();
        move |tx| Ok(tx.directory(&q)?)
    });
    q.plan = Some(SearchPlan::Drive(vec![0]));
    let driven = read(store, move |tx| Ok(tx.directory(&q)?));
    assert_eq!(walked, driven, "a walk and a driven search read the same");
    let found = walked
        .into_iter()
        .find(|c| c.profile.partner_id == p.org.id)?;
    let id = p.org.id;
    let (enrollments, locations, qualifications) = read(store, move |tx| {
        Ok((
            tx.enrollments(id)?,
            tx.locations(id)?,
            tx.qualifications(id)?,
        ))
    });
    let current: Vec<Enrollment> = enrollments
        .into_iter()
        .filter(|e| e.valid_until >= today)
        .collect();
    assert_eq!(found.enrollments, current);
    assert_eq!(found.locations, locations);
    assert_eq!(found.qualifications, qualifications);
    Some(found)
}

/// Records added or changed after a company's profile was written — one at a
/// time, in bulk, an enrollment renewed or lapsing — are what the search
/// reads of it and decide whether it is a candidate; a transaction that
/// fails leaves nothing of its records behind.
pub fn records_written_after_a_profile_are_what_the_search_reads(store: &dyn Store) {
    let today = date(2021, 6, 1);
    let later = date(2021, 12, 31);
    let p = partner(store, "Afterwards Planning");
    let other = partner(store, "Afterwards Other");
    for c in [&p, &other] {
        assert!(save(store, c, &profile(c, fields("Planning", &["en"]), 0)));
    }
    assert!(as_searched(store, &p, today).is_none(), "not enrolled yet");
    let enrollment = Enrollment {
        id: uuid::Uuid::now_v7(),
        partner_id: p.org.id,
        offering: "DDPS".into(),
        location_ids: vec![p.location.id],
        valid_until: later,
        agreement_version: 1,
        enrolled_at: now(),
        enrolled_by: p.admin.id,
        version: 0,
    };
    let e = enrollment.clone();
    write(store, move |tx| Ok(tx.insert_enrollment(&e)?));
    assert!(as_searched(store, &p, today).is_none(), "no competency yet");
    let competency = |partner: &Partner, name: &str, until: Date| CompetencyRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: partner.org.id,
        competency: name.into(),
        level: CompetencyLevel::Gold,
        valid_until: until,
        recorded_at: now(),
    };
    let c = competency(&p, "Cloud Platform", later);
    write(store, move |tx| Ok(tx.insert_competency(&c)?));
    assert!(
        as_searched(store, &p, today).is_some(),
        "enrolled and competent"
    );
    let exam = |partner: &Partner, name: &str| ExamRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: partner.org.id,
        user_id: partner.consultants[0].id,
        exam: name.into(),
        passed_on: date(2021, 2, 1),
        recorded_at: now(),
    };
    let training = |partner: &Partner| TrainingRecord {
        id: uuid::Uuid::now_v7(),
        partner_id: partner.org.id,
        course: "Compliance".into(),
        completed_on: date(2021, 1, 4),
        recorded_at: now(),
    };
    let (t, x) = (training(&p), exam(&p, "AZ-800"));
    let abroad = Location {
        country: "IT".into(),
        ..location(&p.org, "Milano")
    };
    write(store, move |tx| {
        tx.insert_training(&t)?;
        tx.insert_exam(&x)?;
        tx.insert_location(&abroad)?;
        Ok(())
    });
    let found = as_searched(store, &p, today).expect("listed");
    assert_eq!(found.qualifications.exams.len(), 1);
    assert_eq!(found.locations.len(), 2);
    // In bulk, for two companies at once (the other one becomes competent).
    let trainings = vec![training(&p), training(&other)];
    let competencies = vec![
        competency(&p, "Datacenter", later),
        competency(&other, "Cloud Platform", later),
    ];
    let exams = vec![exam(&p, "AZ-801"), exam(&other, "AZ-104")];
    write(store, move |tx| {
        tx.insert_trainings(&trainings)?;
        tx.insert_competencies(&competencies)?;
        tx.insert_exams(&exams)?;
        Ok(())
    });
    let found = as_searched(store, &p, today).expect("still listed");
    assert_eq!(found.qualifications.competencies.len(), 2);
    assert_eq!(found.qualifications.trainings.len(), 2);
    assert!(as_searched(store, &other, today).is_none(), "not enrolled");
    // A write that fails after adding a record leaves none of it.
    let lost = competency(&p, "Security", later);
    let failed = write_blocking(store, move |tx| {
        tx.insert_competency(&lost)?;
        Err::<(), _>(Error::Store(StoreError::Backend("the work gave up".into())))
    });
    assert!(failed.is_err());
    let found = as_searched(store, &p, today).expect("still listed");
    assert_eq!(found.qualifications.competencies.len(), 2);
    // Renewed to end before today, then again to a later day.
    let lapsing = Enrollment {
        valid_until: date(2021, 5, 31),
        version: 1,
        ..enrollment.clone()
    };
    assert!(write(store, move |tx| Ok(tx.update_enrollment(&lapsing)?)));
    assert!(
        as_searched(store, &p, today).is_none(),
        "its enrollment lapsed"
    );
    assert!(as_searched(store, &p, date(2021, 5, 31)).is_some());
    let renewed = Enrollment {
        valid_until: later,
        version: 2,
        ..enrollment
    };
    assert!(write(store, move |tx| Ok(tx.update_enrollment(&renewed)?)));
    assert!(as_searched(store, &p, today).is_some(), "renewed");
}

/// Companies that enrolled without getting a profile (before profiles
/// existed) are found, in id order and up to the limit; a profile or no
/// enrollment at all keeps a company out.
pub fn enrolled_companies_without_a_profile_are_found_for_the_backfill(store: &dyn Store) {
    let enroll = |p: &Partner| {
        let e = Enrollment {
            id: uuid::Uuid::now_v7(),
            partner_id: p.org.id,
            offering: "DDPS".into(),
            location_ids: vec![],
            valid_until: date(2020, 1, 31),
            agreement_version: 1,
            enrolled_at: now(),
            enrolled_by: p.admin.id,
            version: 0,
        };
        write(store, move |tx| Ok(tx.insert_enrollment(&e)?));
    };
    let (a, b, c) = (
        partner(store, "Old A"),
        partner(store, "Old B"),
        partner(store, "Old C"),
    );
    let never = partner(store, "Never Enrolled");
    for p in [&a, &b, &c] {
        enroll(p);
    }
    assert!(save(store, &b, &profile(&b, fields("Has one", &["en"]), 0)));
    let found = read(store, |tx| Ok(tx.enrolled_without_profile(10)?));
    let mut expected = vec![a.org.id, c.org.id];
    expected.sort_by_key(|id| id.0);
    assert_eq!(found, expected);
    assert!(!found.contains(&never.org.id));
    let first = read(store, |tx| Ok(tx.enrolled_without_profile(1)?));
    assert_eq!(first, expected[..1]);
}
