//! Delivery: the reserving partner's completion report with its deliverables
//! and receipt, the customer's sign-off (or its silence, deemed acceptance),
//! and downloads of the deliverables.

use crate::App;
use crate::mail::text::Draft;
use crate::vouchers::{load, save};
use saps_core::authz::{Action, Resource, authorize};
use saps_core::delivery::{
    self, CompletionReport, Deliverable, Receipt, ReceiptFile, ReportFields, SignOff,
};
use saps_core::event::{DeliveredFile, VoucherCompleted, VoucherSignedOff};
use saps_core::port::Tx;
use saps_core::{
    Actor, DeliverableId, Entity, Error, NewEvent, ReportId, Transition, UserId, Voucher,
    VoucherCode,
};
use serde::Serialize;
use std::sync::Arc;

/// One uploaded file, already read within the size limits.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The name as sent (cleaned here).
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// What the partner gets back: the receipt's id and SHA-256.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptRef {
    pub id: ReportId,
    /// SHA-256 (lower-case hex) of the exact bytes `GET /vouchers/{code}/receipt` serves.
    pub sha256: String,
}

/// A voucher's completion report as the API and UI show it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub id: ReportId,
    #[serde(flatten)]
    pub fields: ReportFields,
    pub deliverables: Vec<Deliverable>,
    pub submitted_by: UserId,
    pub submitted_at: jiff::Timestamp,
    pub receipt_sha256: String,
    /// `pending` until the customer accepts or declines; `deemed` when its
    /// silence for the program's `sign_off_days` counted as acceptance.
    pub sign_off: SignOff,
    pub signed_off_at: Option<jiff::Timestamp>,
    pub sign_off_comment: Option<String>,
}

pub(crate) fn report_view(r: CompletionReport) -> ReportView {
    ReportView {
        id: r.id,
        fields: r.fields,
        deliverables: r.deliverables,
        submitted_by: r.submitted_by,
        submitted_at: r.submitted_at,
        receipt_sha256: r.receipt_sha256,
        sign_off: r.sign_off,
        signed_off_at: r.signed_off_at,
        sign_off_comment: r.sign_off_comment,
    }
}

/// Cleans, sniffs and hashes the uploads (before any transaction).
fn prepare(files: Vec<Upload>) -> Result<Vec<(Deliverable, Vec<u8>)>, Error> {
    if files.len() > delivery::MAX_FILES {
        return Err(Error::invalid(
            "deliverable",
            format!("at most {} files per report", delivery::MAX_FILES),
        ));
    }
    files
        .into_iter()
        .map(|f| {
            let filename = delivery::clean_filename(&f.filename)?;
            let content_type = delivery::sniff(&filename, &f.bytes)?;
            let d = Deliverable {
                id: DeliverableId::new(),
                sha256: delivery::sha256_hex(&f.bytes),
                size: f.bytes.len() as u64,
                filename,
                content_type: content_type.to_owned(),
            };
            Ok((d, f.bytes))
        })
        .collect()
}

/// Queues the e-mail telling the partner (who reserved) that the customer
/// declined the delivery.
fn declined_mail(
    tx: &mut dyn Tx,
    v: &Voucher,
    comment: &str,
    public_url: &str,
    now: jiff::Timestamp,
) -> Result<(), Error> {
    let Some(res) = v.reservation.as_ref() else {
        return Ok(());
    };
    let Some(u) = tx.user(res.reserved_by)? else {
        return Ok(());
    };
    let draft = Draft::new("declined", format!("{public_url}/vouchers/{}", v.code))
        .arg("code", v.code.to_string())
        .fact("mail-voucher-id", v.code.to_string())
        .fact("mail-comment", comment);
    crate::mail::queue_to_users(tx, &[u], &draft, now)?;
    Ok(())
}

