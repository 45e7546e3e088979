//! One row of each kind, checked with the rules the API applies and kept.
//!
//! Look-ups are cached by the cell's text, so a file of a million rows naming
//! a thousand partners resolves each partner once, and checking a row
//! allocates little more than the record it keeps.

use super::{Importer, NewPartner, Person, RowError};
use crate::NewLocation;
use crate::orgs::{MAX_LOCATIONS, new_location, new_partner};
use crate::records::not_in_future;
use jiff::civil::Date;
use saps_core::org::{country_code, email_address};
use saps_core::port::{CompetencyLevel, CompetencyRecord, ExamRecord, TrainingRecord};
use saps_core::{Error, OrgId, Role, Rule, UserId};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// What makes two rows the same record: whom (partner or consultant), which
/// catalog entry, which day, which level.
pub(super) type Key = (u128, u32, Date, u8);

/// A partner a location belongs to: one in this file or one stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Owner {
    New(usize),
    Stored(OrgId),
}

/// Look-ups already made, by the cell's text.
#[derive(Default)]
pub(super) struct Caches {
    partner: HashMap<Box<str>, Result<OrgId, String>>,
    person: HashMap<Box<str>, Result<Person, String>>,
    /// A catalog entry's number (for [`Key`]) and spelling.
    catalog: HashMap<Box<str>, Option<(u32, Box<str>)>>,
    spellings: HashMap<Box<str>, u32>,
    pub(super) seen: HashMap<Key, u64>,
    new_partners: HashMap<String, usize>,
    locations: HashMap<(Owner, String), u64>,
}

/// A name as compared: trimmed, case-folded.
pub(super) fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A `YYYY-MM-DD` day of the calendar.
fn day(line: u64, field: &str, cell: &str) -> Result<Date, RowError> {
    let t = cell.trim();
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(RowError::new(
            line,
            field,
            format!("{t:?} is not a date: write YYYY-MM-DD"),
        ));
    }
    t.parse()
        .map_err(|_| RowError::new(line, field, format!("{t:?} is not a day of the calendar")))
}

/// A refusal of the domain rules, reported on the column it concerns.
fn refused(line: u64, column: &str, e: Error) -> RowError {
    let field = match &e {
        Error::Invalid { field, .. } => match field.as_str() {
            "name" | "country" => field.as_str(),
            "locations.name" => "location_name",
            "locations.country" => "location_country",
            _ => column,
        },
        _ => column,
    };
    RowError::new(line, field, e.to_string())
}

impl Importer {
    /// The key of a stored record, if the file has its catalog entry at all.
    pub(super) fn key(&self, who: uuid::Uuid, name: &str, day: Date, level: u8) -> Option<Key> {
        let n = *self.caches.spellings.get(name)?;
        Some((who.as_u128(), n, day, level))
    }

    /// A row the same as an earlier one is refused, naming the earlier line.
    fn once(&mut self, line: u64, field: &str, key: Key) -> Result<(), RowError> {
        match self.caches.seen.entry(key) {
            Entry::Occupied(first) => Err(RowError::new(
                line,
                field,
                format!("the same row as line {}", first.get()),
            )),
            Entry::Vacant(v) => {
                v.insert(line);
                Ok(())
            }
        }
    }

    /// A partner by id, or by a name no other partner has.
    fn partner(&mut self, line: u64, cell: &str) -> Result<OrgId, RowError> {
        if let Some(r) = self.caches.partner.get(cell) {
            return r.clone().map_err(|m| RowError::new(line, "partner", m));
        }
        let t = cell.trim();
        let found = match uuid::Uuid::parse_str(t) {
            Ok(id) if self.partners.contains_key(&OrgId(id)) => Ok(OrgId(id)),
            Ok(_) => Err(format!("there is no partner with the id {t}")),
            Err(_) => match self.partner_names.get(&fold(t)).map(Vec::as_slice) {
                Some([id]) => Ok(*id),
                Some(ids) if !ids.is_empty() => Err(format!(
                    "{} partners are named {t:?}: give the partner's id instead",
                    ids.len()
                )),
                _ => Err(format!("there is no partner named {t:?}")),
            },
        };
        self.caches.partner.insert(cell.into(), found.clone());
        found.map_err(|m| RowError::new(line, "partner", m))
    }

