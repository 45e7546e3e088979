# Interfaccia web di saps — italiano.

## Struttura

program-name = Servizi di pianificazione
skip-to-content = Vai al contenuto
language = Lingua
language-change = Cambia
sign-out = Esci
nav-main = Principale
nav-home = Home
nav-vouchers = Voucher
nav-new-voucher = Crea un voucher
nav-vvr = Convalida e riserva
nav-clock = Orologio del programma
nav-users = Utenti
footer-date = Data del programma: { $date } (UTC)
footer-date-simulated = Data del programma: { $date } (orologio simulato, UTC)
footer-api = Documentazione dell'API

## Parole e formati

days =
    { $count ->
        [one] { $count } giorno
       *[other] { $count } giorni
    }
list-or = { $init } o { $last }

## Accesso

login-title = Accedi
login-intro = Accedi al programma dei servizi di pianificazione con il tuo indirizzo e-mail di lavoro.
login-email = Indirizzo e-mail
login-password = Password
login-submit = Accedi
login-failed = L'indirizzo e-mail o la password non sono corretti.
login-email-missing = Inserisci il tuo indirizzo e-mail.
login-email-too-long = Un indirizzo e-mail ha al massimo 254 caratteri.
login-password-missing = Inserisci la password.
login-signed-out = Disconnessione effettuata.
login-demo-title = Prova la demo
login-demo-hint = Tutti gli account dimostrativi qui sotto hanno la password { $password }.

## Pagine iniziali

home-title = Home
home-welcome = Ti diamo il benvenuto, { $name }
home-recent = Voucher recenti
home-all-vouchers = Tutti i voucher
next-title = Cosa fare adesso
next-see-them = Visualizza
next-activate = Attiva il beneficio Servizi di pianificazione per usare i giorni di pianificazione della tua organizzazione.
next-activate-ask = Il beneficio Servizi di pianificazione non è ancora attivo: chiedi all'amministratore dei benefici di attivarlo.
next-create = Hai a disposizione { $days }. Crea un voucher per un intervento, poi assegnalo a un partner.
next-no-days = Al momento non ci sono giorni di pianificazione disponibili.
next-assign =
    { $count ->
        [one] Un voucher è in attesa di essere assegnato a un partner.
       *[other] { $count } voucher sono in attesa di essere assegnati a un partner.
    }
next-wait-partner =
    { $count ->
        [one] Un voucher è presso un partner, in attesa della prenotazione.
       *[other] { $count } voucher sono presso i partner, in attesa della prenotazione.
    }
next-reserved =
    { $count ->
        [one] Un intervento è riservato.
       *[other] { $count } interventi sono riservati.
    }
next-nothing = Al momento non c'è nulla che richieda la tua attenzione.
next-partner-reserve =
    { $count ->
        [one] Un voucher è assegnato alla tua azienda: convalidalo e riservalo prima dell'inizio dell'intervento.
       *[other] { $count } voucher sono assegnati alla tua azienda: convalidali e riservali prima dell'inizio degli interventi.
    }
next-partner-deliver =
    { $count ->
        [one] Un intervento è riservato: eseguilo prima della scadenza del voucher.
       *[other] { $count } interventi sono riservati: eseguili prima della scadenza dei voucher.
    }
next-partner-nothing = Nessun voucher ti aspetta. Quando un cliente assegna un voucher alla tua azienda, appare qui.
next-consultant-deliver =
    { $count ->
        [one] Esegui un intervento riservato.
       *[other] Esegui { $count } interventi riservati.
    }
next-consultant-nothing = Al momento non ci sono interventi riservati per te.
next-operator-clock = La data del programma è il { $date }. Sposta l'orologio simulato per percorrere il calendario del programma.
next-operator-open =
    { $count ->
        [one] Un voucher è aperto (creato o assegnato).
       *[other] { $count } voucher sono aperti (creati o assegnati).
    }

## Beneficio

benefit-title = Giorni di pianificazione
benefit-activate = Attiva il beneficio
benefit-inactive = Il beneficio Servizi di pianificazione non è attivo per la tua organizzazione.
benefit-available-total = Disponibili ora: { $days }.
benefit-no-agreements = Per la tua organizzazione non è ancora registrato alcun contratto Software Assurance.
benefit-table-caption = Giorni di pianificazione per contratto
benefit-agreement = Contratto
benefit-accrued = Maturati
benefit-used = Usati
benefit-available = Disponibili
benefit-expires = Scade il
benefit-chart = Usati e disponibili
benefit-chart-label = Usati: { $used }; disponibili: { $available }

## Pagine del partner e dell'operatore

