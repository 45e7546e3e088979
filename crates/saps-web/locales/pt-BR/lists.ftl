# Listas de comprovantes: filtros, busca, ordem, exportações, o que está para expirar.
lists-search = ID do comprovante, cliente ou parceiro
lists-search-hint = O ID inteiro ou parte dele (hifens e maiúsculas não importam), ou parte do nome de um cliente ou parceiro.
lists-sort = Ordem
lists-sort-created = Mais recentes primeiro
lists-sort-expiry = Expiração mais próxima primeiro
lists-states = Estados (nenhum marcado: todos)
lists-export = Exportar esta lista:
lists-export-xlsx = Exportar para o Excel
lists-export-csv = Arquivo CSV
lists-days-left = Dias restantes
lists-days-left-n =
    { $count ->
        [0] Expira hoje
        [one] { $count } dia
       *[other] { $count } dias
    }
lists-expired = Expirado
lists-report-overdue = Data de início passou, sem relatório de conclusão
lists-expiring-title = Prestes a expirar
lists-expiring-all = Todos os comprovantes abertos por expiração
lists-col-days = Dias
lists-col-created = Criado em
lists-col-assigned = Atribuído em
lists-col-start = Início da reserva
lists-col-end = Fim da reserva
lists-col-location = Local
lists-cancel-title = Cancelar este comprovante?
lists-cancel-partner-told = O parceiro ao qual ele está atribuído é avisado por e-mail, com o seu motivo, se você informar um.
lists-cancel-final = Você quer cancelar este comprovante?
lists-cancel-reason = Motivo (opcional)
lists-cancel-yes = Sim, cancelar o comprovante
lists-cancel-no = Não, mantê-lo
event-voucher-project-manager-changed = Passado a outro gerente de projeto.
lists-pm-title = Trocar o gerente de projeto
lists-pm-hint = Até o projeto ser executado, outro gerente de projeto seu pode assumir o comprovante. Ele passa a vê-lo; o anterior deixa de vê-lo.
lists-pm-choose = Escolha um dos seus gerentes de projeto.
lists-pm-submit = Trocar o gerente de projeto
lists-pm-change = Trocar
done-project-manager-changed = O comprovante tem um novo gerente de projeto.
lists-new-none-fits = O saldo do contrato { $agreement } é de { $days }: não basta para nenhuma duração deste projeto. Escolha outro contrato ou projeto.
