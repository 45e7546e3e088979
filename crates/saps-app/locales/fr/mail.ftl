# E-mails de saps — français.

## Mots communs

mail-days =
    { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
mail-link = Ouvrir dans saps
mail-signature = saps — services de planification
mail-voucher-id = Numéro du bon
mail-engagement = Mission
mail-length = Durée
mail-expires-on = Expire le
mail-reason = Motif
mail-comment = Commentaire
mail-partner = Partenaire
mail-customer = Client
mail-start = Début
mail-end = Fin
mail-agreement = Contrat
mail-days-left = Jours de planification restants
mail-removed-on = Retirés le
mail-claim-closes = Dernier jour pour la demande de paiement
mail-reported-on = Rapport soumis le

## Attribution

assigned-customer-subject = Bon de services de planification { $code } attribué à { $partner }
assigned-customer-intro = Votre bon de services de planification a été attribué à { $partner }.
assigned-customer-next = { $partner } le validera avec ce numéro du bon et votre adresse e-mail, puis réservera la mission.
assigned-partner-subject = Bon de services de planification { $code } attribué par { $customer }
assigned-partner-intro = { $customer } a attribué un bon de services de planification à votre entreprise.
assigned-partner-next = Validez-le avec le numéro du bon et l'adresse e-mail du client, puis réservez la mission pour un consultant.
returned-subject = Bon de services de planification { $code } rendu par { $partner }
returned-intro = { $partner } a rendu votre bon de services de planification sans le réserver.
returned-next = Le bon n'est plus attribué : vous pouvez l'attribuer à un autre partenaire.
cancelled-subject = Bon de services de planification { $code } annulé par { $customer }
cancelled-intro = { $customer } a annulé le bon de services de planification qui vous était attribué.
cancelled-next = Il ne peut plus être réservé ni réalisé.
reserved-subject = Bon de services de planification { $code } réservé par { $partner }
reserved-intro = { $partner } a réservé votre bon de services de planification pour la mission.
reserved-next = Le partenaire réalisera la mission à ces dates, puis soumettra son rapport de fin de mission.
reservation-cancelled-subject = Réservation du bon de services de planification { $code } annulée par { $partner }
reservation-cancelled-intro = { $partner } a annulé sa réservation de votre bon de services de planification.
reservation-cancelled-next = Le bon reste attribué à { $partner }, qui peut le réserver de nouveau.

## Réalisation

declined-subject = Bon de services de planification { $code } : réalisation refusée
declined-intro = Le client a refusé la réalisation déclarée pour le bon { $code }.
declined-next = Le bon est de nouveau réservé : vous pouvez soumettre un nouveau rapport de fin de mission.

## Rappels

remind-days-removal-subject = { $days } de planification seront retirés le { $date }
remind-days-removal-intro = Votre contrat { $agreement } compte encore { $days }. Tous les jours de planification restants sont retirés le { $date }.
remind-days-removal-next = Créez d'ici là les bons des missions dont vous avez besoin.
remind-voucher-unreserved-subject = Le bon { $code } expire le { $date } sans réservation
remind-voucher-unreserved-intro = Votre bon de services de planification n'a pas été réservé et expire le { $date }.
remind-voucher-unreserved-next = Attribuez-le à un partenaire qui peut le réserver à temps, ou annulez-le.
remind-reservation-expiry-subject = Le bon réservé { $code } expire le { $date }
remind-reservation-expiry-intro = Un bon de services de planification réservé par votre entreprise expire le { $date }.
remind-reservation-expiry-next = Réalisez la mission et soumettez le rapport de fin de mission d'ici là.
remind-claim-window-subject = Demande de paiement du bon { $code } avant le { $date }
remind-claim-window-intro = Vous avez échangé ce bon de services de planification ; le dernier jour pour la demande de paiement est le { $date }.
remind-claim-window-next = Soumettez la demande de paiement d'ici là, sinon la mission ne pourra pas être payée.
remind-sign-off-subject = Bon { $code } : le rapport de fin de mission attend votre validation
remind-sign-off-intro = { $partner } a soumis le rapport de fin de mission ; il attend votre validation.
remind-sign-off-next = Acceptez ou refusez la réalisation. Sans réponse, elle est réputée acceptée le { $date }.

## Paiement

mail-claim-reference = Référence de la demande
mail-total = Total
mail-payment-due = Paiement dû au plus tard le
mail-payment-reference = Référence du paiement
mail-dispute-until = Contestation possible jusqu'au
claim-approved-subject = Demande de paiement { $reference } approuvée
claim-approved-intro = Votre demande de paiement Planning Services { $reference } a été approuvée.
claim-approved-next = Le paiement de { $total } est dû au plus tard le { $date }.
claim-rejected-subject = Demande de paiement { $reference } refusée
claim-rejected-intro = Votre demande de paiement Planning Services { $reference } a été refusée.
claim-rejected-next = Ses bons peuvent être réclamés de nouveau pendant leur délai de demande. Vous pouvez contester un premier refus dans les 30 jours.
claim-rejected-final-subject = Demande de paiement { $reference } refusée définitivement
claim-rejected-final-intro = Votre contestation de la demande de paiement Planning Services { $reference } a été examinée ; la demande est refusée définitivement.
claim-rejected-final-next = Ses bons peuvent être réclamés de nouveau pendant leur délai de demande.
claim-paid-subject = Demande de paiement { $reference } payée
claim-paid-intro = Votre demande de paiement Planning Services { $reference } a été payée : { $total }.
claim-paid-next = La référence du paiement est { $payment_reference }.

## Webhooks

mail-webhook-url = Webhook
mail-failing-since = En échec depuis
webhook-disabled-subject = Webhook désactivé après une journée de livraisons en échec
webhook-disabled-intro = Toutes les livraisons vers votre webhook { $url } échouent depuis une journée : saps l'a désactivé et ne lui envoie plus rien.
webhook-disabled-next = Vérifiez le récepteur, puis supprimez le webhook et ajoutez-le de nouveau.
