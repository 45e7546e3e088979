//! Property test: random sequences of commands from several actors, decided by
//! saps-core against an in-memory model of the store, never break an invariant:
//! the pool is never negative and equals the sum of its ledger; every voucher's
//! history is a valid path of the state machine ending in its state; a voucher
//! is reserved by at most one partner at a time, and only by the partner it is
//! assigned to.

use jiff::civil::date;
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;
use saps_core::authz::{Action, Resource, authorize};
use saps_core::voucher::{NewVoucher, ReserveRequest, create_voucher, next_state};
use saps_core::*;

#[derive(Clone, Debug)]
enum Cmd {
    Create {
        days: u32,
    },
    Assign {
        v: usize,
        partner: usize,
    },
    Reserve {
        v: usize,
        partner: usize,
        start_in: i64,
    },
    CancelReservation {
        v: usize,
        partner: usize,
    },
    Cancel {
        v: usize,
    },
    Advance {
        days: i64,
    },
    Sweep,
}

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        3 => prop::sample::select(vec![1u32, 3, 5, 10, 15, 2]).prop_map(|days| Cmd::Create { days }),
        3 => (0..8usize, 0..2usize).prop_map(|(v, partner)| Cmd::Assign { v, partner }),
        4 => (0..8usize, 0..2usize, -5..60i64).prop_map(|(v, partner, start_in)| Cmd::Reserve { v, partner, start_in }),
        2 => (0..8usize, 0..2usize).prop_map(|(v, partner)| Cmd::CancelReservation { v, partner }),
        1 => (0..8usize).prop_map(|v| Cmd::Cancel { v }),
        1 => (1..120i64).prop_map(|days| Cmd::Advance { days }),
        1 => Just(Cmd::Sweep),
    ]
}

/// A partner enrolled in SSDPS and eligible for SSDPS-UPG on `today`.
fn eligible(
    p: &Partner,
    today: jiff::civil::Date,
) -> (port::Enrollment, port::PartnerQualifications) {
    let at = Timestamp::UNIX_EPOCH;
    let enrollment = port::Enrollment {
        id: uuid::Uuid::nil(),
        partner_id: p.org.id,
        offering: "SSDPS".into(),
        location_ids: vec![p.location.id],
        valid_until: date(2099, 12, 31),
        agreement_version: 1,
        enrolled_at: at,
        enrolled_by: p.admin.id,
        version: 0,
    };
    let records = port::PartnerQualifications {
        trainings: vec![port::TrainingRecord {
            id: uuid::Uuid::nil(),
            partner_id: p.org.id,
            course: Program::sa_planning_services().compliance_course,
            completed_on: today,
            recorded_at: at,
        }],
        competencies: vec![port::CompetencyRecord {
            id: uuid::Uuid::nil(),
            partner_id: p.org.id,
            competency: "Data Platform".into(),
            level: port::CompetencyLevel::Gold,
            valid_until: date(2099, 12, 31),
            recorded_at: at,
        }],
        exams: vec![port::ExamRecord {
            id: uuid::Uuid::nil(),
            partner_id: p.org.id,
            user_id: p.consultant.id,
            exam: "DP-300".into(),
            passed_on: today,
            recorded_at: at,
        }],
    };
    (enrollment, records)
}

struct Partner {
    org: Org,
    admin: User,
    consultant: User,
    location: Location,
}

struct World {
    program: Program,
    now: Timestamp,
    customer: Org,
    ba: User,
    pm: User,
    agreement: Agreement,
    ledger: Vec<i64>,
    vouchers: Vec<Voucher>,
    histories: Vec<Vec<VoucherState>>,
    partners: Vec<Partner>,
}

fn user(org: OrgId, role: Role) -> User {
    User {
        id: UserId::new(),
        org_id: org,
        email: format!("{}@x.example", role.as_str()),
        name: role.as_str().into(),
        role,
        password_hash: String::new(),
        created_at: Timestamp::UNIX_EPOCH,
        locale: Default::default(),
        disabled: false,
    }
}

fn org(kind: OrgKind, country: &str) -> Org {
    Org {
        id: OrgId::new(),
        kind,
        name: "o".into(),
        country: country.into(),
        benefit_active: true,
        created_at: Timestamp::UNIX_EPOCH,
    }
}

impl World {
    fn new(pool: u32) -> Self {
        let customer = org(OrgKind::Customer, "FR");
        let partners = (0..2)
            .map(|_| {
                let o = org(OrgKind::Partner, "FR");
                Partner {
                    admin: user(o.id, Role::GlobalAdmin),
                    consultant: user(o.id, Role::Consultant),
                    location: Location {
                        id: LocationId::new(),
                        partner_id: o.id,
                        name: "Paris".into(),
                        country: "FR".into(),
                        city: "Paris".into(),
                    },
                    org: o,
                }
            })
            .collect();
        let agreement = Agreement {
            id: AgreementId::new(),
            customer_id: customer.id,
            number: "SA-1".into(),
            sa_start: date(2019, 7, 1),
            sa_end: date(2022, 6, 30),
            days: Days(pool),
            available: i64::from(pool),
            created_at: Timestamp::UNIX_EPOCH,
        };
        World {
            program: Program::sa_planning_services(),
            now: quantity::start_of(date(2020, 11, 2)),
            ba: user(customer.id, Role::BenefitAdmin),
            pm: user(customer.id, Role::ProjectManager),
            customer,
            agreement,
            ledger: vec![i64::from(pool)],
            vouchers: Vec::new(),
            histories: Vec::new(),
            partners,
        }
    }

