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

/// Words for a journal event about a voucher.
fn event_text(ctx: &Ctx, d: &VoucherDetail, e: &Event) -> String {
    use saps_core::EventBody as Body;
    let Ok(body) = e.body() else {
        // A kind this build does not know, or a payload that does not read:
        // named rather than described.
        return ctx.t1("event-other", "kind", e.kind.as_str());
    };
    let key = crate::ui::i18n::event_key(body.kind());
    match &body {
        Body::VoucherCreated(c) => ctx.lang.ta(
            &key,
            vec![
                (
                    "engagement",
                    ctx.engagement(&c.engagement, &d.engagement_name).into(),
                ),
                ("days", ctx.days(c.days).into()),
                ("agreement", c.agreement.clone().into()),
            ],
        ),
        Body::VoucherAssigned(a) => ctx.t1(&key, "partner", &a.partner),
        Body::VoucherReserved(r) => ctx.lang.ta(
            &key,
            vec![
                ("location", r.location.clone().into()),
                ("start", ctx.date(r.reservation.start_date).into()),
                ("end", ctx.date(r.reservation.end_date).into()),
            ],
        ),
        Body::ReservationCancelled(c) => ctx.t1(&key, "reason", &c.reason),
        Body::VoucherCancelled(c) => ctx.t1(&key, "days", ctx.days(c.refunded_days)),
        Body::VoucherExpired(x) => ctx.t2(
            &key,
            "date",
            ctx.date(x.expired_on),
            "days",
            ctx.days(x.refunded_days),
        ),
        Body::VoucherReturned(r) => ctx.t2(
            &key,
            "partner",
            r.partner.clone(),
            "reason",
            r.reason.clone(),
        ),
        Body::VoucherCompleted(c) => ctx.t1(&key, "files", c.files.len() as i64),
        Body::VoucherSignedOff(s) => ctx.t2(
            &key,
            "outcome",
            match (s.accepted, s.deemed) {
                (true, true) => "deemed",
                (true, false) => "accepted",
                (false, _) => "declined",
            },
            "comment",
            s.comment.clone().unwrap_or_default(),
        ),
        Body::VoucherRedeemed(_) => ctx.t(&key),
        Body::ProjectManagerChanged(_) => ctx.t(&key),
        Body::VoucherClaimed(c) => ctx.t1(&key, "reference", &c.reference),
        Body::VoucherUnclaimed(c) => ctx.t1(&key, "reference", &c.reference),
        Body::VoucherPaid(c) => ctx.t1(&key, "reference", &c.reference),
        Body::VoucherExpiryMoved(m) => ctx.t2(&key, "from", ctx.date(m.from), "to", ctx.date(m.to)),
        other => ctx.t1("event-other", "kind", other.kind()),
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
