//! Bulk import: an operator brings thousands of partners, their locations and
//! their records (trainings, competencies, consultants' exams) from a file.
//!
//! An [`Importer`] checks one row at a time with the rules the API applies
//! (the same catalog look-ups, date and country checks), resolving partners
//! and consultants from what it read once; every bad row is reported with its
//! line and field. Only when every row is good does [`App::import`] write them,
//! all in one transaction, each record journaled with the event the API
//! writes. Reading the file (CSV, encodings, columns) is the binary's job.

mod rows;
mod stored;

use crate::App;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::event::{
    CompetencyRecorded, ExamRecorded, LocationAdded, PartnerCreated, TrainingRecorded,
};
use saps_core::port::{CompetencyRecord, ExamRecord, TrainingRecord};
use saps_core::{Actor, Error, Location, NewEvent, Org, OrgId, OrgKind, Program, Role, UserId};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// At most this many rows in one file: one transaction's worth (the
/// PostgreSQL journal numbers about a million events per transaction).
pub const MAX_ROWS: usize = 1_000_000;

/// Records written (and journaled) per batch inside the one transaction.
const BATCH: usize = 10_000;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Partners,
    Trainings,
    Competencies,
    Exams,
}

/// A column of an import file; a required one must be in the header and,
/// in every row, have a value (a partner's name and country excepted when
/// the row adds a location to a stored partner by `partner_id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

const fn col(name: &'static str, required: bool) -> Column {
    Column { name, required }
}

const PARTNER_COLUMNS: &[Column] = &[
    col("name", true),
    col("country", true),
    col("location_name", true),
    col("location_city", false),
    col("location_country", false),
    col("partner_id", false),
];
const TRAINING_COLUMNS: &[Column] = &[
    col("partner", true),
    col("course", true),
    col("completed_on", true),
];
const COMPETENCY_COLUMNS: &[Column] = &[
    col("partner", true),
    col("competency", true),
    col("level", true),
    col("valid_until", true),
];
const EXAM_COLUMNS: &[Column] = &[
    col("consultant", true),
    col("exam", true),
    col("passed_on", true),
];

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        Self::Partners,
        Self::Trainings,
        Self::Competencies,
        Self::Exams,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Partners => "partners",
            Self::Trainings => "trainings",
            Self::Competencies => "competencies",
            Self::Exams => "exams",
        }
    }

    /// The columns, in the order [`Importer::row`] takes the cells.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Self::Partners => PARTNER_COLUMNS,
            Self::Trainings => TRAINING_COLUMNS,
            Self::Competencies => COMPETENCY_COLUMNS,
            Self::Exams => EXAM_COLUMNS,
        }
    }
}

/// A bad row: its physical line in the file (the header is line 1), the
/// column and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl RowError {
    pub fn new(line: u64, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            line,
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.field, self.message)
    }
}

/// What an import writes (or, checked only, would write).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Good rows read.
    pub rows: usize,
    pub partners_created: usize,
    /// Locations of new partners and locations added to existing ones.
    pub locations: usize,
    pub trainings: usize,
    pub competencies: usize,
    pub exams: usize,
    /// Journal events written (one per record, one per new partner).
    pub events: usize,
}

/// A new partner and its locations, in file order.
#[derive(Clone, Debug)]
struct NewPartner {
    org: Org,
    locations: Vec<Location>,
    line: u64,
}

/// The checked rows, waiting to be written.
#[derive(Debug, Default)]
struct Pending {
    partners: Vec<NewPartner>,
    /// Locations added to existing partners, and their lines.
    locations: Vec<Location>,
    location_lines: Vec<u64>,
    trainings: Vec<TrainingRecord>,
    competencies: Vec<CompetencyRecord>,
    exams: Vec<ExamRecord>,
}

/// A consultant as the import finds one: by e-mail or id.
#[derive(Clone, Copy, Debug)]
struct Person {
    id: UserId,
    org_id: OrgId,
    role: Role,
}

/// Checks rows of one kind, keeping the good ones for [`App::import`].
pub struct Importer {
    kind: ImportKind,
    actor: Option<Actor>,
    program: Arc<Program>,
    now: jiff::Timestamp,
    /// Every partner, by id, and the ids of each (case-folded) name.
    partners: HashMap<OrgId, Org>,
    partner_names: HashMap<String, Vec<OrgId>>,
    /// Users of partner companies, by normalised e-mail and by id.
    people: HashMap<String, Person>,
    people_by_id: HashMap<UserId, Person>,
    caches: rows::Caches,
    pending: Pending,
    /// Each good row's line, in the order kept.
    lines: Vec<u64>,
}

