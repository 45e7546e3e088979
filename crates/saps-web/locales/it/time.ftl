# Tempo: l'orologio che va solo avanti e ciò che ha fatto ogni spostamento, le
# prossime scadenze dell'operatore, la simulazione di una modifica del programma
# e la conversione dei giorni di formazione.

## Orologio
time-clock-moved = L'orologio del programma è andato avanti fino al { $date }.
time-clock-unchanged = La data del programma è già il { $date }; l'orologio non è stato spostato.
time-effects-none = Non è scaduto nulla.
time-effect-vouchers-expired = { $count ->
        [one] { $count } voucher è scaduto.
       *[other] { $count } voucher sono scaduti.
    }
time-effect-days-returned = { $count ->
        [one] { $count } giorno è tornato nel suo saldo giorni.
       *[other] { $count } giorni sono tornati nei loro saldi giorni.
    }
time-effect-days-removed = { $count ->
        [one] { $count } giorno di pianificazione rimanente è stato rimosso.
       *[other] { $count } giorni di pianificazione rimanenti sono stati rimossi.
    }
time-effect-reminders-sent = { $count ->
        [one] { $count } promemoria è stato inviato.
       *[other] { $count } promemoria sono stati inviati.
    }
time-effect-sign-offs-deemed = { $count ->
        [one] { $count } report di completamento è stato considerato approvato.
       *[other] { $count } report di completamento sono stati considerati approvati.
    }
time-clock-backwards = L'orologio va solo avanti: scegli il { $today } o una data successiva.

## Home dell'operatore
time-home-title = Prossime scadenze
time-home-days-at-risk = { $count ->
        [one] { $count } giorno di pianificazione sarà rimosso il { $date } se non viene usato.
       *[other] { $count } giorni di pianificazione saranno rimossi il { $date } se non vengono usati.
    }
time-home-no-days-at-risk = Nessun giorno di pianificazione è in attesa di essere rimosso.
time-home-expiring = { $count ->
        [0] Nessun voucher scade entro 30 giorni.
        [one] Un voucher scade entro 30 giorni.
       *[other] { $count } voucher scadono entro 30 giorni.
    }
time-home-next-milestone = Prossima tappa del calendario, il { $date }: { $name }.
time-home-no-milestone = Nel calendario del programma non resta nulla.

## Impostazioni del programma e simulazione
time-program-title = Impostazioni e calendario del programma
time-program-intro = Visualizza l'anteprima di una modifica per vedere quali clienti, voucher, giorni e richieste di pagamento toccherebbe, poi salvala.
time-program-validity = Validità dei voucher (giorni)
time-program-anchor = La validità decorre dalla
time-program-anchor-creation = Creazione del voucher
time-program-anchor-assignment = Assegnazione del voucher
time-program-claim-window = Termine per la richiesta di pagamento (giorni dopo il riscatto)
time-program-calendar = Calendario
time-program-preview = Anteprima
time-program-save = Salva
time-whatif-title = Cosa farebbe questa modifica
time-whatif-nothing = Questa modifica non tocca nessun cliente, voucher, giorno o richiesta di pagamento.
time-whatif-customers = Clienti
time-whatif-vouchers = Voucher
time-whatif-days = Giorni di pianificazione
time-whatif-claims = Richieste di pagamento
time-whatif-kind = Modifica
time-whatif-item = Elemento
time-whatif-before = Prima
time-whatif-after = Dopo
time-whatif-kind-voucher-expiry = La scadenza del voucher cambia
time-whatif-kind-days-removed = I giorni verrebbero rimossi
time-whatif-kind-days-kept = I giorni verrebbero mantenuti
time-whatif-kind-claim-window = Il termine per la richiesta di pagamento si chiude o si apre
time-whatif-more = Sono mostrati i primi { $shown } elementi su { $total }.
time-whatif-none = nessuno
done-program-saved = Il programma è stato salvato.

## Conversione dei giorni di formazione
time-convert-title = Converti giorni di formazione
time-convert-intro = I giorni dei voucher di formazione diventano giorni di pianificazione: { $training } giorni di formazione danno { $planning } giorni di pianificazione, fino al { $date }.
time-convert-closed = I giorni dei voucher di formazione non possono più essere convertiti: la conversione si è chiusa il { $date }.
time-convert-agreement = Contratto
time-convert-held = Giorni di formazione disponibili
time-convert-days = Giorni di formazione da convertire
time-convert-submit = Converti
time-convert-days-invalid = Inserisci un numero intero di giorni di formazione, 1 o più.
done-days-converted = I giorni di formazione sono stati convertiti in giorni di pianificazione.
rule-conversion-closed = I giorni dei voucher di formazione non possono più essere convertiti: la conversione si è chiusa il { $on }.
rule-not-enough-training-days = { $held ->
        [one] Il contratto ha solo { $held } giorno di formazione.
       *[other] Il contratto ha solo { $held } giorni di formazione.
    }
invalid-training-days = Inserisci un numero intero di giorni di formazione, 1 o più.
event-voucher-expiry-moved = La validità del programma è cambiata: la scadenza è passata dal { $from } al { $to }.
