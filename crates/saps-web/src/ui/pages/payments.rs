//! Payments (SAVB). The partner's admins: registration per offering, a bank
//! account per location, redeemed vouchers to claim (filtered by country and
//! location, with the window left), select → priced total → save as draft or
//! submit, every claim's state, disputes, invoices. The operator: the review
//! queue (approve, reject with a reason, pay with a reference), the rate card
//! editor and a dashboard of server-rendered SVG charts.

use crate::AppState;
use crate::ui::chart::{self, Bar, Caption};
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::form::Problems;
use crate::ui::page::{Choice, fail, not_found_page, render};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::claims::{ClaimDecision, ClaimView, ClaimableVoucher};
use saps_app::home::Abilities;
use saps_app::payment_views::ClaimPreview;
use saps_app::payments::{MoneyView, RateInput};
use saps_core::payment::{ClaimAction, ClaimState, ClaimStep, authorize_claim};
use saps_core::{Actor, Error, LocationId, Money};

// ---- rows the templates show ----------------------------------------------------

pub struct RegRow {
    pub offering: String,
    pub name: String,
    pub registered_on: Option<String>,
}

pub struct AccountRow {
    pub holder: String,
    pub iban: String,
    pub bic: String,
}

pub struct BankRow {
    pub location_id: String,
    pub location: String,
    pub account: Option<AccountRow>,
}

pub struct ReadyRow {
    pub code: String,
    pub engagement: String,
    pub location: String,
    pub country: String,
    pub days: String,
    pub redeemed_on: String,
    pub left: String,
    /// A week or less left to claim it.
    pub urgent: bool,
    pub checked: bool,
}

pub struct ClaimRow {
    pub id: String,
    pub reference: String,
    pub partner: String,
    pub location: String,
    pub state: &'static str,
    pub state_label: String,
    pub total: String,
    pub submitted: Option<String>,
    pub due: Option<String>,
}

pub struct LineRow {
    pub code: String,
    pub engagement: String,
    pub country: String,
    pub days: String,
    pub day_rate: String,
    pub amount: String,
}

pub struct HistoryRow {
    pub at: String,
    pub state: String,
    pub note: Option<String>,
}

pub struct RateRow {
    pub country: String,
    pub day_rate: String,
    pub currency: String,
    pub effective_from: String,
}

pub struct ChartBox {
    pub title: String,
    pub svg: String,
}

pub struct DueRow {
    pub id: String,
    pub reference: String,
    pub partner: String,
    pub total: String,
    pub when: String,
}

// ---- formatting -------------------------------------------------------------------

/// An amount as the API writes it, back to exact money.
fn money_of(v: &MoneyView) -> Option<Money> {
    let amount: rust_decimal::Decimal = v.amount.parse().ok()?;
    Money::new(amount, v.currency.parse().ok()?).ok()
}

fn show_money(ctx: &Ctx, v: &MoneyView) -> String {
    match money_of(v) {
        Some(m) => ctx.lang.money(&m),
        None => format!("{} {}", v.amount, v.currency),
    }
}

fn state_label(ctx: &Ctx, s: ClaimState) -> String {
    ctx.t(&format!("pay-state-{}", s.as_str()))
}

fn engagement(st: &AppState, ctx: &Ctx, code: &str) -> String {
    let program = st.app.program();
    let name = program
        .engagement(code)
        .map_or(code.to_owned(), |(_, e)| e.name.clone());
    ctx.engagement(code, &name)
}

/// A refusal's message: the payment pages' own words for a field, else the
/// shared ones.
fn message(ctx: &Ctx, e: &Error) -> String {
    if let Error::Invalid { field, .. } = e {
        let key = format!("pay-invalid-{}", field.replace(['.', '_'], "-"));
        if ctx.lang.has(&key) {
            return ctx.t(&key);
        }
    }
    ctx.lang.error(e)
}

