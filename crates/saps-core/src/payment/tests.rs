use super::*;
use jiff::civil::date;

const U: UserId = UserId(uuid::Uuid::nil());

fn eur(s: &str) -> Money {
    parse_amount(s, "EUR".parse().unwrap()).unwrap()
}

fn rate(country: &str, amount: &str, from: Date) -> Rate {
    Rate {
        country: country.into(),
        day_rate: eur(amount),
        effective_from: from,
    }
}

#[test]
fn the_rate_in_force_is_the_latest_from_that_date_or_before() {
    let rates = vec![
        rate("DE", "1000", date(2020, 1, 1)),
        rate("DE", "1100.50", date(2021, 1, 1)),
        rate("FR", "900", date(2020, 6, 1)),
    ];
    assert_eq!(
        rate_on(&rates, "DE", date(2020, 12, 31)).unwrap().day_rate,
        eur("1000")
    );
    assert_eq!(
        rate_on(&rates, "DE", date(2021, 1, 1)).unwrap().day_rate,
        eur("1100.5")
    );
    assert!(rate_on(&rates, "FR", date(2020, 5, 31)).is_none());
    assert!(rate_on(&rates, "IT", date(2021, 5, 31)).is_none());
}

#[test]
fn a_country_twice_on_one_date_is_refused_and_other_cards_are_sorted() {
    let dup = rate_card(vec![
        rate("DE", "1000", date(2020, 1, 1)),
        rate("FR", "900", date(2020, 1, 1)),
        rate("DE", "1200", date(2020, 1, 1)),
    ]);
    assert_eq!(dup.unwrap_err().code(), "rule.duplicate_rate");
    let ok = rate_card(vec![
        rate("FR", "900", date(2020, 1, 1)),
        rate("DE", "1200", date(2021, 1, 1)),
        rate("DE", "1000", date(2020, 1, 1)),
    ])
    .unwrap();
    let order: Vec<_> = ok
        .iter()
        .map(|r| (r.country.as_str(), r.effective_from))
        .collect();
    assert_eq!(
        order,
        [
            ("DE", date(2020, 1, 1)),
            ("DE", date(2021, 1, 1)),
            ("FR", date(2020, 1, 1))
        ]
    );
}

#[test]
fn amounts_are_exact_decimals_kept_at_the_currencys_scale() {
    let m = eur("1234.5");
    assert_eq!(m.amount.to_string(), "1234.50");
    assert_eq!(m.times(Days(3)).unwrap().amount.to_string(), "3703.50");
    let eur_c: Currency = "EUR".parse().unwrap();
    for bad in ["-1", "abc", "1e3", "12.345", "", "0", "1,5"] {
        let e = parse_amount(bad, eur_c).unwrap_err();
        assert_eq!(e.code(), "validation.day_rate", "{bad}");
    }
    assert_eq!(
        known_currency("XYZ").unwrap_err().code(),
        "validation.currency"
    );
    assert_eq!(known_currency("JPY").unwrap().minor_digits(), 0);
}

#[test]
fn every_claim_state_and_step_pair_is_decided_by_the_table() {
    let steps = [
        ClaimStep::Submit,
        ClaimStep::Approve,
        ClaimStep::Reject,
        ClaimStep::Pay,
        ClaimStep::Dispute,
        ClaimStep::Withdraw,
    ];
    let allowed: usize = ClaimState::ALL
        .iter()
        .map(|&s| {
            steps
                .iter()
                .filter(|&&t| next_claim_state(s, t).is_some())
                .count()
        })
        .sum();
    assert_eq!(allowed, 8);
    assert_eq!(
        next_claim_state(ClaimState::Draft, ClaimStep::Withdraw),
        Some(ClaimState::Withdrawn)
    );
    assert!(
        steps
            .iter()
            .all(|&t| next_claim_state(ClaimState::Withdrawn, t).is_none())
    );
    assert!(
        steps
            .iter()
            .all(|&t| next_claim_state(ClaimState::Paid, t).is_none())
    );
    assert_eq!(
        next_claim_state(ClaimState::Rejected, ClaimStep::Dispute),
        Some(ClaimState::Disputed)
    );
    assert_eq!(
        next_claim_state(ClaimState::Draft, ClaimStep::Approve),
        None
    );
}

fn claim(state: ClaimState) -> Claim {
    let total = eur("100");
    Claim {
        id: uuid::Uuid::now_v7(),
        reference: claim_reference(2021, 7),
        partner_id: OrgId::new(),
        location_id: LocationId::new(),
        state,
        total,
        lines: Vec::new(),
        created_at: Timestamp::UNIX_EPOCH,
        created_by: UserId::new(),
        submitted_at: None,
        approved_at: None,
        payment_due_on: None,
        paid_at: None,
        payment_reference: None,
        rejected_at: None,
        rejection_reason: None,
        disputed_at: None,
        dispute_reason: None,
        history: Vec::new(),
        version: 0,
    }
}

