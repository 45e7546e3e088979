# claims: see main.ftl for the conventions.

## Rules of payment: registration, the rate card, claims

rule-no-redeemed-voucher = O cadastro para pagamento de { $offering } exige um comprovante resgatado dessa oferta.
rule-not-registered-for-payment = A empresa não está cadastrada para pagamento de { $offering }.
rule-voucher-not-redeemed = O comprovante { $code } não foi resgatado; só comprovantes resgatados entram em uma solicitação de pagamento.
rule-claim-window-closed = O pagamento do comprovante { $code } podia ser solicitado até { $last_day }.
rule-claim-mixed-locations = Uma solicitação de pagamento contém comprovantes de um único local.
rule-claim-mixed-currencies = Uma solicitação de pagamento contém comprovantes de uma única moeda.
rule-no-rate-in-force = A tabela de valores não tem diária para { $country } em { $on }.
rule-bank-account-missing = Informe a conta bancária do local antes de enviar a solicitação de pagamento.
rule-duplicate-rate = A tabela de valores cita { $country } duas vezes a partir de { $effective_from }.
rule-dispute-window-closed = A recusa podia ser contestada até { $last_day }.
rule-already-disputed = A solicitação de pagamento já foi contestada uma vez; a recusa é definitiva.
rule-voucher-claimed-elsewhere = O comprovante { $code } entrou em outra solicitação de pagamento nesse meio-tempo; não é possível contestar.

## Voucher history

event-voucher-claimed = Incluído na solicitação de pagamento { $reference }
event-voucher-unclaimed = Liberado da solicitação de pagamento { $reference }, que foi recusada
event-voucher-paid = Pago com a solicitação de pagamento { $reference }
