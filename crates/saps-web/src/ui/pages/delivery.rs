//! Delivery pages: the partner's completion report form (a multipart upload
//! with its CSRF token), the deliverables and receipt as downloads, and the
//! customer's sign-off.

use super::vouchers::{Shown, detail_page};
use crate::AppState;
use crate::answer::{is_correctable, status};
use crate::ui::extract::{SignedIn, SignedInForm, VoucherInPath};
use crate::ui::form::Problems;
use crate::ui::page::fail;
use crate::ui::session::Ctx;
use axum::extract::multipart::Multipart;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use saps_app::delivery::Upload;
use saps_core::delivery::{MAX_FILE_BYTES, MAX_FILES, MAX_REPORT_BYTES, ReportFields};
use saps_core::{Actor, DeliverableId, Error, VoucherCode};

/// What the partner typed in the report form, kept when it is refused.
#[derive(Clone, Debug, Default)]
pub struct ReportForm {
    pub delivered_from: String,
    pub delivered_to: String,
    pub days_onsite: String,
    pub days_offsite: String,
    pub summary: String,
    pub next_steps: String,
}

fn attachment(bytes: Vec<u8>, filename: &str, content_type: &'static str) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let fallback: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cd = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    if let Ok(v) = HeaderValue::from_str(&cd) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// A deliverable, as a download (whoever sees the voucher).
pub async fn deliverable(
    State(st): State<AppState>,
    SignedIn { ctx, actor }: SignedIn,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    let Ok(code) = code.parse::<VoucherCode>() else {
        return fail(&ctx, Error::NotFound(saps_core::Entity::Voucher));
    };
    let Ok(id) = id.parse::<DeliverableId>() else {
        return fail(&ctx, Error::NotFound(saps_core::Entity::Deliverable));
    };
    match st.app.deliverable(&actor, code, id).await {
        Ok((d, bytes)) => attachment(bytes, &d.filename, "application/octet-stream"),
        Err(e) => fail(&ctx, e),
    }
}

/// The submission receipt, as a JSON download whose SHA-256 the page shows.
pub async fn receipt(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    SignedIn { ctx, actor }: SignedIn,
) -> Response {
    match st.app.receipt(&actor, code).await {
        Ok((text, _)) => attachment(
            text.into_bytes(),
            &format!("receipt-{code}.json"),
            "application/json",
        ),
        Err(e) => fail(&ctx, e),
    }
}

/// Where a refusal of the report form is shown.
fn report_field(key: &str) -> Option<&'static str> {
    Some(match key {
        "delivered_from" | "delivery_outside_reservation" | "ends_before_start" => "delivered_from",
        "delivered_to" | "delivery_in_future" => "delivered_to",
        "days_onsite" | "delivered_days_mismatch" => "days_onsite",
        "days_offsite" | "too_many_offsite_days" => "days_offsite",
        "summary" => "summary",
        "next_steps" => "next_steps",
        "deliverable" | "deliverable_missing" | "deliverable_type" | "filename" => "deliverable",
        _ => return None,
    })
}

async fn shown_again(
    st: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: VoucherCode,
    e: Error,
    typed: ReportForm,
) -> Response {
    if !is_correctable(&e) {
        return fail(ctx, e);
    }
    let shown = Shown {
        status: Some(status(&e)),
        problems: Problems::from_error(ctx, &e, report_field),
        report: typed,
        ..Shown::default()
    };
    detail_page(st, ctx, actor, code, shown).await
}

