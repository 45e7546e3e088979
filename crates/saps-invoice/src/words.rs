//! The invoice's words in the five languages, and dates and money written as
//! each locale writes them (the same conventions as the web UI: GLOSSARY.md).

use crate::State;
use jiff::civil::Date;
use saps_core::{Locale, Money};

/// Every label an invoice prints, in one language.
pub(crate) struct Words {
    pub title: &'static str,
    pub claim: &'static str,
    pub reference: &'static str,
    pub issued_on: &'static str,
    pub state: &'static str,
    pub partner: &'static str,
    pub location: &'static str,
    pub voucher: &'static str,
    pub engagement: &'static str,
    pub country: &'static str,
    pub days: &'static str,
    pub day_rate: &'static str,
    pub amount: &'static str,
    pub total: &'static str,
    pub submitted_on: &'static str,
    pub approved_on: &'static str,
    pub payment_due_on: &'static str,
    pub paid_on: &'static str,
    pub payment_reference: &'static str,
    pub bank_account: &'static str,
    pub holder: &'static str,
    pub no_bank_account: &'static str,
    pub program: &'static str,
    /// "Page {n} of {m}", split around the two numbers.
    pub page: [&'static str; 3],
    /// Draft, submitted, approved, rejected, disputed, paid.
    pub states: [&'static str; 7],
}

const EN: Words = Words {
    title: "Invoice",
    claim: "Claim",
    reference: "Reference number",
    issued_on: "Issued on",
    state: "State",
    partner: "Partner",
    location: "Location",
    voucher: "Voucher ID",
    engagement: "Engagement",
    country: "Country",
    days: "Days",
    day_rate: "Day rate",
    amount: "Amount",
    total: "Total",
    submitted_on: "Submitted on",
    approved_on: "Approved on",
    payment_due_on: "Payment due by",
    paid_on: "Paid on",
    payment_reference: "Payment reference",
    bank_account: "Bank account",
    holder: "Account holder",
    no_bank_account: "No bank account is recorded for this location.",
    program: "Planning Services",
    page: ["Page ", " of ", ""],
    states: [
        "Draft",
        "Submitted",
        "Approved",
        "Rejected",
        "Disputed",
        "Paid",
        "Withdrawn",
    ],
};

const FR: Words = Words {
    title: "Facture",
    claim: "Demande de paiement",
    reference: "Numéro de référence",
    issued_on: "Émise le",
    state: "Statut",
    partner: "Partenaire",
    location: "Site",
    voucher: "Numéro du bon",
    engagement: "Mission",
    country: "Pays",
    days: "Jours",
    day_rate: "Tarif journalier",
    amount: "Montant",
    total: "Total",
    submitted_on: "Soumise le",
    approved_on: "Approuvée le",
    payment_due_on: "Paiement dû le",
    paid_on: "Payée le",
    payment_reference: "Référence du paiement",
    bank_account: "Compte bancaire",
    holder: "Titulaire du compte",
    no_bank_account: "Aucun compte bancaire n'est enregistré pour ce site.",
    program: "Services de planification",
    page: ["Page ", " sur ", ""],
    states: [
        "Brouillon",
        "Soumise",
        "Approuvée",
        "Rejetée",
        "Contestée",
        "Payée",
        "Retirée",
    ],
};

const PT_BR: Words = Words {
    title: "Fatura",
    claim: "Solicitação de pagamento",
    reference: "Número de referência",
    issued_on: "Emitida em",
    state: "Situação",
    partner: "Parceiro",
    location: "Local",
    voucher: "ID do comprovante",
    engagement: "Projeto",
    country: "País",
    days: "Dias",
    day_rate: "Valor da diária",
    amount: "Valor",
    total: "Total",
    submitted_on: "Enviada em",
    approved_on: "Aprovada em",
    payment_due_on: "Pagamento até",
    paid_on: "Paga em",
    payment_reference: "Referência do pagamento",
    bank_account: "Conta bancária",
    holder: "Titular da conta",
    no_bank_account: "Nenhuma conta bancária registrada para este local.",
    program: "Serviços de planejamento",
    page: ["Página ", " de ", ""],
    states: [
        "Rascunho",
        "Enviada",
        "Aprovada",
        "Rejeitada",
        "Contestada",
        "Paga",
        "Retirada",
    ],
};

const RU: Words = Words {
    title: "Счёт",
    claim: "Заявка на оплату",
    reference: "Номер ссылки",
    issued_on: "Дата выставления",
    state: "Статус",
    partner: "Партнер",
    location: "Офис",
    voucher: "Идентификатор ваучера",
    engagement: "Проект",
    country: "Страна",
    days: "Дни",
    day_rate: "Дневная ставка",
    amount: "Сумма",
    total: "Итого",
    submitted_on: "Дата отправки",
    approved_on: "Дата одобрения",
    payment_due_on: "Срок оплаты",
    paid_on: "Дата оплаты",
    payment_reference: "Номер платежа",
    bank_account: "Банковский счёт",
    holder: "Владелец счёта",
    no_bank_account: "Для этого офиса банковский счёт не указан.",
    program: "Службы планирования",
    page: ["Страница ", " из ", ""],
    states: [
        "Черновик",
        "Отправлена",
        "Одобрена",
        "Отклонена",
        "Оспорена",
        "Оплачена",
        "Отозвана",
    ],
};

const IT: Words = Words {
    title: "Fattura",
    claim: "Richiesta di pagamento",
    reference: "Numero di riferimento",
    issued_on: "Emessa il",
    state: "Stato",
    partner: "Partner",
    location: "Sede",
    voucher: "ID voucher",
    engagement: "Intervento",
    country: "Paese",
    days: "Giorni",
    day_rate: "Tariffa giornaliera",
    amount: "Importo",
    total: "Totale",
    submitted_on: "Inviata il",
    approved_on: "Approvata il",
    payment_due_on: "Pagamento entro il",
    paid_on: "Pagata il",
    payment_reference: "Riferimento del pagamento",
    bank_account: "Conto bancario",
    holder: "Intestatario del conto",
    no_bank_account: "Nessun conto bancario registrato per questa sede.",
    program: "Servizi di pianificazione",
    page: ["Pagina ", " di ", ""],
    states: [
        "Bozza",
        "Inviata",
        "Approvata",
        "Respinta",
        "Contestata",
        "Pagata",
        "Ritirata",
    ],
};

pub(crate) fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
        Locale::PtBr => &PT_BR,
        Locale::Ru => &RU,
        Locale::It => &IT,
    }
}

