//! Delivery: the partner's completion report with its deliverable files, the
//! submission receipt, and the customer's sign-off. Pure: the checks of a
//! report, how a file's type is judged from its bytes, filenames, and the
//! receipt's canonical form and hash.

use crate::error::{DeliveryRule as D, Error, Rule};
use crate::ids::{DeliverableId, ReportId, UserId};
use crate::voucher::Voucher;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// At most this many bytes in one deliverable (20 MiB).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// At most this many bytes of deliverables in one report (50 MiB).
pub const MAX_REPORT_BYTES: u64 = 50 * 1024 * 1024;
/// At most this many deliverables in one report.
pub const MAX_FILES: usize = 20;
/// At most this many days delivered off-site.
pub const MAX_OFFSITE_DAYS: u32 = 3;
/// The longest summary or next steps, in characters.
pub const MAX_TEXT: usize = 10_000;

/// Where the customer's sign-off of a report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignOff {
    /// Waiting for the customer.
    Pending,
    /// The customer accepted the delivery.
    Accepted,
    /// The customer declined it; the voucher went back to reserved.
    Declined,
    /// Nobody answered within the program's `sign_off_days`: deemed accepted.
    Deemed,
}

impl SignOff {
    pub const ALL: [SignOff; 4] = [Self::Pending, Self::Accepted, Self::Declined, Self::Deemed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Deemed => "deemed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Accepted by the customer or by its silence: the voucher may be redeemed.
    pub fn is_signed_off(self) -> bool {
        matches!(self, Self::Accepted | Self::Deemed)
    }
}

/// A deliverable file as a report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deliverable {
    pub id: DeliverableId,
    pub filename: String,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    pub size: u64,
    /// The type judged from the content (never `text/html`).
    pub content_type: String,
}

/// What the partner reports (the `report` part).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportFields {
    pub delivered_from: Date,
    pub delivered_to: Date,
    pub days_onsite: u32,
    pub days_offsite: u32,
    pub summary: String,
    pub next_steps: String,
}

/// A submitted completion report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionReport {
    pub id: ReportId,
    pub voucher_id: crate::ids::VoucherId,
    pub fields: ReportFields,
    pub deliverables: Vec<Deliverable>,
    pub submitted_by: UserId,
    pub submitted_at: Timestamp,
    /// The receipt exactly as served (canonical JSON), and its SHA-256.
    pub receipt: String,
    pub receipt_sha256: String,
    pub sign_off: SignOff,
    pub signed_off_at: Option<Timestamp>,
    /// Who answered (none when deemed).
    pub signed_off_by: Option<UserId>,
    pub sign_off_comment: Option<String>,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The report's checks against the reserved voucher on `today`.
pub fn check_report(v: &Voucher, r: &ReportFields, files: usize, today: Date) -> Result<(), Error> {
    let Some(res) = v.reservation.as_ref() else {
        return Err(Error::Conflict {
            entity: crate::Entity::Voucher,
            message: "The voucher is not reserved.".into(),
        });
    };
    for (field, text) in [("summary", &r.summary), ("next_steps", &r.next_steps)] {
        if text.trim().is_empty() {
            return Err(Error::invalid(field, "this field is required"));
        }
        if text.chars().count() > MAX_TEXT {
            return Err(Error::invalid(
                field,
                format!("at most {MAX_TEXT} characters"),
            ));
        }
    }
    if r.delivered_to < r.delivered_from {
        return Err(Rule::EndsBeforeStart.into());
    }
    if r.delivered_to > today {
        return Err(D::DeliveryInFuture { today }.into());
    }
    if r.delivered_from < res.start_date || r.delivered_to > res.end_date {
        return Err(D::DeliveryOutsideReservation {
            start_date: res.start_date,
            end_date: res.end_date,
        }
        .into());
    }
    let delivered = r.days_onsite.saturating_add(r.days_offsite);
    if delivered != v.days.0 {
        return Err(D::DeliveredDaysMismatch {
            delivered,
            voucher_days: v.days.0,
        }
        .into());
    }
    if r.days_offsite > MAX_OFFSITE_DAYS {
        return Err(D::TooManyOffsiteDays {
            days_offsite: r.days_offsite,
            max: MAX_OFFSITE_DAYS,
        }
        .into());
    }
    if files == 0 {
        return Err(D::DeliverableMissing.into());
    }
    Ok(())
}