    /// The store's conditional pool write: refused if it would go negative.
    fn post(&mut self, delta: i64) -> bool {
        if self.agreement.available + delta < 0 {
            return false;
        }
        self.agreement.available += delta;
        self.ledger.push(delta);
        true
    }

    /// The store's conditional voucher write.
    fn save(&mut self, i: usize, next: Voucher) {
        assert_eq!(
            next.version,
            self.vouchers[i].version + 1,
            "writes are conditional on the version"
        );
        self.histories[i].push(next.state);
        self.vouchers[i] = next;
    }

    fn apply(&mut self, c: &Cmd) {
        let n = self.vouchers.len();
        match *c {
            Cmd::Create { days } => {
                let fifteen = self
                    .vouchers
                    .iter()
                    .any(|v| v.days.0 == 15 && v.state.counts_as_engagement());
                let r = create_voucher(NewVoucher {
                    program: &self.program,
                    customer: &self.customer,
                    agreement: &self.agreement,
                    engagement: "SSDPS-UPG",
                    days,
                    project_manager: &self.pm,
                    created_by: self.ba.id,
                    has_fifteen_day_engagement: fifteen,
                    now: self.now,
                });
                if let Ok(v) = r
                    && self.post(-v.days.signed())
                {
                    self.histories.push(vec![VoucherState::Created]);
                    self.vouchers.push(v);
                }
            }
            Cmd::Assign { v, partner } if v < n => {
                let actor = Actor::of(&self.ba);
                let p = self.partners[partner].org.clone();
                if authorize(
                    &actor,
                    Action::AssignVoucher,
                    Resource::Voucher(&self.vouchers[v]),
                )
                .is_ok()
                    && let Ok(next) = self.vouchers[v].assign(&p, &self.program, self.now)
                {
                    self.save(v, next);
                }
            }
            Cmd::Reserve {
                v,
                partner,
                start_in,
            } if v < n => {
                let p = &self.partners[partner];
                let actor = Actor::of(&p.admin);
                if authorize(
                    &actor,
                    Action::ReserveVoucher,
                    Resource::Voucher(&self.vouchers[v]),
                )
                .is_err()
                {
                    assert_ne!(
                        self.vouchers[v].partner_id,
                        Some(p.org.id),
                        "the assigned partner may reserve"
                    );
                    return;
                }
                let start = program_date(self.now).saturating_add(start_in.days());
                let days = i64::from(self.vouchers[v].days.0);
                let (enrollment, records) = eligible(p, program_date(self.now));
                let standing = saps_core::handoff::Standing {
                    program: &self.program,
                    enrollment: Some(&enrollment),
                    records: &records,
                    locations: std::slice::from_ref(&p.location),
                    today: program_date(self.now),
                };
                let r = self.vouchers[v].reserve(ReserveRequest {
                    program: &self.program,
                    location: &p.location,
                    consultant: &p.consultant,
                    start_date: start,
                    end_date: start.saturating_add((days - 1).days()),
                    accept_terms: true,
                    delivery_country: "FR",
                    reserved_by: p.admin.id,
                    now: self.now,
                    standing: &standing,
                });
                if let Ok(next) = r {
                    self.save(v, next);
                }
            }
            Cmd::CancelReservation { v, partner } if v < n => {
                let actor = Actor::of(&self.partners[partner].admin);
                if authorize(
                    &actor,
                    Action::CancelReservation,
                    Resource::Voucher(&self.vouchers[v]),
                )
                .is_ok()
                    && let Ok(next) = self.vouchers[v].cancel_reservation()
                {
                    self.save(v, next);
                }
            }
            Cmd::Cancel { v } if v < n => {
                if let Ok(next) = self.vouchers[v].cancel() {
                    let days = next.days.signed();
                    self.save(v, next);
                    assert!(self.post(days));
                }
            }
            Cmd::Advance { days } => self.now = self.now.checked_add((days * 24).hours()).unwrap(),
            Cmd::Sweep => {
                for i in 0..n {
                    if let Ok(next) = self.vouchers[i].expire(self.now) {
                        let refund =
                            self.vouchers[i].expiry_refunds(&self.agreement, &self.program);
                        let days = next.days.signed();
                        self.save(i, next);
                        if refund {
                            assert!(self.post(days));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn check(&self) {
        assert!(self.agreement.available >= 0, "pool never negative");
        assert_eq!(
            self.ledger.iter().sum::<i64>(),
            self.agreement.available,
            "ledger sums to the balance"
        );
        for (v, h) in self.vouchers.iter().zip(&self.histories) {
            assert_eq!(h[0], VoucherState::Created);
            assert!(
                h.windows(2).all(|p| Transition::ALL
                    .iter()
                    .any(|&t| next_state(p[0], t) == Some(p[1]))),
                "history {h:?} is a path of the state machine"
            );
            assert_eq!(*h.last().unwrap(), v.state);
            match (&v.reservation, v.state) {
                (Some(r), VoucherState::Reserved) => {
                    let owner = self
                        .partners
                        .iter()
                        .find(|p| p.location.id == r.location_id)
                        .unwrap();
                    assert_eq!(
                        Some(owner.org.id),
                        v.partner_id,
                        "reserved only by the partner it is assigned to"
                    );
                }
                (None, VoucherState::Reserved) => panic!("reserved without a reservation"),
                (Some(_), s) => panic!("a {s:?} voucher keeps a reservation"),
                (None, _) => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_command_sequences_never_break_an_invariant(
        pool in 0u32..60,
        cmds in prop::collection::vec(cmd(), 1..80),
    ) {
        let mut w = World::new(pool);
        for c in &cmds {
            w.apply(c);
            w.check();
        }
    }
}