/// The report form, read as it streams in: the CSRF token first, then the
/// fields and files, each file within its limit.
async fn read_form(
    mut mp: Multipart,
    ctx: &Ctx,
) -> Result<(ReportForm, Vec<Upload>), Result<Error, StatusCode>> {
    let mut typed = ReportForm::default();
    let mut files = Vec::new();
    let mut total = 0u64;
    let mut csrf_ok = false;
    while let Some(mut field) = mp
        .next_field()
        .await
        .map_err(|_| Err(StatusCode::BAD_REQUEST))?
    {
        let name = field.name().unwrap_or("").to_owned();
        if name != "csrf" && !csrf_ok {
            return Err(Err(StatusCode::FORBIDDEN));
        }
        if name == "deliverable" {
            let filename = field.file_name().unwrap_or("").to_owned();
            let mut bytes = Vec::new();
            let max = MAX_FILE_BYTES.min(MAX_REPORT_BYTES - total);
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|_| Err(StatusCode::BAD_REQUEST))?
            {
                if (bytes.len() + chunk.len()) as u64 > max {
                    return Err(Ok(Error::invalid(
                        "deliverable",
                        format!(
                            "at most {} MiB a file and {} MiB a report",
                            MAX_FILE_BYTES >> 20,
                            MAX_REPORT_BYTES >> 20
                        ),
                    )));
                }
                bytes.extend_from_slice(&chunk);
            }
            // A file input left empty sends a part with no name and no bytes.
            if filename.is_empty() && bytes.is_empty() {
                continue;
            }
            if files.len() >= MAX_FILES {
                return Err(Ok(Error::invalid(
                    "deliverable",
                    format!("at most {MAX_FILES} files per report"),
                )));
            }
            total += bytes.len() as u64;
            files.push(Upload { filename, bytes });
            continue;
        }
        let mut text = Vec::new();
        while let Some(chunk) = field
            .chunk()
            .await
            .map_err(|_| Err(StatusCode::BAD_REQUEST))?
        {
            if text.len() + chunk.len() > 64 * 1024 {
                return Err(Err(StatusCode::PAYLOAD_TOO_LARGE));
            }
            text.extend_from_slice(&chunk);
        }
        let text = String::from_utf8_lossy(&text).into_owned();
        match name.as_str() {
            "csrf" => csrf_ok = ctx.csrf_matches(&text),
            "delivered_from" => typed.delivered_from = text,
            "delivered_to" => typed.delivered_to = text,
            "days_onsite" => typed.days_onsite = text,
            "days_offsite" => typed.days_offsite = text,
            "summary" => typed.summary = text,
            "next_steps" => typed.next_steps = text,
            _ => {}
        }
    }
    if !csrf_ok {
        return Err(Err(StatusCode::FORBIDDEN));
    }
    Ok((typed, files))
}

fn fields(t: &ReportForm) -> Result<ReportFields, Error> {
    let day = |field: &str, s: &str| {
        s.trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| Error::invalid(field, "enter a date"))
    };
    let num = |field: &str, s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| Error::invalid(field, "enter a whole number of days"))
    };
    Ok(ReportFields {
        delivered_from: day("delivered_from", &t.delivered_from)?,
        delivered_to: day("delivered_to", &t.delivered_to)?,
        days_onsite: num("days_onsite", &t.days_onsite)?,
        days_offsite: num("days_offsite", &t.days_offsite)?,
        summary: t.summary.clone(),
        next_steps: t.next_steps.clone(),
    })
}

/// The partner submits the completion report with its files.
pub async fn report(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    SignedIn { ctx, actor }: SignedIn,
    req: Request,
) -> Response {
    let cross_site = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("cross"));
    let Ok(mp) = Multipart::from_request(req, &st).await else {
        return fail(
            &ctx,
            Error::invalid("deliverable", "send the form with its files"),
        );
    };
    if cross_site {
        return fail(&ctx, Error::forbidden("This form must be sent from saps."));
    }
    let (typed, files) = match read_form(mp, &ctx).await {
        Ok(r) => r,
        Err(Ok(e)) => return shown_again(&st, &ctx, &actor, code, e, ReportForm::default()).await,
        Err(Err(StatusCode::FORBIDDEN)) => {
            return fail(
                &ctx,
                Error::forbidden("The form has expired: reload the page and try again."),
            );
        }
        Err(Err(_)) => {
            return fail(
                &ctx,
                Error::invalid("deliverable", "the upload could not be read"),
            );
        }
    };
    let parsed = match fields(&typed) {
        Ok(f) => f,
        Err(e) => return shown_again(&st, &ctx, &actor, code, e, typed).await,
    };
    match st.app.submit_report(&actor, code, parsed, files).await {
        Ok(_) => Redirect::to(&format!("/vouchers/{code}?done=reported")).into_response(),
        Err(e) => shown_again(&st, &ctx, &actor, code, e, typed).await,
    }
}

/// The customer accepts or declines the delivery.
pub async fn sign_off(
    State(st): State<AppState>,
    VoucherInPath(code): VoucherInPath,
    f: SignedInForm,
) -> Response {
    let SignedInForm { form, actor } = f;
    let ctx = &form.ctx;
    let accepted = form.get("decision") == "accept";
    let comment = form.get("comment").to_owned();
    match st
        .app
        .sign_off(&actor, code, accepted, Some(comment.clone()))
        .await
    {
        Ok(_) => {
            let done = if accepted { "signed_off" } else { "declined" };
            Redirect::to(&format!("/vouchers/{code}?done={done}")).into_response()
        }
        Err(e) => {
            if !is_correctable(&e) {
                return fail(ctx, e);
            }
            let shown = Shown {
                status: Some(status(&e)),
                problems: Problems::from_error(ctx, &e, |k| (k == "comment").then_some("comment")),
                reason: comment,
                ..Shown::default()
            };
            detail_page(&st, ctx, &actor, code, shown).await
        }
    }
}
