//! The business profile and the partner directory through the API, on SQLite
//! and on PostgreSQL: who reads and writes a profile, a refusal per class of
//! bad input (changing nothing), and the directory's filters, accents, pages
//! and that a lapsed enrollment or competency drops a partner.

use axum::http::{Method, StatusCode};
use saps_testkit::both_databases;
use saps_testkit::testapp::{Answer, TestApp};
use serde_json::{Value, json};

const COURSE: &str = "Planning Services compliance training";
const PASSWORD: &str = "password-123";

/// A partner made and onboarded through the API.
struct Onboarded {
    id: String,
    location: String,
    admin: String,
}

fn profile_path(id: &str) -> String {
    format!("/api/v1/partners/{id}/profile")
}

async fn put_profile(t: &TestApp, token: &str, id: &str, body: &Value) -> Answer {
    t.call(Method::PUT, &profile_path(id), Some(token), Some(body))
        .await
}

/// Creates a partner with one location, a global admin and a consultant;
/// records the course, `competency` (until `until`) and `exam`; signs the
/// agreement, enrolls in `offering` and writes the profile.
#[allow(clippy::too_many_arguments)]
async fn onboard(
    t: &TestApp,
    op: &str,
    name: &str,
    place: (&str, &str),
    offering: (&str, &str, &str, &str),
    description: &str,
    languages: &[&str],
) -> Onboarded {
    let q = qualified(t, op, name, place, offering).await;
    let (id, location, admin) = (q.id, q.location, q.admin);
    let e = t
        .post(
            &format!("/api/v1/partners/{id}/enrollments"),
            &admin,
            &json!({"offering": offering.0, "location_ids": [location]}),
        )
        .await;
    assert_eq!(e.status, StatusCode::CREATED, "{:?}", e.body);
    let body = json!({"description": description, "languages": languages,
                      "industries": ["retail"], "website": "https://example.com"});
    let r = put_profile(t, &admin, &id, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    Onboarded {
        id,
        location,
        admin,
    }
}

/// As [`onboard`] up to the signed agreement: eligible, not yet enrolled.
async fn qualified(
    t: &TestApp,
    op: &str,
    name: &str,
    (country, city): (&str, &str),
    (_, competency, exam, until): (&str, &str, &str, &str),
) -> Onboarded {
    let p = t
        .post(
            "/api/v1/partners",
            op,
            &json!({"name": name, "country": country,
                    "locations": [{"name": city, "country": country, "city": city}]}),
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{:?}", p.body);
    let id = p.body["id"].as_str().unwrap().to_owned();
    let location = p.body["locations"][0]["id"].as_str().unwrap().to_owned();
    let tag = uuid::Uuid::now_v7().simple().to_string();
    let mut users = Vec::new();
    for role in ["global_admin", "consultant"] {
        let email = format!("{role}-{tag}@partner.example");
        let u = t
            .post(
                &format!("/api/v1/orgs/{id}/users"),
                op,
                &json!({"email": email, "name": role, "role": role, "password": PASSWORD}),
            )
            .await;
        assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
        users.push((email, u.body["id"].as_str().unwrap().to_owned()));
    }
    for (path, body) in [
        (
            format!("/api/v1/partners/{id}/trainings"),
            json!({"course": COURSE, "completed_on": "2020-10-01"}),
        ),
        (
            format!("/api/v1/partners/{id}/competencies"),
            json!({"competency": competency, "level": "gold", "valid_until": until}),
        ),
        (
            format!("/api/v1/users/{}/exams", users[1].1),
            json!({"exam": exam, "passed_on": "2020-09-01"}),
        ),
    ] {
        let r = t.post(&path, op, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{path}: {:?}", r.body);
    }
    let admin = t.app.issue_token(&users[0].0, PASSWORD).await.unwrap().0;
    let s = t
        .post(
            &format!("/api/v1/partners/{id}/agreement"),
            &admin,
            &json!({"version": 1, "accept": true}),
        )
        .await;
    assert_eq!(s.status, StatusCode::CREATED, "{:?}", s.body);
    Onboarded {
        id,
        location,
        admin,
    }
}

const SSDPS: (&str, &str, &str, &str) = ("SSDPS", "Data Platform", "DP-300", "2021-10-01");
const DDPS: (&str, &str, &str, &str) = ("DDPS", "Windows and Devices", "MD-100", "2021-10-01");

/// The names listed, but for the fixture world's partner (enrolled by the
/// fixture, with an empty profile).
async fn names(t: &TestApp, token: &str, query: &str) -> Vec<String> {
    let r = t.get(&format!("/api/v1/directory?{query}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {:?}", r.body);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_owned())
        .filter(|n| *n != t.world.partner.name)
        .collect()
}

/// A partner company that is not enrolled, with its global admin's token.
async fn unlisted(t: &TestApp, op: &str, name: &str) -> (String, String) {
    let p = t
        .post(
            "/api/v1/partners",
            op,
            &json!({"name": name, "country": "FR",
                    "locations": [{"name": "Lille", "country": "FR", "city": "Lille"}]}),
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{:?}", p.body);
    let id = p.body["id"].as_str().unwrap().to_owned();
    let email = format!("ga-{}@unlisted.example", uuid::Uuid::now_v7().simple());
    let u = t
        .post(
            &format!("/api/v1/orgs/{id}/users"),
            op,
            &json!({"email": email, "name": "GA", "role": "global_admin", "password": PASSWORD}),
        )
        .await;
    assert_eq!(u.status, StatusCode::CREATED, "{:?}", u.body);
    (id, t.app.issue_token(&email, PASSWORD).await.unwrap().0)
}

both_databases!(
    a_profile_is_written_by_the_partners_admins_journaled_and_read_by_its_users,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let ga = t.token(&t.world.partner_admin).await;
        let consultant = t.token(&t.world.consultant).await;
        let customer = t.token(&t.world.benefit_admin).await;
        let id = t.world.partner.id.to_string();
        let empty = t.get(&profile_path(&id), &consultant).await;
        assert_eq!(empty.status, StatusCode::OK, "{:?}", empty.body);
        assert_eq!(empty.body["description"], "");
        assert_eq!(empty.body["updated_at"], Value::Null);
        let before = t.event_count().await;
        let body = json!({"description": "  Déploiement et Serviços  ",
                          "languages": ["fr", "pt-br", "FR"], "industries": ["Retail", "banking"],
                          "website": "https://Example.com/about"});
        let r = put_profile(&t, &ga, &id, &body).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["description"], "Déploiement et Serviços");
        assert_eq!(r.body["languages"], json!(["fr", "pt-BR"]));
        assert_eq!(r.body["industries"], json!(["retail", "banking"]));
        assert_eq!(r.body["website"], "https://example.com/about");
        assert_eq!(
            r.body["listed"], true,
            "the fixture partner is enrolled and eligible"
        );
        assert_eq!(t.event_count().await, before + 1, "one profile.updated");
        let mine = t.get(&profile_path(&id), &consultant).await;
        assert_eq!(mine.body, r.body);
        let byop = put_profile(
            &t,
            &op,
            &id,
            &json!({"description": "x", "languages": [],
                                                    "industries": []}),
        )
        .await;
        assert_eq!(byop.status, StatusCode::OK, "{:?}", byop.body);
        assert_eq!(byop.body["website"], Value::Null);
        let r = put_profile(&t, &consultant, &id, &body).await;
        assert_eq!((r.status.as_u16(), r.code()), (403, "auth.forbidden"));
        // A customer sees a listed partner's profile, an unlisted one's as not found.
        let r = t.get(&profile_path(&id), &customer).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let (other, other_admin) = unlisted(&t, &op, "Unlisted").await;
        let r = t.get(&profile_path(&other), &customer).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        let r = t.get(&profile_path(&other), &ga).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        let r = t.get(&profile_path(&other), &other_admin).await;
        assert_eq!((r.status.as_u16(), r.code()), (200, ""), "its own");
        assert_eq!(r.body["listed"], false);
    }
);

both_databases!(
    each_class_of_bad_profile_input_is_refused_and_changes_nothing,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let ga = t.token(&t.world.partner_admin).await;
        let customer = t.token(&t.world.benefit_admin).await;
        let id = t.world.partner.id.to_string();
        let good = json!({"description": "Cloud", "languages": ["en"], "industries": [],
                          "website": null});
        assert_eq!(
            put_profile(&t, &ga, &id, &good).await.status,
            StatusCode::OK
        );
        let other = onboard(&t, &op, "Other", ("IT", "Roma"), SSDPS, "Altro", &["it"]).await;
        let (hidden, _) = unlisted(&t, &op, "Hidden").await;
        let before = t.event_count().await;
        let stored = t.get(&profile_path(&id), &ga).await.body;
        let with = |field: &str, v: Value| {
            let mut b = good.clone();
            b[field] = v;
            b
        };
        let many: Vec<String> = (0..21)
            .map(|i| format!("a{}", char::from(b'a' + i)))
            .collect();
        // One more than a profile may name.
        let industries = &saps_core::profile::INDUSTRIES[..21];
        for (body, status, code) in [
            (
                with("description", json!("é".repeat(2501))),
                422,
                "validation.description",
            ),
            (
                with("languages", json!(["english"])),
                422,
                "validation.languages",
            ),
            (with("languages", json!(many)), 422, "validation.languages"),
            (
                with("industries", json!(industries)),
                422,
                "validation.industries",
            ),
            (
                with("industries", json!(["mining"])),
                422,
                "validation.industries",
            ),
            (
                with("website", json!("ftp://example.com")),
                422,
                "validation.website",
            ),
            (
                with("website", json!("example.com")),
                422,
                "validation.website",
            ),
            (with("languages", json!("en")), 400, "validation.languages"),
        ] {
            let r = put_profile(&t, &ga, &id, &body).await;
            assert_eq!(
                (r.status.as_u16(), r.code()),
                (status, code),
                "{body}: {:?}",
                r.body
            );
        }
        let unknown = uuid::Uuid::now_v7().to_string();
        let r = put_profile(&t, &op, &unknown, &good).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        let r = t.get(&profile_path(&unknown), &op).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        // Another company's profile: not found, for a customer and for another partner.
        let r = put_profile(&t, &other.admin, &id, &good).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        let r = put_profile(&t, &customer, &id, &good).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
        let r = t.get(&profile_path(&hidden), &other.admin).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (404, "partner.not_found"),
            "unlisted"
        );
        assert_eq!(t.event_count().await, before, "refusals journal nothing");
        assert_eq!(
            t.get(&profile_path(&id), &ga).await.body,
            stored,
            "unchanged"
        );
        // A listed company's profile is seen by everyone signed in, not changed.
        let r = t.get(&profile_path(&other.id), &ga).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["listed"], true);
        let r = t.get(&profile_path(&other.id), &customer).await;
        assert_eq!(r.body["description"], "Altro");
        let r = put_profile(&t, &ga, &other.id, &good).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "partner.not_found"));
    }
);

