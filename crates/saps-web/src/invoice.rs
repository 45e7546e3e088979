//! A claim's invoice as a PDF download, for the API and the UI alike: the
//! claim's data (`saps_app::invoice`) with its names in the partner's
//! language, drawn by `saps-invoice`.

use crate::ui::i18n::Lang;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use saps_app::invoice::InvoiceData;
use saps_core::payment::ClaimState;
use saps_core::{Error, Locale, Program, program_date};
use saps_invoice::{BankAccount, Invoice, Line, Place, State};

/// The invoice's language: `lang` when it names one of ours, else the
/// partner's (the language of the user who made the claim).
pub fn language(data: &InvoiceData, lang: Option<&str>) -> Locale {
    lang.and_then(Locale::parse).unwrap_or(data.locale)
}

fn state(s: ClaimState) -> State {
    match s {
        ClaimState::Draft => State::Draft,
        ClaimState::Submitted => State::Submitted,
        ClaimState::Approved => State::Approved,
        ClaimState::Paid => State::Paid,
        ClaimState::Rejected => State::Rejected,
        ClaimState::Disputed => State::Disputed,
        ClaimState::Withdrawn => State::Withdrawn,
    }
}

/// What the PDF shows, every name in `locale`'s words.
pub fn invoice(data: &InvoiceData, locale: Locale, today: Date, program: &Program) -> Invoice {
    let lang = Lang::parse(locale.as_str()).unwrap_or(Lang::En);
    let engagement_name = |code: &str| {
        let name = program
            .offerings
            .iter()
            .flat_map(|o| &o.engagements)
            .find(|e| e.code == code)
            .map_or(code.to_owned(), |e| e.name.clone());
        lang.engagement(code, &name)
    };
    let c = &data.claim;
    Invoice {
        locale,
        reference: c.reference.clone(),
        issued_on: today,
        state: state(c.state),
        partner: data.partner.name.clone(),
        location: Place {
            name: data.location.name.clone(),
            city: data.location.city.clone(),
            country: lang.country(&data.location.country),
        },
        lines: c
            .lines
            .iter()
            .zip(&data.engagements)
            .map(|(l, engagement)| Line {
                code: l.code.to_string(),
                engagement: engagement_name(engagement),
                days: l.days,
                country: lang.country(&l.country),
                day_rate: l.day_rate,
                amount: l.amount,
            })
            .collect(),
        total: c.total,
        submitted_on: c.submitted_at.map(program_date),
        approved_on: c.approved_at.map(program_date),
        payment_due_on: c.payment_due_on,
        paid_on: c.paid_at.map(program_date),
        payment_reference: c.payment_reference.clone(),
        bank_account: data.bank_account.as_ref().map(|a| BankAccount {
            holder: a.holder.clone(),
            // Masked before it leaves for the PDF, which masks it again.
            iban: a.iban.masked(),
            bic: a.bic.to_string(),
        }),
    }
}

/// The PDF as an attachment named after the claim's reference.
pub fn respond(
    data: &InvoiceData,
    locale: Locale,
    today: Date,
    program: &Program,
) -> Result<Response, Error> {
    let pdf = saps_invoice::render(&invoice(data, locale, today, program))
        .map_err(|e| Error::Store(saps_core::StoreError::Backend(e.to_string())))?;
    let mut res = pdf.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The reference is `SAVB-<year>-<number>`; anything else is left out of the name.
    let name: String = data
        .claim
        .reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.pdf\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
