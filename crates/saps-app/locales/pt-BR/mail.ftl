# E-mails do saps — português do Brasil.

## Palavras comuns

mail-days =
    { $count ->
        [one] { $count } dia
       *[other] { $count } dias
    }
mail-link = Abrir no saps
mail-signature = saps — serviços de planejamento
mail-voucher-id = ID do comprovante
mail-engagement = Projeto
mail-length = Duração
mail-expires-on = Expira em
mail-reason = Motivo
mail-comment = Comentário
mail-partner = Parceiro
mail-customer = Cliente
mail-start = Início
mail-end = Término
mail-agreement = Contrato
mail-days-left = Dias de planejamento restantes
mail-removed-on = Removidos em
mail-claim-closes = Último dia para a solicitação de pagamento
mail-reported-on = Relatório enviado em

## Atribuição

assigned-customer-subject = Comprovante de serviços de planejamento { $code } atribuído a { $partner }
assigned-customer-intro = Seu comprovante de serviços de planejamento foi atribuído a { $partner }.
assigned-customer-next = { $partner } vai validá-lo com este ID do comprovante e seu endereço de e-mail e depois reservar o projeto.
assigned-partner-subject = Comprovante de serviços de planejamento { $code } atribuído por { $customer }
assigned-partner-intro = { $customer } atribuiu um comprovante de serviços de planejamento à sua empresa.
assigned-partner-next = Valide-o com o ID do comprovante e o endereço de e-mail do cliente e depois reserve o projeto para um consultor.
returned-subject = Comprovante de serviços de planejamento { $code } devolvido por { $partner }
returned-intro = { $partner } devolveu seu comprovante de serviços de planejamento sem reservá-lo.
returned-next = O comprovante não está mais atribuído: você pode atribuí-lo a outro parceiro.
cancelled-subject = Comprovante de serviços de planejamento { $code } cancelado por { $customer }
cancelled-intro = { $customer } cancelou o comprovante de serviços de planejamento atribuído a você.
cancelled-next = Ele não pode mais ser reservado nem entregue.
reserved-subject = Comprovante de serviços de planejamento { $code } reservado por { $partner }
reserved-intro = { $partner } reservou seu comprovante de serviços de planejamento para o projeto.
reserved-next = O parceiro entregará o projeto nestas datas e depois enviará o relatório de conclusão.
reservation-cancelled-subject = Reserva do comprovante { $code } cancelada por { $partner }
reservation-cancelled-intro = { $partner } cancelou a reserva do seu comprovante de serviços de planejamento.
reservation-cancelled-next = O comprovante continua atribuído a { $partner }, que pode reservá-lo novamente.

## Entrega

declined-subject = Comprovante { $code }: entrega recusada
declined-intro = O cliente recusou a entrega informada para o comprovante { $code }.
declined-next = O comprovante está reservado novamente: você pode enviar um novo relatório de conclusão.

## Lembretes

remind-days-removal-subject = { $days } de planejamento serão removidos em { $date }
remind-days-removal-intro = Seu contrato { $agreement } ainda tem { $days }. Todos os dias de planejamento restantes são removidos em { $date }.
remind-days-removal-next = Crie até lá os comprovantes dos projetos de que você precisa.
remind-voucher-unreserved-subject = O comprovante { $code } expira em { $date } sem reserva
remind-voucher-unreserved-intro = Seu comprovante de serviços de planejamento não foi reservado e expira em { $date }.
remind-voucher-unreserved-next = Atribua-o a um parceiro que possa reservá-lo a tempo, ou cancele-o.
remind-reservation-expiry-subject = O comprovante reservado { $code } expira em { $date }
remind-reservation-expiry-intro = Um comprovante de serviços de planejamento reservado pela sua empresa expira em { $date }.
remind-reservation-expiry-next = Entregue o projeto e envie o relatório de conclusão até lá.
remind-claim-window-subject = Solicitação de pagamento do comprovante { $code } até { $date }
remind-claim-window-intro = Você resgatou este comprovante de serviços de planejamento; o último dia para a solicitação de pagamento é { $date }.
remind-claim-window-next = Envie a solicitação de pagamento até lá, ou o projeto não poderá ser pago.
remind-sign-off-subject = Comprovante { $code }: o relatório de conclusão aguarda sua aprovação
remind-sign-off-intro = { $partner } enviou o relatório de conclusão do projeto; ele aguarda sua aprovação.
remind-sign-off-next = Aceite ou recuse a entrega. Sem resposta, ela é considerada aceita em { $date }.

## Pagamento

mail-claim-reference = Referência da solicitação
mail-total = Total
mail-payment-due = Pagamento devido até
mail-payment-reference = Referência do pagamento
mail-dispute-until = Contestação possível até
claim-approved-subject = Solicitação de pagamento { $reference } aprovada
claim-approved-intro = Sua solicitação de pagamento do Planning Services { $reference } foi aprovada.
claim-approved-next = O pagamento de { $total } é devido até { $date }.
claim-rejected-subject = Solicitação de pagamento { $reference } recusada
claim-rejected-intro = Sua solicitação de pagamento do Planning Services { $reference } foi recusada.
claim-rejected-next = Seus comprovantes podem ser solicitados de novo dentro do prazo de solicitação. Você pode contestar uma primeira recusa em até 30 dias.
claim-rejected-final-subject = Solicitação de pagamento { $reference } recusada definitivamente
claim-rejected-final-intro = Sua contestação da solicitação de pagamento do Planning Services { $reference } foi analisada, e a solicitação está recusada definitivamente.
claim-rejected-final-next = Seus comprovantes podem ser solicitados de novo dentro do prazo de solicitação.
claim-paid-subject = Solicitação de pagamento { $reference } paga
claim-paid-intro = Sua solicitação de pagamento do Planning Services { $reference } foi paga: { $total }.
claim-paid-next = A referência do pagamento é { $payment_reference }.

## Webhooks

mail-webhook-url = Webhook
mail-failing-since = Falhando desde
webhook-disabled-subject = Webhook desativado após um dia de entregas com falha
webhook-disabled-intro = Todas as entregas para o seu webhook { $url } falharam durante um dia; o saps o desativou e não envia mais nada a ele.
webhook-disabled-next = Verifique o receptor e, em seguida, remova o webhook e adicione-o de novo.
