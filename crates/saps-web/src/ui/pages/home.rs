//! Each party's home: what they hold, and what to do next (decided by the
//! `home` use case; this page only words it).

use crate::AppState;
use crate::ui::extract::{SignedIn, SignedInForm};
use crate::ui::page::{done_message, fail, ok};
use crate::ui::session::{Ctx, Q};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::home::{Home, NextStep};
use saps_app::views::VoucherRow;
use saps_app::{BenefitView, PoolView};
use saps_core::VoucherState;

/// A suggestion on a home page, with an optional link.
pub struct Step {
    pub text: String,
    pub href: Option<String>,
    pub link: Option<String>,
}

impl Step {
    fn new(text: String) -> Self {
        Self {
            text,
            href: None,
            link: None,
        }
    }

    fn link(mut self, href: impl Into<String>, label: String) -> Self {
        self.href = Some(href.into());
        self.link = Some(label);
        self
    }
}

/// One pool of days, with the widths of its used/available bar (percent).
pub struct PoolRow {
    pub pool: PoolView,
    pub used_pct: String,
    pub available_pct: String,
    pub available_x: String,
}

impl PoolRow {
    pub fn of(pool: PoolView) -> Self {
        let total = (pool.used.max(0) + pool.available.max(0)).max(1) as f64;
        let used = pool.used.max(0) as f64 * 100.0 / total;
        let available = pool.available.max(0) as f64 * 100.0 / total;
        Self {
            used_pct: format!("{used:.1}"),
            available_pct: format!("{available:.1}"),
            available_x: format!("{used:.1}"),
            pool,
        }
    }
}

/// Vouchers per state, for counts and the operator's chart.
pub struct StateCount {
    pub state: VoucherState,
    pub count: u64,
    /// Bar length in percent of the largest count.
    pub width: String,
}

fn counts_of(raw: &[(VoucherState, u64)]) -> Vec<StateCount> {
    let max = raw.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    VoucherState::ALL
        .iter()
        .map(|s| {
            let count = raw
                .iter()
                .find(|(k, _)| k == s)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            StateCount {
                state: *s,
                count,
                width: format!("{:.1}", count as f64 * 100.0 / max),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "home_customer.html")]
pub struct CustomerHome<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub benefit: BenefitView,
    pub pools: Vec<PoolRow>,
    pub available: i64,
    pub steps: Vec<Step>,
    pub recent: Vec<VoucherRow>,
    pub may_activate: bool,
    /// Reported deliveries waiting for the customer's sign-off: code, engagement.
    pub awaiting_sign_off: Vec<(String, String)>,
    /// Open vouchers about to lapse, soonest first.
    pub expiring: Vec<VoucherRow>,
}

#[derive(Template)]
#[template(path = "home_partner.html")]
pub struct PartnerHome<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub steps: Vec<Step>,
    pub to_reserve: Vec<VoucherRow>,
    pub reserved: Vec<VoucherRow>,
    pub may_reserve: bool,
    /// The Planning Services summary line (partner admins).
    pub planning: Option<PlanningLine>,
    /// Open vouchers about to lapse, soonest first.
    pub expiring: Vec<VoucherRow>,
}

/// Where the company stands in Planning Services, in one line.
pub struct PlanningLine {
    pub summary: String,
    pub attention: bool,
}

async fn planning_line(st: &AppState, ctx: &Ctx, actor: &saps_core::Actor) -> Option<PlanningLine> {
    let v = st.app.partner_onboarding(actor, actor.org_id).await.ok()?;
    let active = v
        .eligibility
        .iter()
        .filter(|o| o.status == saps_core::eligibility::EligibilityStatus::Active)
        .count();
    let summary = ctx.t2(
        "onb-home-summary",
        "active",
        active,
        "enrolled",
        v.enrollments.len(),
    );
    let attention = !v.current_signed || v.enrollments.iter().any(|e| e.renewable);
    Some(PlanningLine { summary, attention })
}

#[derive(Template)]
#[template(path = "home_operator.html")]
pub struct OperatorHome<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub steps: Vec<Step>,
    pub counts: Vec<StateCount>,
    pub total: u64,
    /// Open vouchers about to lapse, soonest first.
    pub expiring: Vec<VoucherRow>,
    /// What is coming: days at risk, vouchers expiring soon, the next milestone.
    pub outlook: Vec<String>,
}

/// The operator's outlook in words.
fn outlook_lines(ctx: &Ctx, o: &saps_app::outlook::Outlook) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(match o.removal_on {
        Some(d) if o.days_at_risk > 0 => ctx.t2(
            "time-home-days-at-risk",
            "count",
            o.days_at_risk,
            "date",
            ctx.date(d),
        ),
        _ => ctx.t("time-home-no-days-at-risk"),
    });
    lines.push(ctx.t1("time-home-expiring", "count", o.expiring));
    lines.push(match &o.next_milestone {
        Some(m) => {
            let name = serde_json::to_value(m.name)
                .ok()
                .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
                .unwrap_or_default();
            ctx.t2(
                "time-home-next-milestone",
                "date",
                ctx.date(m.date),
                "name",
                ctx.t(&format!("milestone-{name}")),
            )
        }
        None => ctx.t("time-home-no-milestone"),
    });
    lines
}

