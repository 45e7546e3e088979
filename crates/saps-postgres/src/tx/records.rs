//! A partner company's trainings, competencies and consultants' exams.

use super::*;
use crate::micros;
use saps_core::port::{
    CompetencyLevel, CompetencyRecord, ExamRecord, PartnerQualifications, PartnerRecords,
    TrainingRecord,
};
use saps_core::{OrgId, UserId};

impl PartnerRecords for PgTx<'_> {
    fn insert_training(&mut self, t: &TrainingRecord) -> StoreResult<()> {
        let at = micros(t.recorded_at);
        self.insert(
            "INSERT INTO partner_trainings (id, partner_id, course, completed_on, recorded_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&t.id, &t.partner_id.0, &t.course, &t.completed_on, &at],
            |_| Ok("training_id"),
        )
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
        )
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
        )
    }

    fn qualifications(&mut self, partner: OrgId) -> StoreResult<PartnerQualifications> {
        let trainings = self
            .rows(
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
            .collect::<StoreResult<_>>()?;
        let competencies = self
            .rows(
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
            .collect::<StoreResult<_>>()?;
        let exams = self
            .rows(
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
            .collect::<StoreResult<_>>()?;
        Ok(PartnerQualifications {
            trainings,
            competencies,
            exams,
        })
    }
}
