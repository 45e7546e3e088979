//! Turning the pages of a voucher export into a streamed response, shared by
//! the API and the UI.
//!
//! - CSV: each page is encoded (RFC 4180 quoting, UTF-8) and sent on as it
//!   comes; memory holds a couple of pages at most.
//! - Excel: a blocking task writes the rows into a workbook in
//!   `rust_xlsxwriter`'s constant-memory mode (rows go to a temporary file,
//!   strings inline), saves it to a temporary file, and the file is then sent
//!   in chunks. The file is unlinked as soon as it is open, so nothing is
//!   left behind whatever happens to the connection.

use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use saps_app::exports::{EXPORT_COLUMNS, ExportPage, ExportRow};
use saps_core::{Error, StoreError};
use std::io::Read;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// Bytes per chunk when sending a saved workbook.
const CHUNK: usize = 64 * 1024;
/// Excel's last row (1,048,576 rows including the header).
const XLSX_MAX_ROWS: u32 = 1_048_575;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv { bom: bool },
    Xlsx,
}

/// Column headings: the English ones, or translated ones from the UI.
pub type Headings = Option<Vec<String>>;

/// The streamed attachment `vouchers-YYYY-MM-DD.{csv,xlsx}`.
pub async fn respond(
    format: Format,
    pages: mpsc::Receiver<ExportPage>,
    today: jiff::civil::Date,
    headings: Headings,
) -> Result<Response, Error> {
    let headings =
        headings.unwrap_or_else(|| EXPORT_COLUMNS.iter().map(|s| (*s).to_owned()).collect());
    let (content_type, ext, body) = match format {
        Format::Csv { bom } => (
            "text/csv; charset=utf-8",
            "csv",
            csv_body(pages, headings, bom),
        ),
        Format::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            xlsx_body(pages, headings).await?,
        ),
    };
    let disposition = format!("attachment; filename=\"vouchers-{today}.{ext}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::new(ChannelBody(Some(body))),
    )
        .into_response())
}

type Chunks = mpsc::Receiver<Result<Bytes, std::io::Error>>;

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Store(StoreError::Backend(format!("export: {e}")))
}

fn stamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One row as text cells, in `EXPORT_COLUMNS` order.
pub fn cells(r: &ExportRow) -> [String; 13] {
    [
        r.code.clone(),
        r.state.as_str().to_owned(),
        r.customer.clone(),
        r.partner.clone(),
        r.engagement.clone(),
        r.days.to_string(),
        stamp(r.created_at),
        opt(r.assigned_at.map(stamp)),
        opt(r.start_date),
        opt(r.end_date),
        r.expires_on.to_string(),
        r.location.clone(),
        r.consultant.clone(),
    ]
}

fn csv_chunk(rows: &[ExportRow], head: Option<(&[String], bool)>) -> Result<Bytes, std::io::Error> {
    let mut out = Vec::with_capacity(rows.len() * 160 + 256);
    if let Some((_, true)) = head {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    if let Some((headings, _)) = head {
        w.write_record(headings)?;
    }
    for r in rows {
        w.write_record(cells(r))?;
    }
    w.into_inner()
        .map(Bytes::from)
        .map_err(|e| std::io::Error::other(e.to_string()))
}

fn csv_body(mut pages: mpsc::Receiver<ExportPage>, headings: Vec<String>, bom: bool) -> Chunks {
    let (send, recv) = mpsc::channel(2);
    tokio::spawn(async move {
        let mut head = Some((headings, bom));
        while let Some(page) = pages.recv().await {
            let chunk = match page {
                Ok(rows) => {
                    let h = head.take();
                    csv_chunk(&rows, h.as_ref().map(|(h, b)| (h.as_slice(), *b)))
                }
                Err(e) => Err(std::io::Error::other(e.to_string())),
            };
            let failed = chunk.is_err();
            if send.send(chunk).await.is_err() || failed {
                return;
            }
        }
        if let Some((h, b)) = head {
            let _ = send.send(csv_chunk(&[], Some((&h, b)))).await;
        }
    });
    recv
}

/// Writes the workbook to a temporary file (bounded memory), then streams it.
async fn xlsx_body(
    pages: mpsc::Receiver<ExportPage>,
    headings: Vec<String>,
) -> Result<Chunks, Error> {
    let file = tokio::task::spawn_blocking(move || write_xlsx(pages, &headings))
        .await
        .map_err(backend)??;
    let (send, recv) = mpsc::channel(2);
    tokio::task::spawn_blocking(move || {
        let mut file = file;
        loop {
            let mut buf = vec![0; CHUNK];
            let chunk = match file.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => {
                    buf.truncate(n);
                    Ok(Bytes::from(buf))
                }
                Err(e) => Err(e),
            };
            let failed = chunk.is_err();
            if send.blocking_send(chunk).is_err() || failed {
                return;
            }
        }
    });
    Ok(recv)
}