fn at(d: Date) -> Timestamp {
    d.at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

#[test]
fn a_rejection_is_disputed_once_within_thirty_days() {
    let c = claim(ClaimState::Submitted)
        .reject("missing report", U, at(date(2021, 3, 1)))
        .unwrap();
    assert_eq!(c.reference, "SAVB-2021-000007");
    assert_eq!(c.dispute_deadline(), Some(date(2021, 3, 31)));
    let late = c
        .dispute("we sent it", U, at(date(2021, 4, 1)))
        .unwrap_err();
    assert_eq!(late.code(), "rule.dispute_window_closed");
    let d = c.dispute("we sent it", U, at(date(2021, 3, 31))).unwrap();
    assert_eq!(d.state, ClaimState::Disputed);
    let again = d.reject("still missing", U, at(date(2021, 4, 2))).unwrap();
    assert_eq!(
        again
            .dispute("no", U, at(date(2021, 4, 3)))
            .unwrap_err()
            .code(),
        "rule.already_disputed"
    );
    assert_eq!(
        c.dispute("  ", U, at(date(2021, 3, 2))).unwrap_err().code(),
        "validation.reason"
    );
}

#[test]
fn approval_makes_payment_due_the_programs_days_later_and_wrong_states_conflict() {
    let p = Program::sa_planning_services();
    let a = claim(ClaimState::Submitted)
        .approve(&p, U, at(date(2021, 3, 1)))
        .unwrap();
    assert_eq!(a.payment_due_on, Some(date(2021, 3, 31)));
    assert_eq!(a.version, 1);
    assert_eq!(
        a.approve(&p, U, at(date(2021, 3, 2))).unwrap_err().code(),
        "claim.conflict"
    );
    assert_eq!(
        claim(ClaimState::Draft)
            .pay("x", U, at(date(2021, 3, 2)))
            .unwrap_err()
            .code(),
        "claim.conflict"
    );
    let paid = a.pay("TRX-1", U, at(date(2021, 3, 5))).unwrap();
    assert_eq!(paid.state, ClaimState::Paid);
}

#[test]
fn submitting_needs_the_bank_account() {
    let p = Program::sa_planning_services();
    let e = claim(ClaimState::Draft)
        .submit(&p, false, U, at(date(2021, 3, 1)))
        .unwrap_err();
    assert_eq!(e.code(), "rule.bank_account_missing");
    assert!(
        claim(ClaimState::Draft)
            .submit(&p, true, U, at(date(2021, 3, 1)))
            .is_ok()
    );
}

#[test]
fn every_step_is_kept_in_the_claims_history() {
    let p = Program::sa_planning_services();
    let c = claim(ClaimState::Draft)
        .submit(&p, true, U, at(date(2021, 3, 1)))
        .unwrap()
        .reject("no report", U, at(date(2021, 3, 2)))
        .unwrap()
        .dispute("attached", U, at(date(2021, 3, 3)))
        .unwrap()
        .approve(&p, U, at(date(2021, 3, 4)))
        .unwrap();
    let states: Vec<_> = c.history.iter().map(|h| h.state).collect();
    assert_eq!(
        states,
        [
            ClaimState::Submitted,
            ClaimState::Rejected,
            ClaimState::Disputed,
            ClaimState::Approved
        ]
    );
    assert_eq!(c.history[1].note.as_deref(), Some("no report"));
    assert_eq!(c.history[2].note.as_deref(), Some("attached"));
    assert_eq!(c.version, 4);
}

#[test]
fn partners_claim_their_own_the_operator_reviews_and_others_do_not_see_them() {
    let own = OrgId::new();
    let who = |role| Actor {
        user_id: U,
        org_id: own,
        role,
    };
    let other = Some(OrgId::new());
    for role in [Role::GlobalAdmin, Role::MpnAdmin] {
        assert!(authorize_claim(&who(role), ClaimAction::Claim, Some(own)).is_ok());
        let e = authorize_claim(&who(role), ClaimAction::View, other).unwrap_err();
        assert_eq!(e.code(), "claim.not_found");
        let e = authorize_claim(&who(role), ClaimAction::Review, Some(own)).unwrap_err();
        assert_eq!(e.code(), "auth.forbidden");
    }
    assert!(authorize_claim(&who(Role::Operator), ClaimAction::Review, other).is_ok());
    let e = authorize_claim(&who(Role::Operator), ClaimAction::Claim, other).unwrap_err();
    assert_eq!(e.code(), "auth.forbidden");
    for role in [Role::Consultant, Role::BenefitAdmin, Role::ProjectManager] {
        let e = authorize_claim(&who(role), ClaimAction::View, None).unwrap_err();
        assert_eq!(e.code(), "auth.forbidden");
    }
}

#[test]
fn only_a_draft_is_withdrawn_and_a_withdrawn_claim_holds_no_voucher() {
    let w = claim(ClaimState::Draft)
        .withdraw(U, at(date(2021, 3, 1)))
        .unwrap();
    assert_eq!(w.state, ClaimState::Withdrawn);
    assert_eq!(w.version, 1);
    assert_eq!(
        w.history.last().map(|h| h.state),
        Some(ClaimState::Withdrawn)
    );
    assert!(!w.state.is_live());
    assert_eq!(ClaimState::parse("withdrawn"), Some(ClaimState::Withdrawn));
    for s in ClaimState::ALL
        .into_iter()
        .filter(|s| *s != ClaimState::Draft)
    {
        let e = claim(s).withdraw(U, at(date(2021, 3, 1))).unwrap_err();
        assert_eq!(e.code(), "claim.conflict", "{s:?}");
    }
}