both_databases!(
    the_directory_filters_ignore_case_and_accents_and_refuse_bad_filters,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let customer = t.token(&t.world.benefit_admin).await;
        let fr = onboard(
            &t,
            &op,
            "Zéphyr Conseil",
            ("FR", "Lyon"),
            DDPS,
            "Déploiement de postes de travail",
            &["fr", "en"],
        )
        .await;
        onboard(
            &t,
            &op,
            "Ágil Nuvem",
            ("BR", "São Paulo"),
            SSDPS,
            "Serviços de dados na nuvem",
            &["pt-BR"],
        )
        .await;
        onboard(
            &t,
            &op,
            "Облако Плюс",
            ("RU", "Москва"),
            SSDPS,
            "Развёртывание баз данных",
            &["ru"],
        )
        .await;
        // (The fixture's own partner is left out by `names`.)
        assert_eq!(
            names(&t, &customer, "").await,
            ["Ágil Nuvem", "Zéphyr Conseil", "Облако Плюс"]
        );
        assert_eq!(
            names(&t, &customer, "q=deploiement").await,
            ["Zéphyr Conseil"]
        );
        assert_eq!(
            names(&t, &customer, "q=DÉPLOIEMENT%20poste").await,
            ["Zéphyr Conseil"]
        );
        assert_eq!(names(&t, &customer, "q=servicos").await, ["Ágil Nuvem"]);
        assert_eq!(names(&t, &customer, "q=agil").await, ["Ágil Nuvem"]);
        assert_eq!(
            names(
                &t,
                &customer,
                "q=%D1%80%D0%B0%D0%B7%D0%B2%D0%B5%D1%80%D1%82"
            )
            .await,
            ["Облако Плюс"],
            "развёрт is found as развертывание"
        );
        assert_eq!(names(&t, &customer, "q=cloud").await, Vec::<String>::new());
        assert_eq!(
            names(&t, &customer, "offering=ssdps").await,
            ["Ágil Nuvem", "Облако Плюс"]
        );
        assert_eq!(
            names(&t, &customer, "offering=DDPS&country=fr").await,
            ["Zéphyr Conseil"]
        );
        assert_eq!(names(&t, &customer, "country=BR").await, ["Ágil Nuvem"]);
        assert_eq!(
            names(&t, &customer, "country=IT").await,
            Vec::<String>::new()
        );
        assert_eq!(names(&t, &customer, "language=pt").await, ["Ágil Nuvem"]);
        assert_eq!(
            names(&t, &customer, "language=EN").await,
            ["Zéphyr Conseil"]
        );
        let r = t.get("/api/v1/directory?q=zephyr", &customer).await;
        let item = &r.body["items"][0];
        assert_eq!(item["partner_id"], fr.id.as_str());
        assert_eq!(item["offerings"], json!(["DDPS"]));
        assert_eq!(
            item["locations"],
            json!([{"country": "FR", "city": "Lyon"}])
        );
        assert_eq!(item["languages"], json!(["fr", "en"]));
        assert_eq!(item["website"], "https://example.com");
        // Partners and the operator search too.
        let ga = t.token(&t.world.partner_admin).await;
        assert_eq!(names(&t, &ga, "q=agil").await, ["Ágil Nuvem"]);
        assert_eq!(names(&t, &op, "q=agil").await, ["Ágil Nuvem"]);
        for (query, status, code) in [
            ("offering=NOPE", 422, "rule.unknown_offering"),
            ("country=FRA", 422, "validation.country"),
            ("language=english", 422, "validation.language"),
            ("cursor=abc", 400, "validation.cursor"),
            ("limit=0", 400, "validation.limit"),
            ("limit=501", 400, "validation.limit"),
            ("colour=red", 400, "validation.colour"),
        ] {
            let r = t
                .get(&format!("/api/v1/directory?{query}"), &customer)
                .await;
            assert_eq!(
                (r.status.as_u16(), r.code()),
                (status, code),
                "{query}: {:?}",
                r.body
            );
        }
        let q = "x".repeat(201);
        let r = t.get(&format!("/api/v1/directory?q={q}"), &customer).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (422, "validation.q"),
            "{:?}",
            r.body
        );
    }
);

