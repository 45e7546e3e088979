# Le temps : l'horloge qui n'avance que vers l'avant et ce qu'un déplacement a fait,
# les échéances de l'opérateur, la simulation d'un changement du programme et la
# conversion des jours de formation.

## Horloge
time-clock-moved = L'horloge du programme a avancé jusqu'au { $date }.
time-clock-unchanged = La date du programme est déjà le { $date } ; l'horloge n'a pas bougé.
time-effects-none = Rien n'arrivait à échéance.
time-effect-vouchers-expired = { $count ->
        [one] { $count } bon a expiré.
       *[other] { $count } bons ont expiré.
    }
time-effect-days-returned = { $count ->
        [one] { $count } jour est revenu dans son solde de jours.
       *[other] { $count } jours sont revenus dans leurs soldes de jours.
    }
time-effect-days-removed = { $count ->
        [one] { $count } jour de planification restant a été retiré.
       *[other] { $count } jours de planification restants ont été retirés.
    }
time-effect-reminders-sent = { $count ->
        [one] { $count } rappel a été envoyé.
       *[other] { $count } rappels ont été envoyés.
    }
time-effect-sign-offs-deemed = { $count ->
        [one] { $count } rapport de fin de mission a été réputé approuvé.
       *[other] { $count } rapports de fin de mission ont été réputés approuvés.
    }
time-clock-backwards = L'horloge ne fait qu'avancer : choisissez le { $today } ou une date ultérieure.

## Accueil de l'opérateur
time-home-title = À venir
time-home-days-at-risk = { $count ->
        [one] { $count } jour de planification sera retiré le { $date } s'il n'est pas utilisé.
       *[other] { $count } jours de planification seront retirés le { $date } s'ils ne sont pas utilisés.
    }
time-home-no-days-at-risk = Aucun jour de planification n'attend d'être retiré.
time-home-expiring = { $count ->
        [0] Aucun bon n'expire dans les 30 jours.
        [one] Un bon expire dans les 30 jours.
       *[other] { $count } bons expirent dans les 30 jours.
    }
time-home-next-milestone = Prochaine échéance du calendrier, le { $date } : { $name }.
time-home-no-milestone = Il ne reste rien au calendrier du programme.

## Paramètres du programme et simulation
time-program-title = Paramètres et calendrier du programme
time-program-intro = Prévisualisez un changement pour voir quels clients, bons, jours et demandes de paiement il toucherait, puis enregistrez-le.
time-program-validity = Validité des bons (jours)
time-program-anchor = La validité court à partir de
time-program-anchor-creation = La création du bon
time-program-anchor-assignment = L'attribution du bon
time-program-claim-window = Délai de demande de paiement (jours après l'échange)
time-program-calendar = Calendrier
time-program-preview = Prévisualiser
time-program-save = Enregistrer
time-whatif-title = Ce que ferait ce changement
time-whatif-nothing = Ce changement ne touche aucun client, bon, jour ni demande de paiement.
time-whatif-customers = Clients
time-whatif-vouchers = Bons
time-whatif-days = Jours de planification
time-whatif-claims = Demandes de paiement
time-whatif-kind = Changement
time-whatif-item = Élément
time-whatif-before = Avant
time-whatif-after = Après
time-whatif-kind-voucher-expiry = L'expiration du bon change
time-whatif-kind-days-removed = Des jours seraient retirés
time-whatif-kind-days-kept = Des jours seraient conservés
time-whatif-kind-claim-window = Le délai de demande de paiement se ferme ou s'ouvre
time-whatif-more = Affichage des { $shown } premiers éléments sur { $total }.
time-whatif-none = aucun
done-program-saved = Le programme a été enregistré.

## Conversion des jours de formation
time-convert-title = Convertir des jours de formation
time-convert-intro = Les jours de bons de formation deviennent des jours de planification : { $training } jours de formation donnent { $planning } jours de planification, jusqu'au { $date }.
time-convert-closed = Les jours de bons de formation ne peuvent plus être convertis : la conversion a pris fin le { $date }.
time-convert-agreement = Contrat
time-convert-held = Jours de formation détenus
time-convert-days = Jours de formation à convertir
time-convert-submit = Convertir
time-convert-days-invalid = Saisissez un nombre entier de jours de formation, 1 ou plus.
done-days-converted = Les jours de formation ont été convertis en jours de planification.
rule-conversion-closed = Les jours de bons de formation ne peuvent plus être convertis : la conversion a pris fin le { $on }.
rule-not-enough-training-days = { $held ->
        [one] Le contrat ne détient que { $held } jour de formation.
       *[other] Le contrat ne détient que { $held } jours de formation.
    }
invalid-training-days = Saisissez un nombre entier de jours de formation, 1 ou plus.
event-voucher-expiry-moved = La validité du programme a changé : l'expiration est passée du { $from } au { $to }.
