//! What the payment pages show beyond single claims: the priced preview of a
//! claim before it is saved (the same rules as making it, nothing written),
//! and the operator's dashboard figures (exact sums by state and by month,
//! claims near their payment due date).

use crate::App;
use crate::claims::{price, redeemed_on};
use saps_core::payment::{self, Claim, ClaimAction, ClaimLine, ClaimState};
use saps_core::port::ClaimQuery;
use saps_core::{Actor, Currency, Entity, Error, LocationId, Money, OrgId, VoucherCode};
use std::collections::{BTreeMap, HashMap};

/// A claim as it would be made of these vouchers: its location, its priced
/// lines (with each voucher's engagement) and its total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimPreview {
    pub location_id: LocationId,
    pub location_name: String,
    pub lines: Vec<(ClaimLine, String)>,
    pub total: Money,
}

/// One state's claims of one currency: how many, and their exact sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateSum {
    pub state: ClaimState,
    pub count: u64,
    pub total: Money,
}

/// An approved claim and its payment due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueClaim {
    pub id: uuid::Uuid,
    pub reference: String,
    pub partner_name: String,
    pub total: Money,
    pub payment_due_on: jiff::civil::Date,
    /// Days from today to the due date (negative: overdue).
    pub days: i64,
}

/// The figures of one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyFigures {
    pub currency: Currency,
    /// Every state but `withdrawn` (drafts the partner took back), in the
    /// lifecycle's order (zero where none).
    pub by_state: Vec<StateSum>,
    /// (year, month) of the claim's making → the sum of its claims that were
    /// submitted (not drafts, not withdrawn), oldest first.
    pub by_month: Vec<((i16, i8), Money)>,
}

/// The operator's payments dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentsDashboard {
    pub currencies: Vec<CurrencyFigures>,
    /// Approved claims due within `DUE_SOON_DAYS` or overdue, soonest first.
    pub due_soon: Vec<DueClaim>,
}

/// How far ahead the dashboard looks for payments falling due.
pub const DUE_SOON_DAYS: i64 = 14;

fn add(a: Money, b: Money) -> Money {
    Money {
        amount: a.amount.checked_add(b.amount).unwrap_or(a.amount),
        currency: a.currency,
    }
}

fn zero(currency: Currency) -> Money {
    Money::from_minor_units(0, currency)
}

/// The dashboard's figures from every claim (pure: `today` is an argument;
/// `names` gives each partner's name).
pub fn dashboard(
    claims: &[Claim],
    names: &HashMap<OrgId, String>,
    today: jiff::civil::Date,
) -> PaymentsDashboard {
    let mut currencies: BTreeMap<String, CurrencyFigures> = BTreeMap::new();
    for c in claims {
        let cur = c.total.currency;
        let fig = currencies
            .entry(cur.as_str().to_owned())
            .or_insert_with(|| CurrencyFigures {
                currency: cur,
                by_state: ClaimState::ALL
                    .iter()
                    .filter(|s| **s != ClaimState::Withdrawn)
                    .map(|s| StateSum {
                        state: *s,
                        count: 0,
                        total: zero(cur),
                    })
                    .collect(),
                by_month: Vec::new(),
            });
        if let Some(s) = fig.by_state.iter_mut().find(|s| s.state == c.state) {
            s.count += 1;
            s.total = add(s.total, c.total);
        }
        if matches!(c.state, ClaimState::Draft | ClaimState::Withdrawn) {
            continue;
        }
        let made = saps_core::program_date(c.created_at);
        let month = (made.year(), made.month());
        match fig.by_month.iter_mut().find(|(m, _)| *m == month) {
            Some((_, sum)) => *sum = add(*sum, c.total),
            None => fig.by_month.push((month, c.total)),
        }
    }
    let mut currencies: Vec<CurrencyFigures> = currencies.into_values().collect();
    for f in &mut currencies {
        f.by_month.sort_by_key(|(m, _)| *m);
    }
    let mut due_soon: Vec<DueClaim> = claims
        .iter()
        .filter(|c| c.state == ClaimState::Approved)
        .filter_map(|c| {
            let due = c.payment_due_on?;
            let days = i64::from(today.until(due).ok()?.get_days());
            (days <= DUE_SOON_DAYS).then(|| DueClaim {
                id: c.id,
                reference: c.reference.clone(),
                partner_name: names.get(&c.partner_id).cloned().unwrap_or_default(),
                total: c.total,
                payment_due_on: due,
                days,
            })
        })
        .collect();
    due_soon
        .sort_by(|a, b| (a.payment_due_on, &a.reference).cmp(&(b.payment_due_on, &b.reference)));
    PaymentsDashboard {
        currencies,
        due_soon,
    }
}

impl App {
    /// Prices a claim of these vouchers as [`App::create_claim`] would (the
    /// partner's admins), refusing as it would; nothing is written.
    pub async fn preview_claim(
        &self,
        actor: &Actor,
        codes: Vec<String>,
    ) -> Result<ClaimPreview, Error> {
        payment::authorize_claim(actor, ClaimAction::Claim, Some(actor.org_id))?;
        if codes.is_empty() || codes.len() > crate::claims::MAX_CLAIM_VOUCHERS {
            return Err(Error::invalid(
                "codes",
                format!(
                    "name between 1 and {} redeemed vouchers",
                    crate::claims::MAX_CLAIM_VOUCHERS
                ),
            ));
        }
        let mut parsed: Vec<VoucherCode> = Vec::with_capacity(codes.len());
        for raw in &codes {
            let code: VoucherCode = raw
                .trim()
                .parse()
                .map_err(|_| Error::NotFound(Entity::Voucher))?;
            if parsed.contains(&code) {
                return Err(Error::invalid("codes", format!("{code} is named twice")));
            }
            parsed.push(code);
        }
        let (partner, program, today) = (actor.org_id, self.program(), self.today());
        self.read(move |tx| {
            let mut vouchers = Vec::with_capacity(parsed.len());
            for code in &parsed {
                let v = tx
                    .voucher_by_code(code)?
                    .ok_or(Error::NotFound(Entity::Voucher))?;
                let on = redeemed_on(&v);
                vouchers.push((v, on));
            }
            let (location_id, lines, total) = price(tx, &program, partner, &vouchers, today)?;
            let location_name = tx
                .location(location_id)?
                .map(|l| l.name)
                .unwrap_or_default();
            let lines = lines
                .into_iter()
                .zip(vouchers.iter().map(|(v, _)| v.engagement.clone()))
                .collect();
            Ok(ClaimPreview {
                location_id,
                location_name,
                lines,
                total,
            })
        })
        .await
    }