/// The filename kept for an upload: the last path segment, trimmed; refused
/// when empty, too long or holding control characters.
pub fn clean_filename(raw: &str) -> Result<String, Error> {
    if raw.chars().any(char::is_control) {
        return Err(Error::invalid(
            "filename",
            "the file name holds control characters",
        ));
    }
    let name = raw.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if name.is_empty() || name == "." || name == ".." {
        return Err(Error::invalid("filename", "the file has no name"));
    }
    if name.chars().count() > 255 {
        return Err(Error::invalid(
            "filename",
            "the file name has more than 255 characters",
        ));
    }
    Ok(name.to_owned())
}

/// The type of a deliverable judged from its bytes, or the refusal: PDF,
/// Office Open XML, OpenDocument, plain UTF-8 text, PNG or JPEG. HTML (and
/// any markup), executables and anything else are refused, whatever the name.
pub fn sniff(filename: &str, bytes: &[u8]) -> Result<&'static str, Error> {
    if bytes.is_empty() {
        return Err(Error::invalid(
            "deliverable",
            format!("{filename} is empty"),
        ));
    }
    let refused = || -> Error {
        D::DeliverableType {
            filename: filename.to_owned(),
        }
        .into()
    };
    if bytes.starts_with(b"%PDF-") {
        return Ok("application/pdf");
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok("image/jpeg");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // OpenDocument: the first entry is `mimetype`, stored, holding the type.
        if bytes.get(30..38) == Some(b"mimetype") {
            let rest = bytes.get(38..).unwrap_or(&[]);
            let odf = b"application/vnd.oasis.opendocument.";
            if let Some(i) = find(rest, odf).filter(|i| *i < 64) {
                let tail = &rest[i + odf.len()..];
                return Ok(if tail.starts_with(b"text") {
                    "application/vnd.oasis.opendocument.text"
                } else if tail.starts_with(b"spreadsheet") {
                    "application/vnd.oasis.opendocument.spreadsheet"
                } else if tail.starts_with(b"presentation") {
                    "application/vnd.oasis.opendocument.presentation"
                } else {
                    "application/octet-stream"
                });
            }
        }
        // Office Open XML: a `[Content_Types].xml` entry and a known part.
        if find(bytes, b"[Content_Types].xml").is_some() {
            return Ok(if find(bytes, b"word/").is_some() {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            } else if find(bytes, b"xl/").is_some() {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            } else if find(bytes, b"ppt/").is_some() {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            } else {
                "application/octet-stream"
            });
        }
        return Err(refused());
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(refused());
    };
    let control = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    let markup = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<');
    let lower = text
        .get(..text.len().min(4096))
        .unwrap_or("")
        .to_lowercase();
    if control || markup || lower.contains("<html") || lower.contains("<script") {
        return Err(refused());
    }
    Ok("text/plain; charset=utf-8")
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The submission receipt: what was submitted, when, by whom, and every file
/// with its name, size and SHA-256. Its canonical form is its compact JSON
/// serialisation in this field order; `GET /vouchers/{code}/receipt` serves
/// exactly those bytes, whose SHA-256 is the receipt's `sha256`.
#[derive(Clone, Debug, Serialize)]
pub struct Receipt<'a> {
    pub receipt_id: ReportId,
    pub voucher: String,
    pub engagement: &'a str,
    pub days: u32,
    pub report: &'a ReportFields,
    pub files: Vec<ReceiptFile<'a>>,
    pub submitted_by: UserId,
    pub submitted_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReceiptFile<'a> {
    pub filename: &'a str,
    pub size: u64,
    pub sha256: &'a str,
}

impl Receipt<'_> {
    /// The canonical bytes and their SHA-256.
    pub fn seal(&self) -> (String, String) {
        let text = serde_json::to_string(self).unwrap_or_default();
        let sha = sha256_hex(text.as_bytes());
        (text, sha)
    }
}

#[cfg(test)]
mod tests;