    /// A consultant of a partner, by e-mail or id.
    fn consultant(&mut self, line: u64, cell: &str) -> Result<Person, RowError> {
        if let Some(r) = self.caches.person.get(cell) {
            return r.clone().map_err(|m| RowError::new(line, "consultant", m));
        }
        let t = cell.trim();
        let found = match uuid::Uuid::parse_str(t) {
            Ok(id) => self
                .people_by_id
                .get(&UserId(id))
                .copied()
                .ok_or_else(|| format!("there is no user of a partner with the id {t}")),
            Err(_) => email_address(t).and_then(|email| {
                self.people
                    .get(&email)
                    .copied()
                    .ok_or_else(|| format!("there is no user of a partner with the e-mail {t:?}"))
            }),
        }
        .and_then(|p| {
            if p.role == Role::Consultant {
                Ok(p)
            } else {
                Err(Error::from(Rule::ConsultantNotInPartner).to_string())
            }
        });
        self.caches.person.insert(cell.into(), found.clone());
        found.map_err(|m| RowError::new(line, "consultant", m))
    }

    /// A catalog entry's number and spelling, by `find` (the program's own
    /// case-insensitive look-up), or `unknown`'s refusal.
    fn catalog(
        &mut self,
        line: u64,
        field: &str,
        cell: &str,
        find: fn(&saps_core::Program, &str) -> Option<String>,
        unknown: fn(String) -> Rule,
    ) -> Result<(u32, String), RowError> {
        if !self.caches.catalog.contains_key(cell) {
            let found = find(&self.program, cell).map(|s| {
                let next = self.caches.spellings.len() as u32;
                let n = *self
                    .caches
                    .spellings
                    .entry(s.as_str().into())
                    .or_insert(next);
                (n, s.into_boxed_str())
            });
            self.caches.catalog.insert(cell.into(), found);
        }
        match &self.caches.catalog[cell] {
            Some((n, s)) => Ok((*n, s.to_string())),
            None => Err(refused(line, field, unknown(cell.trim().to_owned()).into())),
        }
    }

    pub(super) fn training_row(&mut self, line: u64, cells: &[&str]) -> Result<(), RowError> {
        let [partner, course, completed_on] = cells else {
            unreachable!("the cells follow the columns")
        };
        let partner_id = self.partner(line, partner)?;
        let (n, course) = self.catalog(
            line,
            "course",
            course,
            |p, s| p.course(s).map(str::to_owned),
            |course| Rule::UnknownCourse { course },
        )?;
        let completed_on = day(line, "completed_on", completed_on)?;
        not_in_future(
            "completed_on",
            completed_on,
            saps_core::program_date(self.now),
        )
        .map_err(|e| refused(line, "completed_on", e))?;
        self.once(line, "row", (partner_id.0.as_u128(), n, completed_on, 0))?;
        self.pending.trainings.push(TrainingRecord {
            id: uuid::Uuid::now_v7(),
            partner_id,
            course,
            completed_on,
            recorded_at: self.now,
        });
        Ok(())
    }

    pub(super) fn competency_row(&mut self, line: u64, cells: &[&str]) -> Result<(), RowError> {
        let [partner, competency, level, valid_until] = cells else {
            unreachable!("the cells follow the columns")
        };
        let partner_id = self.partner(line, partner)?;
        let (n, competency) = self.catalog(
            line,
            "competency",
            competency,
            |p, s| p.competency(s).map(str::to_owned),
            |competency| Rule::UnknownCompetency { competency },
        )?;
        let t = level.trim();
        let level = CompetencyLevel::parse(t)
            .or_else(|| CompetencyLevel::parse(&t.to_ascii_lowercase()))
            .ok_or_else(|| {
                RowError::new(
                    line,
                    "level",
                    format!("{t:?} is not a level: use silver or gold"),
                )
            })?;
        let valid_until = day(line, "valid_until", valid_until)?;
        self.once(
            line,
            "row",
            (partner_id.0.as_u128(), n, valid_until, level as u8),
        )?;
        self.pending.competencies.push(CompetencyRecord {
            id: uuid::Uuid::now_v7(),
            partner_id,
            competency,
            level,
            valid_until,
            recorded_at: self.now,
        });
        Ok(())
    }

