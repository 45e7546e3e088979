//! Eligibility in the reader's words, shared by the partner's Planning
//! Services tab and the operator's partner pages: an offering's name and
//! status, each requirement with its check mark, what an engagement lacks.
//! Also the date fields of the onboarding forms.

use super::session::Ctx;
use saps_core::eligibility::{EligibilityStatus, OfferingEligibility, RequirementKind};
use saps_core::port::CompetencyLevel;

/// A status badge: its words and its CSS modifier.
pub struct StatusBadge {
    pub label: String,
    pub class: &'static str,
}

pub fn status_badge(ctx: &Ctx, s: EligibilityStatus) -> StatusBadge {
    let (key, class) = match s {
        EligibilityStatus::NotStarted => ("onb-status-not-started", "todo"),
        EligibilityStatus::InProgress => ("onb-status-in-progress", "doing"),
        EligibilityStatus::Active => ("onb-status-active", "active"),
    };
    StatusBadge {
        label: ctx.t(key),
        class,
    }
}

/// An offering's name: translated for the shipped catalog, else its code.
pub fn offering_name(ctx: &Ctx, code: &str) -> String {
    let key = format!("offering-{code}");
    if ctx.lang.has(&key) {
        ctx.t(&key)
    } else {
        code.to_owned()
    }
}

fn kind_label(ctx: &Ctx, kind: RequirementKind, name: &str) -> String {
    let key = match kind {
        RequirementKind::Training => "onb-kind-training",
        RequirementKind::Competency => "onb-kind-competency",
        RequirementKind::Exam => "onb-kind-exam",
    };
    ctx.t1(key, "name", name)
}

pub fn level_label(ctx: &Ctx, level: CompetencyLevel) -> String {
    ctx.t(match level {
        CompetencyLevel::Silver => "onb-level-silver",
        CompetencyLevel::Gold => "onb-level-gold",
    })
}

/// One requirement line, met (the green check mark) or not.
pub struct RequirementLine {
    pub label: String,
    pub met: bool,
}

/// One engagement: eligible, or what it still needs.
pub struct EngagementLine {
    pub name: String,
    pub eligible: bool,
    pub missing: String,
}

/// One offering as the tab shows it.
pub struct OfferingView {
    pub code: String,
    pub name: String,
    pub status: StatusBadge,
    pub active: bool,
    pub requirements: Vec<RequirementLine>,
    pub engagements: Vec<EngagementLine>,
}

pub fn offering_views(
    ctx: &Ctx,
    program: &saps_core::Program,
    all: &[OfferingEligibility],
) -> Vec<OfferingView> {
    all.iter()
        .map(|o| OfferingView {
            code: o.offering.clone(),
            name: offering_name(ctx, &o.offering),
            status: status_badge(ctx, o.status),
            active: o.status == EligibilityStatus::Active,
            requirements: o
                .requirements
                .iter()
                .map(|r| RequirementLine {
                    label: kind_label(ctx, r.kind, &r.name),
                    met: r.met,
                })
                .collect(),
            engagements: o
                .engagements
                .iter()
                .map(|e| {
                    let fallback = program
                        .engagement(&e.code)
                        .map(|(_, g)| g.name.clone())
                        .unwrap_or_else(|| e.code.clone());
                    let missing: Vec<String> = e
                        .missing
                        .iter()
                        .map(|m| kind_label(ctx, m.kind, &m.name))
                        .collect();
                    EngagementLine {
                        name: ctx.engagement(&e.code, &fallback),
                        eligible: e.eligible,
                        missing: ctx.t1("onb-missing", "items", missing.join("; ")),
                    }
                })
                .collect(),
        })
        .collect()
}

/// A date typed in a form (`YYYY-MM-DD`, as `<input type="date">` sends it).
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    s.trim().parse().ok()
}