impl App {
    /// An importer of `kind` for `actor` (`None`: the command line, which
    /// acts as the program's operator), knowing every partner and, for exams,
    /// every consultant as of now.
    pub async fn importer(
        &self,
        kind: ImportKind,
        actor: Option<&Actor>,
    ) -> Result<Importer, Error> {
        // Bulk changes are the operator's, as creating partners is.
        if let Some(a) = actor {
            authorize(a, Action::CreatePartner, Resource::Program)?;
        }
        let with_people = kind == ImportKind::Exams;
        let (orgs, users) = self
            .read(move |tx| {
                let orgs = tx.orgs(OrgKind::Partner)?;
                let mut users = Vec::new();
                if with_people {
                    for o in &orgs {
                        users.extend(tx.users(o.id)?);
                    }
                }
                Ok((orgs, users))
            })
            .await?;
        let mut partner_names: HashMap<String, Vec<OrgId>> = HashMap::new();
        for o in &orgs {
            partner_names
                .entry(rows::fold(&o.name))
                .or_default()
                .push(o.id);
        }
        let mut people = HashMap::new();
        let mut people_by_id = HashMap::new();
        for u in users {
            let p = Person {
                id: u.id,
                org_id: u.org_id,
                role: u.role,
            };
            people.insert(u.email.to_lowercase(), p);
            people_by_id.insert(u.id, p);
        }
        Ok(Importer {
            kind,
            actor: actor.copied(),
            program: self.program(),
            now: self.now(),
            partners: orgs.into_iter().map(|o| (o.id, o)).collect(),
            partner_names,
            people,
            people_by_id,
            caches: rows::Caches::default(),
            pending: Pending::default(),
            lines: Vec::new(),
        })
    }

