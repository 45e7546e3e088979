# claims: see main.ftl for the conventions.

## Rules of payment: registration, the rate card, claims

rule-no-redeemed-voucher = La registrazione al pagamento di { $offering } richiede un voucher riscattato di questa offerta.
rule-not-registered-for-payment = L'azienda non è registrata al pagamento di { $offering }.
rule-voucher-not-redeemed = Il voucher { $code } non è riscattato; solo i voucher riscattati entrano in una richiesta di pagamento.
rule-claim-window-closed = Il pagamento del voucher { $code } poteva essere richiesto fino al { $last_day }.
rule-claim-mixed-locations = Una richiesta di pagamento contiene i voucher di una sola sede.
rule-claim-mixed-currencies = Una richiesta di pagamento contiene i voucher di una sola valuta.
rule-no-rate-in-force = Il tariffario non ha una tariffa giornaliera per { $country } al { $on }.
rule-bank-account-missing = Indicare il conto bancario della sede prima di inviare la richiesta di pagamento.
rule-duplicate-rate = Il tariffario indica { $country } due volte dal { $effective_from }.
rule-dispute-window-closed = Il rifiuto poteva essere contestato fino al { $last_day }.
rule-already-disputed = La richiesta di pagamento è già stata contestata una volta; il rifiuto è definitivo.
rule-voucher-claimed-elsewhere = Il voucher { $code } è entrato nel frattempo in un'altra richiesta di pagamento; non è possibile contestare.

## Voucher history

event-voucher-claimed = Incluso nella richiesta di pagamento { $reference }
event-voucher-unclaimed = Liberato dalla richiesta di pagamento { $reference }, rifiutata
event-voucher-paid = Pagato con la richiesta di pagamento { $reference }