/// A step in words, with its link.
fn step(ctx: &Ctx, s: NextStep) -> Step {
    let see = |href: &str| (href.to_owned(), ctx.t("next-see-them"));
    let (text, link) = match s {
        NextStep::ActivateBenefit => (ctx.t("next-activate"), None),
        NextStep::AskToActivate => (ctx.t("next-activate-ask"), None),
        NextStep::CreateVouchers { available } => (
            ctx.t1("next-create", "days", ctx.days(available)),
            Some(("/vouchers/new".to_owned(), ctx.t("nav-new-voucher"))),
        ),
        NextStep::NoDaysLeft => (ctx.t("next-no-days"), None),
        NextStep::AssignVouchers { count } => (
            ctx.t1("next-assign", "count", count),
            Some(see("/vouchers?state=created")),
        ),
        NextStep::AwaitPartner { count } => (
            ctx.t1("next-wait-partner", "count", count),
            Some(see("/vouchers?state=assigned")),
        ),
        NextStep::ReservedByPartner { count } => (
            ctx.t1("next-reserved", "count", count),
            Some(see("/vouchers?state=reserved")),
        ),
        NextStep::NothingToDo => (ctx.t("next-nothing"), None),
        NextStep::ReserveAssigned { count } => (
            ctx.t1("next-partner-reserve", "count", count),
            Some(("/vvr".to_owned(), ctx.t("nav-vvr"))),
        ),
        NextStep::DeliverReserved { count } => (
            ctx.t1("next-partner-deliver", "count", count),
            Some(see("/vouchers?state=reserved")),
        ),
        NextStep::DeliverAsConsultant { count } => (
            ctx.t1("next-consultant-deliver", "count", count),
            Some(see("/vouchers?state=reserved")),
        ),
        NextStep::PartnerNothingToDo => (ctx.t("next-partner-nothing"), None),
        NextStep::ConsultantNothingToDo => (ctx.t("next-consultant-nothing"), None),
        NextStep::CheckClock => (
            ctx.t1("next-operator-clock", "date", ctx.date(ctx.today)),
            Some(("/clock".to_owned(), ctx.t("nav-clock"))),
        ),
        NextStep::OpenVouchers { count } => (
            ctx.t1("next-operator-open", "count", count),
            Some(see("/vouchers")),
        ),
    };
    match link {
        Some((href, label)) => Step::new(text).link(href, label),
        None => Step::new(text),
    }
}

/// How many vouchers about to lapse a home page lists.
const EXPIRING_SHOWN: usize = 5;

pub async fn home(State(st): State<AppState>, SignedIn { ctx, actor }: SignedIn, q: Q) -> Response {
    let done = done_message(&ctx, q.get("done"));
    let home = match st.app.home(&actor).await {
        Ok(h) => h,
        Err(e) => return fail(&ctx, e),
    };
    let steps = |steps: Vec<NextStep>| steps.into_iter().map(|s| step(&ctx, s)).collect();
    let expiring = match st.app.expiring_rows(&actor, EXPIRING_SHOWN).await {
        Ok(r) => r,
        Err(e) => return fail(&ctx, e),
    };
    match home {
        Home::Customer {
            benefit,
            available,
            recent,
            abilities,
            steps: next,
        } => {
            let pools = benefit.pools.iter().cloned().map(PoolRow::of).collect();
            let completed = st
                .app
                .vouchers(&actor, Some(saps_core::VoucherState::Completed), None, 100)
                .await
                .unwrap_or_default();
            let awaiting_sign_off = completed
                .into_iter()
                .filter(|v| {
                    v.completion_report
                        .as_ref()
                        .is_some_and(|r| r.sign_off == saps_core::delivery::SignOff::Pending)
                })
                .map(|v| (v.code.to_string(), v.engagement))
                .collect();
            ok(
                &ctx,
                &CustomerHome {
                    ctx: &ctx,
                    done,
                    may_activate: abilities.activate_benefit && !benefit.active,
                    benefit,
                    pools,
                    available,
                    steps: steps(next),
                    recent,
                    awaiting_sign_off,
                    expiring,
                },
            )
        }
        Home::Partner {
            to_reserve,
            reserved,
            abilities,
            steps: next,
        } => {
            let planning = match abilities.planning_services {
                true => planning_line(&st, &ctx, &actor).await,
                false => None,
            };
            ok(
                &ctx,
                &PartnerHome {
                    ctx: &ctx,
                    done,
                    steps: steps(next),
                    to_reserve,
                    reserved,
                    may_reserve: abilities.reserve_vouchers,
                    planning,
                    expiring,
                },
            )
        }
        Home::Operator {
            counts,
            steps: next,
        } => {
            let counts = counts_of(&counts);
            let total = counts.iter().map(|c| c.count).sum();
            let outlook = match st.app.operator_outlook(&actor).await {
                Ok(o) => outlook_lines(&ctx, &o),
                Err(e) => return fail(&ctx, e),
            };
            ok(
                &ctx,
                &OperatorHome {
                    ctx: &ctx,
                    done,
                    steps: steps(next),
                    counts,
                    total,
                    expiring,
                    outlook,
                },
            )
        }
    }
}

/// The benefit administrator turns the Planning Services benefit on.
pub async fn activate_benefit(State(st): State<AppState>, f: SignedInForm) -> Response {
    match st.app.activate_benefit(&f.actor, f.actor.org_id).await {
        Ok(()) => Redirect::to("/?done=benefit_activated").into_response(),
        Err(e) => fail(f.ctx(), e),
    }
}