fn write_xlsx(
    mut pages: mpsc::Receiver<ExportPage>,
    headings: &[String],
) -> Result<std::fs::File, Error> {
    use rust_xlsxwriter::{ExcelDateTime, Format as Cell, Workbook};
    let mut book = Workbook::new();
    let bold = Cell::new().set_bold();
    let day = Cell::new().set_num_format("yyyy-mm-dd");
    let time = Cell::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = book.add_worksheet_with_constant_memory().map_err(backend)?;
    sheet.set_name("Vouchers").map_err(backend)?;
    for (i, (h, w)) in headings
        .iter()
        .zip([27, 11, 28, 28, 14, 6, 17, 17, 12, 12, 12, 24, 24])
        .enumerate()
    {
        let col = u16::try_from(i).map_err(backend)?;
        sheet.set_column_width(col, w).map_err(backend)?;
        sheet
            .write_string_with_format(0, col, h, &bold)
            .map_err(backend)?;
    }
    let date = |d: jiff::civil::Date| {
        let (y, m, dd) = (d.year(), d.month(), d.day());
        ExcelDateTime::from_ymd(
            u16::try_from(y).unwrap_or(1900),
            u8::try_from(m).unwrap_or(1),
            u8::try_from(dd).unwrap_or(1),
        )
    };
    let moment = |t: jiff::Timestamp| {
        let c = t.to_zoned(jiff::tz::TimeZone::UTC).datetime();
        date(c.date()).and_then(|d| {
            d.and_hms(
                u16::try_from(c.hour()).unwrap_or(0),
                u8::try_from(c.minute()).unwrap_or(0),
                c.second(),
            )
        })
    };
    let mut row: u32 = 0;
    while let Some(page) = pages.blocking_recv() {
        for r in page? {
            row += 1;
            if row > XLSX_MAX_ROWS {
                return Err(Error::invalid(
                    "export",
                    "more vouchers than an Excel sheet holds; export as CSV or narrow the filter",
                ));
            }
            let texts = cells(&r);
            for c in [0u16, 1, 2, 3, 4, 11, 12] {
                let t = &texts[usize::from(c)];
                if !t.is_empty() {
                    sheet.write_string(row, c, t).map_err(backend)?;
                }
            }
            sheet.write_number(row, 5, r.days).map_err(backend)?;
            sheet
                .write_datetime_with_format(row, 6, moment(r.created_at).map_err(backend)?, &time)
                .map_err(backend)?;
            if let Some(t) = r.assigned_at {
                let t = moment(t).map_err(backend)?;
                sheet
                    .write_datetime_with_format(row, 7, t, &time)
                    .map_err(backend)?;
            }
            for (c, d) in [
                (8u16, r.start_date),
                (9, r.end_date),
                (10, Some(r.expires_on)),
            ] {
                if let Some(d) = d {
                    let d = date(d).map_err(backend)?;
                    sheet
                        .write_datetime_with_format(row, c, d, &day)
                        .map_err(backend)?;
                }
            }
        }
    }
    sheet.autofilter(0, 0, row, 12).map_err(backend)?;
    let tmp = tempfile::NamedTempFile::new().map_err(backend)?;
    book.save(tmp.path()).map_err(backend)?;
    // Open, then unlink: the open handle keeps the bytes until sent.
    let file = tmp.reopen().map_err(backend)?;
    drop(tmp);
    Ok(file)
}

/// A response body fed by a channel of chunks.
struct ChannelBody(Option<Chunks>);

impl http_body::Body for ChannelBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        let Some(rx) = self.0.as_mut() else {
            return Poll::Ready(None);
        };
        match rx.poll_recv(cx) {
            Poll::Ready(Some(Ok(b))) => Poll::Ready(Some(Ok(http_body::Frame::data(b)))),
            Poll::Ready(Some(Err(e))) => {
                self.0 = None;
                Poll::Ready(Some(Err(e)))
            }
            Poll::Ready(None) => {
                self.0 = None;
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_none()
    }
}
