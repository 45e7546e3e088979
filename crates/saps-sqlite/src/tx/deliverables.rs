//! Completion reports, their deliverables (bytes stored once per SHA-256)
//! and sign-offs.

use super::*;
use saps_core::delivery::{CompletionReport, Deliverable, ReportFields, SignOff};
use saps_core::port::Deliverables;
use saps_core::{DeliverableId, VoucherId};

const REPORT_COLS: &str = "id, voucher_id, delivered_from, delivered_to, days_onsite, \
    days_offsite, summary, next_steps, submitted_by, submitted_at, receipt, receipt_sha256, \
    sign_off, signed_off_at, signed_off_by, sign_off_comment";

fn report_row(r: &Row<'_>) -> rusqlite::Result<CompletionReport> {
    Ok(CompletionReport {
        id: col(r, 0)?,
        voucher_id: col(r, 1)?,
        fields: ReportFields {
            delivered_from: col(r, 2)?,
            delivered_to: col(r, 3)?,
            days_onsite: r.get(4)?,
            days_offsite: r.get(5)?,
            summary: r.get(6)?,
            next_steps: r.get(7)?,
        },
        deliverables: Vec::new(),
        submitted_by: col(r, 8)?,
        submitted_at: col(r, 9)?,
        receipt: r.get(10)?,
        receipt_sha256: r.get(11)?,
        sign_off: enum_col(r, 12, SignOff::parse)?,
        signed_off_at: opt_col(r, 13)?,
        signed_off_by: opt_col(r, 14)?,
        sign_off_comment: r.get(15)?,
    })
}

const FILE_COLS: &str = "d.id, d.filename, d.sha256, b.size, d.content_type";

fn file_row(r: &Row<'_>) -> rusqlite::Result<Deliverable> {
    Ok(Deliverable {
        id: col(r, 0)?,
        filename: r.get(1)?,
        sha256: r.get(2)?,
        size: r.get::<_, i64>(3)?.max(0) as u64,
        content_type: r.get(4)?,
    })
}

impl SqliteTx<'_> {
    fn with_files(&self, mut report: CompletionReport) -> StoreResult<CompletionReport> {
        report.deliverables = self.all(
            &format!(
                "SELECT {FILE_COLS} FROM report_deliverables d \
                 JOIN deliverable_blobs b ON b.sha256 = d.sha256 \
                 WHERE d.report_id = ?1 ORDER BY d.position"
            ),
            [report.id.to_string()],
            file_row,
        )?;
        Ok(report)
    }
}

impl Deliverables for SqliteTx<'_> {
    fn put_blob(&mut self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        self.exec(
            "INSERT INTO deliverable_blobs (sha256, size, bytes) VALUES (?1, ?2, ?3) \
             ON CONFLICT (sha256) DO NOTHING",
            params![sha256, bytes.len() as i64, bytes],
        )
        .map(drop)
    }

    fn insert_report(&mut self, r: &CompletionReport) -> StoreResult<()> {
        let f = &r.fields;
        self.exec(
            &format!(
                "INSERT INTO completion_reports ({REPORT_COLS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
            ),
            params![
                r.id.to_string(),
                r.voucher_id.to_string(),
                f.delivered_from.to_string(),
                f.delivered_to.to_string(),
                f.days_onsite,
                f.days_offsite,
                f.summary,
                f.next_steps,
                r.submitted_by.to_string(),
                timestamp(r.submitted_at),
                r.receipt,
                r.receipt_sha256,
                r.sign_off.as_str(),
                r.signed_off_at.map(timestamp),
                opt_string(r.signed_off_by),
                r.sign_off_comment,
            ],
        )?;
        for (i, d) in r.deliverables.iter().enumerate() {
            self.exec(
                "INSERT INTO report_deliverables \
                 (id, report_id, position, sha256, filename, content_type) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    d.id.to_string(),
                    r.id.to_string(),
                    i as i64,
                    d.sha256,
                    d.filename,
                    d.content_type
                ],
            )?;
        }
        Ok(())
    }

    fn current_report(&mut self, voucher: VoucherId) -> StoreResult<Option<CompletionReport>> {
        let found = self.one(
            &format!(
                "SELECT {REPORT_COLS} FROM completion_reports \
                 WHERE voucher_id = ?1 AND sign_off <> 'declined' \
                 ORDER BY submitted_at DESC, id DESC LIMIT 1"
            ),
            [voucher.to_string()],
            report_row,
        )?;
        found.map(|r| self.with_files(r)).transpose()
    }

    fn update_sign_off(&mut self, r: &CompletionReport) -> StoreResult<()> {
        self.exec(
            "UPDATE completion_reports SET sign_off = ?2, signed_off_at = ?3, \
             signed_off_by = ?4, sign_off_comment = ?5 WHERE id = ?1",
            params![
                r.id.to_string(),
                r.sign_off.as_str(),
                r.signed_off_at.map(timestamp),
                opt_string(r.signed_off_by),
                r.sign_off_comment,
            ],
        )
        .map(drop)
    }

    fn deliverable(
        &mut self,
        voucher: VoucherId,
        id: DeliverableId,
    ) -> StoreResult<Option<(Deliverable, Vec<u8>)>> {
        self.one(
            &format!(
                "SELECT {FILE_COLS}, b.bytes FROM report_deliverables d \
                 JOIN deliverable_blobs b ON b.sha256 = d.sha256 \
                 JOIN completion_reports r ON r.id = d.report_id \
                 WHERE d.id = ?1 AND r.voucher_id = ?2"
            ),
            [id.to_string(), voucher.to_string()],
            |r| Ok((file_row(r)?, r.get::<_, Vec<u8>>(5)?)),
        )
    }

    fn reports_pending_before(
        &mut self,
        before: jiff::Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<CompletionReport>> {
        let found = self.all(
            &format!(
                "SELECT {REPORT_COLS} FROM completion_reports \
                 WHERE sign_off = 'pending' AND submitted_at < ?1 \
                 ORDER BY submitted_at, id LIMIT ?2"
            ),
            params![timestamp(before), limit],
            report_row,
        )?;
        found.into_iter().map(|r| self.with_files(r)).collect()
    }
}