partner-to-reserve = Voucher da convalidare e riservare
partner-to-reserve-none = Nessun voucher è in attesa di prenotazione.
partner-validate-link = Riserva
partner-reserved = Interventi riservati
partner-reserved-none = Nessun intervento è riservato.
operator-counts = Voucher per stato
operator-count = Voucher
operator-chart = Quota di voucher
operator-total =
    { $count ->
        [one] Un voucher nel programma.
       *[other] { $count } voucher nel programma.
    }

## Elenco dei voucher

vouchers-title = Voucher
vouchers-search-label = Cerca voucher
vouchers-search = ID voucher
vouchers-search-hint = Tutto l'ID o una sua parte; trattini e maiuscole non contano.
vouchers-any-state = Qualsiasi stato
vouchers-search-submit = Cerca
vouchers-clear = Cancella la ricerca
vouchers-count =
    { $count ->
        [one] Un voucher.
       *[other] { $count } voucher.
    }
vouchers-none = Non ci sono ancora voucher.
vouchers-none-match = Nessun voucher corrisponde a questa ricerca.
vouchers-actions = Azioni

## Un voucher

voucher-title = Voucher { $code }
voucher-heading = Voucher
voucher-id = ID voucher
voucher-state = Stato
voucher-details = Dettagli
voucher-engagement = Intervento
voucher-length = Durata
voucher-customer = Cliente
voucher-agreement = Contratto
voucher-project-manager = Project manager
voucher-partner = Partner
voucher-no-partner = Non ancora assegnato
voucher-created = Creato il
voucher-assigned = Assegnato il
voucher-expires = Scade il
voucher-starts = Inizia il
voucher-reservation = Prenotazione
voucher-location = Sede di esecuzione
voucher-consultant = Consulente
voucher-dates = Date
voucher-date-range = dal { $start } al { $end }
voucher-delivery-country = Paese di esecuzione
voucher-reserved-on = Riservato il
voucher-actions = Cosa puoi fare
voucher-history = Cronologia
voucher-history-empty = Per questo voucher non è ancora successo nulla.

state-created = Creato
state-assigned = Assegnato
state-reserved = Riservato
state-completed = Completato
state-redeemed = Riscattato
state-claimed = Pagamento richiesto
state-paid = Pagato
state-cancelled = Annullato
state-expired = Scaduto
state-removed = Rimosso

assign-title = Assegna a un partner
assign-hint = Il partner convalida il voucher con l'ID voucher e il tuo indirizzo e-mail; tu e il project manager ricevete l'ID voucher via e-mail.
assign-partner = Partner
assign-choose-partner = Scegli un partner
assign-partner-missing = Scegli il partner a cui assegnare il voucher.
assign-submit = Assegna il voucher
cancel-title = Annulla il voucher
cancel-hint = I suoi giorni ({ $days }) tornano nel saldo del contratto. L'operazione non può essere annullata.
cancel-submit = Annulla il voucher
cancel-reservation-title = Annulla la prenotazione
cancel-reservation-hint = Il voucher torna allo stato assegnato; il cliente vede il motivo indicato.
cancel-reservation-reason = Motivo
cancel-reservation-submit = Annulla la prenotazione
reserve-from-detail = Riserva questo voucher: accetta i termini del programma, poi scegli la sede, il consulente e le date.

event-voucher-created = Creato per { $engagement }, { $days } dal contratto { $agreement }.
event-voucher-assigned = Assegnato a { $partner }.
event-voucher-reserved = Riservato presso { $location }, dal { $start } al { $end }.
event-voucher-reservation-cancelled = Prenotazione annullata: { $reason }
event-voucher-cancelled = Annullato; giorni restituiti al saldo: { $days }.
event-voucher-expired = Scaduto il { $date }; giorni restituiti al saldo: { $days }.
event-other = { $kind }
event-by = da { $name }
event-by-program = dal programma

done-created = Il voucher è stato creato. Assegnalo a un partner quando vuoi.
done-assigned = Il voucher è stato assegnato. Ora il partner può convalidarlo e riservarlo.
done-cancelled = Il voucher è stato annullato e i suoi giorni sono tornati nel saldo.
done-reserved = Il voucher è stato riservato.
done-reservation-cancelled = La prenotazione è stata annullata; il voucher è di nuovo assegnato.
done-clock-moved = L'orologio del programma è stato spostato.
done-benefit-activated = Il beneficio Servizi di pianificazione è attivo.
done-user-disabled = L'utente è disattivato: non può più accedere e le sue sessioni sono terminate.
done-user-enabled = L'utente è di nuovo attivo e può accedere.

## Creare un voucher

