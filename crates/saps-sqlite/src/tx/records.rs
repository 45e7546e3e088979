//! A partner company's trainings, competencies and consultants' exams.

use super::*;
use saps_core::OrgId;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, PartnerRecords,
    RecordKinds, TrainingRecord,
};

const INSERT_TRAINING: &str = "INSERT INTO partner_trainings (id, partner_id, course, completed_on, recorded_at) \
     VALUES (?1, ?2, ?3, ?4, ?5)";
const INSERT_COMPETENCY: &str = "INSERT INTO partner_competencies \
     (id, partner_id, competency, level, valid_until, recorded_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const INSERT_EXAM: &str = "INSERT INTO consultant_exams (id, partner_id, user_id, exam, passed_on, recorded_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/// Runs one prepared insert per item: a bulk import's rows in one statement
/// prepared once.
fn insert_all<T>(
    tx: &SqliteTx<'_>,
    sql: &str,
    items: &[T],
    mut bind: impl FnMut(&mut rusqlite::CachedStatement<'_>, &T) -> rusqlite::Result<usize>,
) -> StoreResult<()> {
    let mut stmt = tx.conn.prepare_cached(sql).map_err(db_error)?;
    for item in items {
        bind(&mut stmt, item).map_err(db_error)?;
    }
    Ok(())
}

impl PartnerRecords for SqliteTx<'_> {
    fn insert_training(&mut self, t: &TrainingRecord) -> StoreResult<()> {
        self.exec(
            INSERT_TRAINING,
            params![
                t.id.to_string(),
                t.partner_id.to_string(),
                t.course,
                t.completed_on.to_string(),
                timestamp(t.recorded_at),
            ],
        )
        .map(drop)
    }

    fn insert_competency(&mut self, c: &CompetencyRecord) -> StoreResult<()> {
        self.exec(
            INSERT_COMPETENCY,
            params![
                c.id.to_string(),
                c.partner_id.to_string(),
                c.competency,
                c.level.as_str(),
                c.valid_until.to_string(),
                timestamp(c.recorded_at),
            ],
        )?;
        self.directory_changed(c.partner_id);
        Ok(())
    }

    fn insert_exam(&mut self, e: &ExamRecord) -> StoreResult<()> {
        self.exec(
            INSERT_EXAM,
            params![
                e.id.to_string(),
                e.partner_id.to_string(),
                e.user_id.to_string(),
                e.exam,
                e.passed_on.to_string(),
                timestamp(e.recorded_at),
            ],
        )
        .map(drop)
    }

    fn qualifications(&mut self, partner: OrgId) -> StoreResult<PartnerQualifications> {
        self.qualifications_of(partner, RecordKinds::ALL)
    }

    fn qualifications_of(
        &mut self,
        partner: OrgId,
        kinds: RecordKinds,
    ) -> StoreResult<PartnerQualifications> {
        let p = partner.to_string();
        let trainings = if kinds.trainings {
            self.all(
                "SELECT id, partner_id, course, completed_on, recorded_at FROM partner_trainings \
                 WHERE partner_id = ?1 ORDER BY recorded_at, id",
                [&p],
                |r| {
                    Ok(TrainingRecord {
                        id: col(r, 0)?,
                        partner_id: col(r, 1)?,
                        course: r.get(2)?,
                        completed_on: col(r, 3)?,
                        recorded_at: col(r, 4)?,
                    })
                },
            )?
        } else {
            Vec::new()
        };
        let competencies = if kinds.competencies {
            self.all(
                "SELECT id, partner_id, competency, level, valid_until, recorded_at \
                 FROM partner_competencies WHERE partner_id = ?1 ORDER BY recorded_at, id",
                [&p],
                |r| {
                    Ok(CompetencyRecord {
                        id: col(r, 0)?,
                        partner_id: col(r, 1)?,
                        competency: r.get(2)?,
                        level: enum_col(r, 3, CompetencyLevel::parse)?,
                        valid_until: col(r, 4)?,
                        recorded_at: col(r, 5)?,
                    })
                },
            )?
        } else {
            Vec::new()
        };
        let exams = if kinds.exams {
            self.all(
                "SELECT id, partner_id, user_id, exam, passed_on, recorded_at \
                 FROM consultant_exams WHERE partner_id = ?1 ORDER BY recorded_at, id",
                [&p],
                |r| {
                    Ok(ExamRecord {
                        id: col(r, 0)?,
                        partner_id: col(r, 1)?,
                        user_id: col(r, 2)?,
                        exam: r.get(3)?,
                        passed_on: col(r, 4)?,
                        recorded_at: col(r, 5)?,
                    })
                },
            )?
        } else {
            Vec::new()
        };
        Ok(PartnerQualifications {
            trainings,
            competencies,
            exams,
        })
    }

    fn insert_trainings(&mut self, records: &[TrainingRecord]) -> StoreResult<()> {
        let mut texts = Texts::default();
        insert_all(self, INSERT_TRAINING, records, |stmt, t| {
            let f = texts.format(
                [Some(t.id), Some(t.partner_id.0), None],
                Some(t.completed_on),
                t.recorded_at,
            );
            stmt.execute(params![f.ids[0], f.ids[1], t.course, f.day, f.at])
        })
    }

    fn insert_competencies(&mut self, records: &[CompetencyRecord]) -> StoreResult<()> {
        let mut texts = Texts::default();
        insert_all(self, INSERT_COMPETENCY, records, |stmt, c| {
            let f = texts.format(
                [Some(c.id), Some(c.partner_id.0), None],
                Some(c.valid_until),
                c.recorded_at,
            );
            stmt.execute(params![
                f.ids[0],
                f.ids[1],
                c.competency,
                c.level.as_str(),
                f.day,
                f.at
            ])
        })?;
        for c in records {
            self.directory_changed(c.partner_id);
        }
        Ok(())
    }

    fn insert_exams(&mut self, records: &[ExamRecord]) -> StoreResult<()> {
        let mut texts = Texts::default();
        insert_all(self, INSERT_EXAM, records, |stmt, e| {
            let f = texts.format(
                [Some(e.id), Some(e.partner_id.0), Some(e.user_id.0)],
                Some(e.passed_on),
                e.recorded_at,
            );
            stmt.execute(params![f.ids[0], f.ids[1], f.ids[2], e.exam, f.day, f.at])
        })
    }
}
