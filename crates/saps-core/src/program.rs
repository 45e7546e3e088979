//! The program as data: catalog of offerings and engagements, settings, and the
//! dated calendar. The shipped default is the Software Assurance Planning
//! Services program with its retirement calendar.

use crate::quantity::Days;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

/// Where the voucher's validity period starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExpiryAnchor {
    Creation,
    Assignment,
}

/// A dated milestone of the program calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneName {
    /// Cloud engagements can no longer be bought or delivered (effective on the date).
    CloudEngagementsRetired,
    /// Training-voucher days can no longer be converted (effective on the date).
    TrainingConversionEnded,
    /// Customers stop accruing planning days (effective on the date).
    AccrualEnded,
    /// Last day (inclusive) to create or assign vouchers.
    LastDayToCreateOrAssign,
    /// All remaining planning days are removed (effective on the date).
    RemainingDaysRemoved,
    /// Last day (inclusive) to redeem vouchers.
    LastDayToRedeem,
}

impl MilestoneName {
    pub const ALL: [MilestoneName; 6] = [
        Self::CloudEngagementsRetired,
        Self::TrainingConversionEnded,
        Self::AccrualEnded,
        Self::LastDayToCreateOrAssign,
        Self::RemainingDaysRemoved,
        Self::LastDayToRedeem,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub name: MilestoneName,
    pub date: Date,
}

/// A deliverable engagement within an offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Engagement {
    pub code: String,
    pub name: String,
    pub cloud: bool,
    /// Allowed lengths in days, a subset of 1, 3, 5, 10 and 15.
    pub lengths: Vec<u32>,
    /// The partner competency that qualifies a company for this engagement.
    pub competency: String,
    /// Exams or assessments, one of which the delivering consultant must hold.
    pub exams: Vec<String>,
    pub retired_on: Option<Date>,
}

/// An offering (DDPS, SDPS …) that partners enroll in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offering {
    pub code: String,
    pub name: String,
    pub engagements: Vec<Engagement>,
}

/// The whole program: settings, calendar and catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    /// Bumped on every change; events record the version they were decided under.
    pub version: u32,
    pub name: String,
    pub voucher_validity_days: u32,
    pub expiry_anchor: ExpiryAnchor,
    pub claim_window_days: u32,
    pub payment_due_days: u32,
    pub milestones: Vec<Milestone>,
    pub offerings: Vec<Offering>,
    /// The course a partner company completes to be eligible (within the last year).
    /// Programs stored before it existed read as the shipped course.
    #[serde(default = "shipped_compliance_course")]
    pub compliance_course: String,
    /// The first provider agreement, shipped with the program so a fresh
    /// installation can enroll partners; later versions are published apart.
    #[serde(default = "shipped_provider_agreement")]
    pub provider_agreement: ProviderAgreementText,
    /// Days after a completion report within which the customer signs off;
    /// silence for that long is deemed acceptance. Programs stored before it
    /// existed read as 14.
    #[serde(default = "shipped_sign_off_days")]
    pub sign_off_days: u32,
    /// When reminders go out, in days before each deadline. Programs stored
    /// before they existed read as the shipped schedule.
    #[serde(default)]
    pub reminders: ReminderOffsets,
    /// How training-voucher days convert into planning days (until the
    /// conversion cut-off). Programs stored before it existed read as 1:1.
    #[serde(default)]
    pub conversion_ratio: crate::conversion::ConversionRatio,
}

/// Days before a deadline on which a reminder goes out, per kind of reminder
/// (each list in any order; a reminder goes once per offset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReminderOffsets {
    /// Customers, before their remaining planning days are removed.
    #[serde(default = "thirty_and_seven")]
    pub days_removal: Vec<u32>,
    /// Customers, before a voucher not reserved yet expires.
    #[serde(default = "thirty_and_seven")]
    pub voucher_unreserved: Vec<u32>,
    /// Partners, before a voucher they reserved expires.
    #[serde(default = "thirty_and_seven")]
    pub reservation_expiry: Vec<u32>,
    /// Partners, before the claim window of a voucher they redeemed closes.
    #[serde(default = "fourteen_and_three")]
    pub claim_window: Vec<u32>,
}

fn thirty_and_seven() -> Vec<u32> {
    vec![30, 7]
}

fn fourteen_and_three() -> Vec<u32> {
    vec![14, 3]
}

