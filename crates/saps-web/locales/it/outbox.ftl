# La posta in uscita dell'operatore — italiano.

outbox-title = Posta in uscita
outbox-intro = { $pending } in attesa di invio, { $failing } con errori.
outbox-none = Nessuna e-mail è stata ancora inviata.
outbox-created = In coda dal
outbox-to = A
outbox-subject = Oggetto
outbox-status = Stato
outbox-attempts = Tentativi
outbox-when = Inviata, abbandonata o prossimo tentativo
outbox-last-error = Ultimo errore
outbox-status-pending = In attesa
outbox-status-retrying = Nuovo tentativo
outbox-status-sent = Inviata
outbox-status-failed = Non riuscita
