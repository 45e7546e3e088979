//! The server-rendered web UI: a home per party, the voucher pages, VVR, the
//! operator's clock and the admins' users page, in five languages. Handlers
//! parse the form, call one `saps-app` use case and render an askama template;
//! core flows need no
//! JavaScript (a vendored htmx only refreshes the voucher form in place).
//!
//! The shape is one-way: this router → `pages` (one module per feature) →
//! the shared `page`, `form`, `session` and `i18n` modules.

mod assets;
pub mod chart;
pub mod eligibility;
pub mod extract;
pub mod form;
pub mod i18n;
pub mod page;
mod pages;
pub mod session;

use crate::AppState;
use axum::Router;
use axum::routing::{MethodRouter, get};
use page::{method_not_allowed, panicked, security_headers};
use pages::audit;
use pages::{
    agreement, auth, clock, delivery, directory, home, partners, payments, planning, profile,
    redeem, users, voucher_new, vouchers, vvr, webhooks,
};
use pages::{conversions, program};

pub use page::{add_security_headers, fallback};

/// The UI routes, with their security headers.
pub fn router() -> Router<AppState> {
    let p = |r: MethodRouter<AppState>| r.fallback(method_not_allowed);
    Router::new()
        .route("/", p(get(home::home)))
        .route("/login", p(get(auth::login_form).post(auth::login)))
        .route("/logout", p(get(auth::to_home).post(auth::logout)))
        .route("/lang", p(get(auth::to_home).post(auth::lang)))
        .route(
            "/benefit/activate",
            p(get(auth::to_home).post(home::activate_benefit)),
        )
        .route(
            "/vouchers",
            p(get(vouchers::list).post(voucher_new::create)),
        )
        .route(
            "/vouchers/new",
            p(get(voucher_new::new_form).post(voucher_new::refresh_form)),
        )
        .route("/vouchers/export.csv", p(get(vouchers::export_csv)))
        .route("/vouchers/export.xlsx", p(get(vouchers::export_xlsx)))
        .route("/vouchers/{code}", p(get(vouchers::detail)))
        .route(
            "/vouchers/{code}/project-manager",
            p(get(vouchers::project_manager_form).post(vouchers::change_project_manager)),
        )
        .route(
            "/vouchers/{code}/assign",
            p(get(vouchers::to_detail).post(vouchers::assign)),
        )
        .route(
            "/vouchers/{code}/cancel",
            p(get(vouchers::cancel_confirm).post(vouchers::cancel)),
        )
        .route(
            "/vouchers/{code}/reserve",
            p(get(vvr::reserve_start).post(vvr::reserve)),
        )
        .route(
            "/vouchers/{code}/cancel-reservation",
            p(get(vouchers::to_detail).post(vouchers::cancel_reservation)),
        )
        .route(
            "/vouchers/{code}/return",
            p(get(vouchers::to_detail).post(vouchers::return_voucher)),
        )
        .route("/vvr", p(get(vvr::validate_form).post(vvr::validate)))
        .route("/clock", p(get(clock::page).post(clock::moved)))
        .route("/users", p(get(users::list)))
        .route("/webhooks", p(get(webhooks::list).post(webhooks::add)))
        .route("/webhooks/{id}", p(get(webhooks::log)))
        .route(
            "/webhooks/{id}/test",
            p(get(webhooks::to_list).post(webhooks::test)),
        )
        .route(
            "/webhooks/{id}/delete",
            p(get(webhooks::to_list).post(webhooks::remove)),
        )
        .route(
            "/users/{id}/disable",
            p(get(users::to_list).post(users::disable)),
        )
        .route(
            "/users/{id}/enable",
            p(get(users::to_list).post(users::enable)),
        )
        .route("/planning-services", p(get(planning::tab)))
        .route(
            "/planning-services/agreement",
            p(get(planning::to_tab).post(planning::sign)),
        )
        .route(
            "/planning-services/enrollments",
            p(get(planning::to_tab).post(planning::enroll)),
        )
        .route(
            "/planning-services/renew",
            p(get(planning::to_tab).post(planning::renew)),
        )
        .route(
            "/planning-services/locations",
            p(get(planning::to_tab).post(planning::add_location)),
        )
        .route("/operator/partners", p(get(partners::overview)))
        .route("/operator/partners/{id}", p(get(partners::partner)))
        .route(
            "/operator/partners/{id}/trainings",
            p(get(partners::to_partner).post(partners::add_training)),
        )
        .route(
            "/operator/partners/{id}/competencies",
            p(get(partners::to_partner).post(partners::add_competency)),
        )
        .route(
            "/operator/partners/{id}/locations",
            p(get(partners::to_partner).post(partners::add_location)),
        )
        .route("/operator/consultants/{id}", p(get(partners::consultant)))
        .route(
            "/operator/consultants/{id}/exams",
            p(get(partners::to_consultant).post(partners::add_exam)),
        )
        .route(
            "/operator/agreement",
            p(get(agreement::page).post(agreement::publish)),
        )
        .route("/audit", p(get(audit::page)))
        .route("/audit/verify", p(get(auth::to_home).post(audit::verify)))
        .route("/audit/journal", p(get(audit::journal)))
        .route("/directory", p(get(directory::search)))
        .route(
            "/directory/assign",
            p(get(auth::to_home).post(directory::assign)),
        )
        .route(
            "/partner/profile",
            p(get(profile::show).post(profile::save)),
        )
        .route(
            "/vouchers/{code}/completion-report",
            p(get(vouchers::to_detail).post(delivery::report))
                .layer(axum::extract::DefaultBodyLimit::max(52 * 1024 * 1024)),
        )
        .route(
            "/vouchers/{code}/sign-off",
            p(get(vouchers::to_detail).post(delivery::sign_off)),
        )
        .route("/vouchers/{code}/receipt", p(get(delivery::receipt)))
        .route(
            "/vouchers/{code}/deliverables/{id}",
            p(get(delivery::deliverable)),
        )
        .route("/redeem", p(get(redeem::choose).post(redeem::redeem)))
        .route(
            "/redeem/confirm",
            p(get(redeem::choose).post(redeem::confirm)),
        )
        .route("/payments", p(get(payments::home)))
        .route(
            "/payments/registrations",
            p(get(payments::to_payments).post(payments::register)),
        )
        .route(
            "/payments/bank-accounts/{id}",
            p(get(payments::bank_form).post(payments::bank_save)),
        )
        .route(
            "/payments/claims",
            p(get(payments::to_payments).post(payments::create)),
        )
        .route(
            "/payments/claims/preview",
            p(get(payments::to_payments).post(payments::preview)),
        )
        .route("/payments/claims/{id}", p(get(payments::claim)))
        .route(
            "/payments/claims/{id}/{step}",
            p(get(payments::to_claim).post(payments::step)),
        )
        .route(
            "/payments/claims/{id}/invoice.pdf",
            p(get(payments::invoice)),
        )
        .route(
            "/payments/rates",
            p(get(payments::rates).post(payments::save_rates)),
        )
        .route("/payments/dashboard", p(get(payments::dashboard)))
        .route(
            "/benefit/conversions",
            p(get(conversions::page).post(conversions::convert)),
        )
        .route("/program", p(get(program::page).post(program::submit)))
        .route("/static/{file}", get(assets::static_file))
        .route("/operator/outbox", p(get(pages::outbox::page)))
        .route(
            "/settings",
            p(get(pages::settings::page).post(pages::settings::save)),
        )
        .layer(axum::middleware::from_fn(security_headers))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
}