impl Words {
    pub(crate) fn state(&self, state: State) -> &'static str {
        self.states[state as usize]
    }

    pub(crate) fn page(&self, n: usize, of: usize) -> String {
        let [a, b, c] = self.page;
        format!("{a}{n}{b}{of}{c}")
    }
}

/// (group separator, decimal separator), as CLDR has them.
fn separators(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => (",", "."),
        Locale::Fr => ("\u{202f}", ","),
        Locale::Ru => ("\u{a0}", ","),
        Locale::PtBr | Locale::It => (".", ","),
    }
}

/// A whole number with the locale's grouping: 1,349 · 1 349 · 1.349.
pub fn number(locale: Locale, n: u64) -> String {
    let digits = n.to_string();
    let (group, _) = separators(locale);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

/// A calendar date: Nov 2, 2020 · 2 nov. 2020 · 2 de nov. de 2020 ·
/// 2 нояб. 2020 г. · 2 nov 2020.
pub fn date(locale: Locale, d: Date) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const PT: [&str; 12] = [
        "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
        "dez.",
    ];
    const RU: [&str; 12] = [
        "янв.",
        "февр.",
        "мар.",
        "апр.",
        "мая",
        "июн.",
        "июл.",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ];
    const IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    let m = (d.month() - 1) as usize;
    let (day, year) = (d.day(), d.year());
    match locale {
        Locale::En => format!("{} {day}, {year}", EN[m]),
        Locale::Fr if day == 1 => format!("1er {} {year}", FR[m]),
        Locale::Fr => format!("{day} {} {year}", FR[m]),
        Locale::PtBr => format!("{day} de {} de {year}", PT[m]),
        Locale::Ru => format!("{day} {} {year} г.", RU[m]),
        Locale::It => format!("{day} {} {year}", IT[m]),
    }
}

