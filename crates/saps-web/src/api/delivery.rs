//! Delivery (VVR): the completion report with its deliverables (a streamed
//! multipart upload), the deliverables' downloads, the receipt, the customer's
//! sign-off and the redemption of signed-off vouchers.

use super::vouchers::CODE;
use super::{Refusal, day_text, ok};
use crate::AppState;
use crate::extract::{Caller, Json, date, id, parse_json, voucher_code};
use crate::idempotency::UploadKey;
use crate::problem::{ApiError, ApiResult, Problem};
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use saps_app::VoucherView;
use saps_app::delivery::{ReceiptRef, Upload};
use saps_core::delivery::{MAX_FILE_BYTES, MAX_FILES, MAX_REPORT_BYTES, ReportFields};
use saps_core::{DeliverableId, ReportId, UserId, VoucherCode};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The most a `report` part may hold.
const MAX_REPORT_PART: u64 = 64 * 1024;

pub fn routes() -> OpenApiRouter<AppState> {
    let upload = OpenApiRouter::new()
        .routes(routes!(completion_report))
        // Files are counted while they stream in (see `read_upload`); the
        // body as a whole may not exceed the report's limit and some framing.
        .layer(DefaultBodyLimit::max(
            (MAX_REPORT_BYTES + 1024 * 1024) as usize,
        ));
    OpenApiRouter::new()
        .merge(upload)
        .routes(routes!(deliverable_download))
        .routes(routes!(receipt))
        .routes(routes!(sign_off))
        .routes(routes!(redemptions))
}

/// The `report` part of the upload.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReportRequest {
    #[schema(schema_with = day_text)]
    delivered_from: String,
    #[schema(schema_with = day_text)]
    delivered_to: String,
    days_onsite: u32,
    days_offsite: u32,
    summary: String,
    next_steps: String,
}

/// A completion report upload (`multipart/form-data`).
#[derive(ToSchema)]
#[allow(dead_code)]
struct ReportUpload {
    /// The report as JSON: on-site plus off-site days equal the voucher's
    /// days, at most 3 off-site, dates within the reservation and not in the
    /// future.
    report: ReportRequest,
    /// One or more files (at most 20, each at most 20 MiB, 50 MiB in all):
    /// PDF, Office Open XML, OpenDocument, plain UTF-8 text, PNG or JPEG,
    /// judged by their content.
    #[schema(value_type = Vec<String>, format = Binary)]
    deliverable: Vec<String>,
}

#[derive(Serialize, ToSchema)]
struct ReportAnswer {
    receipt: ReceiptRef,
}

fn too_large(what: &str) -> ApiError {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "request.too_large",
        format!(
            "{what} is too large: at most {} MiB a file and {} MiB a report.",
            MAX_FILE_BYTES >> 20,
            MAX_REPORT_BYTES >> 20
        ),
    )
    .into()
}

fn multipart_error(e: MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large("The upload")
    } else {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "request.malformed_multipart",
            format!("The multipart body could not be read: {}", e.body_text()),
        )
        .into()
    }
}