impl App {
    /// The reserving partner's admins submit the completion report with its
    /// deliverables: checked, files stored once by hash, the voucher completed,
    /// the receipt sealed — one transaction.
    pub async fn submit_report(
        &self,
        actor: &Actor,
        code: VoucherCode,
        fields: ReportFields,
        files: Vec<Upload>,
    ) -> Result<ReceiptRef, Error> {
        let files = Arc::new(prepare(files)?);
        let (actor, program, now) = (*actor, self.program(), self.now());
        self.write(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ReportCompletion, Resource::Voucher(&v))?;
            let next = v.transition(Transition::Complete)?;
            delivery::check_report(&v, &fields, files.len(), saps_core::program_date(now))?;
            let id = ReportId::new();
            let receipt = Receipt {
                receipt_id: id,
                voucher: v.code.to_string(),
                engagement: &v.engagement,
                days: v.days.0,
                report: &fields,
                files: files
                    .iter()
                    .map(|(d, _)| ReceiptFile {
                        filename: &d.filename,
                        size: d.size,
                        sha256: &d.sha256,
                    })
                    .collect(),
                submitted_by: actor.user_id,
                submitted_at: now,
            };
            let (text, sha) = receipt.seal();
            for (d, bytes) in files.iter() {
                tx.put_blob(&d.sha256, bytes)?;
            }
            let report = CompletionReport {
                id,
                voucher_id: v.id,
                fields: fields.clone(),
                deliverables: files.iter().map(|(d, _)| d.clone()).collect(),
                submitted_by: actor.user_id,
                submitted_at: now,
                receipt: text,
                receipt_sha256: sha.clone(),
                sign_off: SignOff::Pending,
                signed_off_at: None,
                signed_off_by: None,
                sign_off_comment: None,
            };
            tx.insert_report(&report)?;
            save(tx, &next)?;
            let event = VoucherCompleted {
                code: next.code,
                report_id: id,
                receipt_sha256: sha.clone(),
                days_onsite: fields.days_onsite,
                days_offsite: fields.days_offsite,
                files: report
                    .deliverables
                    .iter()
                    .map(|d| DeliveredFile {
                        filename: d.filename.clone(),
                        sha256: d.sha256.clone(),
                        size: d.size,
                    })
                    .collect(),
            };
            let event =
                NewEvent::new(event, now, Some(actor.user_id), program.version).voucher(&next);
            tx.append_event(&event)?;
            Ok(ReceiptRef { id, sha256: sha })
        })
        .await
    }

    /// A deliverable's metadata and bytes, for whoever sees the voucher (its
    /// partner, its customer, the operator); anyone else: not found.
    pub async fn deliverable(
        &self,
        actor: &Actor,
        code: VoucherCode,
        id: DeliverableId,
    ) -> Result<(Deliverable, Vec<u8>), Error> {
        let actor = *actor;
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ViewVoucher, Resource::Voucher(&v))?;
            tx.deliverable(v.id, id)?
                .ok_or(Error::NotFound(Entity::Deliverable))
        })
        .await
    }

    /// The receipt of the voucher's current report: its canonical bytes and
    /// their SHA-256.
    pub async fn receipt(
        &self,
        actor: &Actor,
        code: VoucherCode,
    ) -> Result<(String, String), Error> {
        let actor = *actor;
        self.read(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::ViewVoucher, Resource::Voucher(&v))?;
            let r = tx
                .current_report(v.id)?
                .ok_or(Error::NotFound(Entity::Report))?;
            Ok((r.receipt, r.receipt_sha256))
        })
        .await
    }

    /// The customer (the voucher's project manager or a benefit admin)
    /// accepts the delivery, or declines it with a comment: the voucher is
    /// reserved again and the partner told.
    pub async fn sign_off(
        &self,
        actor: &Actor,
        code: VoucherCode,
        accepted: bool,
        comment: Option<String>,
    ) -> Result<crate::VoucherView, Error> {
        let comment = comment
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        if !accepted && comment.is_none() {
            return Err(Error::invalid(
                "comment",
                "say why the delivery is declined",
            ));
        }
        if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
            return Err(Error::invalid(
                "comment",
                "the comment may have at most 2000 characters",
            ));
        }
        let (actor, program, now) = (*actor, self.program(), self.now());
        let public_url = self.settings.public_url.clone();
        self.write(move |tx| {
            let v = load(tx, &code)?;
            authorize(&actor, Action::SignOff, Resource::Voucher(&v))?;
            let pending = match tx.current_report(v.id)? {
                Some(r) if v.state == saps_core::VoucherState::Completed => r,
                _ => {
                    return Err(Error::Conflict {
                        entity: Entity::Voucher,
                        message: format!(
                            "The voucher is {}; there is no delivery to sign off.",
                            v.state.as_str()
                        ),
                    });
                }
            };
            if pending.sign_off != SignOff::Pending {
                return Err(Error::Conflict {
                    entity: Entity::Voucher,
                    message: "The delivery was already signed off.".into(),
                });
            }
            let mut report = pending;
            report.sign_off = if accepted {
                SignOff::Accepted
            } else {
                SignOff::Declined
            };
            report.signed_off_at = Some(now);
            report.signed_off_by = Some(actor.user_id);
            report.sign_off_comment = comment.clone();
            tx.update_sign_off(&report)?;
            let next = if accepted {
                let mut n = v.clone();
                n.version += 1;
                n
            } else {
                let n = v.transition(Transition::Decline)?;
                declined_mail(tx, &v, comment.as_deref().unwrap_or(""), &public_url, now)?;
                n
            };
            save(tx, &next)?;
            let event = VoucherSignedOff {
                code: v.code,
                report_id: report.id,
                accepted,
                deemed: false,
                comment: comment.clone(),
            };
            let event =
                NewEvent::new(event, now, Some(actor.user_id), program.version).voucher(&next);
            tx.append_event(&event)?;
            crate::vouchers::view(tx, next, false)
        })
        .await
    }

    /// Deems accepted every report that waited `sign_off_days` without an
    /// answer (the job `sign_offs.deem`); idempotent, journaled per report.
    pub async fn deem_sign_offs(&self) -> Result<u64, Error> {
        let (program, now) = (self.program(), self.now());
        let cutoff = now - jiff::SignedDuration::from_hours(24 * i64::from(program.sign_off_days));
        let mut total = 0;
        loop {
            let program = program.clone();
            let (seen, deemed) = self
                .write(move |tx| {
                    let due = tx.reports_pending_before(cutoff, 200)?;
                    let mut n = 0;
                    for mut r in due.iter().cloned() {
                        let Some(v) = tx.voucher(r.voucher_id)? else {
                            continue;
                        };
                        r.sign_off = SignOff::Deemed;
                        r.signed_off_at = Some(now);
                        tx.update_sign_off(&r)?;
                        let event = VoucherSignedOff {
                            code: v.code,
                            report_id: r.id,
                            accepted: true,
                            deemed: true,
                            comment: None,
                        };
                        let event = NewEvent::new(event, now, None, program.version).voucher(&v);
                        tx.append_event(&event)?;
                        n += 1;
                    }
                    Ok((due.len(), n))
                })
                .await?;
            total += deemed;
            if seen < 200 {
                return Ok(total);
            }
        }
    }
}
