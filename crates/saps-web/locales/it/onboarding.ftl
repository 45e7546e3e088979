# onboarding: see main.ftl for the conventions.
# La scheda servizi di pianificazione del partner, le pagine dei partner
# dell'operatore e il contratto del programma.

nav-planning-services = Servizi di pianificazione
nav-partners = Partner

## La scheda del partner

onb-title = Iscrizione al programma servizi di pianificazione
onb-intro = Verifica l'idoneità della tua azienda per ogni offerta, firma il contratto del programma e poi iscriviti. L'iscrizione va rinnovata ogni anno.
onb-eligibility-title = Idoneità
onb-eligibility-hint = Un segno di spunta verde compare accanto a ogni requisito che la tua azienda ha già soddisfatto.
onb-status-not-started = Non avviato
onb-status-in-progress = In corso
onb-status-active = Attivo
onb-met = Soddisfatto
onb-not-met = Non ancora soddisfatto
onb-kind-training = Formazione sulla conformità: { $name }
onb-kind-competency = Competenza: { $name }
onb-kind-exam = Esame: { $name }
onb-engagements = Interventi
onb-eligible = idoneo
onb-missing = manca: { $items }
onb-agreement-title = Contratto del programma
onb-agreement-version = Versione { $version }
onb-agreement-signed-by = Firmato da { $name } il { $date }.
onb-agreement-unsigned = La tua azienda non ha ancora firmato la versione { $version } del contratto del programma: firmala prima di iscriverti.
onb-agreement-new-version = Una nuova versione, { $version }, sostituisce la versione { $signed } firmata dalla tua azienda: firmala prima della prossima iscrizione o del prossimo rinnovo.
onb-agreement-accept = Ho letto la versione { $version } del contratto del programma e la accetto per la mia azienda.
onb-agreement-sign = Firma il contratto del programma
onb-agreement-only-global-admin = Solo l'Amministratore globale della tua azienda può firmare il contratto del programma.
onb-signatures-title = Firme
onb-signature-version = Versione
onb-signature-by = Firmato da
onb-signature-at = Firmato il
onb-enroll-title = Iscriviti a un'offerta
onb-enroll-hint = Si possono scegliere solo le offerte con idoneità Attiva. Le sedi selezionate sono approvate per erogare l'offerta per un anno.
onb-enroll-offering = Offerta
onb-enroll-locations = Sedi approvate per erogarla
onb-enroll-submit = Iscriviti
onb-offering-missing = Scegli un'offerta con idoneità Attiva.
onb-locations-missing = Seleziona almeno una sede della tua azienda.
onb-enrollments-title = Le tue iscrizioni
onb-enrollments-none = La tua azienda non è ancora iscritta ad alcuna offerta.
onb-enrollment-offering = Offerta
onb-enrollment-locations = Sedi
onb-enrollment-valid-until = Valida fino al
onb-enrollment-action = Rinnovo
onb-enrollment-lapsed = Scaduta
onb-enrollment-ending = In scadenza
onb-renew = Rinnova
onb-locations-title = Sedi
onb-location-add = Aggiungi una sede
onb-location-name = Nome
onb-location-country = Paese
onb-location-country-hint = Codice paese di due lettere, ad esempio FR o IT.
onb-location-city = Città
onb-location-submit = Aggiungi la sede

## Home

onb-home-summary = Servizi di pianificazione: { $active ->
        [0] nessuna offerta è Attiva
        [one] un'offerta è Attiva
       *[other] { $active } offerte sono Attive
    }, { $enrolled ->
        [0] ancora nessuna iscrizione.
        [one] un'iscrizione.
       *[other] { $enrolled } iscrizioni.
    }
onb-home-attention = Qualcosa richiede la tua attenzione.
onb-home-link = Apri servizi di pianificazione

## Le pagine dell'operatore

onb-partners-title = Aziende partner
onb-partners-intro = { $count ->
        [one] Un'azienda partner, con la sua idoneità per offerta e le sue iscrizioni.
       *[other] { $count } aziende partner, con la loro idoneità per offerta e le loro iscrizioni.
    }
onb-partners-none = Non ci sono ancora partner.
onb-partner = Azienda partner
onb-partner-statuses = Idoneità
onb-partner-enrollments = Iscrizioni
onb-partner-not-enrolled = Non iscritto
onb-valid-until = valida fino al { $date }
onb-lapsed-on = scaduta il { $date }
onb-pages = Pagine
onb-page-previous = Pagina precedente
onb-page-next = Pagina successiva
onb-page-of = Pagina { $page } di { $pages }
onb-records-title = Dati di qualificazione
onb-records-intro = Registra la formazione sulla conformità, le competenze e le sedi dell'azienda, e gli esami dei suoi consulenti.
onb-choose = Scegli…
onb-date-missing = Inserisci una data.
onb-trainings-title = Formazione sulla conformità
onb-trainings-none = Nessuna formazione sulla conformità registrata.
onb-training-line = { $course }, completata il { $date }
onb-training-add = Registra un completamento di { $course }
onb-training-completed-on = Completata il
onb-training-submit = Registra la formazione
onb-competencies-title = Competenze
onb-competencies-none = Nessuna competenza registrata.
onb-competency-add = Registra una competenza
onb-competency = Competenza
onb-competency-missing = Scegli una competenza.
onb-level = Livello
onb-level-silver = Argento
onb-level-gold = Oro
onb-level-missing = Scegli un livello.
onb-competency-valid-until = Valida fino al
onb-competency-submit = Registra la competenza
onb-consultants-title = Consulenti
onb-consultants-hint = Apri un consulente per registrare gli esami che ha superato.
onb-consultants-none = L'azienda non ha consulenti.
onb-consultant-intro = Consulente di { $partner }
onb-exams-title = Esami superati
onb-exams-none = Nessun esame registrato.
onb-exam-passed = { $exam }, superato il { $date }
onb-exam-add = Registra un esame
onb-exam = Esame
onb-exam-missing = Scegli un esame.
onb-exam-passed-on = Superato il
onb-exam-submit = Registra l'esame
onb-publish-title = Contratto del programma
onb-publish-intro = I partner firmano la versione in vigore; una nuova versione va firmata prima della prossima iscrizione o del prossimo rinnovo.
onb-publish-current = Versione in vigore: { $version }
onb-publish-new = Pubblica una nuova versione
onb-publish-version = Numero di versione
onb-publish-version-hint = Deve essere maggiore di { $version }.
onb-publish-text = Testo
onb-publish-submit = Pubblica
onb-version-missing = Inserisci un numero di versione intero.
onb-text-missing = Inserisci il testo del contratto.

## Dopo un'azione, e rifiuti di questi moduli

done-agreement-signed = La tua azienda ha firmato il contratto del programma.
done-enrolled = La tua azienda è iscritta.
done-renewed = L'iscrizione è rinnovata per un anno.
done-location-added = La sede è stata aggiunta.
done-training-recorded = La formazione sulla conformità è registrata.
done-competency-recorded = La competenza è registrata.
done-exam-recorded = L'esame è registrato.
done-agreement-published = La nuova versione del contratto del programma è pubblicata.
invalid-completed-on = La data non può essere successiva a oggi.
invalid-passed-on = La data non può essere successiva a oggi.
invalid-version = Il numero di versione è troppo alto.
invalid-text = Inserisci il testo del contratto (al massimo 100.000 caratteri).
invalid-name = Inserisci un nome (al massimo 200 caratteri).
invalid-country = Inserisci un codice paese di due lettere, ad esempio IT.
invalid-location-ids = Seleziona da 1 a 200 sedi della tua azienda.
