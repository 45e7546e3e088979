//! The business profile page (admins write, other partner users read) and
//! the partner directory page (search with accents, filters, next page, and
//! assigning a created voucher from a card), without JavaScript.

use crate::browser::Ui;
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;
use saps_core::port::CompetencyLevel;
use saps_core::{Actor, VoucherState};

/// Makes the fixture partner listed: records, agreement, enrollment, profile.
async fn list_the_partner(ui: &Ui, description: &str) {
    let (app, w) = (&ui.app, &ui.world);
    let op = Actor::of(&w.operator);
    let ga = Actor::of(&w.partner_admin);
    let d = jiff::civil::date;
    let p = w.partner.id;
    let course = app.program().compliance_course.clone();
    app.record_training(&op, p, &course, d(2020, 10, 1))
        .await
        .expect("training");
    app.record_competency(
        &op,
        p,
        "Data Platform",
        CompetencyLevel::Gold,
        d(2021, 10, 1),
    )
    .await
    .expect("competency");
    app.record_exam(&op, w.consultant.id, "DP-300", d(2020, 9, 1))
        .await
        .expect("exam");
    app.sign_provider_agreement(&ga, p, 1, true)
        .await
        .expect("signed");
    app.enroll(&ga, p, "SSDPS", vec![w.location.id])
        .await
        .expect("enrolled");
    app.update_profile(
        &ga,
        p,
        description,
        &["fr".into(), "pt-BR".into()],
        &["retail".into()],
        None,
    )
    .await
    .expect("profile");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_partners_admin_edits_the_profile_and_a_refusal_is_shown_beside_its_field() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut ga = ui.browser("fr");
    ga.sign_in(&w.partner_admin.email, PASSWORD).await;
    let home = ga.get("/").await;
    assert!(home.has("href=\"/partner/profile\""), "{}", home.body);
    assert!(home.has("href=\"/directory\""));
    let page = ga.get("/partner/profile").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.has("<h1>Profil d&#39;entreprise</h1>"),
        "{}",
        page.body
    );
    assert!(
        page.has("Présent dans l"),
        "the fixture partner is enrolled and eligible"
    );
    let fields = [
        ("description", "Déploiement de postes de travail"),
        ("languages", "fr, pt-br"),
        ("industries", "retail"),
        ("industries", "banking"),
        ("website", "ftp://exemple.fr"),
    ];
    let refused = ga
        .submit("/partner/profile", "/partner/profile", &fields)
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(refused.has("id=\"website-error\""), "{}", refused.body);
    assert!(
        refused.has("https:// ou http://"),
        "translated next to the field"
    );
    assert!(refused.has("ftp://exemple.fr"), "what was typed is kept");
    assert!(refused.has("Déploiement de postes de travail"));
    let before = ui
        .app
        .profile(&Actor::of(&w.partner_admin), w.partner.id)
        .await
        .unwrap();
    assert_eq!(before.fields.description, "", "nothing changed");

    let mut good = fields.to_vec();
    good[4] = ("website", "https://exemple.fr");
    let saved = ga
        .submit("/partner/profile", "/partner/profile", &good)
        .await;
    assert_eq!(
        (saved.status, saved.location()),
        (StatusCode::SEE_OTHER, "/partner/profile?done=profile_saved")
    );
    let after = ga.get("/partner/profile?done=profile_saved").await;
    assert!(after.has("a été enregistré"));
    assert!(after.has("fr, pt-BR"), "{}", after.body);
    let stored = ui
        .app
        .profile(&Actor::of(&w.partner_admin), w.partner.id)
        .await
        .unwrap();
    assert_eq!(stored.fields.industries, ["retail", "banking"]);
    assert_eq!(stored.fields.website.as_deref(), Some("https://exemple.fr"));

    // The consultant reads it, without a form.
    let mut c = ui.browser("en");
    c.sign_in(&w.consultant.email, PASSWORD).await;
    let read = c.get("/partner/profile").await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.has("Déploiement de postes de travail"));
    assert!(read.has("Retail, Banking"), "{}", read.body);
    assert!(!read.has("action=\"/partner/profile\""));
    // A customer has no business profile page.
    let mut ba = ui.browser("en");
    ba.sign_in(&w.benefit_admin.email, PASSWORD).await;
    assert_eq!(
        ba.get("/partner/profile").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_finds_a_partner_ignoring_accents_and_assigns_a_voucher_from_its_card() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    let mut ba = ui.browser("pt-BR");
    ba.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let empty = ba.get("/directory").await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    assert!(empty.has("Diretório de parceiros"), "{}", empty.body);
    assert!(empty.has(&w.partner.name), "the fixture partner is listed");

    list_the_partner(&ui, "Serviços de implantação na nuvem").await;
    let found = ba
        .get("/directory?q=servicos+implant&offering=SSDPS&country=fr&language=pt")
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(found.has(&w.partner.name), "{}", found.body);
    assert!(found.has("Serviços de implantação na nuvem"));
    assert!(found.has("Varejo"), "the industry in Portuguese");
    let none = ba.get("/directory?q=deploiement").await;
    assert!(!none.has(&w.partner.name));
    assert!(none.has("Nenhum parceiro corresponde"));
    let bad = ba.get("/directory?country=FRA").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("id=\"country-error\""), "{}", bad.body);

    // A created voucher is offered on the card and assigned from it.
    let ba_actor = Actor::of(&w.benefit_admin);
    let v = ui
        .app
        .create_voucher(&ba_actor, w.voucher_request(1))
        .await
        .expect("voucher");
    let page = ba.get("/directory?q=servicos").await;
    let select = format!("id=\"voucher-{}\"", w.partner.id);
    assert!(page.has(&select), "{}", page.body);
    assert!(page.has(&v.code.to_string()));
    let taken = ui.assigned_voucher().await;
    let pid = w.partner.id.to_string();
    let (code, taken) = (v.code.to_string(), taken.to_string());
    let refused = ba
        .submit(
            "/directory",
            "/directory/assign",
            &[("partner", &pid), ("voucher", &taken), ("q", "servicos")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.has(&format!("id=\"voucher-{pid}-error\"")),
        "{}",
        refused.body
    );
    let done = ba
        .submit(
            "/directory",
            "/directory/assign",
            &[("partner", &pid), ("voucher", &code), ("q", "servicos")],
        )
        .await;
    assert_eq!(
        (done.status, done.location()),
        (
            StatusCode::SEE_OTHER,
            format!("/vouchers/{code}?done=assigned").as_str()
        )
    );
    let after = ui.app.voucher(&ba_actor, v.code).await.expect("voucher");
    assert_eq!(after.state, VoucherState::Assigned);
    assert_eq!(after.partner_id, Some(w.partner.id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_pages_with_a_next_link() {
    let ui = Ui::new().await;
    let w = ui.world.clone();
    list_the_partner(&ui, "Nuvem").await;
    let op = Actor::of(&w.operator);
    for i in 0..20 {
        let (p, locs) = ui
            .app
            .create_partner(
                &op,
                &format!("Parceiro {i:02}"),
                "BR",
                vec![saps_app::NewLocation {
                    name: "SP".into(),
                    country: "BR".into(),
                    city: "São Paulo".into(),
                }],
            )
            .await
            .expect("partner");
        let d = jiff::civil::date;
        let course = ui.app.program().compliance_course.clone();
        ui.app
            .record_training(&op, p.id, &course, d(2020, 10, 1))
            .await
            .unwrap();
        ui.app
            .record_competency(
                &op,
                p.id,
                "Data Platform",
                CompetencyLevel::Gold,
                d(2021, 10, 1),
            )
            .await
            .unwrap();
        let admin = ui
            .app
            .add_user(
                Some(&op),
                p.id,
                saps_app::NewUser {
                    email: format!("ga{i}@p.example"),
                    name: "GA".into(),
                    role: saps_core::Role::GlobalAdmin,
                    password: PASSWORD.into(),
                },
            )
            .await
            .unwrap();
        let consultant = ui
            .app
            .add_user(
                Some(&op),
                p.id,
                saps_app::NewUser {
                    email: format!("c{i}@p.example"),
                    name: "C".into(),
                    role: saps_core::Role::Consultant,
                    password: PASSWORD.into(),
                },
            )
            .await
            .unwrap();
        ui.app
            .record_exam(&op, consultant.id, "DP-300", d(2020, 9, 1))
            .await
            .unwrap();
        let ga = Actor::of(&admin);
        ui.app
            .sign_provider_agreement(&ga, p.id, 1, true)
            .await
            .unwrap();
        ui.app
            .enroll(&ga, p.id, "SSDPS", vec![locs[0].id])
            .await
            .unwrap();
    }
    let mut c = ui.browser("en");
    c.sign_in(&w.project_manager.email, PASSWORD).await;
    let first = c.get("/directory").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.has("Parceiro 00") && first.has("Parceiro 19"),
        "{}",
        first.body
    );
    assert!(
        !first.has(&w.partner.name),
        "20 per page, by name: Partner … comes after"
    );
    let next = first
        .body
        .split("href=\"")
        .find(|s| s.starts_with("/directory?") && s.contains("cursor="))
        .and_then(|s| s.split('"').next())
        .expect("a next-page link")
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = c.get(&next).await;
    assert_eq!(second.status, StatusCode::OK, "{next}");
    assert!(
        second.has(&w.partner.name) && !second.has("Parceiro 00"),
        "{}",
        second.body
    );
}
