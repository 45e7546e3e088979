# payments: see main.ftl for the conventions.

## Partner: Payments

pay-title = Pagamentos
pay-intro = Registre-se para pagamento uma vez por oferta, informe a conta bancária de cada local e depois faça as solicitações de pagamento dos comprovantes resgatados.
pay-registrations = Registro para pagamento
pay-registered = Registrado em { $date }
pay-not-registered = Não registrado
pay-register = Registrar-se para pagamento
pay-register-hint = O registro é feito uma vez por oferta e exige um comprovante resgatado dessa oferta.
pay-registered-ok = Sua empresa está registrada para pagamento de { $offering }.
pay-bank-accounts = Contas bancárias
pay-bank-hint = Cada local recebe em sua própria conta. O IBAN aparece mascarado, exceto os quatro últimos caracteres.
pay-bank-none = Ainda não há conta bancária.
pay-bank-save = Salvar a conta bancária
pay-bank-saved = A conta bancária de { $location } foi salva.
pay-holder = Titular da conta
pay-iban-hint = Espaços são permitidos, por exemplo PT50 0002 0123 1234 5678 9015 4.
pay-bic-hint = 8 ou 11 caracteres, por exemplo BCOMPTPLXXX.
pay-ready = Comprovantes resgatados prontos para solicitar pagamento
pay-ready-hint = Uma solicitação de pagamento reúne comprovantes de um só local e uma só moeda, cada um dentro de { $days } dias do resgate.
pay-ready-none = Nenhum comprovante resgatado aguarda solicitação de pagamento.
pay-filter = Filtrar
pay-filter-country = País
pay-filter-location = Local
pay-filter-all = Todos
pay-filter-apply = Mostrar
pay-col-voucher = ID do comprovante
pay-col-engagement = Projeto
pay-col-location = Local
pay-col-country = País
pay-col-days = Dias
pay-col-redeemed = Resgatado em
pay-col-window = Prazo restante
pay-col-day-rate = Valor da diária
pay-col-amount = Valor
pay-col-reference = Número de referência
pay-col-partner = Parceiro
pay-col-state = Situação
pay-col-total = Valor total
pay-col-submitted = Enviada em
pay-col-due = Pagamento até
pay-window-left = { $days ->
    [one] { $days } dia restante
   *[other] { $days } dias restantes
}
pay-window-today = Último dia hoje
pay-compute = Calcular o total
pay-pick-one = Selecione pelo menos um comprovante.
pay-selected = Comprovantes desta solicitação
pay-save-draft = Salvar como rascunho
pay-submit = Enviar a solicitação
pay-back = Alterar a seleção
pay-created-draft = A solicitação de pagamento { $reference } foi salva como rascunho.
pay-created-submitted = A solicitação de pagamento { $reference } foi enviada.
pay-claims = Solicitações de pagamento
pay-claims-none = Ainda não há solicitações de pagamento.
pay-invoice = Fatura (PDF)
pay-open = Abrir
pay-claim-title = Solicitação de pagamento { $reference }
pay-history = Histórico
pay-submit-draft = Enviar
pay-submitted-ok = A solicitação de pagamento { $reference } foi enviada.
pay-dispute = Contestar a rejeição
pay-dispute-hint = Você pode contestar uma rejeição em até 30 dias; o operador então aprova ou rejeita a solicitação definitivamente.
pay-reason = Motivo
pay-rejected-because = Rejeitada: { $reason }
pay-disputed-because = Contestada: { $reason }
pay-paid-with = Paga com a referência { $reference }
pay-disputed-ok = A solicitação de pagamento { $reference } foi contestada.
pay-state-draft = Rascunho
pay-state-submitted = Enviada
pay-state-approved = Aprovada
pay-state-paid = Paga
pay-state-rejected = Rejeitada
pay-state-disputed = Contestada
pay-state-withdrawn = Retirada
pay-withdraw = Retirar rascunho
pay-withdraw-confirm = Retirar o rascunho { $reference }? Seus comprovantes ficam livres para uma nova solicitação.
pay-withdraw-yes = Sim, retirar o rascunho
pay-withdrawn-ok = A solicitação de pagamento { $reference } foi retirada; seus comprovantes podem ser solicitados novamente.

## Operator: review, rate card, dashboard

pay-review = Fila de análise
pay-review-hint = Solicitações enviadas e contestadas, das mais antigas para as mais recentes.
pay-review-none = Nenhuma solicitação aguarda análise.
pay-approve = Aprovar
pay-reject = Rejeitar
pay-pay = Marcar como paga
pay-payment-reference = Referência do pagamento
pay-approved-ok = A solicitação de pagamento { $reference } foi aprovada.
pay-rejected-ok = A solicitação de pagamento { $reference } foi rejeitada.
pay-paid-ok = A solicitação de pagamento { $reference } foi paga.
pay-rates = Tabela de valores
pay-rates-hint = Um valor de diária por país, com sua moeda, em vigor a partir de uma data. Cada linha da solicitação usa o valor do país de execução em vigor na data de resgate do comprovante.
pay-rates-none = A tabela de valores está vazia.
pay-rate-country = País (duas letras)
pay-rate-amount = Valor da diária
pay-rate-currency = Moeda
pay-rate-from = Em vigor a partir de
pay-rate-add-hint = Preencha uma linha vazia para adicionar um valor; apague os campos de uma linha para removê-lo.
pay-rates-save = Salvar a tabela de valores
pay-rates-saved = A tabela de valores foi salva.
pay-dashboard = Painel de pagamentos
pay-chart-by-state = Valores por situação
pay-chart-by-state-desc = Valores solicitados em { $currency }, pela situação da solicitação:
pay-chart-by-month = Valores solicitados por mês
pay-chart-by-month-desc = Valores em { $currency } das solicitações feitas em cada mês:
pay-chart-empty = Ainda não há solicitações de pagamento.
pay-due-soon = Solicitações perto do vencimento
pay-due-soon-none = Nenhuma solicitação aprovada vence nos próximos 14 dias.
pay-due-in = { $days ->
    [0] vence hoje
    [one] vence em { $days } dia
   *[other] vence em { $days } dias
}
pay-overdue = { $days ->
    [one] { $days } dia de atraso
   *[other] { $days } dias de atraso
}

## Refusals on the payment pages

pay-invalid-holder = Informe o nome do titular da conta (no máximo 200 caracteres).
pay-invalid-iban = Este IBAN não é válido: confira o país, o tamanho e os dígitos de verificação.
pay-invalid-bic = Um BIC tem 8 ou 11 caracteres: 4 letras do banco, 2 do país, 2 da praça e, opcionalmente, a agência.
pay-invalid-reason = Informe um motivo (no máximo 500 caracteres).
pay-invalid-payment-reference = Informe a referência do pagamento (no máximo 500 caracteres).
pay-invalid-day-rate = Informe cada valor de diária como um valor positivo, por exemplo 1234.50, sem mais casas decimais que a moeda.
pay-invalid-currency = Informe um código de moeda aceito pela tabela de valores, por exemplo EUR.
pay-invalid-effective-from = Informe o primeiro dia de cada valor como uma data.
pay-invalid-codes = Selecione entre 1 e 200 comprovantes diferentes.
not-found-claim = Essa solicitação de pagamento não existe ou você não pode vê-la.
conflict-claim = A solicitação de pagamento mudou ou não está mais em uma situação que permita isso. Recarregue a página para ver como ela está.
conflict-payment_registration = Sua empresa já está registrada para pagamento dessa oferta.