/// An amount of money: €1,349.90 · 1 349,90 € · R$ 1.349,90 · 1 349,90 € ·
/// 1.349,90 €. Exact: the amount is rounded to the currency's minor unit only
/// if it has more decimals than that (which a valid `Money` never has).
pub fn money(locale: Locale, m: &Money) -> String {
    let digits = m.currency.minor_digits();
    let amount = m
        .amount
        .round_dp_with_strategy(digits, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let abs = amount.abs();
    let whole = abs.trunc();
    let fraction = ((abs - whole) * rust_decimal::Decimal::from(10u64.pow(digits))).trunc();
    let whole = number(locale, u64::try_from(whole).unwrap_or(u64::MAX));
    let (_, decimal) = separators(locale);
    let amount = if digits == 0 {
        whole
    } else {
        let fraction = u64::try_from(fraction).unwrap_or(0);
        format!(
            "{whole}{decimal}{fraction:0width$}",
            width = digits as usize
        )
    };
    let sign = if negative { "-" } else { "" };
    let code = m.currency.as_str();
    let symbol = match (code, locale) {
        ("EUR", _) => "€",
        ("BRL", _) => "R$",
        ("USD", Locale::En) => "$",
        ("USD", _) => "US$",
        ("GBP", _) => "£",
        ("RUB", _) => "₽",
        _ => code,
    };
    match locale {
        Locale::En if symbol.len() == 3 && symbol == code => {
            format!("{sign}{symbol}\u{a0}{amount}")
        }
        Locale::En => format!("{sign}{symbol}{amount}"),
        Locale::PtBr => format!("{sign}{symbol}\u{a0}{amount}"),
        _ => format!("{sign}{amount}\u{a0}{symbol}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn eur(s: &str) -> Money {
        Money::new(s.parse::<Decimal>().unwrap(), "EUR".parse().unwrap()).unwrap()
    }

    #[test]
    fn money_is_written_as_each_locale_writes_it() {
        let m = eur("1349.90");
        assert_eq!(money(Locale::En, &m), "€1,349.90");
        assert_eq!(money(Locale::Fr, &m), "1\u{202f}349,90\u{a0}€");
        assert_eq!(money(Locale::PtBr, &m), "€\u{a0}1.349,90");
        assert_eq!(money(Locale::Ru, &m), "1\u{a0}349,90\u{a0}€");
        assert_eq!(money(Locale::It, &m), "1.349,90\u{a0}€");
        let brl = Money::new(Decimal::new(134990, 2), "BRL".parse().unwrap()).unwrap();
        assert_eq!(money(Locale::PtBr, &brl), "R$\u{a0}1.349,90");
    }

    #[test]
    fn money_keeps_every_cent_of_large_amounts_and_pads_small_ones() {
        assert_eq!(money(Locale::En, &eur("1234567.05")), "€1,234,567.05");
        assert_eq!(money(Locale::En, &eur("0.5")), "€0.50");
        assert_eq!(money(Locale::En, &eur("-12")), "-€12.00");
        let jpy = Money::new(Decimal::from(150000), "JPY".parse().unwrap()).unwrap();
        assert_eq!(money(Locale::It, &jpy), "150.000\u{a0}JPY");
        let chf = Money::new(Decimal::new(99950, 2), "CHF".parse().unwrap()).unwrap();
        assert_eq!(money(Locale::En, &chf), "CHF\u{a0}999.50");
    }

    #[test]
    fn dates_are_written_as_each_locale_writes_them() {
        let d = jiff::civil::date(2020, 11, 2);
        assert_eq!(date(Locale::En, d), "Nov 2, 2020");
        assert_eq!(date(Locale::Fr, d), "2 nov. 2020");
        assert_eq!(
            date(Locale::Fr, jiff::civil::date(2020, 2, 1)),
            "1er févr. 2020"
        );
        assert_eq!(date(Locale::PtBr, d), "2 de nov. de 2020");
        assert_eq!(date(Locale::Ru, d), "2 нояб. 2020 г.");
        assert_eq!(date(Locale::It, d), "2 nov 2020");
    }

    #[test]
    fn every_language_names_every_state_differently() {
        for locale in Locale::ALL {
            let w = words(locale);
            let mut names = w.states.to_vec();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), 7, "{locale:?}");
        }
    }
}
