# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = A entrega não pode terminar depois de hoje ({ $today }).
rule-delivery-outside-reservation = As datas da entrega devem estar dentro da reserva, de { $start_date } a { $end_date }.
rule-delivered-days-mismatch = Os dias entregues ({ $delivered }) devem ser iguais { $voucher_days ->
    [one] ao { $voucher_days } dia
   *[other] aos { $voucher_days } dias
} do comprovante.
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

## Completion report and sign-off (voucher page)

delivery-report-title = Relatório de conclusão
delivery-report-hint = Informe o engajamento entregue: os dias presenciais e remotos somam { $days }, dentro das datas da reserva. Anexe o entregável do cliente.
delivery-from = Entregue de
delivery-to = Entregue até
delivery-dates = Entregue
delivery-days-onsite = Dias presenciais
delivery-days-offsite = Dias remotos
delivery-offsite-hint = No máximo 3 dias remotos.
delivery-summary = Resumo do engajamento
delivery-next-steps = Próximos passos
delivery-deliverables = Entregáveis
delivery-deliverables-hint = PDF, Word, Excel, PowerPoint, OpenDocument, texto simples, PNG ou JPEG; no máximo 20 MiB por arquivo e 50 MiB no total.
delivery-submit = Enviar o relatório de conclusão
delivery-submitted = Enviado em
delivery-file-size = Tamanho: { $kib } KiB
delivery-receipt-download = Baixar o comprovante de envio
delivery-comment = Comentário
delivery-comment-hint = Obrigatório ao recusar: o parceiro vai lê-lo.
delivery-sign-off-title = Aprovar a entrega
delivery-sign-off-hint = Aceite a entrega para que o parceiro possa resgatar o comprovante, ou recuse-a com um comentário: o comprovante volta a reservado e o parceiro pode enviar um novo relatório.
delivery-accept = Aceitar a entrega
delivery-decline = Recusar a entrega
delivery-sign-off-pending = Aguardando aprovação
delivery-sign-off-accepted = Aprovada
delivery-sign-off-declined = Recusada
delivery-sign-off-deemed = Aprovada (sem resposta no prazo)
done-reported = O relatório de conclusão foi enviado; o cliente foi convidado a aprová-lo.
done-signed-off = A entrega foi aprovada: o parceiro pode resgatar o comprovante.
done-declined = A entrega foi recusada: o comprovante está reservado novamente e o parceiro foi avisado.

## Redeeming vouchers

redeem-title = Resgatar comprovantes
redeem-hint = Comprovantes cuja entrega o cliente aprovou. Selecione os que deseja resgatar.
redeem-ready = Prontos para resgate
redeem-selected = Resgatar os comprovantes selecionados
redeem-create-claim = Criar uma solicitação de pagamento
redeem-none = Nenhum comprovante está pronto para resgate: um comprovante é resgatado depois de concluído e com a entrega aprovada pelo cliente.
redeem-pick-one = Selecione pelo menos um comprovante.
redeem-confirm-title = Confirmar o resgate
redeem-confirm-hint = { $count ->
    [one] Este comprovante será resgatado:
   *[other] Estes { $count } comprovantes serão resgatados:
}
redeem-yes = Sim, resgatar
redeem-no = Não, voltar
redeem-results = Resultado do resgate
redeem-ok = Resgatado
redeem-link = Resgatar comprovantes aprovados

delivery-awaiting-title = Aguardando a sua aprovação
delivery-awaiting-hint = O parceiro informou estas entregas: leia o relatório e os entregáveis e depois aceite ou recuse. Sem resposta no prazo de aprovação, a entrega é considerada aceita.
