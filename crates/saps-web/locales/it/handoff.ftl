# handoff: see main.ftl for the conventions.

## Rules of the hand-off (assignment, validation, reservation)

rule-not-enrolled = Il partner non ha un'iscrizione a { $offering }.
rule-enrollment-lapsed = L'iscrizione del partner a { $offering } è terminata il { $valid_until }: va prima rinnovata.
rule-location-not-approved = La sede { $location } non è approvata per { $offering }: scegli una sede approvata nell'iscrizione.
rule-no-approved-location-in-country = Il partner non ha alcuna sede in { $country } approvata per { $offering }.
rule-compliance-training-missing = Il partner non ha completato la formazione sulla conformità { $course } nell'ultimo anno.
rule-competency-missing = Il partner non possiede la competenza { $competency } richiesta da { $engagement }.
rule-competency-expired = La competenza { $competency } del partner è scaduta il { $expired_on }.
rule-consultant-not-qualified = Questo consulente non ha superato nessuno degli esami di { $engagement } ({ $exams }): scegli un consulente qualificato.
rule-no-qualified-consultant = Nessun consulente del partner ha superato un esame di { $engagement } ({ $exams }).
rule-reservation-too-short = Queste date comprendono { $window_days ->
    [one] { $window_days } giorno
   *[other] { $window_days } giorni
}, ma il voucher è di { $voucher_days ->
    [one] { $voucher_days } giorno
   *[other] { $voucher_days } giorni
}: scegli un ultimo giorno successivo.

## Voucher history and messages

event-voucher-returned = Restituito al cliente da { $partner }: { $reason }
done-returned = Il voucher è stato restituito al cliente, che è stato avvisato via e-mail.

## Assigning, reserving and returning

handoff-assign-eligible = Sono elencati solo i partner iscritti e idonei per questo intervento, con una sede approvata in { $country }.
handoff-assign-none = Nessun partner è ancora iscritto e idoneo per questo intervento con una sede approvata in { $country }. Torna più tardi, oppure annulla il voucher per restituire i suoi giorni al saldo.
handoff-not-reservable = La tua azienda non può riservare questo voucher adesso.
handoff-reserve-intro = Controlla i dettagli del voucher, accetta i termini del programma e riservalo.
handoff-return-title = Restituire il voucher al cliente
handoff-return-hint = Se la tua azienda non eseguirà questo intervento, restituisci il voucher: non è più assegnato, l'amministratore dei benefici e il project manager del cliente vengono avvisati via e-mail e possono assegnarlo a un altro partner.
handoff-return-reason = Motivo
handoff-return-submit = Restituire il voucher