new-title = Crea un voucher
new-intro = Un voucher paga un intervento eseguito da un partner. Alla creazione, i suoi giorni vengono prelevati dal saldo di un contratto (disponibili: { $days }).
new-agreement = Contratto
new-agreement-option = { $agreement } — disponibili: { $days }
new-agreement-missing = Scegli il contratto i cui giorni pagano il voucher.
new-engagement = Intervento
new-engagement-hint = L'intervento determina le durate possibili.
new-engagement-retired = { $name } (ritirato il { $date })
new-show-lengths = Mostra le durate
new-length = Durata
new-days-missing = Scegli una delle durate consentite per l'intervento.
new-project-manager = Project manager
new-choose-project-manager = Scegli un project manager
new-project-manager-missing = Scegli il project manager che segue l'intervento.
new-after = Poi, nella pagina del voucher, lo assegni a un partner.
new-submit = Crea il voucher

## Convalidare e riservare (VVR)

vvr-title = Convalida e riserva
vvr-steps = Passaggi
vvr-step-validate = 1. Convalida il voucher
vvr-step-reserve = 2. Accetta le condizioni e riserva
vvr-intro = Inserisci l'ID voucher ricevuto dal cliente e l'indirizzo e-mail del suo amministratore dei benefici o del suo project manager.
vvr-code-hint = 20 lettere e cifre, ad esempio 7K3M-9QXR-2HDF-W8TN-C4PZ.
vvr-email = Indirizzo e-mail del cliente
vvr-email-hint = L'indirizzo dell'amministratore dei benefici o del project manager del cliente.
vvr-submit = Convalida
vvr-code-missing = Inserisci l'ID voucher.
vvr-email-missing = Inserisci l'indirizzo e-mail del cliente.
vvr-no-match = Nessun voucher assegnato alla tua azienda corrisponde a questo ID voucher e a questo indirizzo e-mail.
code-length =
    { $count ->
        [one] Un ID voucher ha 20 lettere e cifre; questo ne ha { $count }.
       *[other] Un ID voucher ha 20 lettere e cifre; questo ne ha { $count }.
    }
code-character = Un ID voucher non può contenere «{ $char }».
code-check = Questo ID voucher contiene un errore di battitura: controllalo carattere per carattere.

reserve-title = Riserva il voucher
reserve-valid = Il voucher è valido. Controlla i dettagli, accetta le condizioni del programma e riservalo.
terms-title = Condizioni del programma
terms-1 = L'intervento è eseguito da un consulente della tua azienda in possesso della competenza richiesta, da una sede nel paese di esecuzione.
terms-2 = L'intervento deve essere riservato prima dell'inizio ed eseguito, rendicontato e riscattato prima della scadenza del voucher.
terms-3 = Il pagamento si richiede entro 60 giorni dal riscatto, alla tariffa giornaliera del paese in cui è stato svolto il lavoro.
terms-accept = Accetto le condizioni del programma.
reserve-engagement = L'intervento
reserve-choose-location = Scegli una sede
reserve-location-hint = La sede deve trovarsi nel paese di esecuzione: { $country }.
reserve-choose-consultant = Scegli un consulente
reserve-start = Primo giorno
reserve-end = Ultimo giorno
reserve-dates-hint = L'intervento deve iniziare oggi o più tardi e terminare entro il { $date }.
reserve-submit = Riserva il voucher
reserve-location-missing = Scegli la sede che esegue l'intervento.
reserve-consultant-missing = Scegli il consulente che esegue l'intervento.
reserve-start-invalid = Inserisci il primo giorno (anno, mese e giorno).
reserve-end-invalid = Inserisci l'ultimo giorno (anno, mese e giorno).

## Orologio del programma

clock-title = Orologio del programma
clock-today = Data del programma
clock-simulated = Un orologio simulato: spostalo per vedere cosa succede lungo il calendario del programma. Le regole usano questa data.
clock-system = L'orologio di sistema, in UTC. Non può essere spostato.
clock-advance-title = Vai avanti
clock-days = Numero di giorni
clock-advance-submit = Sposta avanti l'orologio
clock-set-title = Vai a una data
clock-date = Data
clock-set-submit = Imposta la data
clock-calendar = Calendario del programma
clock-past = Passato
clock-days-invalid = Inserisci un numero intero di giorni da 1 a 3650.
clock-date-invalid = Inserisci una data (anno, mese e giorno).

