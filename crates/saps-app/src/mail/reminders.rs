//! Reminders before anything lapses: customers before their remaining days are
//! removed and before a voucher expires unreserved; partners before a reserved
//! voucher expires and before the claim window of a redeemed voucher closes;
//! the project manager when a completion report awaits sign-off.
//!
//! A job ([`crate::jobs::JOBS`], `reminders.send`) runs on the program clock,
//! so moving a simulated clock sends what fell due. Each reminder goes once: its
//! key (kind, subject, offset) is recorded in the same transaction as its mails
//! are queued and its `reminder.sent` event appended, so a restart, a second
//! node or the clock moved twice never sends it again. When the clock jumps over
//! several offsets' days, only the nearest reminder goes
//! ([`saps_core::program::due_reminder`]): 30 and 7 days are never both sent on
//! one day, and a 30-day reminder whose day was skipped is not sent late.

use super::text::{Arg, Draft};
use super::{benefit_admins, engagement_name, partner_admins, queue_to_users, voucher_contacts};
use crate::App;
use jiff::civil::Date;
use saps_core::event::ReminderSent;
use saps_core::port::{ListCursor, Tx, VoucherList, VoucherSort};
use saps_core::program::due_reminder;
use saps_core::{
    Error, MilestoneName, NewEvent, OrgKind, Program, Scope, User, Voucher, VoucherState,
};

/// Vouchers one transaction looks at.
const PAGE: u32 = 500;

/// One reminder before it is sent.
struct Reminder {
    kind: &'static str,
    key: String,
    voucher: Option<Voucher>,
    customer: Option<saps_core::OrgId>,
    deadline: Date,
    offset: u32,
    draft: Draft,
    to: Vec<User>,
}

/// Queues a reminder's mails and its event unless its key was recorded
/// before; returns whether it went.
fn send_once(
    tx: &mut dyn Tx,
    r: &Reminder,
    now: jiff::Timestamp,
    version: u32,
) -> Result<bool, Error> {
    if r.to.is_empty() || !tx.record_reminder(&r.key, now)? {
        return Ok(false);
    }
    let n = queue_to_users(tx, &r.to, &r.draft, now)?;
    let body = ReminderSent {
        reminder: r.kind.into(),
        key: r.key.clone(),
        code: r.voucher.as_ref().map(|v| v.code),
        deadline: r.deadline,
        offset_days: r.offset,
        recipients: u32::try_from(n).unwrap_or(u32::MAX),
    };
    let mut event = NewEvent::new(body, now, None, version);
    if let Some(v) = &r.voucher {
        event = event.voucher(v);
    } else if let Some(c) = r.customer {
        event = event.customer(c);
    }
    tx.append_event(&event)?;
    Ok(true)
}

/// Walks the vouchers in `states`, soonest expiry first, calling `each` on
/// every voucher expiring after `from` (all of them when `None`) and no later
/// than `until` (all of them when `None`).
fn each_voucher(
    tx: &mut dyn Tx,
    states: &[VoucherState],
    from: Option<Date>,
    until: Option<Date>,
    mut each: impl FnMut(&mut dyn Tx, Voucher) -> Result<(), Error>,
) -> Result<(), Error> {
    // Past every voucher expiring on `from` (no id is greater than this one).
    let mut after: Option<ListCursor> = from.map(|d| ListCursor {
        expires_on: d,
        id: saps_core::VoucherId(uuid::Uuid::from_u128(u128::MAX)),
    });
    loop {
        let page = tx.voucher_list(&VoucherList {
            scope: Scope::All,
            states: states.to_vec(),
            search: String::new(),
            sort: VoucherSort::Expiry,
            after,
            limit: PAGE,
        })?;
        let full = page.len() == PAGE as usize;
        for v in page {
            if until.is_some_and(|u| v.expires_on > u) {
                return Ok(());
            }
            after = Some(ListCursor {
                expires_on: v.expires_on,
                id: v.id,
            });
            each(tx, v)?;
        }
        if !full {
            return Ok(());
        }
    }
}

fn link(public_url: &str, path: &str) -> String {
    format!("{}{path}", public_url.trim_end_matches('/'))
}

fn max_offset(offsets: &[u32]) -> i64 {
    offsets.iter().copied().max().map_or(0, i64::from)
}

