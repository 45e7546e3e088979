//! Cancelling a voucher: the optional reason, and the e-mail that tells the
//! assigned partner's administrators.

use saps_core::port::{OutgoingMail, Tx};
use saps_core::{Error, Role, Voucher};

/// Longest reason kept.
pub const REASON_MAX: usize = 500;

/// A reason as given: trimmed, empty is none; at most [`REASON_MAX`]
/// characters and no control characters other than line breaks.
pub fn reason(raw: Option<String>) -> Result<Option<String>, Error> {
    let Some(r) = raw.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    if r.chars().count() > REASON_MAX {
        return Err(Error::invalid(
            "reason",
            format!("a reason is at most {REASON_MAX} characters"),
        ));
    }
    if r.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Error::invalid(
            "reason",
            "a reason cannot hold control characters",
        ));
    }
    Ok(Some(r))
}

/// Queues one e-mail per active administrator of the partner the voucher is
/// assigned to; nothing when it is not assigned.
pub fn tell_partner(
    tx: &mut dyn Tx,
    v: &Voucher,
    reason: Option<&str>,
    program: &saps_core::Program,
    public_url: &str,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let Some(partner) = v.partner_id else {
        return Ok(());
    };
    let customer = tx.org(v.customer_id)?.map(|o| o.name).unwrap_or_default();
    let engagement = program
        .engagement(&v.engagement)
        .map(|(_, e)| e.name.clone())
        .unwrap_or_else(|| v.engagement.clone());
    let why = match reason {
        Some(r) => format!("Reason given: {r}\n\n"),
        None => String::new(),
    };
    for u in tx.users(partner)? {
        if u.disabled || !matches!(u.role, Role::GlobalAdmin | Role::MpnAdmin) {
            continue;
        }
        tx.enqueue_mail(&OutgoingMail {
            id: uuid::Uuid::now_v7(),
            to: u.email,
            subject: format!(
                "Planning Services voucher {} cancelled by {customer}",
                v.code
            ),
            body: format!(
                "{customer} has cancelled the Planning Services voucher assigned to you.\n\n\
                 Voucher ID: {code}\n\
                 Engagement: {engagement} ({days} days)\n\n\
                 {why}\
                 It can no longer be reserved or delivered.\n\
                 See it in saps: {public_url}/vouchers/{code}\n",
                code = v.code,
                days = v.days,
            ),
            created_at: now,
            attempts: 0,
        })?;
    }
    Ok(())
}
