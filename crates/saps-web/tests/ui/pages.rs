//! The pages of each party, sessions, CSRF, 404s and the locale choice.

use crate::browser::Ui;
use crate::locales::crate_dir;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use saps_app::clock::Clock;
use saps_app::fixtures::PASSWORD;
use saps_app::{App, Settings};
use saps_core::{Actor, Role, VoucherState};
use saps_web::ui::i18n::Lang;
use std::path::Path;
use tower::ServiceExt;
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_sets_a_session_cookie_and_signing_out_revokes_it() {
    let ui = Ui::new().await;
    let mut b = ui.browser("en");
    let anonymous = b.get("/").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.location(), "/login");
    let login = b.get("/login").await;
    let set = login
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        set.starts_with("saps_csrf=") && set.contains("HttpOnly") && set.contains("SameSite=Lax")
    );
    let signed_in = b.sign_in(&ui.world.benefit_admin.email, PASSWORD).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    let cookie = signed_in
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(cookie.starts_with("saps_session=saps_"));
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(!cookie.contains("Secure"), "plain HTTP here");
    let home = b.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.has("Planning days") && home.has("What to do next"));
    let token = b.cookies["saps_session"].clone();
    let out = b.submit("/", "/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        ui.app.authenticate(&token).await.is_err(),
        "the session is revoked"
    );
    assert_eq!(b.get("/").await.location(), "/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_tls_the_session_cookie_is_host_only_and_secure() {
    let ui = Ui::new().await;
    let mut b = ui.browser("en");
    let login = b
        .send(
            b.request("GET", "/login")
                .header("x-forwarded-proto", "https")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    let token = login.csrf();
    let page = b
        .post_with(
            "/login",
            &[
                ("csrf", &token),
                ("email", &ui.world.partner_admin.email),
                ("password", PASSWORD),
            ],
            &[("x-forwarded-proto", "https")],
        )
        .await;
    let cookie = page
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        cookie.starts_with("__Host-saps_session=") && cookie.contains("Secure"),
        "{cookie}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_post_is_refused_with_a_translated_page_and_changes_nothing() {
    let ui = Ui::new().await;
    let code = ui.assigned_voucher().await;
    let mut b = ui.browser("fr");
    b.sign_in(&ui.world.benefit_admin.email, PASSWORD).await;
    let action = format!("/vouchers/{code}/cancel");
    // No token at all.
    let forged = b.post(&action, &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.has("Ce formulaire a expiré"), "{}", forged.body);
    assert!(
        forged.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    // A wrong token.
    let wrong = b.post(&action, &[("csrf", "0123456789abcdef")]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    // The right token, but the browser says it comes from another site.
    let token = b.get(&format!("/vouchers/{code}")).await.csrf();
    let cross = b
        .post_with(
            &action,
            &[("csrf", &token)],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(cross.status, StatusCode::FORBIDDEN);
    let v = ui
        .app
        .voucher(&Actor::of(&ui.world.benefit_admin), code)
        .await
        .expect("voucher");
    assert_eq!(v.state, VoucherState::Assigned, "nothing changed");
    // The same post with the token is accepted.
    let ok = b.post(&action, &[("csrf", &token)]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_form_needs_its_own_cookie_token() {
    let ui = Ui::new().await;
    let mut b = ui.browser("en");
    let page = b
        .post(
            "/login",
            &[
                ("csrf", "saps_0000000000000000000000000000000000000000"),
                ("email", &ui.world.benefit_admin.email),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!page.headers.contains_key("set-cookie"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_sign_ins_are_throttled_with_a_translated_message_that_keeps_the_address() {
    let ui = Ui::new().await;
    let mut b = ui.browser("pt-BR,pt;q=0.9");
    let email = ui.world.project_manager.email.clone();
    for _ in 0..5 {
        let page = b.sign_in(&email, "wrong password").await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        assert!(page.has("O endereço de e-mail ou a senha não está correto."));
    }
    let page = b.sign_in(&email, PASSWORD).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        page.has("Muitas tentativas de entrada com falha para este endereço"),
        "{}",
        page.body
    );
    assert!(
        page.has(&format!("value=\"{email}\"")),
        "the address is kept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_tenants_voucher_and_unknown_pages_are_an_html_404() {
    let ui = Ui::new().await;
    let op = Actor::of(&ui.world.operator);
    let other = ui
        .app
        .create_customer(&op, "Other Customer", "IT")
        .await
        .expect("customer");
    let other_admin = ui
        .app
        .add_user(
            Some(&op),
            other.id,
            saps_app::NewUser {
                email: "ba@other.example".into(),
                name: "Other Admin".into(),
                role: Role::BenefitAdmin,
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("user");
    let code = ui.assigned_voucher().await;
    let mut b = ui.browser("ru");
    b.sign_in(&other_admin.email, PASSWORD).await;
    let page = b.get(&format!("/vouchers/{code}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.has("Страница не найдена"), "{}", page.body);
    assert!(!page.has("SSDPS-UPG"), "nothing of the voucher shows");
    let cancel = b
        .submit("/", &format!("/vouchers/{code}/cancel"), &[])
        .await;
    assert_eq!(cancel.status, StatusCode::NOT_FOUND);
    let nowhere = b.get("/no/such/page").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert!(
        nowhere.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(nowhere.has("<html lang=\"ru\">"));
    let api = b.get("/api/v1/no-such-route").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.headers["content-type"], "application/problem+json");
    let malformed = b.get("/vouchers/not-a-code").await;
    assert_eq!(malformed.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_the_security_headers_and_static_files_are_cached() {
    let ui = Ui::new().await;
    let mut b = ui.browser("en");
    let page = b.get("/login").await;
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert!(
        csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"),
        "no plugins, no <base> rewriting links: {csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["referrer-policy"], "same-origin");
    assert!(
        !page.has("style=\""),
        "no inline styles: the CSP forbids them"
    );
    assert!(!page.has("<script>"), "no inline script");
    let css = b.get("/static/app.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    assert!(b.get("/static/htmx.min.js").await.has("htmx"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_locale_comes_from_the_switcher_then_accept_language_then_english() {
    let ui = Ui::new().await;
    let mut b = ui.browser("it-IT,it;q=0.9,en;q=0.5");
    assert!(b.get("/login").await.has("<html lang=\"it\">"));
    let switched = b
        .submit("/login", "/lang", &[("lang", "ru"), ("next", "/login")])
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.location(), "/login");
    assert!(b.cookies.get("saps_lang").is_some_and(|v| v == "ru"));
    let page = b.get("/login").await;
    assert!(page.has("<html lang=\"ru\">") && page.has("Вход"));
    // Never sent elsewhere.
    let away = b
        .submit(
            "/login",
            "/lang",
            &[("lang", "fr"), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(away.location(), "/");
    let mut c = ui.browser("de-DE");
    assert!(c.get("/login").await.has("<html lang=\"en\">"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customer_and_partner_walk_the_voucher_path_in_russian() {
    let ui = Ui::new().await;
    let w = &ui.world;
    let mut customer = ui.browser("ru");
    customer.sign_in(&w.benefit_admin.email, PASSWORD).await;
    let home = customer.get("/").await;
    assert!(home.has("Доступно сейчас: 30 дней."), "{}", home.body);
    // Refresh the form for an engagement: only its lengths are offered.
    let form = customer
        .submit(
            "/vouchers/new",
            "/vouchers/new",
            &[("engagement", "DYDPS-ERP"), ("agreement", &w.agreement)],
        )
        .await;
    assert!(
        form.has("value=\"5\"")
            && form.has("value=\"15\"")
            && !form.has("name=\"days\" value=\"1\"")
    );
    // A refused creation keeps what was typed and names the field.
    let pm = w.project_manager.id.to_string();
    let refused = customer
        .submit(
            "/vouchers/new",
            "/vouchers",
            &[
                ("agreement", &w.agreement),
                ("engagement", "DYDPS-ERP"),
                ("days", "1"),
                ("project_manager", &pm),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.has("не может длиться 1 день"), "{}", refused.body);
    assert!(refused.has("id=\"days-error\""));
    let created = customer
        .submit(
            "/vouchers/new",
            "/vouchers",
            &[
                ("agreement", &w.agreement),
                ("engagement", "SSDPS-UPG"),
                ("days", "1"),
                ("project_manager", &pm),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let detail_path = created.location().split('?').next().unwrap().to_owned();
    let code = detail_path.trim_start_matches("/vouchers/").to_owned();
    let detail = customer.get(created.location()).await;
    assert!(detail.has("Ваучер создан.") && detail.has("1 день"));
    let partner = w.partner.id.to_string();
    let assigned = customer
        .submit(
            &detail_path,
            &format!("{detail_path}/assign"),
            &[("partner", &partner)],
        )
        .await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);

    let mut admin = ui.browser("ru");
    admin.sign_in(&w.partner_admin.email, PASSWORD).await;
    let wrong = admin
        .submit(
            "/vvr",
            "/vvr",
            &[("code", &code), ("customer_email", "someone@else.example")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.has("Ни один ваучер") && wrong.has("someone@else.example"));
    let reserve = admin
        .submit(
            "/vvr",
            "/vvr",
            &[("code", &code), ("customer_email", &w.benefit_admin.email)],
        )
        .await;
    assert_eq!(reserve.status, StatusCode::OK, "{}", reserve.body);
    assert!(reserve.has("Условия программы"));
    let location = w.location.id.to_string();
    let consultant = w.consultant.id.to_string();
    let token = reserve.csrf();
    let action = format!("{detail_path}/reserve");
    let email = w.benefit_admin.email.clone();
    let fields = |start: &'static str, end: &'static str, terms: bool| {
        let mut f = vec![
            ("csrf", token.clone()),
            ("customer_email", email.clone()),
            ("location", location.clone()),
            ("consultant", consultant.clone()),
            ("start_date", start.to_owned()),
            ("end_date", end.to_owned()),
        ];
        if terms {
            f.push(("accept_terms", "yes".to_owned()));
        }
        f
    };
    let f = fields("2020-12-10", "2020-12-07", true);
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = admin.post(&action, &pairs).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.has("Последний день раньше первого."),
        "{}",
        refused.body
    );
    assert!(
        refused.has("value=\"2020-12-10\"") && refused.has("value=\"2020-12-07\""),
        "typed dates kept"
    );
    let f = fields("2020-12-07", "2020-12-07", false);
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let no_terms = admin.post(&action, &pairs).await;
    assert!(no_terms.has("примите условия программы") && no_terms.has("id=\"accept_terms-error\""));
    let f = fields("2020-12-07", "2020-12-07", true);
    let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reserved = admin.post(&action, &pairs).await;
    assert_eq!(reserved.status, StatusCode::SEE_OTHER, "{}", reserved.body);
    let page = admin.get(reserved.location()).await;
    assert!(page.has("Ваучер зарезервирован.") && page.has("7 дек. 2020 г."));

    let no_reason = admin
        .submit(
            &detail_path,
            &format!("{detail_path}/cancel-reservation"),
            &[("reason", " ")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.has("id=\"reason-error\"") && no_reason.has("Укажите причину"));
    let cancelled = admin
        .submit(
            &detail_path,
            &format!("{detail_path}/cancel-reservation"),
            &[("reason", "Клиент перенес проект")],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let history = customer.get(&detail_path).await;
    assert!(
        history.has("Резервирование отменено: Клиент перенес проект"),
        "{}",
        history.body
    );
    assert!(history.has("Назначен"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_sees_counts_and_moves_the_simulated_clock() {
    let ui = Ui::new().await;
    ui.assigned_voucher().await;
    let mut op = ui.browser("en");
    op.sign_in(&ui.world.operator.email, PASSWORD).await;
    let home = op.get("/").await;
    assert!(home.has("Vouchers by state") && home.has("One voucher in the program."));
    let bad = op
        .submit("/clock", "/clock", &[("action", "advance"), ("days", "0")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.has("Enter a whole number of days from 1 to 3650."));
    let moved = op
        .submit("/clock", "/clock", &[("action", "advance"), ("days", "3")])
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    assert_eq!(ui.app.today(), jiff::civil::date(2020, 11, 5));
    assert!(op.get("/clock").await.has("Nov 5, 2020"));
    // The clock only moves forward.
    let back = op
        .submit(
            "/clock",
            "/clock",
            &[("action", "set"), ("date", "2020-11-02")],
        )
        .await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = op
        .submit(
            "/clock",
            "/clock",
            &[("action", "set"), ("date", "2020-11-20")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    // Others may not see the clock page.
    let mut ba = ui.browser("en");
    ba.sign_in(&ui.world.benefit_admin.email, PASSWORD).await;
    assert_eq!(ba.get("/clock").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_lists_its_accounts_on_the_sign_in_page_and_nothing_else_does() {
    let ui = Ui::new().await;
    let mut b = ui.browser("en");
    assert!(!b.get("/login").await.has("Try the demo"), "not the demo");

    let dir = std::env::temp_dir().join(format!("saps-demo-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let store = saps_testkit::testapp::open_fresh(saps_testkit::testapp::Db::Sqlite, &dir).await;
    let settings = Settings {
        mail_dir: dir.join("mail"),
        ..Settings::default()
    };
    let app = App::new(
        store,
        Clock::simulated(saps_app::demo::demo_date()),
        settings,
    )
    .await
    .expect("app");
    let accounts = saps_app::demo::seed(&app).await.expect("demo");
    // As `saps demo` does: seeding alone lists nothing.
    app.list_demo_accounts(&accounts);
    let res = saps_web::router(app)
        .oneshot(Request::get("/login").body(Body::empty()).expect("req"))
        .await
        .expect("infallible");
    let body = res.into_body().collect().await.expect("body").to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("Try the demo") && body.contains("saps-demo-2020"));
    assert!(body.contains("bianca.benefit-admin@tailspin.example"));
    assert!(body.contains("gabriel.global-admin@fabrikam.example"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_locale_files_live_where_the_loader_reads_them() {
    for lang in Lang::ALL {
        let dir = Path::new(&crate_dir()).join("locales").join(lang.tag());
        let mut found: Vec<String> = std::fs::read_dir(&dir)
            .expect("locale folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter_map(|n| n.strip_suffix(".ftl").map(str::to_owned))
            .collect();
        found.sort();
        let mut listed: Vec<String> = saps_web::ui::i18n::LOCALE_FILES
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        listed.sort();
        assert_eq!(
            found,
            listed,
            "{}: LOCALE_FILES names every .ftl file",
            lang.tag()
        );
    }
}
