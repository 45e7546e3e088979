# Interface web de saps — français.

## Mise en page

program-name = Services de planification
skip-to-content = Aller au contenu
language = Langue
language-change = Changer
sign-out = Se déconnecter
nav-main = Principal
nav-home = Accueil
nav-vouchers = Bons
nav-new-voucher = Créer un bon
nav-vvr = Valider et réserver
nav-clock = Horloge du programme
nav-users = Utilisateurs
footer-date = Date du programme : { $date } (UTC)
footer-date-simulated = Date du programme : { $date } (horloge simulée, UTC)
footer-api = Référence de l'API

## Mots et formats

days =
    { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
list-or = { $init } ou { $last }

## Connexion

login-title = Connexion
login-intro = Connectez-vous au programme des services de planification avec votre adresse e-mail professionnelle.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = L'adresse e-mail ou le mot de passe est incorrect.
login-email-missing = Saisissez votre adresse e-mail.
login-email-too-long = Une adresse e-mail compte au plus 254 caractères.
login-password-missing = Saisissez votre mot de passe.
login-signed-out = Déconnexion effectuée.
login-demo-title = Essayer la démo
login-demo-hint = Chaque compte de démonstration ci-dessous a pour mot de passe { $password }.

## Accueils

home-title = Accueil
home-welcome = Bienvenue, { $name }
home-recent = Derniers bons
home-all-vouchers = Tous les bons
next-title = Prochaines étapes
next-see-them = Les voir
next-activate = Activez l'avantage Services de planification pour utiliser les jours de planification de votre organisation.
next-activate-ask = L'avantage Services de planification n'est pas encore actif : demandez à votre administrateur des avantages de l'activer.
next-create = Vous disposez de { $days }. Créez un bon pour une mission, puis attribuez-le à un partenaire.
next-no-days = Aucun jour de planification n'est disponible pour le moment.
next-assign =
    { $count ->
        [one] Un bon attend d'être attribué à un partenaire.
       *[other] { $count } bons attendent d'être attribués à un partenaire.
    }
next-wait-partner =
    { $count ->
        [one] Un bon est chez un partenaire, en attente de sa réservation.
       *[other] { $count } bons sont chez des partenaires, en attente de leur réservation.
    }
next-reserved =
    { $count ->
        [one] Une mission est réservée.
       *[other] { $count } missions sont réservées.
    }
next-nothing = Rien ne requiert votre attention pour le moment.
next-partner-reserve =
    { $count ->
        [one] Un bon est attribué à votre entreprise : validez-le et réservez-le avant le début de la mission.
       *[other] { $count } bons sont attribués à votre entreprise : validez-les et réservez-les avant le début des missions.
    }
next-partner-deliver =
    { $count ->
        [one] Une mission est réservée : réalisez-la avant l'expiration du bon.
       *[other] { $count } missions sont réservées : réalisez-les avant l'expiration des bons.
    }
next-partner-nothing = Aucun bon ne vous attend. Lorsqu'un client attribue un bon à votre entreprise, il apparaît ici.
next-consultant-deliver =
    { $count ->
        [one] Vous réalisez une mission réservée.
       *[other] Vous réalisez { $count } missions réservées.
    }
next-consultant-nothing = Aucune mission ne vous est réservée pour le moment.
next-operator-clock = La date du programme est le { $date }. Avancez l'horloge simulée pour parcourir le calendrier du programme.
next-operator-open =
    { $count ->
        [one] Un bon est en cours (créé ou attribué).
       *[other] { $count } bons sont en cours (créés ou attribués).
    }

## Avantage

benefit-title = Jours de planification
benefit-activate = Activer l'avantage
benefit-inactive = L'avantage Services de planification n'est pas actif pour votre organisation.
benefit-available-total = Disponibles maintenant : { $days }.
benefit-no-agreements = Aucun contrat Software Assurance n'est encore enregistré pour votre organisation.
benefit-table-caption = Jours de planification par contrat
benefit-agreement = Contrat
benefit-accrued = Acquis
benefit-used = Utilisés
benefit-available = Disponibles
benefit-expires = Expire le
benefit-chart = Utilisés et disponibles
benefit-chart-label = Utilisés : { $used } ; disponibles : { $available }

## Accueils partenaire et opérateur

partner-to-reserve = Bons à valider et à réserver
partner-to-reserve-none = Aucun bon n'attend de réservation.
partner-validate-link = Réserver
partner-reserved = Missions réservées
partner-reserved-none = Aucune mission n'est réservée.
operator-counts = Bons par état
operator-count = Bons
operator-chart = Part des bons
operator-total =
    { $count ->
        [one] Un bon dans le programme.
       *[other] { $count } bons dans le programme.
    }

## Liste des bons

vouchers-title = Bons
vouchers-search-label = Rechercher des bons
vouchers-search = Numéro du bon
vouchers-search-hint = Tout ou partie du numéro ; les tirets et la casse n'ont pas d'importance.
vouchers-any-state = Tous les états
vouchers-search-submit = Rechercher
vouchers-clear = Effacer la recherche
vouchers-count =
    { $count ->
        [one] Un bon.
       *[other] { $count } bons.
    }
vouchers-none = Il n'y a encore aucun bon.
vouchers-none-match = Aucun bon ne correspond à cette recherche.
vouchers-actions = Actions

## Un bon

voucher-title = Bon { $code }
voucher-heading = Bon
voucher-id = Numéro du bon
voucher-state = État
voucher-details = Détails
voucher-engagement = Mission
voucher-length = Durée
voucher-customer = Client
voucher-agreement = Contrat
voucher-project-manager = Chef de projet
voucher-partner = Partenaire
voucher-no-partner = Pas encore attribué
voucher-created = Créé le
voucher-assigned = Attribué le
voucher-expires = Expire le
voucher-starts = Commence le
voucher-reservation = Réservation
voucher-location = Site de réalisation
voucher-consultant = Consultant
voucher-dates = Dates
voucher-date-range = du { $start } au { $end }
voucher-delivery-country = Pays de réalisation
voucher-reserved-on = Réservé le
voucher-actions = Ce que vous pouvez faire
voucher-history = Historique
voucher-history-empty = Il ne s'est encore rien passé pour ce bon.

state-created = Créé
state-assigned = Attribué
state-reserved = Réservé
state-completed = Terminé
state-redeemed = Échangé
state-claimed = Paiement demandé
state-paid = Payé
state-cancelled = Annulé
state-expired = Expiré
state-removed = Retiré

assign-title = Attribuer à un partenaire
assign-hint = Le partenaire valide le bon avec son numéro et votre adresse e-mail ; vous et le chef de projet recevez le numéro du bon par e-mail.
assign-partner = Partenaire
assign-choose-partner = Choisissez un partenaire
assign-partner-missing = Choisissez le partenaire auquel attribuer le bon.
assign-submit = Attribuer le bon
cancel-title = Annuler le bon
cancel-hint = Ses jours ({ $days }) retournent dans la réserve du contrat. Cette action est définitive.
cancel-submit = Annuler le bon
cancel-reservation-title = Annuler la réservation
cancel-reservation-hint = Le bon revient à l'état attribué ; le client voit votre motif.
cancel-reservation-reason = Motif
cancel-reservation-submit = Annuler la réservation
reserve-from-detail = Réservez ce bon : acceptez les conditions du programme, puis choisissez le site, le consultant et les dates.

event-voucher-created = Créé pour { $engagement }, { $days } du contrat { $agreement }.
event-voucher-assigned = Attribué à { $partner }.
event-voucher-reserved = Réservé à { $location }, du { $start } au { $end }.
event-voucher-reservation-cancelled = Réservation annulée : { $reason }
event-voucher-cancelled = Annulé ; jours rendus à la réserve : { $days }.
event-voucher-expired = Expiré le { $date } ; jours rendus à la réserve : { $days }.
event-other = { $kind }
event-by = par { $name }
event-by-program = par le programme

done-created = Le bon est créé. Attribuez-le à un partenaire quand vous le souhaitez.
done-assigned = Le bon est attribué. Le partenaire peut maintenant le valider et le réserver.
done-cancelled = Le bon est annulé et ses jours sont de retour dans la réserve.
done-reserved = Le bon est réservé.
done-reservation-cancelled = La réservation est annulée ; le bon est de nouveau attribué.
done-clock-moved = L'horloge du programme a avancé.
done-benefit-activated = L'avantage Services de planification est actif.
done-user-disabled = L'utilisateur est désactivé : il ne peut plus se connecter et ses sessions sont fermées.
done-user-enabled = L'utilisateur est réactivé et peut se connecter.

## Créer un bon

new-title = Créer un bon
new-intro = Un bon finance une mission réalisée par un partenaire. Sa création prélève ses jours sur la réserve d'un contrat (disponibles : { $days }).
new-agreement = Contrat
new-agreement-option = { $agreement } — disponibles : { $days }
new-agreement-missing = Choisissez le contrat dont les jours financent le bon.
new-engagement = Mission
new-engagement-hint = La mission détermine les durées possibles.
new-engagement-retired = { $name } (retirée le { $date })
new-show-lengths = Afficher ses durées
new-length = Durée
new-days-missing = Choisissez une durée parmi celles que la mission autorise.
new-project-manager = Chef de projet
new-choose-project-manager = Choisissez un chef de projet
new-project-manager-missing = Choisissez le chef de projet qui suit la mission.
new-after = Ensuite, sur la page du bon, vous l'attribuez à un partenaire.
new-submit = Créer le bon

## Valider et réserver (VVR)

vvr-title = Valider et réserver
vvr-steps = Étapes
vvr-step-validate = 1. Valider le bon
vvr-step-reserve = 2. Accepter les conditions et réserver
vvr-intro = Saisissez le numéro du bon communiqué par le client et l'adresse e-mail de son administrateur des avantages ou de son chef de projet.
vvr-code-hint = 20 lettres et chiffres, par exemple 7K3M-9QXR-2HDF-W8TN-C4PZ.
vvr-email = Adresse e-mail du client
vvr-email-hint = L'adresse de l'administrateur des avantages ou du chef de projet du client.
vvr-submit = Valider
vvr-code-missing = Saisissez le numéro du bon.
vvr-email-missing = Saisissez l'adresse e-mail du client.
vvr-no-match = Aucun bon attribué à votre entreprise ne correspond à ce numéro et à cette adresse e-mail.
code-length =
    { $count ->
        [one] Un numéro de bon compte 20 lettres et chiffres ; celui-ci en compte { $count }.
       *[other] Un numéro de bon compte 20 lettres et chiffres ; celui-ci en compte { $count }.
    }
code-character = Un numéro de bon ne peut pas contenir « { $char } ».
code-check = Ce numéro de bon comporte une faute de frappe : vérifiez-le caractère par caractère.

reserve-title = Réserver le bon
reserve-valid = Le bon est valide. Vérifiez ses détails, acceptez les conditions du programme et réservez-le.
terms-title = Conditions du programme
terms-1 = La mission est réalisée par un consultant de votre entreprise qui détient la compétence requise, depuis un site situé dans le pays de réalisation.
terms-2 = La mission doit être réservée avant de commencer, puis réalisée, faire l'objet d'un rapport de fin de mission et être échangée avant l'expiration du bon.
terms-3 = Le paiement est demandé dans les 60 jours suivant l'échange, au tarif journalier du pays où le travail a été effectué.
terms-accept = J'accepte les conditions du programme.
reserve-engagement = La mission
reserve-choose-location = Choisissez un site
reserve-location-hint = Le site doit se trouver dans le pays de réalisation : { $country }.
reserve-choose-consultant = Choisissez un consultant
reserve-start = Premier jour
reserve-end = Dernier jour
reserve-dates-hint = La mission doit commencer aujourd'hui ou plus tard et se terminer au plus tard le { $date }.
reserve-submit = Réserver le bon
reserve-location-missing = Choisissez le site qui réalise la mission.
reserve-consultant-missing = Choisissez le consultant qui réalise la mission.
reserve-start-invalid = Saisissez le premier jour (année, mois et jour).
reserve-end-invalid = Saisissez le dernier jour (année, mois et jour).

## Horloge du programme

clock-title = Horloge du programme
clock-today = Date du programme
clock-simulated = Une horloge simulée : avancez-la pour voir ce qui se passe au fil du calendrier du programme. Les règles utilisent cette date.
clock-system = L'horloge du système, en UTC. Elle ne peut pas être déplacée.
clock-advance-title = Avancer
clock-days = Nombre de jours
clock-advance-submit = Avancer l'horloge
clock-set-title = Aller à une date
clock-date = Date
clock-set-submit = Fixer la date
clock-calendar = Calendrier du programme
clock-past = Passé
clock-days-invalid = Saisissez un nombre entier de jours, de 1 à 3650.
clock-date-invalid = Saisissez une date (année, mois et jour).

## The admins' users page
users-title = Utilisateurs
users-intro = Un utilisateur désactivé ne peut plus se connecter, et toutes ses sessions ouvertes sont fermées aussitôt. Réactivez-le pour qu'il puisse se connecter de nouveau.
users-name = Nom
users-email = Adresse e-mail
users-role = Rôle
users-status = Statut
users-action = Action
users-active = Actif
users-disabled = Désactivé
users-disable = Désactiver
users-enable = Réactiver
users-you = Vous

milestone-cloud-engagements-retired = Retrait des missions cloud
milestone-training-conversion-ended = Les jours de bons de formation ne peuvent plus être convertis en jours de planification
milestone-accrual-ended = Les clients cessent d'acquérir des jours de planification
milestone-last-day-to-create-or-assign = Dernier jour pour créer ou attribuer des bons
milestone-remaining-days-removed = Suppression de tous les jours de planification restants
milestone-last-day-to-redeem = Dernier jour pour échanger des bons

## Erreurs

form-problem-title = Il y a un problème
error-not-found-title = Page introuvable
error-not-found = Cette page n'existe pas, ou vous n'avez pas le droit de la voir.
error-forbidden-title = Action non autorisée
error-forbidden = Votre rôle ne permet pas cette action.
error-csrf-title = Ce formulaire a expiré
error-csrf = Pour votre sécurité, le formulaire n'a pas été accepté : il a été envoyé depuis un autre site ou il est trop ancien. Revenez en arrière, rechargez la page et réessayez.
error-bad-form = Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.
error-refused-title = Action impossible
error-internal-title = Une erreur s'est produite
error-internal = Une erreur s'est produite de notre côté. Elle a été enregistrée ; veuillez réessayer plus tard.
error-busy-title = Système occupé
error-busy = Le système est occupé. Réessayez dans un instant.
error-go-home = Retour à l'accueil
error-go-login = Aller à la page de connexion

not-found-generic = Cet élément n'existe pas, ou vous n'avez pas le droit de le voir.
not-found-voucher = Ce bon n'existe pas, ou vous n'avez pas le droit de le voir.
not-found-agreement = Votre organisation n'a pas ce contrat.
conflict-generic = Quelqu'un a modifié cet élément en même temps. Rechargez la page et réessayez.
error-duplicate = Cet élément existe déjà.
conflict-voucher = Le bon a changé ou n'est plus dans un état qui le permet. Rechargez la page pour voir où il en est.
login-throttled = Trop d'échecs de connexion pour cette adresse. Attendez quelques minutes et réessayez.
conflict-clock = Le serveur utilise l'horloge du système ; seule une horloge simulée peut être déplacée.
invalid-generic = Vérifiez cette valeur.
invalid-agreement = Votre organisation n'a pas de contrat portant ce numéro.
invalid-reason = Indiquez pourquoi la réservation est annulée (2 000 caractères au plus).
invalid-delivery-country = Le pays de réalisation n'est pas un pays valide.
invalid-advance-days = L'horloge sortirait de la plage autorisée.

rule-unknown-engagement = Le catalogue ne contient pas de mission { $engagement }.
rule-length-not-allowed = { $engagement } ne peut pas durer { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } ; les durées autorisées sont de { $allowed } jours.
rule-engagement-retired = { $engagement } a été retirée le { $on }.
rule-second-fifteen-day-engagement = Votre organisation a déjà une mission { $engagement } de 15 jours ; une deuxième n'est pas autorisée.
rule-creation-closed = Il n'est plus possible de créer des bons : le dernier jour était le { $last_day }.
rule-assignment-closed = Il n'est plus possible d'attribuer des bons : le dernier jour était le { $last_day }.
rule-days-removed = Tous les jours de planification restants ont été supprimés le { $on }.
rule-voucher-expired = Le bon a expiré le { $expired_on }.
rule-insufficient-days = { $available ->
        [one] Cette réserve ne dispose que de { $available } jour de planification
       *[other] Cette réserve ne dispose que de { $available } jours de planification
    } ; le bon en demande { $requested }.
rule-benefit-not-active = L'avantage Services de planification n'est pas actif pour votre organisation.
rule-benefit-already-active = L'avantage Services de planification est déjà actif.
rule-agreement-not-active = Le contrat { $agreement } n'est pas en vigueur aujourd'hui.
rule-agreement-invalid = Ce contrat n'est pas valide : il se termine avant de commencer.
rule-accrual-ended = Les clients ont cessé d'acquérir des jours de planification le { $on }.
rule-terms-not-accepted = Acceptez les conditions du programme pour réserver le bon.
rule-delivery-country-mismatch = Le pays de ce site ({ $location_country }) n'est pas le pays de réalisation de la mission ({ $delivery_country }) : choisissez un site situé dans ce pays.
rule-engagement-already-started = La mission commencerait le { $start_date }, avant aujourd'hui ({ $today }) : une mission se réserve avant son début.
rule-ends-before-start = Le dernier jour précède le premier jour.
rule-ends-after-expiry = La mission doit se terminer au plus tard à la date d'expiration du bon, le { $expires_on }.
rule-too-long-for-voucher = Ces dates couvrent plus de jours ouvrés que les { $voucher_days } jours du bon.
rule-consultant-not-in-partner = Choisissez l'un des consultants de votre entreprise.
rule-project-manager-not-in-customer = Choisissez un chef de projet de votre organisation.
rule-partner-unknown = Ce partenaire n'existe pas.
rule-location-not-in-partner = Choisissez l'un des sites de votre entreprise.
rule-redemption-closed = Il n'est plus possible d'échanger des bons : le dernier jour était le { $last_day }.
rule-role-not-in-org = Le rôle { $role } n'existe pas dans ce type d'organisation.
rule-email-taken = Un utilisateur possède déjà cette adresse e-mail.
rule-agreement-number-taken = Votre organisation a déjà un contrat portant ce numéro.
rule-unknown-course = { $course } n'est pas la formation à la conformité du programme.
rule-unknown-competency = Aucune mission du catalogue ne requiert la compétence { $competency }.
rule-unknown-exam = Aucune mission du catalogue n'accepte l'examen { $exam }.
rule-provider-agreement-not-newer = La version { $version } n'est pas plus récente que le contrat de programme actuel, version { $current }.
rule-provider-agreement-not-current = La version { $version } n'est pas le contrat de programme en vigueur : signez la version { $current }.
rule-provider-agreement-not-accepted = Acceptez le contrat de programme pour le signer.
rule-provider-agreement-not-signed = Signez la version { $version } du contrat de programme avant de vous inscrire.
rule-unknown-offering = Le catalogue ne contient pas d'offre { $offering }.
rule-offering-not-active = Votre éligibilité pour { $offering } n'est pas Actif : l'inscription n'est pas encore possible.

## Rôles

role-operator = Opérateur du programme
role-global-admin = Administrateur général
role-mpn-admin = Administrateur partenaire MPN
role-consultant = Consultant
role-benefit-admin = Administrateur des avantages
role-project-manager = Chef de projet

## Pays

country-BR = Brésil
country-DE = Allemagne
country-ES = Espagne
country-FR = France
country-GB = Royaume-Uni
country-IT = Italie
country-PT = Portugal
country-RU = Russie
country-US = États-Unis

## Le catalogue livré

offering-DDPS = Services de planification du déploiement de postes de travail
offering-DYDPS = Services de planification du déploiement de Dynamics
offering-PVDPS = Services de planification du déploiement du cloud privé et de la virtualisation
offering-SDPS = Services de planification du déploiement de SharePoint
offering-S-EDPS = Services de planification du déploiement de Skype Entreprise et d'Exchange
offering-SSDPS = Services de planification du déploiement de SQL Server
offering-AZDPS = Services de planification du déploiement d'Azure
engagement-DDPS-WIN = Planification du déploiement de Windows
engagement-DDPS-APPS = Planification du déploiement du client Office
engagement-DDPS-M365 = Planification du déploiement cloud de Microsoft 365
engagement-DYDPS-CE = Planification de Dynamics Customer Engagement
engagement-DYDPS-ERP = Planification de Dynamics Finance et Opérations
engagement-PVDPS-HV = Planification de la virtualisation de serveurs
engagement-PVDPS-SC = Planification de la gestion du cloud privé
engagement-SDPS-SRV = Planification du déploiement de SharePoint Server
engagement-SDPS-ONLINE = Planification de la migration vers SharePoint Online
engagement-S-EDPS-EX = Planification du déploiement d'Exchange Server
engagement-S-EDPS-SFB = Planification du déploiement de Skype Entreprise Server
engagement-S-EDPS-TEAMS = Planification de Microsoft Teams
engagement-SSDPS-UPG = Planification de la mise à niveau et de la migration de SQL Server
engagement-SSDPS-BI = Planification de l'informatique décisionnelle
engagement-AZDPS-IAAS = Planification de l'infrastructure Azure
engagement-AZDPS-APP = Planification de la modernisation des applications Azure

## Payments

nav-payments = Paiements
