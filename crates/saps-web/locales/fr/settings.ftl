# Mes paramètres : langue et e-mails facultatifs — français.

settings-title = Mes paramètres
settings-language-title = Langue
settings-language = Langue de vos pages et de vos e-mails
settings-language-hint = saps vous écrit dans cette langue.
settings-mail-title = E-mails que vous recevez
settings-mail-intro = Décochez un groupe pour ne plus recevoir ses e-mails. Chaque groupe est activé tant que vous ne le désactivez pas.
settings-topic-reminders = Rappels
settings-topic-reminders-hint = Avant le retrait des jours inutilisés, avant l’expiration d’un bon (réservé ou non), avant la fermeture d’une période de demande de paiement, et quand un rapport d’achèvement attend votre validation.
settings-topic-voucher-updates = Suivi des bons
settings-topic-voucher-updates-hint = Un bon attribué à votre société ; un bon réservé, sa réservation annulée, rendu ou annulé par l’autre partie.
settings-topic-payments = Paiements
settings-topic-payments-hint = Les décisions sur vos demandes de paiement : approuvée, rejetée, payée.
settings-mail-always = Certains e-mails sont toujours envoyés, car ils contiennent ce qu’il vous faut : l’identifiant du bon envoyé lors de son attribution, une prestation refusée, un webhook désactivé après des échecs de livraison, et les e-mails de compte et de sécurité.
settings-save = Enregistrer les paramètres
done-settings-saved = Vos paramètres sont enregistrés.
