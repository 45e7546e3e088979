# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = La prestation ne peut pas se terminer après aujourd'hui ({ $today }).
rule-delivery-outside-reservation = Les dates de la prestation doivent être comprises dans la réservation, du { $start_date } au { $end_date }.
rule-delivered-days-mismatch = Les jours réalisés ({ $delivered }) doivent être égaux aux { $voucher_days ->
    [one] { $voucher_days } jour
   *[other] { $voucher_days } jours
} du bon.
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
event-voucher-redeemed = Échangé

## Completion report and sign-off (voucher page)

delivery-report-title = Rapport de fin de mission
delivery-report-hint = Déclarez la mission réalisée : les jours sur site et à distance totalisent { $days }, dans les dates de la réservation. Joignez le livrable du client.
delivery-from = Réalisée du
delivery-to = Réalisée jusqu'au
delivery-dates = Réalisée
delivery-days-onsite = Jours sur site
delivery-days-offsite = Jours à distance
delivery-offsite-hint = Au plus 3 jours à distance.
delivery-summary = Résumé de la mission
delivery-next-steps = Prochaines étapes
delivery-deliverables = Livrables
delivery-deliverables-hint = PDF, Word, Excel, PowerPoint, OpenDocument, texte brut, PNG ou JPEG ; au plus 20 Mio par fichier et 50 Mio au total.
delivery-submit = Envoyer le rapport de fin de mission
delivery-submitted = Envoyé le
delivery-file-size = Taille : { $kib } Kio
delivery-receipt-download = Télécharger l'accusé de réception
delivery-comment = Commentaire
delivery-comment-hint = Obligatoire en cas de refus : le partenaire le lira.
delivery-sign-off-title = Valider la prestation
delivery-sign-off-hint = Acceptez la prestation pour que le partenaire puisse échanger le bon, ou refusez-la avec un commentaire : le bon redevient réservé et le partenaire peut envoyer un nouveau rapport.
delivery-accept = Accepter la prestation
delivery-decline = Refuser la prestation
delivery-sign-off-pending = En attente de validation
delivery-sign-off-accepted = Validée
delivery-sign-off-declined = Refusée
delivery-sign-off-deemed = Validée (sans réponse dans le délai)
done-reported = Le rapport de fin de mission est envoyé ; le client est invité à le valider.
done-signed-off = La prestation est validée : le partenaire peut échanger le bon.
done-declined = La prestation est refusée : le bon est de nouveau réservé et le partenaire a été prévenu.

## Redeeming vouchers

redeem-title = Échanger des bons
redeem-hint = Bons dont le client a validé la prestation. Sélectionnez ceux à échanger.
redeem-ready = Prêts à être échangés
redeem-selected = Échanger les bons sélectionnés
redeem-create-claim = Créer une demande de paiement
redeem-none = Aucun bon n'est prêt : un bon s'échange une fois la mission terminée et la prestation validée par le client.
redeem-pick-one = Sélectionnez au moins un bon.
redeem-confirm-title = Confirmer l’échange
redeem-confirm-hint = { $count ->
    [one] Ce bon sera échangé :
   *[other] Ces { $count } bons seront échangés :
}
redeem-yes = Oui, échanger
redeem-no = Non, revenir
redeem-results = Résultat
redeem-ok = Échangé
redeem-link = Échanger les bons validés

delivery-awaiting-title = En attente de votre validation
delivery-awaiting-hint = Le partenaire a déclaré ces prestations : lisez le rapport et les livrables, puis acceptez ou refusez. Sans réponse dans le délai de validation, une prestation est réputée acceptée.
