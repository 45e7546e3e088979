# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = La prestation ne peut pas se terminer après aujourd'hui ({ $today }).
rule-delivery-outside-reservation = Les dates de la prestation doivent être comprises dans la réservation, du { $start_date } au { $end_date }.
rule-delivered-days-mismatch = Les jours réalisés ({ $delivered }) doivent être égaux aux { $voucher_days ->
    [one] { $voucher_days } jour
   *[other] { $voucher_days } jours
} du voucher.
rule-too-many-offsite-days = Au plus { $max } jours peuvent être réalisés à distance, et non { $days_offsite }.
rule-deliverable-missing = Joignez au moins un livrable.
rule-deliverable-type = { $filename } n'est pas un fichier PDF, Office, OpenDocument, texte brut, PNG ou JPEG.
rule-not-signed-off = Le client n'a pas encore validé la prestation.

## Voucher history

event-voucher-completed = Rapport de fin de mission envoyé avec { $files ->
    [one] { $files } livrable
   *[other] { $files } livrables
}
event-voucher-signed-off = { $outcome ->
    [accepted] Prestation acceptée par le client
    [deemed] Prestation réputée acceptée : aucune réponse dans le délai de validation
   *[declined] Prestation refusée par le client : { $comment }
}
event-voucher-redeemed = Utilisé