/// A refusal beside the field it names (`fields`: the form's field ids), else
/// at the top.
fn problems(ctx: &Ctx, e: &Error, fields: &[&'static str]) -> Problems {
    let text = message(ctx, e);
    match e {
        Error::Invalid { field, .. } => match fields.iter().find(|f| **f == field.as_str()) {
            Some(f) => Problems::default().at(f, text),
            None => Problems::top(text),
        },
        _ => Problems::top(text),
    }
}

fn claim_row(ctx: &Ctx, c: &ClaimView) -> ClaimRow {
    ClaimRow {
        id: c.id.to_string(),
        reference: c.reference.clone(),
        partner: c.partner_name.clone(),
        location: c.location_name.clone(),
        state: c.state.as_str(),
        state_label: state_label(ctx, c.state),
        total: show_money(ctx, &c.total),
        submitted: c.submitted_at.map(|t| ctx.date(t)),
        due: c.payment_due_on.map(|d| ctx.date(d)),
    }
}

fn claim_id(raw: &str) -> Option<uuid::Uuid> {
    raw.parse().ok()
}

// ---- the partner's page -----------------------------------------------------------

#[derive(Template)]
#[template(path = "payments.html")]
pub struct PartnerPage<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub problems: Problems,
    pub may_manage: bool,
    pub window_days: u32,
    pub registrations: Vec<RegRow>,
    pub banks: Vec<BankRow>,
    pub countries: Vec<Choice>,
    pub locations: Vec<Choice>,
    pub ready: Vec<ReadyRow>,
    pub claims: Vec<ClaimRow>,
    pub show_partner: bool,
}

/// What the partner's page is drawn with besides its data.
struct PartnerView<'q> {
    country: Option<&'q str>,
    location: Option<&'q str>,
    checked: Vec<String>,
    done: Option<String>,
    problems: Problems,
    status: StatusCode,
}

async fn partner_page(st: &AppState, ctx: &Ctx, actor: &Actor, v: PartnerView<'_>) -> Response {
    let partner = actor.org_id;
    let program = st.app.program();
    let loaded = async {
        let regs = st.app.payment_registrations(actor, partner).await?;
        let (_, locations) = st.app.partner(partner).await?;
        let accounts = st.app.bank_accounts(actor, partner).await?;
        let claimable = st.app.claimable_vouchers(actor).await?;
        let claims = st.app.claims(actor, Vec::new(), None, 500).await?;
        Ok::<_, Error>((regs, locations, accounts, claimable, claims))
    }
    .await;
    let (regs, locations, accounts, claimable, claims) = match loaded {
        Ok(x) => x,
        Err(e) => return fail(ctx, e),
    };
    let registrations = program
        .offerings
        .iter()
        .map(|o| RegRow {
            offering: o.code.clone(),
            name: ctx.t(&format!("offering-{}", o.code)),
            registered_on: regs
                .iter()
                .find(|r| r.offering == o.code)
                .map(|r| ctx.date(r.registered_at)),
        })
        .collect();
    let banks = locations
        .iter()
        .map(|l| BankRow {
            location_id: l.id.to_string(),
            location: format!("{} · {}", l.name, ctx.country(&l.country)),
            account: accounts
                .iter()
                .find(|a| a.location_id == l.id)
                .map(|a| AccountRow {
                    holder: a.holder.clone(),
                    iban: a.iban.clone(),
                    bic: a.bic.clone(),
                }),
        })
        .collect();
    let mut country_codes: Vec<&str> = claimable.iter().map(|c| c.country.as_str()).collect();
    country_codes.sort_unstable();
    country_codes.dedup();
    let countries = country_codes
        .iter()
        .map(|c| Choice {
            value: (*c).to_owned(),
            label: ctx.country(c),
            selected: v.country == Some(*c),
            disabled: false,
        })
        .collect();
    let location_choices = locations
        .iter()
        .map(|l| Choice {
            value: l.id.to_string(),
            label: l.name.clone(),
            selected: v.location == Some(l.id.to_string().as_str()),
            disabled: false,
        })
        .collect();
    let shown = |c: &&ClaimableVoucher| {
        v.country.is_none_or(|k| c.country == k)
            && v.location.is_none_or(|k| c.location_id.to_string() == k)
    };
    let ready = claimable
        .iter()
        .filter(shown)
        .map(|c| ReadyRow {
            code: c.code.to_string(),
            engagement: engagement(st, ctx, &c.engagement),
            location: c.location_name.clone(),
            country: ctx.country(&c.country),
            days: ctx.days(c.days),
            redeemed_on: ctx.date(c.redeemed_on),
            left: if c.days_left == 0 {
                ctx.t("pay-window-today")
            } else {
                ctx.t1("pay-window-left", "days", c.days_left)
            },
            urgent: c.days_left <= 7,
            checked: v.checked.iter().any(|k| *k == c.code.to_string()),
        })
        .collect();
    let page = PartnerPage {
        ctx,
        done: v.done,
        problems: v.problems,
        may_manage: Abilities::of(actor).payment_setup,
        window_days: program.claim_window_days,
        registrations,
        banks,
        countries,
        locations: location_choices,
        ready,
        claims: claims.items.iter().map(|c| claim_row(ctx, c)).collect(),
        show_partner: false,
    };
    render(ctx, v.status, &page)
}

