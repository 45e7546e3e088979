//! Partner onboarding in the browser: the operator records a partner's
//! qualifications, the partner's Planning Services tab turns its check marks
//! green, its global admin signs the program agreement and enrolls, renews
//! near the end; refusals are shown next to their fields, translated; each
//! page is only for its roles; and a chosen language is kept by the account.

use crate::browser::{Browser, Page, Ui};
use axum::http::StatusCode;
use saps_app::fixtures::PASSWORD;
use saps_core::{Actor, Locale};

const TAB: &str = "/planning-services";

async fn signed_in<'a>(ui: &'a Ui, email: &str, lang: &'static str) -> Browser<'a> {
    let mut b = ui.browser(lang);
    let page = b.sign_in(email, PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    b
}

/// The text of the field error with this id (apostrophes unescaped).
fn field_error(page: &Page, field: &str) -> String {
    let marker = format!("id=\"{field}-error\"");
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no error next to {field}: {}", page.body));
    let rest = &page.body[start..];
    let from = rest.find('>').expect("tag") + 1;
    let to = rest.find("</p>").expect("end");
    rest[from..to].replace("&#39;", "'")
}

/// How many requirements the page shows met (a green check mark).
fn met(page: &Page) -> usize {
    page.body.matches("<li class=\"met\">").count()
}

/// The operator records the compliance course, the competency and an exam
/// of the consultant that make DDPS Active for the fixture partner.
async fn qualify(ui: &Ui, op: &mut Browser<'_>) {
    let w = &ui.world;
    let partner = format!("/operator/partners/{}", w.partner.id);
    let list = op.get("/operator/partners").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.has(&format!("href=\"{partner}\"")), "{}", list.body);
    let page = op.get(&partner).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has(&w.consultant.name), "the consultants are listed");

    let done = op
        .submit(
            &partner,
            &format!("{partner}/trainings"),
            &[("completed_on", "2020-10-01")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let done = op
        .submit(
            &partner,
            &format!("{partner}/competencies"),
            &[
                ("competency", "Windows and Devices"),
                ("level", "gold"),
                ("valid_until", "2022-06-30"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let consultant = format!("/operator/consultants/{}", w.consultant.id);
    assert!(
        op.get(&partner)
            .await
            .has(&format!("href=\"{consultant}\""))
    );
    let done = op
        .submit(
            &consultant,
            &format!("{consultant}/exams"),
            &[("exam", "MD-100"), ("passed_on", "2020-09-15")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let exams = op.get(done.location()).await;
    assert!(exams.has("MD-100") && exams.has("The exam is recorded"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_turn_the_check_marks_green_then_the_global_admin_signs_and_enrolls() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let mut ga = signed_in(&ui, &w.partner_admin.email, "en").await;
    let home = ga.get("/").await;
    assert!(home.has("href=\"/planning-services\""), "{}", home.body);
    assert!(home.has("no enrollment yet"), "the home's summary line");

    let before = ga.get(TAB).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.has("Not started") && !before.has(">Active</span>"));
    assert_eq!(met(&before), 0);
    assert!(before.has("Your company has not signed version 1"));
    // Enrolling now is refused, with the rule's words next to the offering.
    let loc = w.location.id.to_string();
    let early = ga
        .submit(
            TAB,
            "/planning-services/enrollments",
            &[("offering", "DDPS"), ("location_ids", &loc)],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&early, "offering"),
        "Sign version 1 of the program agreement before you enroll."
    );
    // Nothing chosen: both problems at once.
    let empty = ga.submit(TAB, "/planning-services/enrollments", &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&empty, "offering").starts_with("Choose an offering"));
    assert!(field_error(&empty, "location_ids").starts_with("Tick at least one"));

    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    qualify(&ui, &mut op).await;

    let after = ga.get(TAB).await;
    assert!(after.has(">Active</span>"), "{}", after.body);
    assert!(
        met(&after) >= 3,
        "course, competency and exam are checked: {}",
        met(&after)
    );
    assert!(met(&after) > met(&before));

    // Signing without ticking the box is refused next to the box.
    let unticked = ga
        .submit(TAB, "/planning-services/agreement", &[("version", "1")])
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&unticked, "accept"),
        "Accept the program agreement to sign it."
    );
    let signed = ga
        .submit(
            TAB,
            "/planning-services/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let tab = ga.get("/planning-services?done=agreement_signed").await;
    assert!(
        tab.has("Signed by Partner Admin on Nov 2, 2020"),
        "{}",
        tab.body
    );
    assert!(!tab.has("action=\"/planning-services/agreement\""));

    let enrolled = ga
        .submit(
            TAB,
            "/planning-services/enrollments",
            &[("offering", "DDPS"), ("location_ids", &loc)],
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::SEE_OTHER, "{}", enrolled.body);
    let tab = ga.get("/planning-services?done=enrolled").await;
    assert!(tab.has("Your company is enrolled."));
    assert!(tab.has("Nov 1, 2021"), "valid for a year: {}", tab.body);
    assert!(
        !tab.has("action=\"/planning-services/renew\""),
        "no renewal a year ahead"
    );
    let list = op.get("/operator/partners").await;
    assert!(list.has("valid until Nov 1, 2021"), "{}", list.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renewal_near_the_end_needs_the_new_agreement_version_signed() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    qualify(&ui, &mut op).await;
    let ga_actor = Actor::of(&w.partner_admin);
    ui.app
        .sign_provider_agreement(&ga_actor, w.partner.id, 1, true)
        .await
        .expect("signed");
    ui.app
        .enroll(&ga_actor, w.partner.id, "DDPS", vec![w.location.id])
        .await
        .expect("enrolled");

    // The operator publishes version 2; a version not newer is refused.
    let page = op.get("/operator/agreement").await;
    assert!(page.has("Current version: 1") && page.has("value=\"2\""));
    let stale = op
        .submit(
            "/operator/agreement",
            "/operator/agreement",
            &[("version", "1"), ("text", "Old terms")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&stale, "version"),
        "Version 1 is not newer than the current provider agreement, version 1."
    );
    let published = op
        .submit(
            "/operator/agreement",
            "/operator/agreement",
            &[("version", "2"), ("text", "New terms of 2021.")],
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);

    // Within 60 days of the end the Renew button shows; it needs version 2.
    let op_actor = Actor::of(&w.operator);
    ui.app
        .set_clock(&op_actor, jiff::civil::date(2021, 9, 15))
        .expect("clock");
    let mut ga = signed_in(&ui, &w.partner_admin.email, "en").await;
    let tab = ga.get(TAB).await;
    assert!(
        tab.has("A new version, 2, replaces version 1"),
        "{}",
        tab.body
    );
    assert!(tab.has("class=\"card attention\""), "highlighted");
    assert!(tab.has("New terms of 2021."));
    assert!(tab.has("action=\"/planning-services/renew\""));
    let refused = ga
        .submit(TAB, "/planning-services/renew", &[("offering", "DDPS")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&refused, "renew-DDPS"),
        "Sign version 2 of the program agreement before you enroll."
    );
    ga.submit(
        TAB,
        "/planning-services/agreement",
        &[("version", "2"), ("accept", "yes")],
    )
    .await;
    let renewed = ga
        .submit(TAB, "/planning-services/renew", &[("offering", "DDPS")])
        .await;
    assert_eq!(renewed.status, StatusCode::SEE_OTHER, "{}", renewed.body);
    let tab = ga.get(TAB).await;
    assert!(
        tab.has("Nov 1, 2022"),
        "a year from the old end: {}",
        tab.body
    );
    assert!(
        tab.has("<td data-label=\"Version\">2</td>"),
        "both signatures listed"
    );
    assert!(tab.has("<td data-label=\"Version\">1</td>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_records_show_the_translated_message_next_to_their_field() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let mut op = signed_in(&ui, &w.operator.email, "fr").await;
    let partner = format!("/operator/partners/{}", w.partner.id);
    let future = op
        .submit(
            &partner,
            &format!("{partner}/trainings"),
            &[("completed_on", "2021-01-01")],
        )
        .await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&future, "completed_on"),
        "La date ne peut pas être postérieure à aujourd'hui."
    );
    let missing = op
        .submit(&partner, &format!("{partner}/competencies"), &[])
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&missing, "competency"),
        "Choisissez une compétence."
    );
    assert_eq!(field_error(&missing, "valid_until"), "Saisissez une date.");
    let unknown = op
        .submit(
            &partner,
            &format!("{partner}/competencies"),
            &[
                ("competency", "Basket weaving"),
                ("level", "silver"),
                ("valid_until", "2021-06-30"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&unknown, "competency").contains("Basket weaving"));
    let country = op
        .submit(
            &partner,
            &format!("{partner}/locations"),
            &[("loc_name", "Lyon"), ("loc_country", "Narnia")],
        )
        .await;
    assert_eq!(country.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&country, "loc_country").starts_with("Saisissez un code pays"));
    let consultant = format!("/operator/consultants/{}", w.consultant.id);
    let exam = op
        .submit(
            &consultant,
            &format!("{consultant}/exams"),
            &[("exam", "XX-999"), ("passed_on", "2020-10-01")],
        )
        .await;
    assert_eq!(exam.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        field_error(&exam, "exam").contains("XX-999"),
        "{}",
        exam.body
    );
    let text = op
        .submit(
            "/operator/agreement",
            "/operator/agreement",
            &[("version", "abc"), ("text", " ")],
        )
        .await;
    assert_eq!(text.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!field_error(&text, "version").is_empty());
    assert_eq!(field_error(&text, "text"), "Saisissez le texte du contrat.");
    // Nothing of it was recorded.
    let page = op.get(&partner).await;
    assert!(page.has("Aucune formation à la conformité n&#39;est enregistrée."));
    assert!(page.has("Aucune compétence n&#39;est enregistrée."));

    // The global admin adds a location from the tab; a refusal stays there.
    let mut ga = signed_in(&ui, &w.partner_admin.email, "en").await;
    let bad = ga
        .submit(
            TAB,
            "/planning-services/locations",
            &[("loc_name", ""), ("loc_country", "FR")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&bad, "loc_name").starts_with("Enter a name"));
    let added = ga
        .submit(
            TAB,
            "/planning-services/locations",
            &[
                ("loc_name", "Lyon office"),
                ("loc_country", "fr"),
                ("loc_city", "Lyon"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert!(ga.get(TAB).await.has("Lyon office · Lyon, France"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_onboarding_page_is_only_for_its_roles() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let consultant_page = format!("/operator/consultants/{}", w.consultant.id);
    let partner_page = format!("/operator/partners/{}", w.partner.id);
    for user in [
        &w.consultant,
        &w.benefit_admin,
        &w.project_manager,
        &w.operator,
    ] {
        let mut b = signed_in(&ui, &user.email, "en").await;
        assert!(!b.get("/").await.has("href=\"/planning-services\""));
        assert_eq!(
            b.get(TAB).await.status,
            StatusCode::FORBIDDEN,
            "{}",
            user.email
        );
    }
    for user in [&w.partner_admin, &w.consultant, &w.benefit_admin] {
        let mut b = signed_in(&ui, &user.email, "en").await;
        assert!(!b.get("/").await.has("href=\"/operator/partners\""));
        for path in ["/operator/partners", "/operator/agreement"] {
            assert_eq!(b.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        }
        let status = b.get(&partner_page).await.status;
        assert!(
            matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{status}"
        );
        let posted = b
            .submit(
                "/",
                &format!("{partner_page}/trainings"),
                &[("completed_on", "2020-10-01")],
            )
            .await;
        assert!(matches!(
            posted.status,
            StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
        ));
        let status = b.get(&consultant_page).await.status;
        assert!(matches!(
            status,
            StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
        ));
    }
    // A consultant may not sign or enroll for the company.
    let mut c = signed_in(&ui, &w.consultant.email, "en").await;
    let sign = c
        .submit(
            "/",
            "/planning-services/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(sign.status, StatusCode::FORBIDDEN);
    let q = w.partner.id;
    let records = ui
        .app
        .partner_onboarding(&Actor::of(&w.partner_admin), q)
        .await
        .expect("tab");
    assert!(
        records.signatures.is_empty(),
        "the refused signature left nothing"
    );
    // Without the form's token nothing is recorded.
    let mut op = signed_in(&ui, &w.operator.email, "en").await;
    let forged = op
        .post(
            &format!("{partner_page}/trainings"),
            &[("csrf", "forged"), ("completed_on", "2020-10-01")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(op.get("/").await.has("href=\"/operator/partners\""));
    // An unknown partner or consultant is the 404 page.
    for path in [
        "/operator/partners/not-an-id",
        "/operator/partners/0190f5a2-7b1c-7d3e-8f40-0000000000aa",
        "/operator/consultants/0190f5a2-7b1c-7d3e-8f40-0000000000aa",
    ] {
        assert_eq!(op.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let not_consultant = format!("/operator/consultants/{}", w.partner_admin.id);
    assert_eq!(op.get(&not_consultant).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operators_overview_pages_through_many_partners() {
    let ui = Ui::unenrolled().await;
    let op_actor = Actor::of(&ui.world.operator);
    for i in 0..30 {
        ui.app
            .create_partner(
                &op_actor,
                &format!("Zz partner {i:02}"),
                "FR",
                vec![saps_app::NewLocation {
                    name: "Nice".into(),
                    country: "FR".into(),
                    city: "Nice".into(),
                }],
            )
            .await
            .expect("partner");
    }
    let mut op = signed_in(&ui, &ui.world.operator.email, "ru").await;
    let first = op.get("/operator/partners").await;
    assert!(first.has("31 компания-партнер"), "{}", first.body);
    assert!(first.has("Страница 1 из 2") && first.has("href=\"/operator/partners?page=2\""));
    assert!(first.has("Не начато"));
    let second = op.get("/operator/partners?page=2").await;
    assert!(second.has("Zz partner 29") && !second.has("Zz partner 03"));
    assert!(second.has("href=\"/operator/partners?page=1\""));
    // A page past the end shows the last one.
    assert!(
        op.get("/operator/partners?page=99")
            .await
            .has("Zz partner 29")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_language_chosen_while_signed_in_is_the_accounts_next_time() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let mut b = signed_in(&ui, &w.partner_admin.email, "en").await;
    let chosen = b
        .submit(
            "/",
            "/lang",
            &[("lang", "fr"), ("next", "/planning-services")],
        )
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.location(), "/planning-services");
    assert!(b.get(TAB).await.has("Éligibilité"));
    let stored = ui.app.user(w.partner_admin.id).await.expect("read");
    assert_eq!(stored.map(|u| u.locale), Some(Locale::Fr));
    b.submit("/", "/logout", &[]).await;
    assert!(
        b.get("/login").await.has("Se connecter"),
        "still French after signing out"
    );

    // Another browser, asking for English: the account's language wins.
    let mut other = ui.browser("en-US,en;q=0.9");
    let login = other.get("/login").await;
    assert!(login.has("lang=\"en\""));
    other.sign_in(&w.partner_admin.email, PASSWORD).await;
    let home = other.get("/").await;
    assert!(home.has("<html lang=\"fr\""), "{}", home.body);
    assert!(home.has("Services de planification"));
    // The change is journaled, once.
    ui.app
        .set_own_locale(&Actor::of(&w.partner_admin), Locale::Fr)
        .await
        .expect("same again");
    let kinds: Vec<String> = ui
        .app
        .read(|tx| Ok(tx.events_after(saps_core::Scope::All, 0, 500)?))
        .await
        .expect("events")
        .into_iter()
        .map(|e| e.kind)
        .collect();
    let changed = kinds.iter().filter(|k| *k == "user.locale_changed").count();
    assert_eq!(changed, 1, "{kinds:?}");
    // Anonymous choices only set the cookie.
    let mut anon = ui.browser("en");
    anon.get("/login").await;
    let r = anon
        .submit("/login", "/lang", &[("lang", "it"), ("next", "/login")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(anon.get("/login").await.has("lang=\"it\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_mpn_admin_reads_the_agreement_and_enrolls_but_only_the_global_admin_signs() {
    let ui = Ui::unenrolled().await;
    let w = ui.world.clone();
    let mpn = ui
        .app
        .add_user(
            Some(&Actor::of(&w.operator)),
            w.partner.id,
            saps_app::NewUser {
                email: "mpn-onboarding@partner.example".into(),
                name: "Mpn Admin".into(),
                role: saps_core::Role::MpnAdmin,
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("mpn admin");
    let mut b = signed_in(&ui, &mpn.email, "it").await;
    let tab = b.get(TAB).await;
    assert_eq!(tab.status, StatusCode::OK);
    assert!(tab.has("Solo l&#39;Amministratore globale"), "{}", tab.body);
    assert!(!tab.has("action=\"/planning-services/agreement\""));
    assert!(tab.has("action=\"/planning-services/enrollments\""));
    assert!(
        !tab.has("action=\"/planning-services/locations\""),
        "adding locations is the global admin's"
    );
    assert!(tab.has("Non avviato") && tab.has("Contratto del programma"));
    let sign = b
        .submit(
            TAB,
            "/planning-services/agreement",
            &[("version", "1"), ("accept", "yes")],
        )
        .await;
    assert_eq!(sign.status, StatusCode::FORBIDDEN);
    let location = b
        .submit(
            TAB,
            "/planning-services/locations",
            &[("loc_name", "Roma"), ("loc_country", "IT")],
        )
        .await;
    assert_eq!(location.status, StatusCode::FORBIDDEN);
}
