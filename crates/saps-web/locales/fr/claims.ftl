# claims: see main.ftl for the conventions.

## Rules of payment: registration, the rate card, claims

rule-no-redeemed-voucher = L'inscription au paiement de { $offering } demande un bon échangé de cette offre.
rule-not-registered-for-payment = L'entreprise n'est pas inscrite au paiement de { $offering }.
rule-voucher-not-redeemed = Le bon { $code } n'est pas échangé ; seuls les bons échangés font l'objet d'une demande de paiement.
rule-claim-window-closed = Le paiement du bon { $code } pouvait être demandé jusqu'au { $last_day }.
rule-claim-mixed-locations = Une demande de paiement ne contient que les bons d'un seul site.
rule-claim-mixed-currencies = Une demande de paiement ne contient que les bons d'une seule devise.
rule-no-rate-in-force = La grille tarifaire n'a pas de tarif journalier pour { $country } au { $on }.
rule-bank-account-missing = Indiquez le compte bancaire du site avant de soumettre la demande de paiement.
rule-duplicate-rate = La grille tarifaire indique { $country } deux fois à partir du { $effective_from }.
rule-dispute-window-closed = Le refus pouvait être contesté jusqu'au { $last_day }.
rule-already-disputed = La demande de paiement a déjà été contestée une fois ; son refus est définitif.
rule-voucher-claimed-elsewhere = Le bon { $code } a été inclus entre-temps dans une autre demande de paiement ; la contestation est impossible.

## Voucher history

event-voucher-claimed = Inclus dans la demande de paiement { $reference }
event-voucher-unclaimed = Libéré de la demande de paiement { $reference }, refusée
event-voucher-paid = Payé avec la demande de paiement { $reference }
