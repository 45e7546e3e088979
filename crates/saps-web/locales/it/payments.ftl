# payments: see main.ftl for the conventions.

## Partner: Payments

pay-title = Pagamenti
pay-intro = Iscriviti al pagamento una volta per offerta, indica il conto bancario di ogni sede, poi fai le richieste di pagamento per i voucher riscattati.
pay-registrations = Iscrizione al pagamento
pay-registered = Iscritto il { $date }
pay-not-registered = Non iscritto
pay-register = Iscriviti al pagamento
pay-register-hint = L'iscrizione si fa una volta per offerta e richiede un voucher riscattato di quell'offerta.
pay-registered-ok = La tua azienda è iscritta al pagamento di { $offering }.
pay-bank-accounts = Conti bancari
pay-bank-hint = Ogni sede è pagata sul proprio conto. L'IBAN è mascherato tranne gli ultimi quattro caratteri.
pay-bank-none = Ancora nessun conto bancario.
pay-bank-save = Salva il conto bancario
pay-bank-saved = Il conto bancario di { $location } è salvato.
pay-holder = Intestatario del conto
pay-iban-hint = Gli spazi sono ammessi, per esempio IT60 X054 2811 1010 0000 0123 456.
pay-bic-hint = 8 o 11 caratteri, per esempio BCITITMMXXX.
pay-ready = Voucher riscattati pronti per la richiesta di pagamento
pay-ready-hint = Una richiesta di pagamento comprende voucher di una sola sede e di una sola valuta, ciascuno entro { $days } giorni dal riscatto.
pay-ready-none = Nessun voucher riscattato attende una richiesta di pagamento.
pay-filter = Filtra
pay-filter-country = Paese
pay-filter-location = Sede
pay-filter-all = Tutti
pay-filter-apply = Mostra
pay-col-voucher = ID voucher
pay-col-engagement = Intervento
pay-col-location = Sede
pay-col-country = Paese
pay-col-days = Giorni
pay-col-redeemed = Riscattato il
pay-col-window = Tempo rimasto
pay-col-day-rate = Tariffa giornaliera
pay-col-amount = Importo
pay-col-reference = Numero di riferimento
pay-col-partner = Partner
pay-col-state = Stato
pay-col-total = Totale
pay-col-submitted = Inviata il
pay-col-due = Pagamento entro il
pay-window-left = { $days ->
    [one] { $days } giorno rimasto
   *[other] { $days } giorni rimasti
}
pay-window-today = Ultimo giorno oggi
pay-compute = Calcola il totale
pay-pick-one = Seleziona almeno un voucher.
pay-selected = Voucher di questa richiesta
pay-save-draft = Salva come bozza
pay-submit = Invia la richiesta
pay-back = Cambia la selezione
pay-created-draft = La richiesta di pagamento { $reference } è salvata come bozza.
pay-created-submitted = La richiesta di pagamento { $reference } è inviata.
pay-claims = Richieste di pagamento
pay-claims-none = Ancora nessuna richiesta di pagamento.
pay-invoice = Fattura (PDF)
pay-open = Apri
pay-claim-title = Richiesta di pagamento { $reference }
pay-history = Cronologia
pay-submit-draft = Invia
pay-submitted-ok = La richiesta di pagamento { $reference } è inviata.
pay-dispute = Contesta il rifiuto
pay-dispute-hint = Puoi contestare un rifiuto entro 30 giorni; l'operatore poi approva o respinge la richiesta in via definitiva.
pay-reason = Motivo
pay-rejected-because = Respinta: { $reason }
pay-disputed-because = Contestata: { $reason }
pay-paid-with = Pagata con il riferimento { $reference }
pay-disputed-ok = La richiesta di pagamento { $reference } è contestata.
pay-state-draft = Bozza
pay-state-submitted = Inviata
pay-state-approved = Approvata
pay-state-paid = Pagata
pay-state-rejected = Respinta
pay-state-disputed = Contestata
pay-state-withdrawn = Ritirata
pay-withdraw = Ritira la bozza
pay-withdraw-confirm = Ritirare la bozza { $reference }? I suoi voucher potranno essere richiesti di nuovo.
pay-withdraw-yes = Sì, ritira la bozza
pay-withdrawn-ok = La richiesta di pagamento { $reference } è ritirata; i suoi voucher possono essere richiesti di nuovo.

