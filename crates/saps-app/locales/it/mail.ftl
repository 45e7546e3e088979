# E-mail di saps — italiano.

## Parole comuni

mail-days =
    { $count ->
        [one] { $count } giorno
       *[other] { $count } giorni
    }
mail-link = Apri in saps
mail-signature = saps — servizi di pianificazione
mail-voucher-id = ID voucher
mail-engagement = Intervento
mail-length = Durata
mail-expires-on = Scade il
mail-reason = Motivo
mail-comment = Commento
mail-partner = Partner
mail-customer = Cliente
mail-start = Inizio
mail-end = Fine
mail-agreement = Contratto
mail-days-left = Giorni di pianificazione rimasti
mail-removed-on = Rimossi il
mail-claim-closes = Ultimo giorno per la richiesta di pagamento
mail-reported-on = Report inviato il

## Assegnazione

assigned-customer-subject = Voucher dei servizi di pianificazione { $code } assegnato a { $partner }
assigned-customer-intro = Il tuo voucher dei servizi di pianificazione è stato assegnato a { $partner }.
assigned-customer-next = { $partner } lo convaliderà con questo ID voucher e il tuo indirizzo e-mail, poi riserverà l'intervento.
assigned-partner-subject = Voucher dei servizi di pianificazione { $code } assegnato da { $customer }
assigned-partner-intro = { $customer } ha assegnato un voucher dei servizi di pianificazione alla tua azienda.
assigned-partner-next = Convalidalo con l'ID voucher e l'indirizzo e-mail del cliente, poi riserva l'intervento per un consulente.
returned-subject = Voucher dei servizi di pianificazione { $code } restituito da { $partner }
returned-intro = { $partner } ha restituito il tuo voucher dei servizi di pianificazione senza riservarlo.
returned-next = Il voucher non è più assegnato: puoi assegnarlo a un altro partner.
cancelled-subject = Voucher dei servizi di pianificazione { $code } annullato da { $customer }
cancelled-intro = { $customer } ha annullato il voucher dei servizi di pianificazione assegnato a te.
cancelled-next = Non può più essere riservato né erogato.
reserved-subject = Voucher dei servizi di pianificazione { $code } riservato da { $partner }
reserved-intro = { $partner } ha riservato il tuo voucher dei servizi di pianificazione per l'intervento.
reserved-next = Il partner erogherà l'intervento in queste date e poi invierà il report di completamento.
reservation-cancelled-subject = Prenotazione del voucher { $code } annullata da { $partner }
reservation-cancelled-intro = { $partner } ha annullato la prenotazione del tuo voucher dei servizi di pianificazione.
reservation-cancelled-next = Il voucher resta assegnato a { $partner }, che può riservarlo di nuovo.

## Erogazione

declined-subject = Voucher { $code }: erogazione rifiutata
declined-intro = Il cliente ha rifiutato l'erogazione indicata per il voucher { $code }.
declined-next = Il voucher è di nuovo riservato: puoi inviare un nuovo report di completamento.

## Promemoria

remind-days-removal-subject = { $days } di pianificazione saranno rimossi il { $date }
remind-days-removal-intro = Il tuo contratto { $agreement } ha ancora { $days }. Tutti i giorni di pianificazione rimasti vengono rimossi il { $date }.
remind-days-removal-next = Crea entro quella data i voucher per gli interventi di cui hai bisogno.
remind-voucher-unreserved-subject = Il voucher { $code } scade il { $date } senza prenotazione
remind-voucher-unreserved-intro = Il tuo voucher dei servizi di pianificazione non è stato riservato e scade il { $date }.
remind-voucher-unreserved-next = Assegnalo a un partner che possa riservarlo in tempo, oppure annullalo.
remind-reservation-expiry-subject = Il voucher riservato { $code } scade il { $date }
remind-reservation-expiry-intro = Un voucher dei servizi di pianificazione riservato dalla tua azienda scade il { $date }.
remind-reservation-expiry-next = Eroga l'intervento e invia il report di completamento entro quella data.
remind-claim-window-subject = Richiesta di pagamento per il voucher { $code } entro il { $date }
remind-claim-window-intro = Hai riscattato questo voucher dei servizi di pianificazione; l'ultimo giorno per la richiesta di pagamento è il { $date }.
remind-claim-window-next = Invia la richiesta di pagamento entro quella data, altrimenti l'intervento non potrà essere pagato.
remind-sign-off-subject = Voucher { $code }: il report di completamento attende la tua approvazione
remind-sign-off-intro = { $partner } ha inviato il report di completamento dell'intervento; attende la tua approvazione.
remind-sign-off-next = Accetta o rifiuta l'erogazione. Senza risposta, è considerata accettata il { $date }.

## Pagamento

mail-claim-reference = Riferimento della richiesta
mail-total = Totale
mail-payment-due = Pagamento dovuto entro il
mail-payment-reference = Riferimento del pagamento
mail-dispute-until = Contestabile fino al
claim-approved-subject = Richiesta di pagamento { $reference } approvata
claim-approved-intro = La tua richiesta di pagamento Planning Services { $reference } è stata approvata.
claim-approved-next = Il pagamento di { $total } è dovuto entro il { $date }.
claim-rejected-subject = Richiesta di pagamento { $reference } respinta
claim-rejected-intro = La tua richiesta di pagamento Planning Services { $reference } è stata respinta.
claim-rejected-next = I suoi voucher possono essere richiesti di nuovo entro il loro periodo di richiesta. Puoi contestare un primo rifiuto entro 30 giorni.
claim-rejected-final-subject = Richiesta di pagamento { $reference } respinta definitivamente
claim-rejected-final-intro = La tua contestazione della richiesta di pagamento Planning Services { $reference } è stata esaminata e la richiesta è respinta definitivamente.
claim-rejected-final-next = I suoi voucher possono essere richiesti di nuovo entro il loro periodo di richiesta.
claim-paid-subject = Richiesta di pagamento { $reference } pagata
claim-paid-intro = La tua richiesta di pagamento Planning Services { $reference } è stata pagata: { $total }.
claim-paid-next = Il riferimento del pagamento è { $payment_reference }.

## Webhook

mail-webhook-url = Webhook
mail-failing-since = In errore dal
webhook-disabled-subject = Webhook disattivato dopo un giorno di consegne non riuscite
webhook-disabled-intro = Tutte le consegne al tuo webhook { $url } non sono riuscite per un giorno: saps lo ha disattivato e non gli invia più nulla.
webhook-disabled-next = Controlla il ricevitore, poi rimuovi il webhook e aggiungilo di nuovo.
