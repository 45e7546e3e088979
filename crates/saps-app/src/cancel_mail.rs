//! Cancelling a voucher: the optional reason, and the e-mail that tells the
//! assigned partner's administrators.

use crate::mail::{self, text::Arg, text::Draft};
use saps_core::port::Tx;
use saps_core::{Error, Voucher};

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
    let mut draft = Draft::new("cancelled", format!("{public_url}/vouchers/{}", v.code))
        .arg("customer", customer.clone())
        .arg("code", v.code.to_string())
        .fact("mail-voucher-id", v.code.to_string())
        .fact("mail-customer", customer)
        .fact("mail-engagement", mail::engagement_name(program, v))
        .fact("mail-length", Arg::Days(v.days.signed()));
    if let Some(r) = reason {
        draft = draft.fact("mail-reason", r);
    }
    let admins = mail::partner_admins(tx, partner)?;
    mail::queue_to_users(tx, &admins, &draft, now)?;
    Ok(())
}
