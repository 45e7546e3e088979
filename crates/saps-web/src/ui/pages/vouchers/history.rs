//! A voucher's history: its journal events as a timeline, in words.

use crate::ui::session::Ctx;
use saps_app::views::VoucherDetail;
use saps_core::Event;

/// One entry of the history timeline.
pub struct TimelineItem {
    pub at: String,
    pub who: String,
    pub text: String,
}

fn text(v: &serde_json::Value, key: &str) -> String {
    match &v[key] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn date_of(ctx: &Ctx, v: &serde_json::Value) -> String {
    v.as_str()
        .and_then(|s| s.parse::<jiff::civil::Date>().ok())
        .map(|d| ctx.date(d))
        .unwrap_or_default()
}

/// Words for a journal event about a voucher.
fn event_text(ctx: &Ctx, d: &VoucherDetail, e: &Event) -> String {
    let p = &e.payload;
    let days = |key: &str| ctx.days(p[key].as_i64().unwrap_or(0));
    let key = crate::ui::i18n::event_key(&e.kind);
    match e.kind.as_str() {
        "voucher.created" => ctx.lang.ta(
            &key,
            vec![
                (
                    "engagement",
                    ctx.engagement(&text(p, "engagement"), &d.engagement_name)
                        .into(),
                ),
                ("days", days("days").into()),
                ("agreement", text(p, "agreement").into()),
            ],
        ),
        "voucher.assigned" => ctx.t1(&key, "partner", text(p, "partner")),
        "voucher.reserved" => {
            let r = &p["reservation"];
            ctx.lang.ta(
                &key,
                vec![
                    ("location", text(p, "location").into()),
                    ("start", date_of(ctx, &r["start_date"]).into()),
                    ("end", date_of(ctx, &r["end_date"]).into()),
                ],
            )
        }
        "voucher.reservation_cancelled" => ctx.t1(&key, "reason", text(p, "reason")),
        "voucher.cancelled" => ctx.t1(&key, "days", days("refunded_days")),
        "voucher.expired" => ctx.t2(
            &key,
            "date",
            date_of(ctx, &p["expired_on"]),
            "days",
            days("refunded_days"),
        ),
        other => ctx.t1("event-other", "kind", other),
    }
}

pub fn timeline(ctx: &Ctx, d: &VoucherDetail) -> Vec<TimelineItem> {
    d.history
        .iter()
        .rev()
        .map(|e| TimelineItem {
            at: ctx.datetime(e.at),
            who: match e.actor_id.and_then(|id| d.names.get(&id)) {
                Some(n) => ctx.t1("event-by", "name", n),
                None => ctx.t("event-by-program"),
            },
            text: event_text(ctx, d, e),
        })
        .collect()
}
