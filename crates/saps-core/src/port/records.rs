//! A partner company's qualifications: its compliance trainings, its
//! competencies, and the exams its consultants passed. Eligibility is
//! computed from them (see [`crate::eligibility`]).

use super::StoreResult;
use crate::ids::{OrgId, UserId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The level a competency is held at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompetencyLevel {
    Silver,
    Gold,
}

impl CompetencyLevel {
    pub const ALL: [CompetencyLevel; 2] = [Self::Silver, Self::Gold];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Silver => "silver",
            Self::Gold => "gold",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A compliance course the company completed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRecord {
    pub id: uuid::Uuid,
    pub partner_id: OrgId,
    pub course: String,
    pub completed_on: Date,
    pub recorded_at: jiff::Timestamp,
}

/// A competency the company holds, until a last day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyRecord {
    pub id: uuid::Uuid,
    pub partner_id: OrgId,
    pub competency: String,
    pub level: CompetencyLevel,
    /// The last day (inclusive) the competency is held.
    pub valid_until: Date,
    pub recorded_at: jiff::Timestamp,
}

/// An exam a consultant of the company passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamRecord {
    pub id: uuid::Uuid,
    /// The consultant's company, when the exam was recorded.
    pub partner_id: OrgId,
    pub user_id: UserId,
    pub exam: String,
    pub passed_on: Date,
    pub recorded_at: jiff::Timestamp,
}

/// Every qualification of one company, as eligibility reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerQualifications {
    pub trainings: Vec<TrainingRecord>,
    pub competencies: Vec<CompetencyRecord>,
    pub exams: Vec<ExamRecord>,
}

/// Which of a company's records to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordKinds {
    pub trainings: bool,
    pub competencies: bool,
    pub exams: bool,
}

impl RecordKinds {
    pub const ALL: RecordKinds = RecordKinds {
        trainings: true,
        competencies: true,
        exams: true,
    };
}

/// Trainings, competencies and consultants' exams, per partner company.
pub trait PartnerRecords {
    fn insert_training(&mut self, record: &TrainingRecord) -> StoreResult<()>;
    fn insert_competency(&mut self, record: &CompetencyRecord) -> StoreResult<()>;
    fn insert_exam(&mut self, record: &ExamRecord) -> StoreResult<()>;
    /// Everything recorded for the company, each list oldest first.
    fn qualifications(&mut self, partner: OrgId) -> StoreResult<PartnerQualifications>;

    /// Only some kinds of the company's records (the others empty), each
    /// list oldest first: what a bulk import compares its rows with.
    fn qualifications_of(
        &mut self,
        partner: OrgId,
        kinds: RecordKinds,
    ) -> StoreResult<PartnerQualifications> {
        let mut q = self.qualifications(partner)?;
        if !kinds.trainings {
            q.trainings.clear();
        }
        if !kinds.competencies {
            q.competencies.clear();
        }
        if !kinds.exams {
            q.exams.clear();
        }
        Ok(q)
    }

    /// Many trainings at once (a bulk import): the same rows as inserting
    /// each in turn, which is what this default does; stores may batch.
    fn insert_trainings(&mut self, records: &[TrainingRecord]) -> StoreResult<()> {
        records.iter().try_for_each(|r| self.insert_training(r))
    }

    /// Many competencies at once (a bulk import), see [`Self::insert_trainings`].
    fn insert_competencies(&mut self, records: &[CompetencyRecord]) -> StoreResult<()> {
        records.iter().try_for_each(|r| self.insert_competency(r))
    }

    /// Many exams at once (a bulk import), see [`Self::insert_trainings`].
    fn insert_exams(&mut self, records: &[ExamRecord]) -> StoreResult<()> {
        records.iter().try_for_each(|r| self.insert_exam(r))
    }
}