    pub(super) fn exam_row(&mut self, line: u64, cells: &[&str]) -> Result<(), RowError> {
        let [consultant, exam, passed_on] = cells else {
            unreachable!("the cells follow the columns")
        };
        let person = self.consultant(line, consultant)?;
        let (n, exam) = self.catalog(
            line,
            "exam",
            exam,
            |p, s| p.exam(s).map(str::to_owned),
            |exam| Rule::UnknownExam { exam },
        )?;
        let passed_on = day(line, "passed_on", passed_on)?;
        not_in_future("passed_on", passed_on, saps_core::program_date(self.now))
            .map_err(|e| refused(line, "passed_on", e))?;
        self.once(line, "row", (person.id.0.as_u128(), n, passed_on, 0))?;
        self.pending.exams.push(ExamRecord {
            id: uuid::Uuid::now_v7(),
            partner_id: person.org_id,
            user_id: person.id,
            exam,
            passed_on,
            recorded_at: self.now,
        });
        Ok(())
    }

    /// A location of a new partner (named by `name`, created by its first
    /// row) or of a stored one (by `partner_id`).
    pub(super) fn partner_row(&mut self, line: u64, cells: &[&str]) -> Result<(), RowError> {
        let [
            name,
            country,
            location_name,
            city,
            location_country,
            partner_id,
        ] = cells
        else {
            unreachable!("the cells follow the columns")
        };
        let pid = partner_id.trim();
        let (owner, location) = if pid.is_empty() {
            let key = fold(name);
            let existing = self.caches.new_partners.get(&key).copied();
            let org = match existing {
                Some(i) => {
                    let first = &self.pending.partners[i];
                    let code =
                        country_code(country).map_err(|m| RowError::new(line, "country", m))?;
                    if code != first.org.country {
                        return Err(RowError::new(
                            line,
                            "country",
                            format!(
                                "{code} differs from {} on line {} for the same partner",
                                first.org.country, first.line
                            ),
                        ));
                    }
                    first.org.clone()
                }
                None => {
                    if let Some(ids) = self.partner_names.get(&key) {
                        return Err(RowError::new(
                            line,
                            "name",
                            format!(
                                "a partner named {:?} already exists ({}): give its id in \
                                 partner_id to add locations to it",
                                name.trim(),
                                ids[0]
                            ),
                        ));
                    }
                    new_partner(name, country, self.now).map_err(|e| refused(line, "name", e))?
                }
            };
            let location =
                self.location(line, org.id, location_name, city, location_country, country)?;
            let i = match existing {
                Some(i) => i,
                None => {
                    self.pending.partners.push(NewPartner {
                        org,
                        locations: Vec::new(),
                        line,
                    });
                    self.caches
                        .new_partners
                        .insert(key, self.pending.partners.len() - 1);
                    self.pending.partners.len() - 1
                }
            };
            if self.pending.partners[i].locations.len() >= MAX_LOCATIONS {
                return Err(RowError::new(
                    line,
                    "location_name",
                    format!("a new partner may have at most {MAX_LOCATIONS} locations"),
                ));
            }
            (Owner::New(i), location)
        } else {
            let org = uuid::Uuid::parse_str(pid)
                .ok()
                .and_then(|id| self.partners.get(&OrgId(id)))
                .ok_or_else(|| {
                    RowError::new(
                        line,
                        "partner_id",
                        format!("there is no partner with the id {pid:?}"),
                    )
                })?;
            let (id, own_country) = (org.id, org.country.clone());
            let location = self.location(
                line,
                id,
                location_name,
                city,
                location_country,
                &own_country,
            )?;
            (Owner::Stored(id), location)
        };
        match self.caches.locations.entry((owner, fold(&location.name))) {
            Entry::Occupied(first) => {
                return Err(RowError::new(
                    line,
                    "location_name",
                    format!("the same partner and location as line {}", first.get()),
                ));
            }
            Entry::Vacant(v) => {
                v.insert(line);
            }
        }
        match owner {
            Owner::New(i) => self.pending.partners[i].locations.push(location),
            Owner::Stored(_) => {
                self.pending.locations.push(location);
                self.pending.location_lines.push(line);
            }
        }
        Ok(())
    }

    /// A location checked like the API's; its country is the partner's
    /// unless the row gives one.
    fn location(
        &self,
        line: u64,
        partner_id: OrgId,
        name: &str,
        city: &str,
        country: &str,
        default_country: &str,
    ) -> Result<saps_core::Location, RowError> {
        let new = NewLocation {
            name: name.to_owned(),
            country: if country.trim().is_empty() {
                default_country.to_owned()
            } else {
                country.to_owned()
            },
            city: city.to_owned(),
        };
        new_location(partner_id, &new).map_err(|e| refused(line, "location_name", e))
    }
}
