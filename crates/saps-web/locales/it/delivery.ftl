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