/// Reads one part, at most `max` bytes (refused as soon as it goes beyond).
async fn read_part(field: &mut Field<'_>, max: u64, what: &str) -> ApiResult<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if (bytes.len() + chunk.len()) as u64 > max {
            return Err(too_large(what));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Streams the upload in: the `report` part and the `deliverable` files,
/// each counted as it arrives and refused (413) past its limit, so a large
/// body is never read whole and nothing is stored unless all of it came.
async fn read_upload(mut mp: Multipart) -> ApiResult<(ReportFields, Vec<Upload>)> {
    let mut report: Option<ReportRequest> = None;
    let mut files: Vec<Upload> = Vec::new();
    let mut total: u64 = 0;
    while let Some(mut field) = mp.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("report") => {
                if report.is_some() {
                    return Err(Problem::malformed("report", "send one report part").into());
                }
                let bytes = read_part(&mut field, MAX_REPORT_PART, "The report part").await?;
                report = Some(parse_json(&bytes)?);
            }
            Some("deliverable") => {
                if files.len() >= MAX_FILES {
                    return Err(ApiError::from(saps_core::Error::invalid(
                        "deliverable",
                        format!("at most {MAX_FILES} files per report"),
                    )));
                }
                let Some(filename) = field.file_name().map(str::to_owned) else {
                    return Err(Problem::malformed(
                        "deliverable",
                        "each deliverable part is a file with a file name",
                    )
                    .into());
                };
                let max = MAX_FILE_BYTES.min(MAX_REPORT_BYTES - total);
                let what = if max < MAX_FILE_BYTES {
                    "The report's files"
                } else {
                    "A file"
                };
                let bytes = read_part(&mut field, max, what).await?;
                total += bytes.len() as u64;
                files.push(Upload { filename, bytes });
            }
            other => {
                let name = other.unwrap_or("").to_owned();
                return Err(Problem::malformed(
                    "body",
                    format!("unexpected part {name:?}: send `report` and `deliverable` parts"),
                )
                .into());
            }
        }
    }
    let Some(r) = report else {
        return Err(Problem::malformed("report", "the report part is missing").into());
    };
    let fields = ReportFields {
        delivered_from: date("delivered_from", &r.delivered_from)?,
        delivered_to: date("delivered_to", &r.delivered_to)?,
        days_onsite: r.days_onsite,
        days_offsite: r.days_offsite,
        summary: r.summary,
        next_steps: r.next_steps,
    };
    Ok((fields, files))
}

/// Submit the completion report with its deliverables (the reserving partner's admins)
///
/// The voucher becomes `completed` and awaits the customer's sign-off. The
/// answer's `receipt.sha256` is the SHA-256 of the exact bytes that
/// `GET /api/v1/vouchers/{code}/receipt` serves. A file or report over its
/// limit is 413 `request.too_large`, refused while it streams in; a file whose
/// content is not an accepted type (HTML, an executable …, whatever its name)
/// is 422 `rule.deliverable_type`; nothing is stored unless all is accepted.
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/completion-report",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body(content = ReportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The receipt of the report", body = ReportAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn completion_report(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    upload_key: Option<Extension<UploadKey>>,
    mp: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    let code = voucher_code(&code)?;
    let mp = mp.map_err(|_| {
        ApiError::from(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "request.unsupported_media_type",
            "Send the report as multipart/form-data with `report` and `deliverable` parts.",
        ))
    })?;
    let (fields, files) = read_upload(mp).await?;
    if let Some(Extension(key)) = upload_key {
        let path = format!("/api/v1/vouchers/{code}/completion-report");
        if let Some(replayed) = key.claim(&st, &path, &fingerprint(&fields, &files)).await {
            return Ok(replayed);
        }
    }
    let receipt = st.app.submit_report(&c.actor, code, fields, files).await?;
    Ok(super::created(ReportAnswer { receipt }))
}

/// What an upload carries, for its Idempotency-Key: the report's fields and
/// each file's name and SHA-256, in order (not the multipart bytes, whose
/// boundary changes between tries).
fn fingerprint(fields: &ReportFields, files: &[Upload]) -> Vec<u8> {
    let mut out = serde_json::to_vec(fields).expect("report fields serialise");
    for f in files {
        out.push(b'\n');
        out.extend_from_slice(f.filename.as_bytes());
        out.push(0);
        out.extend_from_slice(saps_app::auth::hex(&Sha256::digest(&f.bytes)).as_bytes());
    }
    out
}

/// `filename*` (RFC 6266 / RFC 5987) with an ASCII fallback.
fn disposition(filename: &str) -> String {
    let fallback: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in filename.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// Download a deliverable, exactly as uploaded, as an attachment (the voucher's partner, customer, operator)
#[utoipa::path(
    get,
    path = "/api/v1/vouchers/{code}/deliverables/{id}",
    tag = "vvr",
    params(
        ("code" = VoucherCode, Path, description = CODE),
        ("id" = DeliverableId, Path, description = "The deliverable's id"),
    ),
    responses(
        (status = 200, description = "The file's bytes, `Content-Disposition: attachment`",
         content_type = "application/octet-stream", body = String),
        (status = 403, response = Refusal),
    )
)]
async fn deliverable_download(
    State(st): State<AppState>,
    c: Caller,
    Path((code, file)): Path<(String, String)>,
) -> ApiResult<Response> {
    let code = voucher_code(&code)?;
    let file: DeliverableId = id("id", &file)?;
    let (d, bytes) = st.app.deliverable(&c.actor, code, file).await?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition(&d.filename)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&d.sha256) {
        h.insert("x-content-sha256", v);
    }
    Ok(res)
}