/// `/payments`: the partner's page, or the operator's review queue.
pub async fn home(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    if authorize_claim(&actor, ClaimAction::Review, None).is_ok() {
        return review_page(&st, &ctx, &actor, done(&ctx, &q)).await;
    }
    if let Err(e) = authorize_claim(&actor, ClaimAction::View, None) {
        return fail(&ctx, e);
    }
    let view = PartnerView {
        country: q.get("country"),
        location: q.get("location"),
        checked: Vec::new(),
        done: done(&ctx, &q),
        problems: Problems::default(),
        status: StatusCode::OK,
    };
    partner_page(&st, &ctx, &actor, view).await
}

/// The message after an action, with the claim's reference or the place.
fn done(ctx: &Ctx, q: &Q) -> Option<String> {
    let what = q.get("done")?;
    match what {
        "registered" => Some(ctx.t1(
            "pay-registered-ok",
            "offering",
            q.get("offering").unwrap_or(""),
        )),
        "bank" => Some(ctx.t1(
            "pay-bank-saved",
            "location",
            q.get("location").unwrap_or(""),
        )),
        "rates" => Some(ctx.t("pay-rates-saved")),
        _ => None,
    }
}

pub async fn register(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let offering = form.get("offering").trim().to_owned();
    match st
        .app
        .register_for_payment(&actor, actor.org_id, &offering)
        .await
    {
        Ok(r) => {
            let name = ctx.t(&format!("offering-{}", r.offering));
            let q: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("done", "registered")
                .append_pair("offering", &name)
                .finish();
            Redirect::to(&format!("/payments?{q}#reg-title")).into_response()
        }
        Err(e @ (Error::Rule(_) | Error::Conflict { .. } | Error::Invalid { .. })) => {
            let view = PartnerView {
                country: None,
                location: None,
                checked: Vec::new(),
                done: None,
                problems: Problems::top(message(ctx, &e)),
                status: crate::answer::status(&e),
            };
            partner_page(&st, ctx, &actor, view).await
        }
        Err(e) => fail(ctx, e),
    }
}

// ---- bank accounts ------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments_bank.html")]
pub struct BankPage<'a> {
    pub ctx: &'a Ctx,
    pub location_id: String,
    pub location: String,
    pub current: Option<String>,
    pub holder: String,
    pub iban: String,
    pub bic: String,
    pub problems: Problems,
}

async fn bank_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    raw: &str,
    typed: Option<(String, String, String)>,
    problems: Problems,
    status: StatusCode,
) -> Response {
    let Some(id) = raw.parse::<uuid::Uuid>().ok().map(LocationId) else {
        return not_found_page(ctx);
    };
    let location = match st.app.partner(actor.org_id).await {
        Ok((_, locations)) => locations.into_iter().find(|l| l.id == id),
        Err(e) => return fail(ctx, e),
    };
    let Some(location) = location else {
        return not_found_page(ctx);
    };
    let current = match st.app.bank_account(actor, id).await {
        Ok(a) => Some(a),
        Err(Error::NotFound(_)) => None,
        Err(e) => return fail(ctx, e),
    };
    let (holder, iban, bic) = typed.unwrap_or_else(|| {
        current
            .as_ref()
            .map(|a| (a.holder.clone(), String::new(), a.bic.clone()))
            .unwrap_or_default()
    });
    let page = BankPage {
        ctx,
        location_id: id.to_string(),
        location: location.name,
        current: current.map(|a| a.iban),
        holder,
        iban,
        bic,
        problems,
    };
    render(ctx, status, &page)
}

