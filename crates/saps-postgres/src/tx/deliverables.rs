//! Completion reports, their deliverables (bytes stored once per SHA-256)
//! and sign-offs.

use super::*;
use crate::micros;
use saps_core::delivery::{CompletionReport, Deliverable, ReportFields, SignOff};
use saps_core::port::Deliverables;
use saps_core::{DeliverableId, ReportId, UserId, VoucherId};

const REPORT_COLS: &str = "id, voucher_id, delivered_from, delivered_to, days_onsite, \
    days_offsite, summary, next_steps, submitted_by, submitted_at, receipt, receipt_sha256, \
    sign_off, signed_off_at, signed_off_by, sign_off_comment";

fn report_row(r: &Row) -> StoreResult<CompletionReport> {
    Ok(CompletionReport {
        id: ReportId(get(r, 0)?),
        voucher_id: VoucherId(get(r, 1)?),
        fields: ReportFields {
            delivered_from: get(r, 2)?,
            delivered_to: get(r, 3)?,
            days_onsite: u32_col(r, 4)?,
            days_offsite: u32_col(r, 5)?,
            summary: get(r, 6)?,
            next_steps: get(r, 7)?,
        },
        deliverables: Vec::new(),
        submitted_by: UserId(get(r, 8)?),
        submitted_at: get(r, 9)?,
        receipt: get(r, 10)?,
        receipt_sha256: get(r, 11)?,
        sign_off: enum_col(r, 12, SignOff::parse)?,
        signed_off_at: get(r, 13)?,
        signed_off_by: get::<Option<Uuid>>(r, 14)?.map(UserId),
        sign_off_comment: get(r, 15)?,
    })
}

const FILE_COLS: &str = "d.id, d.filename, d.sha256, b.size, d.content_type";

fn file_row(r: &Row) -> StoreResult<Deliverable> {
    let size: i64 = get(r, 3)?;
    Ok(Deliverable {
        id: DeliverableId(get(r, 0)?),
        filename: get(r, 1)?,
        sha256: get(r, 2)?,
        size: u64::try_from(size).map_err(|_| corrupt(format_args!("size {size}")))?,
        content_type: get(r, 4)?,
    })
}

impl PgTx<'_> {
    fn with_files(&mut self, mut report: CompletionReport) -> StoreResult<CompletionReport> {
        let rows = self.rows(
            &format!(
                "SELECT {FILE_COLS} FROM report_deliverables d \
                 JOIN deliverable_blobs b ON b.sha256 = d.sha256 \
                 WHERE d.report_id = $1 ORDER BY d.position"
            ),
            &[&report.id.0],
        )?;
        report.deliverables = rows.iter().map(file_row).collect::<StoreResult<_>>()?;
        Ok(report)
    }
}

impl Deliverables for PgTx<'_> {
    fn put_blob(&mut self, sha256: &str, bytes: &[u8]) -> StoreResult<()> {
        let size = bytes.len() as i64;
        self.exec(
            "INSERT INTO deliverable_blobs (sha256, size, bytes) VALUES ($1, $2, $3) \
             ON CONFLICT (sha256) DO NOTHING",
            &[&sha256, &size, &bytes],
        )
        .map(drop)
    }

    fn insert_report(&mut self, r: &CompletionReport) -> StoreResult<()> {
        let f = &r.fields;
        let (onsite, offsite) = (int(f.days_onsite, "days")?, int(f.days_offsite, "days")?);
        let at = micros(r.submitted_at);
        let signed_at = r.signed_off_at.map(micros);
        let signed_by = r.signed_off_by.map(|u| u.0);
        self.exec(
            &format!(
                "INSERT INTO completion_reports ({REPORT_COLS}) VALUES \
                 ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
            ),
            &[
                &r.id.0,
                &r.voucher_id.0,
                &f.delivered_from,
                &f.delivered_to,
                &onsite,
                &offsite,
                &f.summary,
                &f.next_steps,
                &r.submitted_by.0,
                &at,
                &r.receipt,
                &r.receipt_sha256,
                &r.sign_off.as_str(),
                &signed_at,
                &signed_by,
                &r.sign_off_comment,
            ],
        )?;
        for (i, d) in r.deliverables.iter().enumerate() {
            let position = int(i, "position")?;
            self.exec(
                "INSERT INTO report_deliverables \
                 (id, report_id, position, sha256, filename, content_type) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &d.id.0,
                    &r.id.0,
                    &position,
                    &d.sha256,
                    &d.filename,
                    &d.content_type,
                ],
            )?;
        }
        Ok(())
    }

    fn current_report(&mut self, voucher: VoucherId) -> StoreResult<Option<CompletionReport>> {
        let row = self.row(
            &format!(
                "SELECT {REPORT_COLS} FROM completion_reports \
                 WHERE voucher_id = $1 AND sign_off <> 'declined' \
                 ORDER BY submitted_at DESC, id DESC LIMIT 1"
            ),
            &[&voucher.0],
        )?;
        match row {
            None => Ok(None),
            Some(r) => {
                let report = report_row(&r)?;
                self.with_files(report).map(Some)
            }
        }
    }

    fn update_sign_off(&mut self, r: &CompletionReport) -> StoreResult<()> {
        let signed_at = r.signed_off_at.map(micros);
        let signed_by = r.signed_off_by.map(|u| u.0);
        self.exec(
            "UPDATE completion_reports SET sign_off = $2, signed_off_at = $3, \
             signed_off_by = $4, sign_off_comment = $5 WHERE id = $1",
            &[
                &r.id.0,
                &r.sign_off.as_str(),
                &signed_at,
                &signed_by,
                &r.sign_off_comment,
            ],
        )
        .map(drop)
    }

    fn deliverable(
        &mut self,
        voucher: VoucherId,
        id: DeliverableId,
    ) -> StoreResult<Option<(Deliverable, Vec<u8>)>> {
        let row = self.row(
            &format!(
                "SELECT {FILE_COLS}, b.bytes FROM report_deliverables d \
                 JOIN deliverable_blobs b ON b.sha256 = d.sha256 \
                 JOIN completion_reports r ON r.id = d.report_id \
                 WHERE d.id = $1 AND r.voucher_id = $2"
            ),
            &[&id.0, &voucher.0],
        )?;
        row.map(|r| Ok((file_row(&r)?, get::<Vec<u8>>(&r, 5)?)))
            .transpose()
    }

    fn reports_pending_before(
        &mut self,
        before: jiff::Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<CompletionReport>> {
        let limit = i64::from(limit);
        let rows = self.rows(
            &format!(
                "SELECT {REPORT_COLS} FROM completion_reports \
                 WHERE sign_off = 'pending' AND submitted_at < $1 \
                 ORDER BY submitted_at, id LIMIT $2"
            ),
            &[&before, &limit],
        )?;
        let reports = rows
            .iter()
            .map(report_row)
            .collect::<StoreResult<Vec<_>>>()?;
        reports.into_iter().map(|r| self.with_files(r)).collect()
    }
}
