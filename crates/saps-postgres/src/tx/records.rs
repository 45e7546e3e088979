//! A partner company's trainings, competencies and consultants' exams.

use super::*;
use crate::micros;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, PartnerRecords,
    RecordKinds, TrainingRecord,
};
use saps_core::{OrgId, UserId};

/// Rows a bulk insert sends in one statement (as arrays, unnested).
const CHUNK: usize = 5_000;

impl PgTx<'_> {
    /// Runs an `INSERT … SELECT FROM UNNEST(…) ON CONFLICT DO NOTHING` of
    /// `rows` rows; fewer inserted means an id was taken.
    fn insert_unnest(
        &mut self,
        sql: &str,
        params: &[Param<'_>],
        rows: usize,
        key: &'static str,
    ) -> StoreResult<()> {
        if self.exec(sql, params)? == rows as u64 {
            Ok(())
        } else {
            Err(StoreError::Duplicate(key))
        }
    }
}

impl PartnerRecords for PgTx<'_> {
    fn insert_training(&mut self, t: &TrainingRecord) -> StoreResult<()> {
        let at = micros(t.recorded_at);
        self.insert(
            "INSERT INTO partner_trainings (id, partner_id, course, completed_on, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&t.id, &t.partner_id.0, &t.course, &t.completed_on, &at],
            |_| Ok("training_id"),
        )?;
        self.directory_changed(t.partner_id);
        Ok(())
    }

    fn insert_competency(&mut self, c: &CompetencyRecord) -> StoreResult<()> {
        let at = micros(c.recorded_at);
        self.insert(
            "INSERT INTO partner_competencies \
             (id, partner_id, competency, level, valid_until, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &[
                &c.id,
                &c.partner_id.0,
                &c.competency,
                &c.level.as_str(),
                &c.valid_until,
                &at,
            ],
            |_| Ok("competency_id"),
        )?;
        self.directory_changed(c.partner_id);
        Ok(())
    }

    fn insert_exam(&mut self, e: &ExamRecord) -> StoreResult<()> {
        let at = micros(e.recorded_at);
        self.insert(
            "INSERT INTO consultant_exams (id, partner_id, user_id, exam, passed_on, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            &[
                &e.id,
                &e.partner_id.0,
                &e.user_id.0,
                &e.exam,
                &e.passed_on,
                &at,
            ],
            |_| Ok("exam_id"),
        )?;
        self.directory_changed(e.partner_id);
        Ok(())
    }

    fn qualifications(&mut self, partner: OrgId) -> StoreResult<PartnerQualifications> {
        self.qualifications_of(partner, RecordKinds::ALL)
    }

    fn qualifications_of(
        &mut self,
        partner: OrgId,
        kinds: RecordKinds,
    ) -> StoreResult<PartnerQualifications> {
        let trainings = if kinds.trainings {
            self.rows(
                "SELECT id, partner_id, course, completed_on, recorded_at FROM partner_trainings \
                 WHERE partner_id = $1 ORDER BY recorded_at, id",
                &[&partner.0],
            )?
            .iter()
            .map(|r| {
                Ok(TrainingRecord {
                    id: get(r, 0)?,
                    partner_id: OrgId(get(r, 1)?),
                    course: get(r, 2)?,
                    completed_on: get(r, 3)?,
                    recorded_at: get(r, 4)?,
                })
            })
            .collect::<StoreResult<_>>()?
        } else {
            Vec::new()
        };
        let competencies = if kinds.competencies {
            self.rows(
                "SELECT id, partner_id, competency, level, valid_until, recorded_at \
                 FROM partner_competencies WHERE partner_id = $1 ORDER BY recorded_at, id",
                &[&partner.0],
            )?
            .iter()
            .map(|r| {
                Ok(CompetencyRecord {
                    id: get(r, 0)?,
                    partner_id: OrgId(get(r, 1)?),
                    competency: get(r, 2)?,
                    level: enum_col(r, 3, CompetencyLevel::parse)?,
                    valid_until: get(r, 4)?,
                    recorded_at: get(r, 5)?,
                })
            })
            .collect::<StoreResult<_>>()?
        } else {
            Vec::new()
        };
        let exams = if kinds.exams {
            self.rows(
                "SELECT id, partner_id, user_id, exam, passed_on, recorded_at \
                 FROM consultant_exams WHERE partner_id = $1 ORDER BY recorded_at, id",
                &[&partner.0],
            )?
            .iter()
            .map(|r| {
                Ok(ExamRecord {
                    id: get(r, 0)?,
                    partner_id: OrgId(get(r, 1)?),
                    user_id: UserId(get(r, 2)?),
                    exam: get(r, 3)?,
                    passed_on: get(r, 4)?,
                    recorded_at: get(r, 5)?,
                })
            })
            .collect::<StoreResult<_>>()?
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
        for c in records.chunks(CHUNK) {
            let ids: Vec<uuid::Uuid> = c.iter().map(|t| t.id).collect();
            let partners: Vec<uuid::Uuid> = c.iter().map(|t| t.partner_id.0).collect();
            let courses: Vec<&str> = c.iter().map(|t| t.course.as_str()).collect();
            let days: Vec<jiff::civil::Date> = c.iter().map(|t| t.completed_on).collect();
            let at: Vec<jiff::Timestamp> = c.iter().map(|t| micros(t.recorded_at)).collect();
            self.insert_unnest(
                "INSERT INTO partner_trainings (id, partner_id, course, completed_on, recorded_at) \
                 SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::date[], \
                 $5::timestamptz[]) ON CONFLICT DO NOTHING",
                &[&ids, &partners, &courses, &days, &at],
                c.len(),
                "training_id",
            )?;
        }
        for r in records {
            self.directory_changed(r.partner_id);
        }
        Ok(())
    }

    fn insert_competencies(&mut self, records: &[CompetencyRecord]) -> StoreResult<()> {
        for c in records.chunks(CHUNK) {
            let ids: Vec<uuid::Uuid> = c.iter().map(|r| r.id).collect();
            let partners: Vec<uuid::Uuid> = c.iter().map(|r| r.partner_id.0).collect();
            let names: Vec<&str> = c.iter().map(|r| r.competency.as_str()).collect();
            let levels: Vec<&str> = c.iter().map(|r| r.level.as_str()).collect();
            let days: Vec<jiff::civil::Date> = c.iter().map(|r| r.valid_until).collect();
            let at: Vec<jiff::Timestamp> = c.iter().map(|r| micros(r.recorded_at)).collect();
            self.insert_unnest(
                "INSERT INTO partner_competencies \
                 (id, partner_id, competency, level, valid_until, recorded_at) \
                 SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], \
                 $5::date[], $6::timestamptz[]) ON CONFLICT DO NOTHING",
                &[&ids, &partners, &names, &levels, &days, &at],
                c.len(),
                "competency_id",
            )?;
        }
        for r in records {
            self.directory_changed(r.partner_id);
        }
        Ok(())
    }

    fn insert_exams(&mut self, records: &[ExamRecord]) -> StoreResult<()> {
        for c in records.chunks(CHUNK) {
            let ids: Vec<uuid::Uuid> = c.iter().map(|r| r.id).collect();
            let partners: Vec<uuid::Uuid> = c.iter().map(|r| r.partner_id.0).collect();
            let users: Vec<uuid::Uuid> = c.iter().map(|r| r.user_id.0).collect();
            let exams: Vec<&str> = c.iter().map(|r| r.exam.as_str()).collect();
            let days: Vec<jiff::civil::Date> = c.iter().map(|r| r.passed_on).collect();
            let at: Vec<jiff::Timestamp> = c.iter().map(|r| micros(r.recorded_at)).collect();
            self.insert_unnest(
                "INSERT INTO consultant_exams \
                 (id, partner_id, user_id, exam, passed_on, recorded_at) \
                 SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], \
                 $5::date[], $6::timestamptz[]) ON CONFLICT DO NOTHING",
                &[&ids, &partners, &users, &exams, &days, &at],
                c.len(),
                "exam_id",
            )?;
        }
        for r in records {
            self.directory_changed(r.partner_id);
        }
        Ok(())
    }
}