impl Default for ReminderOffsets {
    fn default() -> Self {
        Self {
            days_removal: thirty_and_seven(),
            voucher_unreserved: thirty_and_seven(),
            reservation_expiry: thirty_and_seven(),
            claim_window: fourteen_and_three(),
        }
    }
}

impl ReminderOffsets {
    /// Each list with its field name, for checking.
    pub fn lists(&self) -> [(&'static str, &[u32]); 4] {
        [
            ("reminders.days_removal", &self.days_removal),
            ("reminders.voucher_unreserved", &self.voucher_unreserved),
            ("reminders.reservation_expiry", &self.reservation_expiry),
            ("reminders.claim_window", &self.claim_window),
        ]
    }
}

/// The reminder due on `today` for a deadline on `deadline`, given the
/// offsets (days before it): the nearest offset whose day has come, while
/// the deadline has not passed. A clock that jumps over several offsets'
/// days gets only the nearest one (never the 30-day and the 7-day reminder on
/// the same day); each offset goes once, which the caller records.
pub fn due_reminder(offsets: &[u32], deadline: Date, today: Date) -> Option<u32> {
    if today >= deadline {
        return None;
    }
    let left = (deadline - today).get_days();
    offsets
        .iter()
        .copied()
        .filter(|o| i64::from(*o) >= i64::from(left))
        .min()
}

fn shipped_sign_off_days() -> u32 {
    14
}

/// A version of the provider agreement partners sign before they enroll.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderAgreementText {
    /// Increases with every published version.
    pub version: u32,
    pub text: String,
}

/// The compliance course of the shipped program.
pub const COMPLIANCE_COURSE: &str = "Planning Services compliance training";

fn shipped_compliance_course() -> String {
    COMPLIANCE_COURSE.into()
}

fn shipped_provider_agreement() -> ProviderAgreementText {
    ProviderAgreementText {
        version: 1,
        text: "Planning Services provider agreement, version 1. The partner delivers \
               planning engagements to customers who hold a voucher, through consultants \
               qualified for the engagement, at locations approved for its offering; \
               reports each engagement's completion with its deliverables; claims payment \
               only for engagements it delivered; and keeps its eligibility current. \
               Enrollment in an offering lasts one year and is renewed by enrolling again."
            .into(),
    }
}

/// The lengths any engagement may ever have.
pub const ALLOWED_LENGTHS: [u32; 5] = [1, 3, 5, 10, 15];
/// No engagement is longer than this.
pub const MAX_ENGAGEMENT_DAYS: u32 = 15;

/// Why a program definition is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ProgramError {
    pub field: String,
    pub message: String,
}

