# directory: see main.ftl for the conventions. Le profil d'entreprise et l'annuaire des partenaires.

nav-directory = Annuaire des partenaires
nav-profile = Profil d'entreprise

## Le profil d'entreprise

profile-title = Profil d'entreprise
profile-intro = Les clients trouvent votre entreprise dans l'annuaire des partenaires par son nom et par ce profil.
profile-listed = Présent dans l'annuaire des partenaires
profile-not-listed = Absent de l'annuaire des partenaires
profile-listed-hint = Votre entreprise est inscrite et son éligibilité est Active dans au moins une offre.
profile-not-listed-hint = L'annuaire ne présente que les partenaires dont l'inscription est en cours et l'éligibilité Active dans l'offre.
profile-updated = Dernière mise à jour le { $date }.
profile-description = Présentation
profile-description-hint = Ce que fait votre entreprise, pour qui et comment (2 500 caractères au plus).
profile-languages = Langues
profile-languages-hint = Codes de langue séparés par des virgules, par exemple fr, en, pt-BR (20 au plus).
profile-industries = Secteurs d'activité
profile-industries-hint = Choisissez-en 20 au plus.
profile-website = Site web
profile-website-hint = Une adresse commençant par https:// ou http:// (200 caractères au plus).
profile-save = Enregistrer le profil
profile-read-title = Le profil de votre entreprise
profile-read-only = Seuls l'Administrateur général et les Administrateurs partenaire MPN peuvent modifier le profil d'entreprise.
done-profile-saved = Le profil d'entreprise a été enregistré.
invalid-description = La description peut compter 2 500 caractères au plus, sans caractères de contrôle.
invalid-languages = Indiquez 20 codes de langue au plus, par exemple fr, en ou pt-BR, séparés par des virgules.
invalid-industries = Choisissez 20 secteurs d'activité au plus dans la liste.
invalid-website = Indiquez une adresse web commençant par https:// ou http://, de 200 caractères au plus.
conflict-profile = Quelqu'un a modifié le profil d'entreprise en même temps. Rechargez la page et réessayez.

## L'annuaire des partenaires

directory-title = Annuaire des partenaires
directory-intro = Les partenaires inscrits à une offre, avec une éligibilité Active. La recherche ignore les majuscules et les accents.
directory-search-label = Rechercher dans l'annuaire des partenaires
directory-q = Rechercher
directory-q-hint = Des mots du nom ou de la description du partenaire ; le début d'un mot suffit.
directory-offering = Offre
directory-any-offering = Toutes les offres
directory-country = Pays
directory-country-hint = Code à deux lettres, par exemple FR ou BR.
directory-language = Langue
directory-language-hint = Un code de langue, par exemple fr ou pt-BR.
directory-search = Rechercher
directory-results = Partenaires
directory-none-found = Aucun partenaire ne correspond à cette recherche.
directory-empty = Aucun partenaire n'est encore présent dans l'annuaire.
directory-offerings = Offres
directory-locations = Sites
directory-languages = Langues
directory-industries = Secteurs d'activité
directory-website = Site web
directory-no-vouchers = Vous n'avez aucun bon en attente d'attribution.
directory-assign-voucher = Bon à attribuer à { $partner }
directory-choose-voucher = Choisissez un bon
directory-assign = Attribuer
directory-assign-choose = Choisissez l'un de vos bons à attribuer.
directory-next = Page suivante
invalid-language = Indiquez un code de langue, par exemple fr ou pt-BR.
invalid-q = Recherchez avec 200 caractères au plus.

## Secteurs d'activité

industry-agriculture = Agriculture et agroalimentaire
industry-automotive = Automobile
industry-banking = Banque
industry-construction = Bâtiment et travaux publics
industry-consumer-goods = Biens de consommation
industry-education = Éducation
industry-energy = Énergie
industry-financial-services = Services financiers
industry-government = Administration publique
industry-healthcare = Santé
industry-hospitality = Hôtellerie et restauration
industry-insurance = Assurance
industry-legal = Services juridiques
industry-manufacturing = Industrie manufacturière
industry-media = Médias et divertissement
industry-nonprofit = Associations et ONG
industry-pharmaceuticals = Pharmacie
industry-professional-services = Services professionnels
industry-real-estate = Immobilier
industry-retail = Commerce de détail
industry-technology = Technologies
industry-telecommunications = Télécommunications
industry-transportation = Transport et logistique
industry-utilities = Services publics (eau, gaz, électricité)