/// A file as the receipt names it.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
struct ReceiptFileDoc {
    filename: String,
    size: u64,
    sha256: String,
}

/// The submission receipt, served as the exact bytes whose SHA-256 the report's answer gave.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
struct ReceiptDoc {
    receipt_id: ReportId,
    #[schema(value_type = VoucherCode)]
    voucher: String,
    engagement: String,
    days: u32,
    report: ReportFields,
    files: Vec<ReceiptFileDoc>,
    submitted_by: UserId,
    submitted_at: jiff::Timestamp,
}

/// The submission receipt of the voucher's current completion report
///
/// Compact JSON: the report, every file's name, size and SHA-256, who
/// submitted it and when. The SHA-256 of these exact bytes is the receipt's
/// `sha256` (also in the `X-Receipt-SHA256` header).
#[utoipa::path(
    get,
    path = "/api/v1/vouchers/{code}/receipt",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    responses(
        (status = 200, description = "The receipt", body = ReceiptDoc),
        (status = 403, response = Refusal),
    )
)]
async fn receipt(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    let (text, sha) = st.app.receipt(&c.actor, voucher_code(&code)?).await?;
    let mut res = text.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(&sha) {
        h.insert("x-receipt-sha256", v);
    }
    Ok(res)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SignOffRequest {
    accepted: bool,
    /// Required when declining (at most 2000 characters); the partner reads it.
    comment: Option<String>,
}

/// Accept or decline the delivery (the voucher's project manager or the customer's benefit admin)
///
/// Accepting records the sign-off; the partner may then redeem the voucher.
/// Declining (with a comment) sends the voucher back to `reserved` and
/// e-mails the partner, who may report again. 409 unless the voucher is
/// `completed` with a report awaiting sign-off.
#[utoipa::path(
    post,
    path = "/api/v1/vouchers/{code}/sign-off",
    tag = "vvr",
    params(("code" = VoucherCode, Path, description = CODE)),
    request_body = SignOffRequest,
    responses(
        (status = 200, description = "The voucher", body = VoucherView),
        (status = 403, response = Refusal),
    )
)]
async fn sign_off(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<SignOffRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .sign_off(&c.actor, voucher_code(&code)?, r.accepted, r.comment)
        .await?;
    Ok(ok(v))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RedemptionRequest {
    /// 1 to 1000 voucher IDs.
    codes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
struct RedemptionResult {
    /// The code as sent.
    code: String,
    ok: bool,
    /// Why this voucher was not redeemed (`voucher.not_found` for an unknown
    /// code or another partner's voucher, `voucher.conflict`, `rule.…`); null when `ok`.
    #[schema(required = true)]
    error: Option<Problem>,
}

#[derive(Serialize, ToSchema)]
struct RedemptionAnswer {
    /// One per code, in the order sent.
    results: Vec<RedemptionResult>,
}

/// Redeem completed, signed-off vouchers (the reserving partner's admins)
///
/// Each voucher is redeemed or refused on its own: it must be `completed`,
/// signed off (or deemed accepted), not expired, before the program's last
/// day to redeem, and reserved by the caller's company. An empty batch or one
/// of more than 1000 codes is 422 `validation.codes`.
#[utoipa::path(
    post,
    path = "/api/v1/redemptions",
    tag = "vvr",
    request_body = RedemptionRequest,
    responses(
        (status = 200, description = "What happened to each code", body = RedemptionAnswer),
        (status = 403, response = Refusal),
    )
)]
async fn redemptions(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<RedemptionRequest>,
) -> ApiResult<Response> {
    let results = st.app.redeem(&c.actor, r.codes).await?;
    let results = results
        .into_iter()
        .map(|r| RedemptionResult {
            code: r.code,
            ok: r.outcome.is_ok(),
            error: r.outcome.err().map(Problem::from),
        })
        .collect();
    Ok(ok(RedemptionAnswer { results }))
}
