# payments: see main.ftl for the conventions.

## Partner: Payments

pay-title = Paiements
pay-intro = Inscrivez-vous au paiement une fois par offre, indiquez le compte bancaire de chaque site, puis faites vos demandes de paiement pour les bons échangés.
pay-registrations = Inscription au paiement
pay-registered = Inscrit le { $date }
pay-not-registered = Non inscrit
pay-register = S'inscrire au paiement
pay-register-hint = L'inscription se fait une fois par offre et demande un bon échangé de cette offre.
pay-registered-ok = Votre entreprise est inscrite au paiement de { $offering }.
pay-bank-accounts = Comptes bancaires
pay-bank-hint = Chaque site est payé sur son propre compte. L'IBAN est masqué sauf ses quatre derniers caractères.
pay-bank-none = Pas encore de compte bancaire.
pay-bank-save = Enregistrer le compte bancaire
pay-bank-saved = Le compte bancaire de { $location } est enregistré.
pay-holder = Titulaire du compte
pay-iban-hint = Les espaces sont permises, par exemple FR76 3000 6000 0112 3456 7890 189.
pay-bic-hint = 8 ou 11 caractères, par exemple BNPAFRPPXXX.
pay-ready = Bons échangés à inclure dans une demande
pay-ready-hint = Une demande de paiement couvre des bons d'un seul site et d'une seule devise, chacun dans les { $days } jours suivant son échange.
pay-ready-none = Aucun bon échangé n'attend de demande de paiement.
pay-filter = Filtrer
pay-filter-country = Pays
pay-filter-location = Site
pay-filter-all = Tous
pay-filter-apply = Afficher
pay-col-voucher = Numéro du bon
pay-col-engagement = Mission
pay-col-location = Site
pay-col-country = Pays
pay-col-days = Jours
pay-col-redeemed = Échangé le
pay-col-window = Délai restant
pay-col-day-rate = Tarif journalier
pay-col-amount = Montant
pay-col-reference = Numéro de référence
pay-col-partner = Partenaire
pay-col-state = Statut
pay-col-total = Montant total
pay-col-submitted = Soumise le
pay-col-due = Paiement dû le
pay-window-left = { $days ->
    [one] { $days } jour restant
   *[other] { $days } jours restants
}
pay-window-today = Dernier jour aujourd'hui
pay-compute = Calculer le total
pay-pick-one = Sélectionnez au moins un bon.
pay-selected = Bons de cette demande
pay-save-draft = Enregistrer comme brouillon
pay-submit = Soumettre la demande
pay-back = Modifier la sélection
pay-created-draft = La demande de paiement { $reference } est enregistrée comme brouillon.
pay-created-submitted = La demande de paiement { $reference } est soumise.
pay-claims = Demandes de paiement
pay-claims-none = Aucune demande de paiement pour l'instant.
pay-invoice = Facture (PDF)
pay-open = Ouvrir
pay-claim-title = Demande de paiement { $reference }
pay-history = Historique
pay-submit-draft = Soumettre
pay-submitted-ok = La demande de paiement { $reference } est soumise.
pay-dispute = Contester le rejet
pay-dispute-hint = Vous pouvez contester un rejet dans les 30 jours ; l'opérateur approuve ou rejette alors la demande définitivement.
pay-reason = Motif
pay-rejected-because = Rejetée : { $reason }
pay-disputed-because = Contestée : { $reason }
pay-paid-with = Payée avec la référence { $reference }
pay-disputed-ok = La demande de paiement { $reference } est contestée.
pay-state-draft = Brouillon
pay-state-submitted = Soumise
pay-state-approved = Approuvée
pay-state-paid = Payée
pay-state-rejected = Rejetée
pay-state-disputed = Contestée
pay-state-withdrawn = Retirée
pay-withdraw = Retirer le brouillon
pay-withdraw-confirm = Retirer le brouillon { $reference } ? Ses bons pourront de nouveau faire l'objet d'une demande.
pay-withdraw-yes = Oui, retirer le brouillon
pay-withdrawn-ok = La demande de paiement { $reference } est retirée ; ses bons peuvent de nouveau être réclamés.

## Operator: review, rate card, dashboard

pay-review = File de vérification
pay-review-hint = Demandes soumises et contestées, les plus anciennes d'abord.
pay-review-none = Aucune demande n'attend de vérification.
pay-approve = Approuver
pay-reject = Rejeter
pay-pay = Marquer comme payée
pay-payment-reference = Référence du paiement
pay-approved-ok = La demande de paiement { $reference } est approuvée.
pay-rejected-ok = La demande de paiement { $reference } est rejetée.
pay-paid-ok = La demande de paiement { $reference } est payée.
pay-rates = Grille tarifaire
pay-rates-hint = Un tarif journalier par pays avec sa devise, en vigueur à partir d'une date. Une ligne de demande applique le tarif du pays de réalisation en vigueur à la date d'échange du bon.
pay-rates-none = La grille tarifaire est vide.
pay-rate-country = Pays (deux lettres)
pay-rate-amount = Tarif journalier
pay-rate-currency = Devise
pay-rate-from = En vigueur à partir du
pay-rate-add-hint = Remplissez une ligne vide pour ajouter un tarif ; videz les champs d'une ligne pour le supprimer.
pay-rates-save = Enregistrer la grille tarifaire
pay-rates-saved = La grille tarifaire est enregistrée.
pay-dashboard = Tableau de bord des paiements
pay-chart-by-state = Montants par statut
pay-chart-by-state-desc = Montants demandés en { $currency }, par statut de leur demande :
pay-chart-by-month = Montants demandés par mois
pay-chart-by-month-desc = Montants en { $currency } des demandes faites chaque mois :
pay-chart-empty = Aucune demande de paiement pour l'instant.
pay-due-soon = Demandes proches de leur date d'échéance
pay-due-soon-none = Aucune demande approuvée n'arrive à échéance dans les 14 prochains jours.
pay-due-in = { $days ->
    [0] échéance aujourd'hui
    [one] échéance dans { $days } jour
   *[other] échéance dans { $days } jours
}
pay-overdue = { $days ->
    [one] { $days } jour de retard
   *[other] { $days } jours de retard
}

## Refusals on the payment pages

pay-invalid-holder = Indiquez le nom du titulaire du compte (200 caractères au plus).
pay-invalid-iban = Cet IBAN n'est pas valide : vérifiez son pays, sa longueur et sa clé de contrôle.
pay-invalid-bic = Un BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 pour le pays, 2 pour la localité, puis une agence facultative.
pay-invalid-reason = Indiquez un motif (500 caractères au plus).
pay-invalid-payment-reference = Indiquez la référence du paiement (500 caractères au plus).
pay-invalid-day-rate = Indiquez chaque tarif journalier comme un montant positif tel que 1234.50, sans plus de décimales que sa devise.
pay-invalid-currency = Indiquez un code de devise accepté par la grille tarifaire, par exemple EUR.
pay-invalid-effective-from = Indiquez le premier jour de chaque tarif sous forme de date.
pay-invalid-codes = Sélectionnez entre 1 et 200 bons différents.
not-found-claim = Cette demande de paiement n'existe pas, ou vous ne pouvez pas la voir.
conflict-claim = La demande de paiement a changé ou n'est plus dans un statut qui le permet. Rechargez la page pour voir où elle en est.
conflict-payment_registration = Votre entreprise est déjà inscrite au paiement de cette offre.