    /// The payments dashboard over every claim (the operator).
    pub async fn payments_dashboard(&self, actor: &Actor) -> Result<PaymentsDashboard, Error> {
        payment::authorize_claim(actor, ClaimAction::Review, None)?;
        let today = self.today();
        self.read(move |tx| {
            let mut claims = Vec::new();
            let mut after = None;
            loop {
                let page = tx.claims(&ClaimQuery {
                    partner: None,
                    states: Vec::new(),
                    after,
                    limit: 500,
                })?;
                after = page.last().map(|c| c.id);
                let done = page.len() < 500;
                claims.extend(page);
                if done {
                    break;
                }
            }
            let mut names = HashMap::new();
            for c in &claims {
                if let std::collections::hash_map::Entry::Vacant(e) = names.entry(c.partner_id) {
                    e.insert(tx.org(c.partner_id)?.map(|o| o.name).unwrap_or_default());
                }
            }
            Ok(dashboard(&claims, &names, today))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use saps_core::UserId;

    fn eur(cents: i64) -> Money {
        Money::from_minor_units(cents, "EUR".parse().unwrap())
    }

    fn claim(
        n: u32,
        state: ClaimState,
        total: Money,
        made: &str,
        due: Option<jiff::civil::Date>,
    ) -> Claim {
        let at: jiff::Timestamp = format!("{made}T10:00:00Z").parse().unwrap();
        Claim {
            id: uuid::Uuid::now_v7(),
            reference: format!("SAVB-2026-{n:06}"),
            partner_id: OrgId(uuid::Uuid::nil()),
            location_id: LocationId(uuid::Uuid::nil()),
            state,
            total,
            lines: Vec::new(),
            created_at: at,
            created_by: UserId(uuid::Uuid::nil()),
            submitted_at: None,
            approved_at: None,
            payment_due_on: due,
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

    #[test]
    fn the_dashboard_sums_each_state_and_month_to_the_cent_and_lists_payments_falling_due() {
        let today = jiff::civil::date(2026, 12, 2);
        let claims = vec![
            claim(1, ClaimState::Paid, eur(123_450), "2026-10-03", None),
            claim(2, ClaimState::Paid, eur(1), "2026-11-20", None),
            claim(
                3,
                ClaimState::Approved,
                eur(61_725),
                "2026-11-21",
                Some(jiff::civil::date(2026, 12, 10)),
            ),
            claim(
                4,
                ClaimState::Approved,
                eur(10),
                "2026-11-22",
                Some(jiff::civil::date(2026, 12, 31)),
            ),
            claim(
                5,
                ClaimState::Approved,
                eur(20),
                "2026-11-02",
                Some(jiff::civil::date(2026, 11, 30)),
            ),
            claim(
                6,
                ClaimState::Submitted,
                Money::from_minor_units(500, "USD".parse().unwrap()),
                "2026-12-01",
                None,
            ),
            // Neither a draft nor a withdrawn draft counts as claimed.
            claim(7, ClaimState::Draft, eur(700), "2026-11-23", None),
            claim(8, ClaimState::Withdrawn, eur(800), "2026-11-24", None),
        ];
        let names = HashMap::from([(OrgId(uuid::Uuid::nil()), "Contoso".to_owned())]);
        let d = dashboard(&claims, &names, today);
        assert_eq!(d.currencies.len(), 2);
        let eur_fig = &d.currencies[0];
        assert_eq!(eur_fig.currency.as_str(), "EUR");
        let paid = eur_fig
            .by_state
            .iter()
            .find(|s| s.state == ClaimState::Paid)
            .unwrap();
        assert_eq!((paid.count, paid.total), (2, eur(123_451)));
        let approved = eur_fig
            .by_state
            .iter()
            .find(|s| s.state == ClaimState::Approved)
            .unwrap();
        assert_eq!((approved.count, approved.total), (3, eur(61_755)));
        assert_eq!(eur_fig.by_state.len(), ClaimState::ALL.len() - 1);
        assert!(
            eur_fig
                .by_state
                .iter()
                .all(|s| s.state != ClaimState::Withdrawn)
        );
        let drafts = eur_fig
            .by_state
            .iter()
            .find(|s| s.state == ClaimState::Draft)
            .unwrap();
        assert_eq!((drafts.count, drafts.total), (1, eur(700)));
        assert_eq!(
            eur_fig.by_month,
            vec![((2026, 10), eur(123_450)), ((2026, 11), eur(61_756))]
        );
        // Due within 14 days or overdue, soonest first; the one due in 29 days is not listed.
        let due: Vec<(&str, i64)> = d
            .due_soon
            .iter()
            .map(|c| (c.reference.as_str(), c.days))
            .collect();
        assert_eq!(due, vec![("SAVB-2026-000005", -2), ("SAVB-2026-000003", 8)]);
        assert_eq!(d.due_soon[0].partner_name, "Contoso");
    }
}
