//! Rows already recorded: a record the store holds for the same partner (or
//! consultant), catalog entry, day and level is refused on its line, so
//! importing a file twice does not record its rows twice.

use super::{ImportKind, Importer, RowError};
use crate::App;
use saps_core::port::RecordKinds;
use saps_core::{Error, OrgId};
use std::collections::BTreeSet;

impl App {
    /// The rows of `importer` that the store already holds, each an error on
    /// its line (first lines first). Reads the records of the partners the
    /// rows name.
    pub async fn already_recorded(&self, importer: &Importer) -> Result<Vec<RowError>, Error> {
        let p = &importer.pending;
        let partners: BTreeSet<OrgId> = match importer.kind {
            ImportKind::Partners => return Ok(Vec::new()),
            ImportKind::Trainings => p.trainings.iter().map(|r| r.partner_id).collect(),
            ImportKind::Competencies => p.competencies.iter().map(|r| r.partner_id).collect(),
            ImportKind::Exams => p.exams.iter().map(|r| r.partner_id).collect(),
        };
        let kind = importer.kind;
        let kinds = RecordKinds {
            trainings: kind == ImportKind::Trainings,
            competencies: kind == ImportKind::Competencies,
            exams: kind == ImportKind::Exams,
        };
        let stored = self
            .read(move |tx| {
                partners
                    .iter()
                    .map(|id| Ok(tx.qualifications_of(*id, kinds)?))
                    .collect::<Result<Vec<_>, Error>>()
            })
            .await?;
        let mut errors = Vec::new();
        let mut found = |key: Option<super::rows::Key>, what: &str, at: jiff::Timestamp| {
            if let Some(line) = key.and_then(|k| importer.caches.seen.get(&k)) {
                let day = saps_core::program_date(at);
                errors.push(RowError::new(
                    *line,
                    "row",
                    format!("already recorded: the same {what} was recorded on {day}"),
                ));
            }
        };
        for q in stored {
            match importer.kind {
                ImportKind::Partners => {}
                ImportKind::Trainings => {
                    for t in &q.trainings {
                        let key = importer.key(t.partner_id.0, &t.course, t.completed_on, 0);
                        found(key, "training", t.recorded_at);
                    }
                }
                ImportKind::Competencies => {
                    for c in &q.competencies {
                        let key = importer.key(
                            c.partner_id.0,
                            &c.competency,
                            c.valid_until,
                            c.level as u8,
                        );
                        found(key, "competency", c.recorded_at);
                    }
                }
                ImportKind::Exams => {
                    for e in &q.exams {
                        let key = importer.key(e.user_id.0, &e.exam, e.passed_on, 0);
                        found(key, "exam", e.recorded_at);
                    }
                }
            }
        }
        errors.sort_by_key(|e| e.line);
        errors.dedup_by_key(|e| e.line);
        Ok(errors)
    }
}
