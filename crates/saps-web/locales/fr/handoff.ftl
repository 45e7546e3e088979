# handoff: see main.ftl for the conventions.

## Rules of the hand-off (assignment, validation, reservation)

rule-not-enrolled = Le partenaire n'est pas inscrit à { $offering }.
rule-enrollment-lapsed = L'inscription du partenaire à { $offering } a pris fin le { $valid_until } : elle doit d'abord être renouvelée.
rule-location-not-approved = Le site { $location } n'est pas approuvé pour { $offering } : choisissez un site approuvé dans l'inscription.
rule-no-approved-location-in-country = Le partenaire n'a aucun site en { $country } approuvé pour { $offering }.
rule-compliance-training-missing = Le partenaire n'a pas suivi la formation à la conformité { $course } au cours de la dernière année.
rule-competency-missing = Le partenaire ne détient pas la compétence { $competency } exigée par { $engagement }.
rule-competency-expired = La compétence { $competency } du partenaire a expiré le { $expired_on }.
rule-consultant-not-qualified = Ce consultant n'a réussi aucun des examens de { $engagement } ({ $exams }) : choisissez un consultant qualifié.
rule-no-qualified-consultant = Aucun consultant du partenaire n'a réussi un examen de { $engagement } ({ $exams }).
rule-reservation-too-short = Ces dates couvrent { $window_days ->
    [one] { $window_days } jour
   *[other] { $window_days } jours
}, mais le bon est de { $voucher_days ->
    [one] { $voucher_days } jour
   *[other] { $voucher_days } jours
} : choisissez un dernier jour plus tardif.

## Voucher history and messages

event-voucher-returned = Rendu au client par { $partner } : { $reason }
done-returned = Le bon est rendu au client, qui en a été informé par e-mail.

## Assigning, reserving and returning

handoff-assign-eligible = Seuls les partenaires inscrits et éligibles pour cette mission, avec un site approuvé en { $country }, sont proposés.
handoff-assign-none = Aucun partenaire n'est encore inscrit et éligible pour cette mission avec un site approuvé en { $country }. Revenez plus tard, ou annulez le bon pour rendre ses jours au solde.
handoff-not-reservable = Votre entreprise ne peut pas réserver ce bon pour le moment.
handoff-reserve-intro = Vérifiez les détails du bon, acceptez les conditions du programme et réservez-le.
handoff-return-title = Rendre le bon au client
handoff-return-hint = Si votre entreprise ne réalisera pas cette mission, rendez le bon : il n'est plus attribué, l'administrateur des avantages et le chef de projet du client sont informés par e-mail et peuvent l'attribuer à un autre partenaire.
handoff-return-reason = Motif
handoff-return-submit = Rendre le bon