pub async fn bank_form(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
) -> Response {
    if !Abilities::of(&actor).payment_setup {
        return fail(
            &ctx,
            Error::forbidden("Only the company's global admin gives bank accounts."),
        );
    }
    bank_page(
        &st,
        &ctx,
        &actor,
        &raw,
        None,
        Problems::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn bank_save(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let Some(id) = raw.parse::<uuid::Uuid>().ok().map(LocationId) else {
        return not_found_page(ctx);
    };
    let typed = (
        form.get("holder").to_owned(),
        form.get("iban").to_owned(),
        form.get("bic").to_owned(),
    );
    match st
        .app
        .set_bank_account(&actor, id, &typed.0, &typed.1, &typed.2)
        .await
    {
        Ok(_) => {
            let name = match st.app.partner(actor.org_id).await {
                Ok((_, ls)) => ls
                    .into_iter()
                    .find(|l| l.id == id)
                    .map(|l| l.name)
                    .unwrap_or_default(),
                Err(_) => String::new(),
            };
            let q: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("done", "bank")
                .append_pair("location", &name)
                .finish();
            Redirect::to(&format!("/payments?{q}#bank-title")).into_response()
        }
        Err(e @ Error::Invalid { .. }) => {
            let p = problems(ctx, &e, &["holder", "iban", "bic"]);
            bank_page(
                &st,
                ctx,
                &actor,
                &raw,
                Some(typed),
                p,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => fail(ctx, e),
    }
}

// ---- making a claim -----------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments_confirm.html")]
pub struct ConfirmPage<'a> {
    pub ctx: &'a Ctx,
    pub location: String,
    pub lines: Vec<LineRow>,
    pub total: String,
    pub problems: Problems,
}

fn preview_lines(st: &AppState, ctx: &Ctx, p: &ClaimPreview) -> Vec<LineRow> {
    p.lines
        .iter()
        .map(|(l, eng)| LineRow {
            code: l.code.to_string(),
            engagement: engagement(st, ctx, eng),
            country: ctx.country(&l.country),
            days: ctx.days(l.days),
            day_rate: ctx.lang.money(&l.day_rate),
            amount: ctx.lang.money(&l.amount),
        })
        .collect()
}

/// Back to the partner's page with the selection kept and the refusal on top.
async fn refused_selection(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    codes: Vec<String>,
    e: &Error,
) -> Response {
    let status = match e {
        Error::NotFound(_) => StatusCode::NOT_FOUND,
        e => crate::answer::status(e),
    };
    let view = PartnerView {
        country: None,
        location: None,
        checked: codes,
        done: None,
        problems: Problems::top(message(ctx, e)),
        status,
    };
    partner_page(st, ctx, actor, view).await
}

/// The selected vouchers priced: lines, total, and the choice to save or submit.
pub async fn preview(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let codes: Vec<String> = form.all("code").map(str::to_owned).collect();
    if codes.is_empty() {
        let view = PartnerView {
            country: None,
            location: None,
            checked: Vec::new(),
            done: None,
            problems: Problems::top(ctx.t("pay-pick-one")),
            status: StatusCode::UNPROCESSABLE_ENTITY,
        };
        return partner_page(&st, ctx, &actor, view).await;
    }
    match st.app.preview_claim(&actor, codes.clone()).await {
        Ok(p) => {
            let page = ConfirmPage {
                ctx,
                location: p.location_name.clone(),
                lines: preview_lines(&st, ctx, &p),
                total: ctx.lang.money(&p.total),
                problems: Problems::default(),
            };
            render(ctx, StatusCode::OK, &page)
        }
        Err(e @ Error::Forbidden(_)) => fail(ctx, e),
        Err(e) => refused_selection(&st, ctx, &actor, codes, &e).await,
    }
}

/// Saves the claim as a draft, or saves and submits it; then its page.
pub async fn create(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let codes: Vec<String> = form.all("code").map(str::to_owned).collect();
    let submit = form.get("submit") == "1";
    let claim = match st.app.create_claim(&actor, codes.clone()).await {
        Ok(c) => c,
        Err(e @ Error::Forbidden(_)) => return fail(ctx, e),
        Err(e) => return refused_selection(&st, ctx, &actor, codes, &e).await,
    };
    if !submit {
        return Redirect::to(&format!("/payments/claims/{}?done=draft", claim.id)).into_response();
    }
    match st.app.submit_claim(&actor, claim.id).await {
        Ok(c) => Redirect::to(&format!("/payments/claims/{}?done=submitted", c.id)).into_response(),
        // Saved as a draft; why it could not be submitted is said on its page.
        Err(e) => {
            let done = Some(ctx.t1("pay-created-draft", "reference", claim.reference.as_str()));
            let status = crate::answer::status(&e);
            let view = ClaimPageView {
                done,
                problems: Problems::top(message(ctx, &e)),
                reason: String::new(),
                payment_reference: String::new(),
                status,
            };
            claim_page(&st, ctx, &actor, claim.id, view).await
        }
    }
}

// ---- one claim --------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments_claim.html")]
pub struct ClaimPage<'a> {
    pub ctx: &'a Ctx,
    pub id: String,
    pub reference: String,
    pub state: &'static str,
    pub state_label: String,
    pub partner: String,
    pub location: String,
    pub submitted: Option<String>,
    pub due: Option<String>,
    pub bank: Option<String>,
    pub notes: Vec<String>,
    pub lines: Vec<LineRow>,
    pub total: String,
    pub history: Vec<HistoryRow>,
    pub may_submit: bool,
    pub may_withdraw: bool,
    pub may_dispute: bool,
    pub may_review: bool,
    pub may_pay: bool,
    pub reason: String,
    pub payment_reference: String,
    pub done: Option<String>,
    pub problems: Problems,
}

struct ClaimPageView {
    done: Option<String>,
    problems: Problems,
    reason: String,
    payment_reference: String,
    status: StatusCode,
}

async fn claim_page(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: uuid::Uuid,
    v: ClaimPageView,
) -> Response {
    let c = match st.app.claim(actor, id).await {
        Ok(c) => c,
        Err(e) => return fail(ctx, e),
    };
    let engagements = match st.app.claim_invoice(actor, id).await {
        Ok(d) => d.engagements,
        Err(e) => return fail(ctx, e),
    };
    let reviewer = authorize_claim(actor, ClaimAction::Review, Some(c.partner_id)).is_ok();
    let claimant = authorize_claim(actor, ClaimAction::Claim, Some(c.partner_id)).is_ok();
    let mut notes = Vec::new();
    if let Some(r) = &c.rejection_reason {
        notes.push(ctx.t1("pay-rejected-because", "reason", r.as_str()));
    }
    if let Some(r) = &c.dispute_reason {
        notes.push(ctx.t1("pay-disputed-because", "reason", r.as_str()));
    }
    if let Some(r) = &c.payment_reference {
        notes.push(ctx.t1("pay-paid-with", "reference", r.as_str()));
    }
    let lines = c
        .lines
        .iter()
        .zip(
            engagements
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        )
        .map(|(l, eng)| LineRow {
            code: l.code.to_string(),
            engagement: engagement(st, ctx, eng),
            country: ctx.country(&l.country),
            days: ctx.days(l.days),
            day_rate: show_money(ctx, &l.day_rate),
            amount: show_money(ctx, &l.amount),
        })
        .collect();
    let page = ClaimPage {
        ctx,
        id: c.id.to_string(),
        reference: c.reference.clone(),
        state: c.state.as_str(),
        state_label: state_label(ctx, c.state),
        partner: c.partner_name.clone(),
        location: format!("{} · {}", c.location_name, ctx.country(&c.location_country)),
        submitted: c.submitted_at.map(|t| ctx.date(t)),
        due: c.payment_due_on.map(|d| ctx.date(d)),
        bank: c.bank_account.as_ref().map(|a| a.iban.clone()),
        notes,
        lines,
        total: show_money(ctx, &c.total),
        history: c
            .history
            .iter()
            .map(|h| HistoryRow {
                at: ctx.datetime(h.at),
                state: state_label(ctx, h.state),
                note: h.note.clone(),
            })
            .collect(),
        may_submit: claimant && c.state == ClaimState::Draft,
        may_withdraw: claimant && c.state == ClaimState::Draft,
        may_dispute: claimant && c.state == ClaimState::Rejected && c.dispute_until.is_some(),
        may_review: reviewer && matches!(c.state, ClaimState::Submitted | ClaimState::Disputed),
        may_pay: reviewer && c.state == ClaimState::Approved,
        reason: v.reason,
        payment_reference: v.payment_reference,
        done: v.done,
        problems: v.problems,
    };
    render(ctx, v.status, &page)
}

pub async fn claim(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let Some(id) = claim_id(&raw) else {
        return not_found_page(&ctx);
    };
    // `?done=` names the state a step reached (`draft`: a claim just saved).
    let done = q.get("done").and_then(ClaimState::parse);
    let reference = match done {
        Some(_) => match st.app.claim(&actor, id).await {
            Ok(c) => c.reference,
            Err(e) => return fail(&ctx, e),
        },
        None => String::new(),
    };
    let key = match done {
        Some(ClaimState::Draft) => "pay-created-draft".to_owned(),
        Some(ClaimState::Submitted) => "pay-created-submitted".to_owned(),
        Some(s) => format!("pay-{}-ok", s.as_str()),
        None => String::new(),
    };
    let done = (!key.is_empty()).then(|| ctx.t1(&key, "reference", reference.as_str()));
    let view = ClaimPageView {
        done,
        problems: Problems::default(),
        reason: String::new(),
        payment_reference: String::new(),
        status: StatusCode::OK,
    };
    claim_page(&st, &ctx, &actor, id, view).await
}

/// The steps taken from a claim's page: the address's last segment
/// (`/payments/claims/{id}/{step}`) and the step of the claim's lifecycle.
const STEPS: [(&str, ClaimStep); 6] = [
    ("submit", ClaimStep::Submit),
    ("dispute", ClaimStep::Dispute),
    ("approve", ClaimStep::Approve),
    ("reject", ClaimStep::Reject),
    ("pay", ClaimStep::Pay),
    ("withdraw", ClaimStep::Withdraw),
];

/// What a step needs from its form: a reason or a payment reference.
fn decision(step: ClaimStep, reason: &str, payment_reference: &str) -> ClaimDecision {
    let reason = reason.to_owned();
    match step {
        ClaimStep::Submit => ClaimDecision::Submit,
        ClaimStep::Approve => ClaimDecision::Approve,
        ClaimStep::Reject => ClaimDecision::Reject { reason },
        ClaimStep::Pay => ClaimDecision::Pay {
            payment_reference: payment_reference.to_owned(),
        },
        ClaimStep::Dispute => ClaimDecision::Dispute { reason },
        ClaimStep::Withdraw => ClaimDecision::Withdraw,
    }
}

/// One step on a claim from its page (`/payments/claims/{id}/{step}`): the
/// use case, then the claim's page with what happened, or with the refusal
/// beside its field.
pub async fn step(
    State(st): State<AppState>,
    Path((raw, name)): Path<(String, String)>,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let (Some(id), Some(&(_, step))) = (claim_id(&raw), STEPS.iter().find(|(n, _)| *n == name))
    else {
        return not_found_page(ctx);
    };
    let reason = form.get("reason").to_owned();
    let payment_reference = form.get("payment_reference").to_owned();
    let d = decision(step, &reason, &payment_reference);
    match st.app.claim_step(&actor, id, d).await {
        Ok(c) => {
            let done = step.verb();
            Redirect::to(&format!("/payments/claims/{}?done={done}", c.id)).into_response()
        }
        Err(e @ (Error::Forbidden(_) | Error::NotFound(_))) => fail(ctx, e),
        Err(e) => {
            let view = ClaimPageView {
                done: None,
                problems: problems(ctx, &e, &["reason", "payment_reference"]),
                reason,
                payment_reference,
                status: crate::answer::status(&e),
            };
            claim_page(&st, ctx, &actor, id, view).await
        }
    }
}

/// The claim's invoice, in the partner's language (`?lang=` for another).
pub async fn invoice(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    let Some(id) = claim_id(&raw) else {
        return not_found_page(&ctx);
    };
    let data = match st.app.claim_invoice(&actor, id).await {
        Ok(d) => d,
        Err(e) => return fail(&ctx, e),
    };
    let locale = crate::invoice::language(&data, q.get("lang"));
    match crate::invoice::respond(&data, locale, st.app.today(), &st.app.program()) {
        Ok(r) => r,
        Err(e) => fail(&ctx, e),
    }
}

// ---- the operator -----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments_review.html")]
pub struct ReviewPage<'a> {
    pub ctx: &'a Ctx,
    pub section: &'static str,
    pub done: Option<String>,
    pub queue: Vec<ClaimRow>,
    pub others: Vec<ClaimRow>,
    pub show_partner: bool,
}

async fn review_page(st: &AppState, ctx: &Ctx, actor: &Actor, done: Option<String>) -> Response {
    let waiting = vec![ClaimState::Submitted, ClaimState::Disputed];
    let rest = vec![ClaimState::Approved, ClaimState::Paid, ClaimState::Rejected];
    let loaded = async {
        let queue = st.app.claims(actor, waiting, None, 500).await?;
        let others = st.app.claims(actor, rest, None, 500).await?;
        Ok::<_, Error>((queue, others))
    }
    .await;
    match loaded {
        Ok((queue, others)) => {
            let page = ReviewPage {
                ctx,
                section: "review",
                done,
                queue: queue.items.iter().map(|c| claim_row(ctx, c)).collect(),
                others: others.items.iter().map(|c| claim_row(ctx, c)).collect(),
                show_partner: true,
            };
            render(ctx, StatusCode::OK, &page)
        }
        Err(e) => fail(ctx, e),
    }
}

#[derive(Template)]
#[template(path = "payments_rates.html")]
pub struct RatesPage<'a> {
    pub ctx: &'a Ctx,
    pub section: &'static str,
    pub done: Option<String>,
    pub rows: Vec<RateRow>,
    pub problems: Problems,
}

