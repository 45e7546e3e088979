# Tempo: o relógio que só avança e o que cada avanço fez, o que vem pela frente
# para o operador, a simulação de uma mudança do programa e a conversão de dias
# de treinamento.

## Relógio
time-clock-moved = O relógio do programa avançou até { $date }.
time-clock-unchanged = A data do programa já é { $date }; o relógio não foi alterado.
time-effects-none = Nada venceu.
time-effect-vouchers-expired = { $count ->
        [one] { $count } comprovante expirou.
       *[other] { $count } comprovantes expiraram.
    }
time-effect-days-returned = { $count ->
        [one] { $count } dia voltou ao seu saldo de dias.
       *[other] { $count } dias voltaram aos seus saldos de dias.
    }
time-effect-days-removed = { $count ->
        [one] { $count } dia de planejamento restante foi removido.
       *[other] { $count } dias de planejamento restantes foram removidos.
    }
time-effect-reminders-sent = { $count ->
        [one] { $count } lembrete foi enviado.
       *[other] { $count } lembretes foram enviados.
    }
time-effect-sign-offs-deemed = { $count ->
        [one] { $count } relatório de conclusão foi considerado aprovado.
       *[other] { $count } relatórios de conclusão foram considerados aprovados.
    }
time-clock-backwards = O relógio só avança: escolha { $today } ou uma data posterior.

## Início do operador
time-home-title = Próximos eventos
time-home-days-at-risk = { $count ->
        [one] { $count } dia de planejamento será removido em { $date } se não for usado.
       *[other] { $count } dias de planejamento serão removidos em { $date } se não forem usados.
    }
time-home-no-days-at-risk = Nenhum dia de planejamento aguarda remoção.
time-home-expiring = { $count ->
        [0] Nenhum comprovante expira nos próximos 30 dias.
        [one] Um comprovante expira nos próximos 30 dias.
       *[other] { $count } comprovantes expiram nos próximos 30 dias.
    }
time-home-next-milestone = Próximo marco do calendário, em { $date }: { $name }.
time-home-no-milestone = Não resta nada no calendário do programa.

## Configurações do programa e simulação
time-program-title = Configurações e calendário do programa
time-program-intro = Visualize uma mudança para ver quais clientes, comprovantes, dias e solicitações de pagamento ela afetaria e depois salve-a.
time-program-validity = Validade dos comprovantes (dias)
time-program-anchor = A validade conta a partir da
time-program-anchor-creation = Criação do comprovante
time-program-anchor-assignment = Atribuição do comprovante
time-program-claim-window = Prazo da solicitação de pagamento (dias após o resgate)
time-program-calendar = Calendário
time-program-preview = Visualizar
time-program-save = Salvar
time-whatif-title = O que esta mudança faria
time-whatif-nothing = Esta mudança não afeta nenhum cliente, comprovante, dia ou solicitação de pagamento.
time-whatif-customers = Clientes
time-whatif-vouchers = Comprovantes
time-whatif-days = Dias de planejamento
time-whatif-claims = Solicitações de pagamento
time-whatif-kind = Mudança
time-whatif-item = Elemento
time-whatif-before = Antes
time-whatif-after = Depois
time-whatif-kind-voucher-expiry = A expiração do comprovante muda
time-whatif-kind-days-removed = Dias seriam removidos
time-whatif-kind-days-kept = Dias seriam mantidos
time-whatif-kind-claim-window = O prazo da solicitação de pagamento fecha ou abre
time-whatif-more = Mostrando os primeiros { $shown } de { $total } itens.
time-whatif-none = nenhum
done-program-saved = O programa foi salvo.

## Conversão de dias de treinamento
time-convert-title = Converter dias de treinamento
time-convert-intro = Os dias de comprovantes de treinamento viram dias de planejamento: { $training } dias de treinamento dão { $planning } dias de planejamento, até { $date }.
time-convert-closed = Os dias de comprovantes de treinamento não podem mais ser convertidos: a conversão terminou em { $date }.
time-convert-agreement = Contrato
time-convert-held = Dias de treinamento disponíveis
time-convert-days = Dias de treinamento a converter
time-convert-submit = Converter
time-convert-days-invalid = Informe um número inteiro de dias de treinamento, 1 ou mais.
done-days-converted = Os dias de treinamento foram convertidos em dias de planejamento.
rule-conversion-closed = Os dias de comprovantes de treinamento não podem mais ser convertidos: a conversão terminou em { $on }.
rule-not-enough-training-days = { $held ->
        [one] O contrato tem apenas { $held } dia de treinamento.
       *[other] O contrato tem apenas { $held } dias de treinamento.
    }
invalid-training-days = Informe um número inteiro de dias de treinamento, 1 ou mais.
event-voucher-expiry-moved = A validade do programa mudou: a expiração passou de { $from } para { $to }.