## The admins' users page
users-title = Utenti
users-intro = Un utente disattivato non può più accedere e tutte le sue sessioni aperte terminano subito. Riattivalo per consentirgli di accedere di nuovo.
users-name = Nome
users-email = Indirizzo e-mail
users-role = Ruolo
users-status = Stato
users-action = Azione
users-active = Attivo
users-disabled = Disattivato
users-disable = Disattiva
users-enable = Riattiva
users-you = Tu

milestone-cloud-engagements-retired = Ritiro degli interventi cloud
milestone-training-conversion-ended = I giorni dei voucher di formazione non possono più essere convertiti in giorni di pianificazione
milestone-accrual-ended = I clienti smettono di maturare giorni di pianificazione
milestone-last-day-to-create-or-assign = Ultimo giorno per creare o assegnare voucher
milestone-remaining-days-removed = Rimozione di tutti i giorni di pianificazione rimanenti
milestone-last-day-to-redeem = Ultimo giorno per riscattare i voucher

## Errori

form-problem-title = C'è un problema
error-not-found-title = Pagina non trovata
error-not-found = Questa pagina non esiste oppure non hai il permesso di vederla.
error-forbidden-title = Non consentito
error-forbidden = Il tuo ruolo non consente questa operazione.
error-csrf-title = Questo modulo è scaduto
error-csrf = Per la tua sicurezza il modulo non è stato accettato: è stato inviato da un altro sito oppure è troppo vecchio. Torna indietro, ricarica la pagina e riprova.
error-bad-form = Impossibile leggere il modulo. Ricarica la pagina e riprova.
error-refused-title = Operazione non riuscita
error-internal-title = Si è verificato un problema
error-internal = Si è verificato un problema da parte nostra. È stato registrato; riprova più tardi.
error-busy-title = Sistema occupato
error-busy = Il sistema è occupato. Riprova tra un momento.
error-go-home = Torna alla home
error-go-login = Vai alla pagina di accesso

not-found-generic = Non esiste oppure non hai il permesso di vederlo.
not-found-voucher = Questo voucher non esiste oppure non hai il permesso di vederlo.
not-found-agreement = La tua organizzazione non ha questo contratto.
conflict-generic = Qualcuno ha modificato questi dati nello stesso momento. Ricarica la pagina e riprova.
error-duplicate = Questo elemento esiste già.
conflict-voucher = Il voucher è cambiato o non è più in uno stato che lo consente. Ricarica la pagina per vedere a che punto è.
login-throttled = Troppi accessi non riusciti per questo indirizzo. Attendi qualche minuto e riprova.
conflict-clock = Il server usa l'orologio di sistema; solo un orologio simulato può essere spostato.
invalid-generic = Controlla questo valore.
invalid-agreement = La tua organizzazione non ha un contratto con questo numero.
invalid-reason = Indica perché la prenotazione viene annullata (al massimo 2.000 caratteri).
invalid-delivery-country = Il paese di esecuzione non è un paese valido.
invalid-advance-days = L'orologio uscirebbe dall'intervallo consentito.

rule-unknown-engagement = Nel catalogo non esiste l'intervento { $engagement }.
rule-length-not-allowed = { $engagement } non può durare { $days ->
        [one] { $days } giorno
       *[other] { $days } giorni
    }; le durate consentite sono di { $allowed } giorni.
rule-engagement-retired = { $engagement } è stato ritirato il { $on }.
rule-second-fifteen-day-engagement = La tua organizzazione ha già un intervento { $engagement } di 15 giorni; non ne è consentito un secondo.
rule-creation-closed = Non è più possibile creare voucher: l'ultimo giorno era il { $last_day }.
rule-assignment-closed = Non è più possibile assegnare voucher: l'ultimo giorno era il { $last_day }.
rule-days-removed = Tutti i giorni di pianificazione rimanenti sono stati rimossi il { $on }.
rule-voucher-expired = Il voucher è scaduto il { $expired_on }.
rule-insufficient-days = { $available ->
        [one] Questo saldo ha solo { $available } giorno di pianificazione disponibile
       *[other] Questo saldo ha solo { $available } giorni di pianificazione disponibili
    }; il voucher ne richiede { $requested }.