both_databases!(
    directory_pages_follow_the_name_order_without_repeats,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let customer = t.token(&t.world.benefit_admin).await;
        for name in ["Echo", "alpha", "Delta", "Bravo", "Charlie"] {
            onboard(&t, &op, name, ("FR", "Paris"), SSDPS, "Cloud", &["fr"]).await;
        }
        let mut seen = Vec::new();
        let mut cursor = String::new();
        let mut pages = 0;
        loop {
            let r = t
                .get(
                    &format!("/api/v1/directory?q=cloud&limit=2&cursor={cursor}"),
                    &customer,
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            let items = r.body["items"].as_array().unwrap();
            assert!(items.len() <= 2);
            seen.extend(items.iter().map(|i| i["name"].as_str().unwrap().to_owned()));
            pages += 1;
            match r.body["next_cursor"].as_str() {
                Some(c) => cursor = c.to_owned(),
                None => break,
            }
            assert!(pages < 10, "pages end");
        }
        assert_eq!(seen, ["alpha", "Bravo", "Charlie", "Delta", "Echo"]);
        assert_eq!(pages, 3);
    }
);

async fn set_clock(t: &TestApp, op: &str, day: &str) {
    let r = t.post("/api/v1/clock", op, &json!({"set": day})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

both_databases!(
    a_lapsed_enrollment_or_competency_drops_the_partner,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let customer = t.token(&t.world.benefit_admin).await;
        // Both enrolled on 2020-11-02 until 2021-11-01.
        let short = ("SSDPS", "Data Platform", "DP-300", "2021-01-31");
        let short = onboard(&t, &op, "Short", ("FR", "Nice"), short, "x", &["fr"]).await;
        let long = ("SSDPS", "Data Platform", "DP-300", "2022-06-30");
        let long = onboard(&t, &op, "Long", ("FR", "Nice"), long, "x", &["fr"]).await;
        assert_eq!(names(&t, &customer, "").await, ["Long", "Short"]);
        set_clock(&t, &op, "2021-01-31").await;
        assert_eq!(
            names(&t, &customer, "").await,
            ["Long", "Short"],
            "a last day counts"
        );
        set_clock(&t, &op, "2021-02-01").await;
        assert_eq!(
            names(&t, &customer, "").await,
            ["Long"],
            "Short's competency ended"
        );
        let r = t.get(&profile_path(&short.id), &customer).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (404, "partner.not_found"),
            "no longer listed"
        );
        // Long renews its course, so it stays eligible after its enrollment ends.
        set_clock(&t, &op, "2021-06-01").await;
        let r = t
            .post(
                &format!("/api/v1/partners/{}/trainings", long.id),
                &op,
                &json!({"course": COURSE, "completed_on": "2021-06-01"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        set_clock(&t, &op, "2021-11-01").await;
        assert_eq!(
            names(&t, &customer, "").await,
            ["Long"],
            "the enrollment's last day"
        );
        set_clock(&t, &op, "2021-11-02").await;
        assert_eq!(
            names(&t, &customer, "").await,
            Vec::<String>::new(),
            "the enrollment lapsed"
        );
        let e = t
            .get(
                &format!("/api/v1/partners/{}/eligibility", long.id),
                &long.admin,
            )
            .await;
        let ss = e.body["offerings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["offering"] == "SSDPS")
            .unwrap()
            .clone();
        assert_eq!(
            ss["status"], "active",
            "still eligible: the enrollment is what lapsed"
        );
        let _ = (short.location, long.location);
    }
);

both_databases!(
    companies_enrolled_before_profiles_existed_are_backfilled_into_the_directory,
    |db| async move {
        let t = TestApp::new(db, 30).await;
        let op = t.token(&t.world.operator).await;
        let customer = t.token(&t.world.benefit_admin).await;
        let q = qualified(&t, &op, "Early Bird Conseil", ("FR", "Lyon"), DDPS).await;
        // Enrolled the way a database from before profiles holds it: the
        // enrollment row alone, written behind the API's back.
        let partner = saps_core::OrgId(q.id.parse().unwrap());
        let location = saps_core::LocationId(q.location.parse().unwrap());
        let admin = t.world.operator.id;
        t.app
            .write(move |tx| {
                tx.insert_enrollment(&saps_core::port::Enrollment {
                    id: uuid::Uuid::now_v7(),
                    partner_id: partner,
                    offering: "DDPS".into(),
                    location_ids: vec![location],
                    valid_until: jiff::civil::date(2021, 10, 31),
                    agreement_version: 1,
                    enrolled_at: jiff::Timestamp::now(),
                    enrolled_by: admin,
                    version: 0,
                })?;
                Ok(())
            })
            .await
            .unwrap();
        assert_eq!(names(&t, &customer, "q=early").await, Vec::<String>::new());
        assert_eq!(t.app.backfill_profiles().await.unwrap(), 1);
        assert_eq!(
            names(&t, &customer, "q=early").await,
            ["Early Bird Conseil"]
        );
        let r = t.get(&profile_path(&q.id), &customer).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(
            (r.body["description"].as_str(), &r.body["updated_at"]),
            (Some(""), &Value::Null)
        );
        assert_eq!(t.app.backfill_profiles().await.unwrap(), 0, "nothing twice");
    }
);
