# Elenchi di voucher: filtri, ricerca, ordine, esportazioni, ciò che sta per scadere.
lists-search = ID voucher, cliente o partner
lists-search-hint = Tutto l'ID del voucher o una sua parte (trattini e maiuscole non contano), oppure parte del nome di un cliente o di un partner.
lists-sort = Ordine
lists-sort-created = Prima i più recenti
lists-sort-expiry = Prima quelli in scadenza
lists-states = Stati (nessuno selezionato: tutti)
lists-export = Esporta questo elenco:
lists-export-xlsx = Esporta in Excel
lists-export-csv = File CSV
lists-days-left = Giorni rimasti
lists-days-left-n =
    { $count ->
        [0] Scade oggi
        [one] { $count } giorno
       *[other] { $count } giorni
    }
lists-expired = Scaduto
lists-report-overdue = Data di inizio passata, nessun report di completamento
lists-expiring-title = In scadenza
lists-expiring-all = Tutti i voucher aperti per scadenza
lists-col-days = Giorni
lists-col-created = Creato il
lists-col-assigned = Assegnato il
lists-col-start = Inizio della prenotazione
lists-col-end = Fine della prenotazione
lists-col-location = Sede
lists-cancel-title = Annullare questo voucher?
lists-cancel-partner-told = Il partner a cui è assegnato viene avvisato via e-mail, con il tuo motivo se ne indichi uno.
lists-cancel-final = Vuoi annullare questo voucher?
lists-cancel-reason = Motivo (facoltativo)
lists-cancel-yes = Sì, annulla il voucher
lists-cancel-no = No, mantienilo
event-voucher-project-manager-changed = Affidato a un altro project manager.
lists-pm-title = Cambia il project manager
lists-pm-hint = Finché l'intervento non è eseguito, un altro dei tuoi project manager può prendere in carico il voucher. Da allora lo vede lui; il precedente non più.
lists-pm-choose = Scegli uno dei tuoi project manager.
lists-pm-submit = Cambia il project manager
lists-pm-change = Cambia
done-project-manager-changed = Il voucher ha un nuovo project manager.
lists-new-none-fits = Il saldo del contratto { $agreement } è di { $days }: non basta per nessuna durata di questo intervento. Scegli un altro contratto o intervento.
