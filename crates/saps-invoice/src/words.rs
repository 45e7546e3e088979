//! The invoice's words in the five languages (dates, numbers and money are
//! written by `saps_core::locale_format`, as on the web pages).

use crate::State;
use saps_core::Locale;

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

#[cfg(test)]
mod tests {
    use super::*;

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