rule-benefit-not-active = Il beneficio Servizi di pianificazione non è attivo per la tua organizzazione.
rule-benefit-already-active = Il beneficio Servizi di pianificazione è già attivo.
rule-agreement-not-active = Il contratto { $agreement } oggi non è in vigore.
rule-agreement-invalid = Questo contratto non è valido: termina prima di iniziare.
rule-accrual-ended = I clienti hanno smesso di maturare giorni di pianificazione il { $on }.
rule-terms-not-accepted = Accetta le condizioni del programma per riservare il voucher.
rule-delivery-country-mismatch = Il paese di questa sede ({ $location_country }) non è il paese di esecuzione dell'intervento ({ $delivery_country }): scegli una sede in quel paese.
rule-engagement-already-started = L'intervento inizierebbe il { $start_date }, prima di oggi ({ $today }): un intervento si riserva prima che inizi.
rule-ends-before-start = L'ultimo giorno è precedente al primo.
rule-ends-after-expiry = L'intervento deve terminare entro la data di scadenza del voucher, il { $expires_on }.
rule-too-long-for-voucher = Queste date comprendono più giorni lavorativi dei { $voucher_days } giorni del voucher.
rule-consultant-not-in-partner = Scegli uno dei consulenti della tua azienda.
rule-project-manager-not-in-customer = Scegli un project manager della tua organizzazione.
rule-partner-unknown = Questo partner non esiste.
rule-location-not-in-partner = Scegli una delle sedi della tua azienda.
rule-redemption-closed = Non è più possibile riscattare voucher: l'ultimo giorno era il { $last_day }.
rule-role-not-in-org = Il ruolo { $role } non esiste in questo tipo di organizzazione.
rule-email-taken = Esiste già un utente con questo indirizzo e-mail.
rule-agreement-number-taken = La tua organizzazione ha già un contratto con questo numero.
rule-unknown-course = { $course } non è la formazione sulla conformità del programma.
rule-unknown-competency = Nessun intervento del catalogo richiede la competenza { $competency }.
rule-unknown-exam = Nessun intervento del catalogo accetta l'esame { $exam }.
rule-provider-agreement-not-newer = La versione { $version } non è più recente del contratto del programma attuale, versione { $current }.
rule-provider-agreement-not-current = La versione { $version } non è il contratto del programma in vigore: firma la versione { $current }.
rule-provider-agreement-not-accepted = Accetta il contratto del programma per firmarlo.
rule-provider-agreement-not-signed = Firma la versione { $version } del contratto del programma prima di iscriverti.
rule-unknown-offering = Nel catalogo non c'è l'offerta { $offering }.
rule-offering-not-active = La tua idoneità per { $offering } non è Attivo: non puoi ancora iscriverti.

## Ruoli

role-operator = Operatore del programma
role-global-admin = Amministratore globale
role-mpn-admin = Amministratore partner MPN
role-consultant = Consulente
role-benefit-admin = Amministratore dei benefici
role-project-manager = Project manager

## Paesi

country-BR = Brasile
country-DE = Germania
country-ES = Spagna
country-FR = Francia
country-GB = Regno Unito
country-IT = Italia
country-PT = Portogallo
country-RU = Russia
country-US = Stati Uniti

## Il catalogo fornito

offering-DDPS = Servizi di pianificazione della distribuzione desktop
offering-DYDPS = Servizi di pianificazione della distribuzione di Dynamics
offering-PVDPS = Servizi di pianificazione della distribuzione di cloud privato e virtualizzazione
offering-SDPS = Servizi di pianificazione della distribuzione di SharePoint
offering-S-EDPS = Servizi di pianificazione della distribuzione di Skype for Business ed Exchange
offering-SSDPS = Servizi di pianificazione della distribuzione di SQL Server
offering-AZDPS = Servizi di pianificazione della distribuzione di Azure
engagement-DDPS-WIN = Pianificazione della distribuzione di Windows
engagement-DDPS-APPS = Pianificazione della distribuzione del client Office
engagement-DDPS-M365 = Pianificazione della distribuzione cloud di Microsoft 365
engagement-DYDPS-CE = Pianificazione di Dynamics Customer Engagement
engagement-DYDPS-ERP = Pianificazione di Dynamics Finance and Operations
engagement-PVDPS-HV = Pianificazione della virtualizzazione dei server
engagement-PVDPS-SC = Pianificazione della gestione del cloud privato
engagement-SDPS-SRV = Pianificazione della distribuzione di SharePoint Server
engagement-SDPS-ONLINE = Pianificazione della migrazione a SharePoint Online
engagement-S-EDPS-EX = Pianificazione della distribuzione di Exchange Server
engagement-S-EDPS-SFB = Pianificazione della distribuzione di Skype for Business Server
engagement-S-EDPS-TEAMS = Pianificazione di Microsoft Teams
engagement-SSDPS-UPG = Pianificazione dell'aggiornamento e della migrazione di SQL Server
engagement-SSDPS-BI = Pianificazione della business intelligence
engagement-AZDPS-IAAS = Pianificazione dell'infrastruttura Azure
engagement-AZDPS-APP = Pianificazione della modernizzazione delle applicazioni Azure

## Payments

nav-payments = Pagamenti