    /// Writes everything the importer kept, in one transaction: every row or
    /// none. `progress` counts the rows written so far.
    pub async fn import(
        &self,
        importer: Importer,
        progress: Option<Arc<AtomicU64>>,
    ) -> Result<ImportSummary, Error> {
        let summary = importer.summary();
        let now = importer.now;
        let actor_id = importer.actor.map(|a| a.user_id);
        let version = importer.program.version;
        let pending = Arc::new(importer.pending);
        let progress = progress.unwrap_or_default();
        self.write(move |tx| {
            progress.store(0, Ordering::Relaxed);
            let p = &*pending;
            let event = |body: saps_core::EventBody, partner: OrgId| {
                NewEvent::new(body, now, actor_id, version).partner(partner)
            };
            let mut events = Vec::with_capacity(BATCH.min(summary.events));
            for n in &p.partners {
                tx.insert_org(&n.org)?;
                for l in &n.locations {
                    tx.insert_location(l)?;
                }
                let created = PartnerCreated {
                    id: n.org.id,
                    name: n.org.name.clone(),
                    country: n.org.country.clone(),
                    locations: n.locations.clone(),
                };
                events.push(event(created.into(), n.org.id));
                progress.fetch_add(n.locations.len() as u64, Ordering::Relaxed);
            }
            for l in &p.locations {
                tx.insert_location(l)?;
                events.push(event(
                    LocationAdded {
                        location: l.clone(),
                    }
                    .into(),
                    l.partner_id,
                ));
                progress.fetch_add(1, Ordering::Relaxed);
            }
            tx.append_events(&events)?;
            for chunk in p.trainings.chunks(BATCH) {
                tx.insert_trainings(chunk)?;
                events.clear();
                events.extend(chunk.iter().map(|r| {
                    let body = TrainingRecorded {
                        partner_id: r.partner_id,
                        course: r.course.clone(),
                        completed_on: r.completed_on,
                    };
                    event(body.into(), r.partner_id)
                }));
                tx.append_events(&events)?;
                progress.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
            for chunk in p.competencies.chunks(BATCH) {
                tx.insert_competencies(chunk)?;
                events.clear();
                events.extend(chunk.iter().map(|r| {
                    let body = CompetencyRecorded {
                        partner_id: r.partner_id,
                        competency: r.competency.clone(),
                        level: r.level,
                        valid_until: r.valid_until,
                    };
                    event(body.into(), r.partner_id)
                }));
                tx.append_events(&events)?;
                progress.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
            for chunk in p.exams.chunks(BATCH) {
                tx.insert_exams(chunk)?;
                events.clear();
                events.extend(chunk.iter().map(|r| {
                    let body = ExamRecorded {
                        partner_id: r.partner_id,
                        user_id: r.user_id,
                        exam: r.exam.clone(),
                        passed_on: r.passed_on,
                    };
                    event(body.into(), r.partner_id)
                }));
                tx.append_events(&events)?;
                progress.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            }
            Ok(())
        })
        .await?;
        Ok(summary)
    }
}

impl Importer {
    pub fn kind(&self) -> ImportKind {
        self.kind
    }

    /// Good rows kept so far.
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// What [`App::import`] would write.
    pub fn summary(&self) -> ImportSummary {
        let p = &self.pending;
        let new_locations: usize = p.partners.iter().map(|n| n.locations.len()).sum();
        let records = p.trainings.len() + p.competencies.len() + p.exams.len();
        ImportSummary {
            rows: self.lines.len(),
            partners_created: p.partners.len(),
            locations: new_locations + p.locations.len(),
            trainings: p.trainings.len(),
            competencies: p.competencies.len(),
            exams: p.exams.len(),
            events: p.partners.len() + p.locations.len() + records,
        }
    }

    /// Checks one row, whose `cells` follow [`ImportKind::columns`] (an
    /// empty cell for an optional column the file does not have), and keeps
    /// it if it is good.
    pub fn row(&mut self, line: u64, cells: &[&str]) -> Result<(), RowError> {
        let columns = self.kind.columns();
        if cells.len() != columns.len() {
            return Err(RowError::new(
                line,
                "row",
                format!("{} cells, expected {}", cells.len(), columns.len()),
            ));
        }
        if self.lines.len() >= MAX_ROWS {
            return Err(RowError::new(
                line,
                "row",
                format!("a file may have at most {MAX_ROWS} rows: split it"),
            ));
        }
        // A location added to a stored partner needs no name or country.
        let adding = self.kind == ImportKind::Partners && !cells[5].trim().is_empty();
        for (i, (c, cell)) in columns.iter().zip(cells).enumerate() {
            if c.required && !(adding && i < 2) && cell.trim().is_empty() {
                return Err(RowError::new(
                    line,
                    c.name,
                    format!("{} is required", c.name),
                ));
            }
        }
        match self.kind {
            ImportKind::Partners => self.partner_row(line, cells)?,
            ImportKind::Trainings => self.training_row(line, cells)?,
            ImportKind::Competencies => self.competency_row(line, cells)?,
            ImportKind::Exams => self.exam_row(line, cells)?,
        }
        self.lines.push(line);
        Ok(())
    }

    /// One line per kept row, for the first `limit` rows: what a dry run
    /// would write.
    pub fn preview(&self, limit: usize) -> Vec<String> {
        let p = &self.pending;
        let name = |id: OrgId| {
            self.partners
                .get(&id)
                .map(|o| o.name.clone())
                .or_else(|| {
                    p.partners
                        .iter()
                        .find(|n| n.org.id == id)
                        .map(|n| n.org.name.clone())
                })
                .unwrap_or_default()
        };
        let mut out: Vec<(u64, String)> = Vec::new();
        for n in p.partners.iter().take(limit) {
            let places: Vec<String> = n
                .locations
                .iter()
                .map(|l| format!("{} ({}, {})", l.name, l.city, l.country))
                .collect();
            out.push((
                n.line,
                format!(
                    "new partner {:?} ({}) with {} location(s): {}",
                    n.org.name,
                    n.org.country,
                    n.locations.len(),
                    places.join("; ")
                ),
            ));
        }
        let lines = &self.lines;
        let at = |i: usize| lines.get(i).copied().unwrap_or_default();
        for (l, &line) in p.locations.iter().zip(&p.location_lines).take(limit) {
            out.push((
                line,
                format!(
                    "location {:?} ({}, {}) for partner {:?} {}",
                    l.name,
                    l.city,
                    l.country,
                    name(l.partner_id),
                    l.partner_id
                ),
            ));
        }
        for (i, r) in p.trainings.iter().take(limit).enumerate() {
            out.push((
                at(i),
                format!(
                    "training {:?} completed on {} by partner {:?} {}",
                    r.course,
                    r.completed_on,
                    name(r.partner_id),
                    r.partner_id
                ),
            ));
        }
        for (i, r) in p.competencies.iter().take(limit).enumerate() {
            out.push((
                at(i),
                format!(
                    "competency {:?} ({}) until {} for partner {:?} {}",
                    r.competency,
                    r.level.as_str(),
                    r.valid_until,
                    name(r.partner_id),
                    r.partner_id
                ),
            ));
        }
        for (i, r) in p.exams.iter().take(limit).enumerate() {
            out.push((
                at(i),
                format!(
                    "exam {:?} passed on {} by consultant {} of partner {:?}",
                    r.exam,
                    r.passed_on,
                    r.user_id,
                    name(r.partner_id)
                ),
            ));
        }
        out.sort_by_key(|(line, _)| *line);
        out.into_iter()
            .take(limit)
            .map(|(line, s)| format!("line {line}: {s}"))
            .collect()
    }
}
