# Le mie impostazioni: lingua ed e-mail facoltative — italiano.

settings-title = Le mie impostazioni
settings-language-title = Lingua
settings-language = Lingua delle pagine e delle e-mail
settings-language-hint = saps ti scrive in questa lingua.
settings-mail-title = E-mail che ricevi
settings-mail-intro = Togli la spunta a un gruppo per non ricevere più le sue e-mail. Ogni gruppo è attivo finché non lo disattivi.
settings-topic-reminders = Promemoria
settings-topic-reminders-hint = Prima che i giorni non usati vengano rimossi, prima che un voucher scada (prenotato o no), prima che si chiuda il periodo per richiedere il pagamento e quando un rapporto di completamento attende la tua approvazione.
settings-topic-voucher-updates = Aggiornamenti dei voucher
settings-topic-voucher-updates-hint = Un voucher assegnato alla tua azienda; un voucher prenotato, con la prenotazione annullata, restituito o annullato dall’altra parte.
settings-topic-payments = Pagamenti
settings-topic-payments-hint = Le decisioni sulle tue richieste di pagamento: approvata, respinta, pagata.
settings-mail-always = Alcune e-mail vengono sempre inviate, perché contengono ciò che devi avere: l’ID del voucher inviato quando viene assegnato, una consegna rifiutata, un webhook disattivato dopo consegne non riuscite e le e-mail sull’account e sulla sicurezza.
settings-save = Salva le impostazioni
done-settings-saved = Le tue impostazioni sono salvate.