## Operator: review, rate card, dashboard

pay-review = Coda di revisione
pay-review-hint = Richieste inviate e contestate, dalle più vecchie.
pay-review-none = Nessuna richiesta attende la revisione.
pay-approve = Approva
pay-reject = Respingi
pay-pay = Segna come pagata
pay-payment-reference = Riferimento del pagamento
pay-approved-ok = La richiesta di pagamento { $reference } è approvata.
pay-rejected-ok = La richiesta di pagamento { $reference } è respinta.
pay-paid-ok = La richiesta di pagamento { $reference } è pagata.
pay-rates = Tariffario
pay-rates-hint = Una tariffa giornaliera per paese con la sua valuta, in vigore da una data. Ogni riga della richiesta usa la tariffa del paese di esecuzione in vigore alla data di riscatto del voucher.
pay-rates-none = Il tariffario è vuoto.
pay-rate-country = Paese (due lettere)
pay-rate-amount = Tariffa giornaliera
pay-rate-currency = Valuta
pay-rate-from = In vigore dal
pay-rate-add-hint = Compila una riga vuota per aggiungere una tariffa; svuota i campi di una riga per rimuoverla.
pay-rates-save = Salva il tariffario
pay-rates-saved = Il tariffario è salvato.
pay-dashboard = Cruscotto dei pagamenti
pay-chart-by-state = Importi per stato
pay-chart-by-state-desc = Importi richiesti in { $currency }, per stato della richiesta:
pay-chart-by-month = Importi richiesti per mese
pay-chart-by-month-desc = Importi in { $currency } delle richieste fatte ogni mese:
pay-chart-empty = Ancora nessuna richiesta di pagamento.
pay-due-soon = Richieste vicine alla scadenza del pagamento
pay-due-soon-none = Nessuna richiesta approvata scade nei prossimi 14 giorni.
pay-due-in = { $days ->
    [0] scade oggi
    [one] scade tra { $days } giorno
   *[other] scade tra { $days } giorni
}
pay-overdue = { $days ->
    [one] { $days } giorno di ritardo
   *[other] { $days } giorni di ritardo
}

## Refusals on the payment pages

pay-invalid-holder = Indica il nome dell'intestatario del conto (al massimo 200 caratteri).
pay-invalid-iban = Questo IBAN non è valido: controlla il paese, la lunghezza e le cifre di controllo.
pay-invalid-bic = Un BIC ha 8 o 11 caratteri: 4 lettere per la banca, 2 per il paese, 2 per la località, poi una filiale facoltativa.
pay-invalid-reason = Indica un motivo (al massimo 500 caratteri).
pay-invalid-payment-reference = Indica il riferimento del pagamento (al massimo 500 caratteri).
pay-invalid-day-rate = Indica ogni tariffa giornaliera come importo positivo, per esempio 1234.50, senza più decimali di quelli della valuta.
pay-invalid-currency = Indica un codice valuta accettato dal tariffario, per esempio EUR.
pay-invalid-effective-from = Indica il primo giorno di ogni tariffa come data.
pay-invalid-codes = Seleziona da 1 a 200 voucher diversi.
not-found-claim = Questa richiesta di pagamento non esiste o non puoi vederla.
conflict-claim = La richiesta di pagamento è cambiata o non è più in uno stato che lo consente. Ricarica la pagina per vedere a che punto è.
conflict-payment_registration = La tua azienda è già iscritta al pagamento di questa offerta.