impl Program {
    pub fn milestone(&self, name: MilestoneName) -> Option<Date> {
        self.milestones
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.date)
    }

    /// The next milestone of the calendar after `today`: one that takes
    /// effect later, or a last day that is today or later.
    pub fn next_milestone(&self, today: Date) -> Option<Milestone> {
        let ahead = |m: &&Milestone| match m.name {
            MilestoneName::LastDayToCreateOrAssign | MilestoneName::LastDayToRedeem => {
                m.date >= today
            }
            _ => m.date > today,
        };
        self.milestones
            .iter()
            .filter(ahead)
            .min_by_key(|m| (m.date, m.name))
            .cloned()
    }

    /// Looks an engagement up by code, with its offering.
    pub fn engagement(&self, code: &str) -> Option<(&Offering, &Engagement)> {
        self.offerings.iter().find_map(|o| {
            o.engagements
                .iter()
                .find(|e| e.code.eq_ignore_ascii_case(code))
                .map(|e| (o, e))
        })
    }

    /// The date an engagement stops being deliverable, if any: its own retirement,
    /// or the cloud retirement milestone for cloud engagements.
    pub fn engagement_retired_on(&self, e: &Engagement) -> Option<Date> {
        let cloud = if e.cloud {
            self.milestone(MilestoneName::CloudEngagementsRetired)
        } else {
            None
        };
        match (e.retired_on, cloud) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The competencies the catalog's engagements name, each once.
    pub fn known_competencies(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .offerings
            .iter()
            .flat_map(|o| o.engagements.iter().map(|e| e.competency.as_str()))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The exams any engagement of the catalog accepts, each once.
    pub fn known_exams(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .offerings
            .iter()
            .flat_map(|o| o.engagements.iter().flat_map(|e| e.exams.iter()))
            .map(String::as_str)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The catalog's spelling of a competency, ignoring case.
    pub fn competency(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.known_competencies()
            .into_iter()
            .find(|c| c.eq_ignore_ascii_case(name))
    }

    /// The catalog's spelling of an exam, ignoring case.
    pub fn exam(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.known_exams()
            .into_iter()
            .find(|e| e.eq_ignore_ascii_case(name))
    }

    /// The program's spelling of its compliance course, ignoring case.
    pub fn course(&self, name: &str) -> Option<&str> {
        self.compliance_course
            .eq_ignore_ascii_case(name.trim())
            .then_some(self.compliance_course.as_str())
    }

    /// An offering by code, ignoring case.
    pub fn offering(&self, code: &str) -> Option<&Offering> {
        self.offerings
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(code.trim()))
    }

    pub fn validity(&self) -> Days {
        Days(self.voucher_validity_days)
    }

    /// Checks the program is internally consistent before it is stored.
    pub fn check(&self) -> Result<(), ProgramError> {
        let err = |field: &str, message: &str| ProgramError {
            field: field.into(),
            message: message.into(),
        };
        if self.voucher_validity_days == 0 || self.voucher_validity_days > 3650 {
            return Err(err("voucher_validity_days", "must be between 1 and 3650"));
        }
        if self.claim_window_days == 0 || self.claim_window_days > 3650 {
            return Err(err("claim_window_days", "must be between 1 and 3650"));
        }
        if self.payment_due_days == 0 || self.payment_due_days > 3650 {
            return Err(err("payment_due_days", "must be between 1 and 3650"));
        }
        if self.sign_off_days == 0 || self.sign_off_days > 365 {
            return Err(err("sign_off_days", "must be between 1 and 365"));
        }
        for (field, offsets) in self.reminders.lists() {
            if offsets.iter().any(|o| *o == 0 || *o > 365) {
                return Err(err(field, "each offset is between 1 and 365 days"));
            }
        }
        let ratio = self.conversion_ratio;
        if !(1..=100).contains(&ratio.training_days) || !(1..=100).contains(&ratio.planning_days) {
            return Err(err(
                "conversion_ratio",
                "both sides must be between 1 and 100",
            ));
        }
        let course = self.compliance_course.trim();
        if course.is_empty() || course.chars().count() > 200 {
            return Err(err(
                "compliance_course",
                "must have between 1 and 200 characters",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for m in &self.milestones {
            if !seen.insert(m.name) {
                return Err(err("milestones", "each milestone may appear once"));
            }
        }
        let mut codes = std::collections::HashSet::new();
        for o in &self.offerings {
            if o.code.trim().is_empty() || o.name.trim().is_empty() {
                return Err(err("offerings", "every offering needs a code and a name"));
            }
            for e in &o.engagements {
                if !codes.insert(e.code.to_ascii_uppercase()) {
                    return Err(err("offerings", "engagement codes must be unique"));
                }
                if e.lengths.is_empty() || e.lengths.iter().any(|l| !ALLOWED_LENGTHS.contains(l)) {
                    return Err(err(
                        "offerings",
                        "engagement lengths must be a non-empty subset of 1, 3, 5, 10, 15",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The Software Assurance Planning Services program, as shipped.
    pub fn sa_planning_services() -> Self {
        fn eng(
            code: &str,
            name: &str,
            cloud: bool,
            lengths: &[u32],
            competency: &str,
            exams: &[&str],
        ) -> Engagement {
            Engagement {
                code: code.into(),
                name: name.into(),
                cloud,
                lengths: lengths.to_vec(),
                competency: competency.into(),
                exams: exams.iter().map(|s| (*s).into()).collect(),
                retired_on: cloud.then(|| date(2020, 2, 1)),
            }
        }
        let all = &[1, 3, 5, 10, 15];
        let offerings = vec![
            Offering {
                code: "DDPS".into(),
                name: "Desktop Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "DDPS-WIN",
                        "Windows deployment planning",
                        false,
                        all,
                        "Windows and Devices",
                        &["MD-100", "MD-101"],
                    ),
                    eng(
                        "DDPS-APPS",
                        "Office client deployment planning",
                        false,
                        &[1, 3, 5, 10],
                        "Windows and Devices",
                        &["MD-101", "MS-101"],
                    ),
                    eng(
                        "DDPS-M365",
                        "Microsoft 365 cloud deployment planning",
                        true,
                        &[3, 5, 10],
                        "Cloud Productivity",
                        &["MS-100", "MS-101"],
                    ),
                ],
            },
            Offering {
                code: "DYDPS".into(),
                name: "Dynamics Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "DYDPS-CE",
                        "Dynamics customer engagement planning",
                        false,
                        &[3, 5, 10, 15],
                        "Cloud Business Applications",
                        &["MB-200", "MB-210"],
                    ),
                    eng(
                        "DYDPS-ERP",
                        "Dynamics finance and operations planning",
                        false,
                        &[5, 10, 15],
                        "Enterprise Resource Planning",
                        &["MB-300", "MB-310"],
                    ),
                ],
            },
            Offering {
                code: "PVDPS".into(),
                name: "Private Cloud and Virtualization Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "PVDPS-HV",
                        "Server virtualization planning",
                        false,
                        &[1, 3, 5, 10],
                        "Datacenter",
                        &["AZ-800", "AZ-801"],
                    ),
                    eng(
                        "PVDPS-SC",
                        "Private cloud management planning",
                        false,
                        &[3, 5, 10],
                        "Datacenter",
                        &["AZ-801"],
                    ),
                ],
            },
            Offering {
                code: "SDPS".into(),
                name: "SharePoint Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "SDPS-SRV",
                        "SharePoint Server deployment planning",
                        false,
                        all,
                        "Collaboration and Content",
                        &["70-339", "MS-300"],
                    ),
                    eng(
                        "SDPS-ONLINE",
                        "SharePoint Online migration planning",
                        true,
                        &[3, 5, 10],
                        "Cloud Productivity",
                        &["MS-300"],
                    ),
                ],
            },
            Offering {
                code: "S-EDPS".into(),
                name: "Skype for Business and Exchange Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "S-EDPS-EX",
                        "Exchange Server deployment planning",
                        false,
                        &[1, 3, 5, 10],
                        "Messaging",
                        &["MS-203", "70-345"],
                    ),
                    eng(
                        "S-EDPS-SFB",
                        "Skype for Business Server deployment planning",
                        false,
                        &[1, 3, 5, 10],
                        "Communications",
                        &["70-334", "MS-720"],
                    ),
                    eng(
                        "S-EDPS-TEAMS",
                        "Microsoft Teams planning",
                        true,
                        &[3, 5],
                        "Cloud Productivity",
                        &["MS-700"],
                    ),
                ],
            },
            Offering {
                code: "SSDPS".into(),
                name: "SQL Server Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "SSDPS-UPG",
                        "SQL Server upgrade and migration planning",
                        false,
                        all,
                        "Data Platform",
                        &["DP-300"],
                    ),
                    eng(
                        "SSDPS-BI",
                        "Business intelligence planning",
                        false,
                        &[3, 5, 10],
                        "Data Analytics",
                        &["DA-100", "DP-300"],
                    ),
                ],
            },
            Offering {
                code: "AZDPS".into(),
                name: "Azure Deployment Planning Services".into(),
                engagements: vec![
                    eng(
                        "AZDPS-IAAS",
                        "Azure infrastructure planning",
                        true,
                        &[3, 5, 10, 15],
                        "Cloud Platform",
                        &["AZ-104", "AZ-305"],
                    ),
                    eng(
                        "AZDPS-APP",
                        "Azure application modernization planning",
                        true,
                        &[3, 5, 10],
                        "Application Development",
                        &["AZ-204", "AZ-400"],
                    ),
                ],
            },
        ];
        let m = |name, d| Milestone { name, date: d };
        Self {
            version: 1,
            name: "Software Assurance Planning Services".into(),
            voucher_validity_days: 180,
            expiry_anchor: ExpiryAnchor::Creation,
            claim_window_days: 60,
            payment_due_days: 30,
            milestones: vec![
                m(MilestoneName::CloudEngagementsRetired, date(2020, 2, 1)),
                m(MilestoneName::TrainingConversionEnded, date(2020, 2, 1)),
                m(MilestoneName::AccrualEnded, date(2021, 2, 1)),
                m(MilestoneName::LastDayToCreateOrAssign, date(2021, 6, 30)),
                m(MilestoneName::RemainingDaysRemoved, date(2021, 7, 1)),
                m(MilestoneName::LastDayToRedeem, date(2022, 1, 1)),
            ],
            offerings,
            compliance_course: shipped_compliance_course(),
            provider_agreement: shipped_provider_agreement(),
            sign_off_days: shipped_sign_off_days(),
            reminders: ReminderOffsets::default(),
            conversion_ratio: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_program_is_consistent_and_has_the_retirement_calendar() {
        let p = Program::sa_planning_services();
        p.check().unwrap();
        assert_eq!(p.voucher_validity_days, 180);
        assert_eq!(p.claim_window_days, 60);
        assert_eq!(
            p.milestone(MilestoneName::LastDayToCreateOrAssign),
            Some(date(2021, 6, 30))
        );
        assert_eq!(
            p.milestone(MilestoneName::LastDayToRedeem),
            Some(date(2022, 1, 1))
        );
        let codes: Vec<_> = p.offerings.iter().map(|o| o.code.as_str()).collect();
        assert_eq!(
            codes,
            ["DDPS", "DYDPS", "PVDPS", "SDPS", "S-EDPS", "SSDPS", "AZDPS"]
        );
        let (_, az) = p.engagement("azdps-iaas").unwrap();
        assert_eq!(p.engagement_retired_on(az), Some(date(2020, 2, 1)));
        let (_, win) = p.engagement("DDPS-WIN").unwrap();
        assert_eq!(p.engagement_retired_on(win), None);
    }

    #[test]
    fn the_shipped_program_knows_its_course_competencies_and_exams() {
        let p = Program::sa_planning_services();
        assert_eq!(
            p.course("planning services COMPLIANCE training"),
            Some(COMPLIANCE_COURSE)
        );
        assert_eq!(p.course("Another course"), None);
        assert_eq!(p.competency("datacenter"), Some("Datacenter"));
        assert_eq!(p.competency("Gardening"), None);
        assert_eq!(p.exam("md-100"), Some("MD-100"));
        assert_eq!(p.exam("XX-999"), None);
        assert_eq!(
            p.known_competencies()
                .iter()
                .filter(|c| **c == "Datacenter")
                .count(),
            1
        );
        assert_eq!(p.provider_agreement.version, 1);
        assert!(!p.provider_agreement.text.is_empty());
    }

    #[test]
    fn a_program_stored_before_the_course_and_agreement_existed_still_loads() {
        let mut stored = serde_json::to_value(Program::sa_planning_services()).unwrap();
        let fields = stored.as_object_mut().unwrap();
        fields.remove("compliance_course");
        fields.remove("provider_agreement");
        let p: Program = serde_json::from_value(stored).unwrap();
        assert_eq!(p.compliance_course, COMPLIANCE_COURSE);
        assert_eq!(p.provider_agreement.version, 1);
    }

    #[test]
    fn the_next_milestone_is_the_first_still_ahead_and_a_last_day_counts_on_the_day() {
        let p = Program::sa_planning_services();
        let next = |d| p.next_milestone(d).map(|m| (m.name, m.date));
        assert_eq!(
            next(date(2020, 11, 2)),
            Some((MilestoneName::AccrualEnded, date(2021, 2, 1)))
        );
        assert_eq!(
            next(date(2021, 6, 30)),
            Some((MilestoneName::LastDayToCreateOrAssign, date(2021, 6, 30)))
        );
        assert_eq!(
            next(date(2021, 7, 1)),
            Some((MilestoneName::LastDayToRedeem, date(2022, 1, 1)))
        );
        assert_eq!(next(date(2022, 1, 2)), None);
    }

    #[test]
    fn a_program_with_a_length_outside_the_allowed_set_is_refused() {
        let mut p = Program::sa_planning_services();
        p.offerings[0].engagements[0].lengths = vec![2];
        assert_eq!(p.check().unwrap_err().field, "offerings");
    }
}

#[cfg(test)]
mod reminder_tests {
    use super::*;

    #[test]
    fn the_nearest_reminder_whose_day_has_come_is_due_until_the_deadline() {
        let deadline = date(2021, 7, 1);
        let due = |d| due_reminder(&[30, 7], deadline, d);
        assert_eq!(due(date(2021, 5, 31)), None, "31 days before");
        assert_eq!(due(date(2021, 6, 1)), Some(30));
        assert_eq!(due(date(2021, 6, 23)), Some(30), "8 days before");
        assert_eq!(due(date(2021, 6, 24)), Some(7));
        assert_eq!(due(date(2021, 6, 30)), Some(7));
        assert_eq!(
            due(date(2021, 7, 1)),
            None,
            "on the deadline it is too late"
        );
    }

    #[test]
    fn stored_programs_without_reminder_offsets_read_the_shipped_schedule() {
        let mut stored = serde_json::to_value(Program::sa_planning_services()).unwrap();
        stored.as_object_mut().unwrap().remove("reminders");
        let p: Program = serde_json::from_value(stored).unwrap();
        assert_eq!(p.reminders, ReminderOffsets::default());
        assert_eq!(p.reminders.claim_window, [14, 3]);
    }
}
