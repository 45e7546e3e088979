//! Partner onboarding records: the operator records a company's compliance
//! trainings, competencies and its consultants' exams (each checked against
//! the program's catalog), and a company's locations grow. Each change is
//! journaled with a typed event.

use crate::{App, NewLocation};
use jiff::civil::Date;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::{CompetencyRecorded, ExamRecorded, LocationAdded, TrainingRecorded};
use saps_core::org::country_code;
use saps_core::port::{CompetencyLevel, CompetencyRecord, ExamRecord, TrainingRecord};
use saps_core::{
    Actor, Entity, Error, Location, LocationId, NewEvent, Org, OrgId, OrgKind, Role, Rule, UserId,
};

/// A record's date must not be after the day it is recorded on.
pub(crate) fn not_in_future(field: &str, day: Date, today: Date) -> Result<(), Error> {
    if day > today {
        return Err(Error::invalid(
            field,
            format!("{day} is after today ({today})"),
        ));
    }
    Ok(())
}

impl App {
    /// A partner company the actor may act on for `action`; another tenant's
    /// company, a customer or a missing one is not found.
    pub(crate) async fn partner_for(
        &self,
        actor: &Actor,
        id: OrgId,
        action: Action,
    ) -> Result<Org, Error> {
        let org = self
            .read(move |tx| Ok(tx.org(id)?))
            .await?
            .filter(|o| o.kind == OrgKind::Partner)
            .ok_or(Error::NotFound(Entity::Partner))?;
        authorize(actor, action, Resource::Org(org.id, org.kind))?;
        Ok(org)
    }

    /// Records that the company completed the program's compliance course.
    pub async fn record_training(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        course: &str,
        completed_on: Date,
    ) -> Result<TrainingRecord, Error> {
        self.partner_for(actor, partner_id, Action::RecordQualification)
            .await?;
        let program = self.program();
        let course = program.course(course).ok_or_else(|| Rule::UnknownCourse {
            course: course.trim().to_owned(),
        })?;
        let now = self.now();
        not_in_future("completed_on", completed_on, saps_core::program_date(now))?;
        let record = TrainingRecord {
            id: uuid::Uuid::now_v7(),
            partner_id,
            course: course.to_owned(),
            completed_on,
            recorded_at: now,
        };
        let (r, actor_id, version) = (record.clone(), actor.user_id, program.version);
        self.write(move |tx| {
            tx.insert_training(&r)?;
            let body = TrainingRecorded {
                partner_id,
                course: r.course.clone(),
                completed_on: r.completed_on,
            };
            tx.append_event(
                &NewEvent::new(body, now, Some(actor_id), version).partner(partner_id),
            )?;
            Ok(())
        })
        .await?;
        Ok(record)
    }

    /// Records a competency the company holds until `valid_until` (inclusive).
    pub async fn record_competency(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        competency: &str,
        level: CompetencyLevel,
        valid_until: Date,
    ) -> Result<CompetencyRecord, Error> {
        self.partner_for(actor, partner_id, Action::RecordQualification)
            .await?;
        let program = self.program();
        let competency = program
            .competency(competency)
            .ok_or_else(|| Rule::UnknownCompetency {
                competency: competency.trim().to_owned(),
            })?;
        let now = self.now();
        let record = CompetencyRecord {
            id: uuid::Uuid::now_v7(),
            partner_id,
            competency: competency.to_owned(),
            level,
            valid_until,
            recorded_at: now,
        };
        let (r, actor_id, version) = (record.clone(), actor.user_id, program.version);
        self.write(move |tx| {
            tx.insert_competency(&r)?;
            let body = CompetencyRecorded {
                partner_id,
                competency: r.competency.clone(),
                level: r.level,
                valid_until: r.valid_until,
            };
            tx.append_event(
                &NewEvent::new(body, now, Some(actor_id), version).partner(partner_id),
            )?;
            Ok(())
        })
        .await?;
        Ok(record)
    }

    /// Records an exam a consultant of a partner company passed.
    pub async fn record_exam(
        &self,
        actor: &Actor,
        user_id: UserId,
        exam: &str,
        passed_on: Date,
    ) -> Result<ExamRecord, Error> {
        let (user, org) = self
            .read(move |tx| {
                let user = tx.user(user_id)?.ok_or(Error::NotFound(Entity::User))?;
                let org = tx.org(user.org_id)?.ok_or(Error::NotFound(Entity::User))?;
                Ok((user, org))
            })
            .await?;
        // Another tenant's user is answered like a missing one.
        authorize(
            actor,
            Action::RecordQualification,
            Resource::Org(org.id, org.kind),
        )
        .map_err(|e| match e {
            Error::NotFound(_) => Error::NotFound(Entity::User),
            e => e,
        })?;
        if org.kind != OrgKind::Partner || user.role != Role::Consultant {
            return Err(Rule::ConsultantNotInPartner.into());
        }
        let program = self.program();
        let exam = program.exam(exam).ok_or_else(|| Rule::UnknownExam {
            exam: exam.trim().to_owned(),
        })?;
        let now = self.now();
        not_in_future("passed_on", passed_on, saps_core::program_date(now))?;
        let record = ExamRecord {
            id: uuid::Uuid::now_v7(),
            partner_id: org.id,
            user_id,
            exam: exam.to_owned(),
            passed_on,
            recorded_at: now,
        };
        let (r, actor_id, version) = (record.clone(), actor.user_id, program.version);
        self.write(move |tx| {
            tx.insert_exam(&r)?;
            let body = ExamRecorded {
                partner_id: r.partner_id,
                user_id: r.user_id,
                exam: r.exam.clone(),
                passed_on: r.passed_on,
            };
            let event = NewEvent::new(body, now, Some(actor_id), version).partner(r.partner_id);
            tx.append_event(&event)?;
            Ok(())
        })
        .await?;
        Ok(record)
    }

    /// Adds a location to a partner company (operator, the company's global admin).
    pub async fn add_location(
        &self,
        actor: &Actor,
        partner_id: OrgId,
        new: NewLocation,
    ) -> Result<Location, Error> {
        self.partner_for(actor, partner_id, Action::AddLocation)
            .await?;
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(Error::invalid(
                "name",
                "name is required and may have at most 200 characters",
            ));
        }
        let location = Location {
            id: LocationId::new(),
            partner_id,
            name: name.to_owned(),
            country: country_code(&new.country).map_err(|m| Error::invalid("country", m))?,
            city: new.city.trim().chars().take(200).collect(),
        };
        let (l, now, actor_id, version) = (
            location.clone(),
            self.now(),
            actor.user_id,
            self.program().version,
        );
        self.write(move |tx| {
            tx.insert_location(&l)?;
            let body = LocationAdded {
                location: l.clone(),
            };
            tx.append_event(
                &NewEvent::new(body, now, Some(actor_id), version).partner(partner_id),
            )?;
            Ok(())
        })
        .await?;
        Ok(location)
    }
}