/// Empty rows offered below the card, to add rates.
const BLANK_RATES: usize = 3;

fn with_blanks(mut rows: Vec<RateRow>) -> Vec<RateRow> {
    for _ in 0..BLANK_RATES {
        rows.push(RateRow {
            country: String::new(),
            day_rate: String::new(),
            currency: String::new(),
            effective_from: String::new(),
        });
    }
    rows
}

pub async fn rates(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    q: Q,
) -> Response {
    if let Err(e) = authorize_claim(&actor, ClaimAction::Review, None) {
        return fail(&ctx, e);
    }
    let card = match st.app.rate_card(&actor).await {
        Ok(c) => c,
        Err(e) => return fail(&ctx, e),
    };
    let rows = card
        .rates
        .iter()
        .map(|r| RateRow {
            country: r.country.clone(),
            day_rate: r.day_rate.amount.clone(),
            currency: r.day_rate.currency.clone(),
            effective_from: r.effective_from.to_string(),
        })
        .collect();
    let page = RatesPage {
        ctx: &ctx,
        section: "rates",
        done: done(&ctx, &q),
        rows: with_blanks(rows),
        problems: Problems::default(),
    };
    render(&ctx, StatusCode::OK, &page)
}

pub async fn save_rates(State(st): State<AppState>, f: SignedInForm) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let countries: Vec<&str> = form.all("country").collect();
    let amounts: Vec<&str> = form.all("day_rate").collect();
    let currencies: Vec<&str> = form.all("currency").collect();
    let dates: Vec<&str> = form.all("effective_from").collect();
    let n = countries
        .len()
        .max(amounts.len())
        .max(currencies.len())
        .max(dates.len());
    let at = |v: &[&str], i: usize| v.get(i).map_or(String::new(), |s| s.trim().to_owned());
    let typed: Vec<RateRow> = (0..n)
        .map(|i| RateRow {
            country: at(&countries, i),
            day_rate: at(&amounts, i),
            currency: at(&currencies, i),
            effective_from: at(&dates, i),
        })
        .filter(|r| {
            !(r.country.is_empty()
                && r.day_rate.is_empty()
                && r.currency.is_empty()
                && r.effective_from.is_empty())
        })
        .collect();
    let mut input = Vec::with_capacity(typed.len());
    let mut refusal = None;
    for r in &typed {
        match r.effective_from.parse::<jiff::civil::Date>() {
            Ok(effective_from) => input.push(RateInput {
                country: r.country.clone(),
                amount: r.day_rate.clone(),
                currency: r.currency.clone(),
                effective_from,
            }),
            Err(_) => {
                refusal = Some(Error::invalid("effective_from", "not a date"));
                break;
            }
        }
    }
    let result = match refusal {
        Some(e) => Err(e),
        None => st.app.set_rate_card(&actor, input).await,
    };
    match result {
        Ok(_) => Redirect::to("/payments/rates?done=rates").into_response(),
        Err(e @ Error::Forbidden(_)) => fail(ctx, e),
        Err(e) => {
            let page = RatesPage {
                ctx,
                section: "rates",
                done: None,
                rows: with_blanks(typed),
                problems: Problems::top(message(ctx, &e)),
            };
            render(ctx, crate::answer::status(&e), &page)
        }
    }
}

