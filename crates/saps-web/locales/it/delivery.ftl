# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = L'erogazione non può terminare dopo oggi ({ $today }).
rule-delivery-outside-reservation = Le date dell'erogazione devono essere comprese nella prenotazione, dal { $start_date } al { $end_date }.
rule-delivered-days-mismatch = I giorni erogati ({ $delivered }) devono essere pari { $voucher_days ->
    [one] al { $voucher_days } giorno
   *[other] ai { $voucher_days } giorni
} del voucher.
rule-too-many-offsite-days = Al massimo { $max } giorni possono essere erogati da remoto, non { $days_offsite }.
rule-deliverable-missing = Allega almeno un deliverable.
rule-deliverable-type = { $filename } non è un file PDF, Office, OpenDocument, testo semplice, PNG o JPEG.
rule-not-signed-off = Il cliente non ha ancora approvato l'erogazione.

## Voucher history

event-voucher-completed = Report di completamento inviato con { $files ->
    [one] { $files } deliverable
   *[other] { $files } deliverable
}
event-voucher-signed-off = { $outcome ->
    [accepted] Erogazione accettata dal cliente
    [deemed] Erogazione considerata accettata: nessuna risposta nel periodo di approvazione
   *[declined] Erogazione rifiutata dal cliente: { $comment }
}
event-voucher-redeemed = Riscattato

## Completion report and sign-off (voucher page)

delivery-report-title = Report di completamento
delivery-report-hint = Comunica l'engagement erogato: i giorni in sede e da remoto sommano { $days }, entro le date della prenotazione. Allega il deliverable del cliente.
delivery-from = Erogato dal
delivery-to = Erogato fino al
delivery-dates = Erogato
delivery-days-onsite = Giorni in sede
delivery-days-offsite = Giorni da remoto
delivery-offsite-hint = Al massimo 3 giorni da remoto.
delivery-summary = Sintesi dell'engagement
delivery-next-steps = Prossimi passi
delivery-deliverables = Deliverable
delivery-deliverables-hint = PDF, Word, Excel, PowerPoint, OpenDocument, testo semplice, PNG o JPEG; al massimo 20 MiB per file e 50 MiB in totale.
delivery-submit = Invia il report di completamento
delivery-submitted = Inviato il
delivery-file-size = Dimensione: { $kib } KiB
delivery-receipt-download = Scarica la ricevuta di invio
delivery-comment = Commento
delivery-comment-hint = Obbligatorio se rifiuti: il partner lo leggerà.
delivery-sign-off-title = Approva l'erogazione
delivery-sign-off-hint = Accetta l'erogazione perché il partner possa riscattare il voucher, oppure rifiutala con un commento: il voucher torna prenotato e il partner può inviare un nuovo report.
delivery-accept = Accetta l'erogazione
delivery-decline = Rifiuta l'erogazione
delivery-sign-off-pending = In attesa di approvazione
delivery-sign-off-accepted = Approvata
delivery-sign-off-declined = Rifiutata
delivery-sign-off-deemed = Approvata (nessuna risposta nei termini)
done-reported = Il report di completamento è stato inviato; al cliente è stato chiesto di approvarlo.
done-signed-off = L'erogazione è approvata: il partner può riscattare il voucher.
done-declined = L'erogazione è rifiutata: il voucher è di nuovo prenotato e il partner è stato avvisato.

## Redeeming vouchers

redeem-title = Riscatta voucher
redeem-hint = Voucher la cui erogazione è stata approvata dal cliente. Seleziona quelli da riscattare.
redeem-ready = Pronti per il riscatto
redeem-selected = Riscatta i voucher selezionati
redeem-create-claim = Crea una richiesta di pagamento
redeem-none = Nessun voucher è pronto: un voucher si riscatta quando è completato e il cliente ha approvato l'erogazione.
redeem-pick-one = Seleziona almeno un voucher.
redeem-confirm-title = Conferma il riscatto
redeem-confirm-hint = { $count ->
    [one] Questo voucher sarà riscattato:
   *[other] Questi { $count } voucher saranno riscattati:
}
redeem-yes = Sì, riscatta
redeem-no = No, torna indietro
redeem-results = Esito del riscatto
redeem-ok = Riscattato
redeem-link = Riscatta i voucher approvati

delivery-awaiting-title = In attesa della tua approvazione
delivery-awaiting-hint = Il partner ha comunicato queste erogazioni: leggi il report e i deliverable, poi accetta o rifiuta. Senza risposta nel periodo di approvazione, l'erogazione si considera accettata.
