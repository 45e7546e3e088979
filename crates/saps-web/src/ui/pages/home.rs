//! Each party's home: what they hold, and what to do next.

use crate::AppState;
use crate::ui::session::{Ctx, Posted, Q};
use crate::ui::{done_message, fail, ok, to_login};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::views::VoucherRow;
use saps_app::{BenefitView, PoolView};
use saps_core::{Actor, Role, VoucherState};

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

fn count(counts: &[StateCount], s: VoucherState) -> u64 {
    counts
        .iter()
        .find(|c| c.state == s)
        .map(|c| c.count)
        .unwrap_or(0)
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
}

#[derive(Template)]
#[template(path = "home_partner.html")]
pub struct PartnerHome<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub steps: Vec<Step>,
    pub to_reserve: Vec<VoucherRow>,
    pub reserved: Vec<VoucherRow>,
    pub admin: bool,
}

#[derive(Template)]
#[template(path = "home_operator.html")]
pub struct OperatorHome<'a> {
    pub ctx: &'a Ctx,
    pub done: Option<String>,
    pub steps: Vec<Step>,
    pub counts: Vec<StateCount>,
    pub total: u64,
}

pub async fn home(State(st): State<AppState>, ctx: Ctx, q: Q) -> Response {
    let Some(actor) = ctx.actor() else {
        return to_login(&ctx);
    };
    let done = done_message(&ctx, q.get("done"));
    let r = match actor.role {
        Role::BenefitAdmin | Role::ProjectManager => customer(&st, &ctx, actor, done).await,
        Role::GlobalAdmin | Role::MpnAdmin | Role::Consultant => {
            partner(&st, &ctx, actor, done).await
        }
        Role::Operator => operator(&st, &ctx, actor, done).await,
    };
    r.unwrap_or_else(|e| fail(&ctx, e))
}

async fn customer(
    st: &AppState,
    ctx: &Ctx,
    actor: Actor,
    done: Option<String>,
) -> Result<Response, saps_core::Error> {
    let benefit = st.app.benefit(&actor, actor.org_id).await?;
    let counts = counts_of(&st.app.voucher_counts(&actor).await?);
    let recent: Vec<VoucherRow> = st
        .app
        .voucher_rows(&actor, None, "")
        .await?
        .into_iter()
        .take(5)
        .collect();
    let available: i64 = benefit.pools.iter().map(|p| p.available).sum();
    let admin = actor.role == Role::BenefitAdmin;
    let mut steps = Vec::new();
    let created = count(&counts, VoucherState::Created);
    let assigned = count(&counts, VoucherState::Assigned);
    let reserved = count(&counts, VoucherState::Reserved);
    if !benefit.active {
        steps.push(Step::new(ctx.t(if admin {
            "next-activate"
        } else {
            "next-activate-ask"
        })));
    } else if admin && available > 0 {
        steps.push(
            Step::new(ctx.t1("next-create", "days", ctx.days(available)))
                .link("/vouchers/new", ctx.t("nav-new-voucher")),
        );
    } else if admin {
        steps.push(Step::new(ctx.t("next-no-days")));
    }
    if created > 0 {
        steps.push(
            Step::new(ctx.t1("next-assign", "count", created))
                .link("/vouchers?state=created", ctx.t("next-see-them")),
        );
    }
    if assigned > 0 {
        steps.push(
            Step::new(ctx.t1("next-wait-partner", "count", assigned))
                .link("/vouchers?state=assigned", ctx.t("next-see-them")),
        );
    }
    if reserved > 0 {
        steps.push(
            Step::new(ctx.t1("next-reserved", "count", reserved))
                .link("/vouchers?state=reserved", ctx.t("next-see-them")),
        );
    }
    if steps.is_empty() {
        steps.push(Step::new(ctx.t("next-nothing")));
    }
    let pools = benefit.pools.iter().cloned().map(PoolRow::of).collect();
    Ok(ok(
        ctx,
        &CustomerHome {
            ctx,
            done,
            may_activate: admin && !benefit.active,
            benefit,
            pools,
            available,
            steps,
            recent,
        },
    ))
}

async fn partner(
    st: &AppState,
    ctx: &Ctx,
    actor: Actor,
    done: Option<String>,
) -> Result<Response, saps_core::Error> {
    let to_reserve = st
        .app
        .voucher_rows(&actor, Some(VoucherState::Assigned), "")
        .await?;
    let reserved = st
        .app
        .voucher_rows(&actor, Some(VoucherState::Reserved), "")
        .await?;
    let admin = actor.role.is_partner_admin();
    let mut steps = Vec::new();
    if admin && !to_reserve.is_empty() {
        steps.push(
            Step::new(ctx.t1("next-partner-reserve", "count", to_reserve.len()))
                .link("/vvr", ctx.t("nav-vvr")),
        );
    }
    if !reserved.is_empty() {
        steps.push(
            Step::new(ctx.t1(
                if admin {
                    "next-partner-deliver"
                } else {
                    "next-consultant-deliver"
                },
                "count",
                reserved.len(),
            ))
            .link("/vouchers?state=reserved", ctx.t("next-see-them")),
        );
    }
    if steps.is_empty() {
        steps.push(Step::new(ctx.t(if admin {
            "next-partner-nothing"
        } else {
            "next-consultant-nothing"
        })));
    }
    Ok(ok(
        ctx,
        &PartnerHome {
            ctx,
            done,
            steps,
            to_reserve,
            reserved,
            admin,
        },
    ))
}

async fn operator(
    st: &AppState,
    ctx: &Ctx,
    actor: Actor,
    done: Option<String>,
) -> Result<Response, saps_core::Error> {
    let counts = counts_of(&st.app.voucher_counts(&actor).await?);
    let total = counts.iter().map(|c| c.count).sum();
    let mut steps = vec![
        Step::new(ctx.t1("next-operator-clock", "date", ctx.date(ctx.today)))
            .link("/clock", ctx.t("nav-clock")),
    ];
    let open = count(&counts, VoucherState::Created) + count(&counts, VoucherState::Assigned);
    if open > 0 {
        steps.push(
            Step::new(ctx.t1("next-operator-open", "count", open))
                .link("/vouchers", ctx.t("next-see-them")),
        );
    }
    Ok(ok(
        ctx,
        &OperatorHome {
            ctx,
            done,
            steps,
            counts,
            total,
        },
    ))
}

/// The benefit administrator turns the Planning Services benefit on.
pub async fn activate_benefit(State(st): State<AppState>, form: Posted) -> Response {
    let ctx = &form.ctx;
    let Some(actor) = ctx.actor() else {
        return to_login(ctx);
    };
    match st.app.activate_benefit(&actor, actor.org_id).await {
        Ok(()) => Redirect::to("/?done=benefit_activated").into_response(),
        Err(e) => fail(ctx, e),
    }
}