/// Every reminder due on `today` and not sent yet (a read: the writes
/// that send them are short, and check again).
fn due_reminders(
    tx: &mut dyn Tx,
    program: &Program,
    public_url: &str,
    today: Date,
) -> Result<Vec<Reminder>, Error> {
    let mut due = Vec::new();
    let offsets = &program.reminders;

    // Customers: the remaining days of each agreement before they are removed.
    if let Some(on) = program.milestone(MilestoneName::RemainingDaysRemoved)
        && let Some(offset) = due_reminder(&offsets.days_removal, on, today)
    {
        for customer in tx.orgs(OrgKind::Customer)? {
            let admins = benefit_admins(tx, customer.id)?;
            for a in tx.agreements(customer.id)? {
                if a.available <= 0 {
                    continue;
                }
                let r = Reminder {
                    kind: "days_removal",
                    key: format!("days_removal:{}:{offset}", a.id),
                    voucher: None,
                    customer: Some(customer.id),
                    deadline: on,
                    offset,
                    draft: Draft::new("remind-days-removal", link(public_url, "/"))
                        .arg("agreement", a.number.clone())
                        .arg("days", Arg::Days(a.available))
                        .arg("date", on)
                        .fact("mail-agreement", a.number.clone())
                        .fact("mail-days-left", Arg::Days(a.available))
                        .fact("mail-removed-on", on),
                    to: admins.clone(),
                };
                if !tx.reminder_recorded(&r.key)? {
                    due.push(r);
                }
            }
        }
    }

    // Customers: vouchers not reserved yet, before they expire.
    let until = today + jiff::Span::new().days(max_offset(&offsets.voucher_unreserved));
    // A voucher expiring today or earlier has no reminder left (its expiry is
    // the sweep's): the walk starts after today, however many fell due.
    each_voucher(
        tx,
        &[VoucherState::Created, VoucherState::Assigned],
        Some(today),
        Some(until),
        |tx, v| {
            let Some(offset) = due_reminder(&offsets.voucher_unreserved, v.expires_on, today)
            else {
                return Ok(());
            };
            let r = Reminder {
                kind: "voucher_unreserved",
                key: format!("voucher_unreserved:{}:{offset}", v.id),
                customer: Some(v.customer_id),
                deadline: v.expires_on,
                offset,
                draft: Draft::new(
                    "remind-voucher-unreserved",
                    link(public_url, &format!("/vouchers/{}", v.code)),
                )
                .arg("code", v.code.to_string())
                .arg("date", v.expires_on)
                .fact("mail-voucher-id", v.code.to_string())
                .fact("mail-engagement", engagement_name(program, &v))
                .fact("mail-expires-on", v.expires_on),
                to: voucher_contacts(tx, &v)?,
                voucher: Some(v),
            };
            if !tx.reminder_recorded(&r.key)? {
                due.push(r);
            }
            Ok(())
        },
    )?;

    // Partners: vouchers they reserved, before they expire.
    let until = today + jiff::Span::new().days(max_offset(&offsets.reservation_expiry));
    each_voucher(
        tx,
        &[VoucherState::Reserved],
        Some(today),
        Some(until),
        |tx, v| {
            let (Some(partner), Some(offset)) = (
                v.partner_id,
                due_reminder(&offsets.reservation_expiry, v.expires_on, today),
            ) else {
                return Ok(());
            };
            let r = Reminder {
                kind: "reservation_expiry",
                key: format!("reservation_expiry:{}:{offset}", v.id),
                customer: Some(v.customer_id),
                deadline: v.expires_on,
                offset,
                draft: Draft::new(
                    "remind-reservation-expiry",
                    link(public_url, &format!("/vouchers/{}", v.code)),
                )
                .arg("code", v.code.to_string())
                .arg("date", v.expires_on)
                .fact("mail-voucher-id", v.code.to_string())
                .fact("mail-engagement", engagement_name(program, &v))
                .fact("mail-expires-on", v.expires_on),
                to: partner_admins(tx, partner)?,
                voucher: Some(v),
            };
            if !tx.reminder_recorded(&r.key)? {
                due.push(r);
            }
            Ok(())
        },
    )?;

    // Partners: redeemed vouchers not claimed yet, before the claim window
    // (`claim_window_days` after redemption; its last day) closes. One query:
    // those whose last day is after today and within the largest offset.
    let window = i64::from(program.claim_window_days);
    let first = today - jiff::Span::new().days(window) + jiff::Span::new().days(1);
    let last = today + jiff::Span::new().days(max_offset(&offsets.claim_window) - window);
    let closing = if offsets.claim_window.is_empty() {
        Vec::new()
    } else {
        tx.redeemed_between(first, last)?
    };
    for v in closing {
        let (Some(partner), Some(redeemed)) = (v.partner_id, v.redeemed_on) else {
            continue;
        };
        let last_day = redeemed + jiff::Span::new().days(window);
        let Some(offset) = due_reminder(&offsets.claim_window, last_day, today) else {
            continue;
        };
        let r = Reminder {
            kind: "claim_window",
            key: format!("claim_window:{}:{offset}", v.id),
            customer: Some(v.customer_id),
            deadline: last_day,
            offset,
            draft: Draft::new(
                "remind-claim-window",
                link(public_url, &format!("/vouchers/{}", v.code)),
            )
            .arg("code", v.code.to_string())
            .arg("date", last_day)
            .fact("mail-voucher-id", v.code.to_string())
            .fact("mail-engagement", engagement_name(program, &v))
            .fact("mail-claim-closes", last_day),
            to: partner_admins(tx, partner)?,
            voucher: Some(v),
        };
        if !tx.reminder_recorded(&r.key)? {
            due.push(r);
        }
    }

    // The project manager: a completion report awaits sign-off (once per
    // report: a declined and re-submitted report is a new voucher version).
    each_voucher(tx, &[VoucherState::Completed], None, None, |tx, v| {
        let Some(reported) = tx
            .voucher_events(v.id)?
            .into_iter()
            .rev()
            .find(|e| e.kind == "voucher.completed")
        else {
            return Ok(());
        };
        let reported_on = saps_core::program_date(reported.at);
        let deemed_on = reported_on + jiff::Span::new().days(i64::from(program.sign_off_days));
        let partner = match v.partner_id {
            Some(p) => tx.org(p)?.map(|o| o.name).unwrap_or_default(),
            None => String::new(),
        };
        let pm: Vec<User> = tx.user(v.project_manager_id)?.into_iter().collect();
        let r = Reminder {
            kind: "sign_off",
            key: format!("sign_off:{}:{}", v.id, reported.id),
            customer: Some(v.customer_id),
            deadline: deemed_on,
            offset: 0,
            draft: Draft::new(
                "remind-sign-off",
                link(public_url, &format!("/vouchers/{}", v.code)),
            )
            .arg("code", v.code.to_string())
            .arg("partner", partner.clone())
            .arg("date", deemed_on)
            .fact("mail-voucher-id", v.code.to_string())
            .fact("mail-partner", partner)
            .fact("mail-engagement", engagement_name(program, &v))
            .fact("mail-reported-on", reported_on),
            to: pm,
            voucher: Some(v),
        };
        if !tx.reminder_recorded(&r.key)? {
            due.push(r);
        }
        Ok(())
    })?;
    Ok(due)
}

/// Reminders one write transaction sends.
const SEND_BATCH: usize = 100;

impl App {
    /// Sends every reminder due on the program's date, each once; returns how
    /// many reminders went (each to one or more people). The scan is a read;
    /// the sending is short writes of [`SEND_BATCH`] reminders, each sending
    /// only what its key says was not sent yet.
    pub async fn send_reminders(&self) -> Result<u64, Error> {
        let program = self.program();
        let public_url = self.settings.public_url.clone();
        let now = self.now();
        let scan = program.clone();
        let mut due = self
            .read(move |tx| due_reminders(tx, &scan, &public_url, saps_core::program_date(now)))
            .await?;
        let mut sent = 0;
        while !due.is_empty() {
            let rest = due.split_off(due.len().min(SEND_BATCH));
            let batch = std::sync::Arc::new(std::mem::replace(&mut due, rest));
            let version = program.version;
            sent += self
                .write(move |tx| {
                    let mut n = 0;
                    for r in batch.iter() {
                        n += u64::from(send_once(tx, r, now, version)?);
                    }
                    Ok(n)
                })
                .await?;
        }
        Ok(sent)
    }
}
