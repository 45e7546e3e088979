# onboarding: see main.ftl for the conventions.
# L'onglet services de planification du partenaire, les pages partenaires de
# l'opérateur et le contrat de programme.

nav-planning-services = Services de planification
nav-partners = Partenaires

## L'onglet du partenaire

onb-title = Inscription au programme services de planification
onb-intro = Vérifiez l'éligibilité de votre entreprise pour chaque offre, signez le contrat de programme, puis inscrivez-vous. L'inscription doit être renouvelée chaque année.
onb-eligibility-title = Éligibilité
onb-eligibility-hint = Une coche verte s'affiche en regard de chaque exigence que votre entreprise remplit déjà.
onb-status-not-started = Non démarré
onb-status-in-progress = En cours
onb-status-active = Actif
onb-met = Rempli
onb-not-met = Pas encore rempli
onb-kind-training = Formation à la conformité : { $name }
onb-kind-competency = Compétence : { $name }
onb-kind-exam = Examen : { $name }
onb-engagements = Missions
onb-eligible = éligible
onb-missing = manque : { $items }
onb-agreement-title = Contrat de programme
onb-agreement-version = Version n° { $version }
onb-agreement-signed-by = Signé par { $name } le { $date }.
onb-agreement-unsigned = Votre entreprise n'a pas encore signé la version { $version } du contrat de programme : signez-la avant de vous inscrire.
onb-agreement-new-version = Une nouvelle version, { $version }, remplace la version { $signed } signée par votre entreprise : signez-la avant votre prochaine inscription ou votre prochain renouvellement.
onb-agreement-accept = J'ai lu la version { $version } du contrat de programme et je l'accepte pour mon entreprise.
onb-agreement-sign = Signer le contrat de programme
onb-agreement-only-global-admin = Seul l'Administrateur général de votre entreprise peut signer le contrat de programme.
onb-signatures-title = Signatures du contrat
onb-signature-version = N° de version
onb-signature-by = Signé par
onb-signature-at = Signé le
onb-enroll-title = S'inscrire à une offre
onb-enroll-hint = Seules les offres dont l'éligibilité est Active peuvent être choisies. Les sites cochés sont approuvés pour réaliser l'offre pendant un an.
onb-enroll-offering = Offre
onb-enroll-locations = Sites approuvés pour la réaliser
onb-enroll-submit = S'inscrire
onb-offering-missing = Choisissez une offre dont l'éligibilité est Active.
onb-locations-missing = Cochez au moins un site de votre entreprise.
onb-enrollments-title = Vos inscriptions
onb-enrollments-none = Votre entreprise n'est encore inscrite à aucune offre.
onb-enrollment-offering = Offre
onb-enrollment-locations = Sites
onb-enrollment-valid-until = Valable jusqu'au
onb-enrollment-action = Renouvellement
onb-enrollment-lapsed = Expirée
onb-enrollment-ending = Bientôt échue
onb-renew = Renouveler
onb-locations-title = Sites
onb-location-add = Ajouter un site
onb-location-name = Nom
onb-location-country = Pays
onb-location-country-hint = Code pays à deux lettres, par exemple FR ou BR.
onb-location-city = Ville
onb-location-submit = Ajouter le site

## Accueil

onb-home-summary = Services de planification : { $active ->
        [0] aucune offre n'est Active
        [one] une offre est Active
       *[other] { $active } offres sont Actives
    }, { $enrolled ->
        [0] aucune inscription pour l'instant.
        [one] une inscription.
       *[other] { $enrolled } inscriptions.
    }
onb-home-attention = Une action est nécessaire.
onb-home-link = Ouvrir les services de planification

## Les pages de l'opérateur

onb-partners-title = Partenaires
onb-partners-intro = { $count ->
        [one] Une entreprise partenaire, avec son éligibilité par offre et ses inscriptions.
       *[other] { $count } entreprises partenaires, avec leur éligibilité par offre et leurs inscriptions.
    }
onb-partners-none = Il n'y a encore aucun partenaire.
onb-partner = Partenaire
onb-partner-statuses = Éligibilité
onb-partner-enrollments = Inscriptions
onb-partner-not-enrolled = Non inscrit
onb-valid-until = valable jusqu'au { $date }
onb-lapsed-on = expirée le { $date }
onb-pages = Pagination
onb-page-previous = Page précédente
onb-page-next = Page suivante
onb-page-of = Page { $page } sur { $pages }
onb-records-title = Dossier
onb-records-intro = Enregistrez la formation à la conformité, les compétences et les sites de l'entreprise, ainsi que les examens de ses consultants.
onb-choose = Choisir…
onb-date-missing = Saisissez une date.
onb-trainings-title = Formation à la conformité
onb-trainings-none = Aucune formation à la conformité n'est enregistrée.
onb-training-line = { $course }, terminée le { $date }
onb-training-add = Enregistrer une réussite de { $course }
onb-training-completed-on = Terminée le
onb-training-submit = Enregistrer la formation
onb-competencies-title = Compétences
onb-competencies-none = Aucune compétence n'est enregistrée.
onb-competency-add = Enregistrer une compétence
onb-competency = Compétence
onb-competency-missing = Choisissez une compétence.
onb-level = Niveau
onb-level-silver = Argent
onb-level-gold = Or
onb-level-missing = Choisissez un niveau.
onb-competency-valid-until = Valable jusqu'au
onb-competency-submit = Enregistrer la compétence
onb-consultants-title = Consultants de l'entreprise
onb-consultants-hint = Ouvrez un consultant pour enregistrer les examens qu'il a réussis.
onb-consultants-none = L'entreprise n'a aucun consultant.
onb-consultant-intro = Consultant de { $partner }
onb-exams-title = Examens réussis
onb-exams-none = Aucun examen n'est enregistré.
onb-exam-passed = { $exam }, réussi le { $date }
onb-exam-add = Enregistrer un examen
onb-exam = Examen
onb-exam-missing = Choisissez un examen.
onb-exam-passed-on = Réussi le
onb-exam-submit = Enregistrer l'examen
onb-publish-title = Contrat de programme
onb-publish-intro = Les partenaires signent la version en vigueur ; une nouvelle version doit être signée avant leur prochaine inscription ou leur prochain renouvellement.
onb-publish-current = Version en vigueur : { $version }
onb-publish-new = Publier une nouvelle version
onb-publish-version = Numéro de version
onb-publish-version-hint = Doit être supérieur à { $version }.
onb-publish-text = Texte
onb-publish-submit = Publier
onb-version-missing = Saisissez un numéro de version entier.
onb-text-missing = Saisissez le texte du contrat.

## Après une action, et refus de ces formulaires

done-agreement-signed = Votre entreprise a signé le contrat de programme.
done-enrolled = Votre entreprise est inscrite.
done-renewed = L'inscription est renouvelée pour un an.
done-location-added = Le site est ajouté.
done-training-recorded = La formation à la conformité est enregistrée.
done-competency-recorded = La compétence est enregistrée.
done-exam-recorded = L'examen est enregistré.
done-agreement-published = La nouvelle version du contrat de programme est publiée.
invalid-completed-on = La date ne peut pas être postérieure à aujourd'hui.
invalid-passed-on = La date ne peut pas être postérieure à aujourd'hui.
invalid-version = Le numéro de version est trop grand.
invalid-text = Saisissez le texte du contrat (100 000 caractères au plus).
invalid-name = Saisissez un nom (200 caractères au plus).
invalid-country = Saisissez un code pays à deux lettres, par exemple FR.
invalid-location-ids = Cochez entre 1 et 200 sites de votre entreprise.
