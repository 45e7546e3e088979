# La boîte d'envoi de l'opérateur — français.

outbox-title = Boîte d'envoi
outbox-intro = { $pending } en attente d'envoi, { $failing } en échec.
outbox-none = Aucun e-mail n'a encore été envoyé.
outbox-created = Mis en file
outbox-to = Destinataire
outbox-subject = Objet
outbox-status = État
outbox-attempts = Tentatives
outbox-when = Envoyé, abandonné ou prochain essai
outbox-last-error = Dernière erreur
outbox-status-pending = En attente
outbox-status-retrying = Nouvel essai prévu
outbox-status-sent = Envoyé
outbox-status-failed = Échec
