# Listes de bons : filtres, recherche, tri, exports, ce qui va expirer.
lists-search = Numéro du bon, client ou partenaire
lists-search-hint = Tout ou partie d'un numéro de bon (les tirets et la casse n'ont pas d'importance), ou une partie du nom d'un client ou d'un partenaire.
lists-sort = Ordre
lists-sort-created = Les plus récents d'abord
lists-sort-expiry = Expiration la plus proche d'abord
lists-states = États (aucun coché : tous)
lists-export = Exporter cette liste :
lists-export-xlsx = Exporter vers Excel
lists-export-csv = Fichier CSV
lists-days-left = Jours restants
lists-days-left-n =
    { $count ->
        [0] Expire aujourd'hui
        [one] { $count } jour
       *[other] { $count } jours
    }
lists-expired = Expiré
lists-report-overdue = Date de début passée, aucun rapport de fin de mission
lists-expiring-title = Bientôt expirés
lists-expiring-all = Tous les bons ouverts par date d'expiration
lists-col-days = Jours
lists-col-created = Créé le
lists-col-assigned = Attribué le
lists-col-start = Début de la réservation
lists-col-end = Fin de la réservation
lists-col-location = Site
lists-cancel-title = Annuler ce bon ?
lists-cancel-partner-told = Le partenaire auquel il est attribué en est informé par e-mail, avec votre motif si vous en donnez un.
lists-cancel-final = Voulez-vous annuler ce bon ?
lists-cancel-reason = Motif (facultatif)
lists-cancel-yes = Oui, annuler le bon
lists-cancel-no = Non, le garder
event-voucher-project-manager-changed = Confié à un autre chef de projet.
lists-pm-title = Changer de chef de projet
lists-pm-hint = Tant que la mission n'est pas réalisée, un autre de vos chefs de projet peut reprendre le bon. Il le voit dès lors ; l'ancien ne le voit plus.
lists-pm-choose = Choisissez l'un de vos chefs de projet.
lists-pm-submit = Changer de chef de projet
lists-pm-change = Changer
done-project-manager-changed = Le bon a un nouveau chef de projet.
lists-new-none-fits = Le solde du contrat { $agreement } est de { $days } : cela ne suffit pour aucune durée de cette mission. Choisissez un autre contrat ou une autre mission.