#[derive(Template)]
#[template(path = "payments_dashboard.html")]
pub struct DashboardPage<'a> {
    pub ctx: &'a Ctx,
    pub section: &'static str,
    pub charts: Vec<ChartBox>,
    pub due: Vec<DueRow>,
}

/// A chart's bar length from exact money (the label keeps every cent).
fn size(m: &Money) -> f64 {
    m.minor_units().unwrap_or(0) as f64
}

pub async fn dashboard(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn) -> Response {
    let d = match st.app.payments_dashboard(&actor).await {
        Ok(d) => d,
        Err(e) => return fail(&ctx, e),
    };
    let mut charts = Vec::new();
    for (i, f) in d.currencies.iter().enumerate() {
        let code = f.currency.as_str();
        let title = format!("{} · {code}", ctx.t("pay-chart-by-state"));
        let desc = ctx.t1("pay-chart-by-state-desc", "currency", code);
        let bars: Vec<Bar> = f
            .by_state
            .iter()
            .map(|s| Bar {
                label: state_label(&ctx, s.state),
                value: size(&s.total),
                shown: ctx.lang.money(&s.total),
            })
            .collect();
        let empty = ctx.t("pay-chart-empty");
        let id = format!("by-state-{i}");
        let svg = chart::bar_chart(
            &Caption {
                id: &id,
                title: &title,
                desc: &desc,
                empty: &empty,
                lang: ctx.lang,
            },
            &bars,
        );
        charts.push(ChartBox { title, svg });
        let title = format!("{} · {code}", ctx.t("pay-chart-by-month"));
        let desc = ctx.t1("pay-chart-by-month-desc", "currency", code);
        let columns: Vec<Bar> = f
            .by_month
            .iter()
            .map(|((y, m), total)| Bar {
                label: ctx.lang.month_year(*y, *m),
                value: size(total),
                shown: ctx.lang.money(total),
            })
            .collect();
        let id = format!("by-month-{i}");
        let svg = chart::column_chart(
            &Caption {
                id: &id,
                title: &title,
                desc: &desc,
                empty: &empty,
                lang: ctx.lang,
            },
            &columns,
        );
        charts.push(ChartBox { title, svg });
    }
    if charts.is_empty() {
        let title = ctx.t("pay-chart-by-state");
        let empty = ctx.t("pay-chart-empty");
        let svg = chart::bar_chart(
            &Caption {
                id: "bystate",
                title: &title,
                desc: &empty,
                empty: &empty,
                lang: ctx.lang,
            },
            &[],
        );
        charts.push(ChartBox { title, svg });
    }
    let due = d
        .due_soon
        .iter()
        .map(|c| DueRow {
            id: c.id.to_string(),
            reference: c.reference.clone(),
            partner: c.partner_name.clone(),
            total: ctx.lang.money(&c.total),
            when: if c.days < 0 {
                ctx.t1("pay-overdue", "days", -c.days)
            } else {
                ctx.t1("pay-due-in", "days", c.days)
            },
        })
        .collect();
    let page = DashboardPage {
        ctx: &ctx,
        section: "dashboard",
        charts,
        due,
    };
    render(&ctx, StatusCode::OK, &page)
}

/// A form's address opened in the browser: back to the payments page.
pub async fn to_payments() -> Response {
    Redirect::to("/payments").into_response()
}

/// A claim step's address opened in the browser: back to the claim.
pub async fn to_claim(Path((raw, _step)): Path<(String, String)>) -> Response {
    match claim_id(&raw) {
        Some(id) => Redirect::to(&format!("/payments/claims/{id}")).into_response(),
        None => Redirect::to("/payments").into_response(),
    }
}
