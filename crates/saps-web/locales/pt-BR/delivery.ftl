# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = A entrega não pode terminar depois de hoje ({ $today }).
rule-delivery-outside-reservation = As datas da entrega devem estar dentro da reserva, de { $start_date } a { $end_date }.
rule-delivered-days-mismatch = Os dias entregues ({ $delivered }) devem ser iguais { $voucher_days ->
    [one] ao { $voucher_days } dia
   *[other] aos { $voucher_days } dias
} do voucher.
rule-too-many-offsite-days = No máximo { $max } dias podem ser entregues remotamente, não { $days_offsite }.
rule-deliverable-missing = Anexe pelo menos um entregável.
rule-deliverable-type = { $filename } não é um arquivo PDF, Office, OpenDocument, texto simples, PNG ou JPEG.
rule-not-signed-off = O cliente ainda não aprovou a entrega.

## Voucher history

event-voucher-completed = Relatório de conclusão enviado com { $files ->
    [one] { $files } entregável
   *[other] { $files } entregáveis
}
event-voucher-signed-off = { $outcome ->
    [accepted] Entrega aceita pelo cliente
    [deemed] Entrega considerada aceita: sem resposta no prazo de aprovação
   *[declined] Entrega recusada pelo cliente: { $comment }
}
event-voucher-redeemed = Resgatado
