# Interface web do saps — português do Brasil.

## Layout

program-name = Serviços de planejamento
skip-to-content = Ir para o conteúdo
language = Idioma
language-change = Alterar
sign-out = Sair
nav-main = Principal
nav-home = Início
nav-vouchers = Comprovantes
nav-new-voucher = Criar comprovante
nav-vvr = Validar e reservar
nav-clock = Relógio do programa
nav-users = Usuários
footer-date = Data do programa: { $date } (UTC)
footer-date-simulated = Data do programa: { $date } (relógio simulado, UTC)
footer-api = Referência da API

## Palavras e formatos

days =
    { $count ->
        [0] 0 dias
        [one] { $count } dia
       *[other] { $count } dias
    }
list-or = { $init } ou { $last }

## Entrar

login-title = Entrar
login-intro = Entre no programa de serviços de planejamento com seu e-mail corporativo.
login-email = Endereço de e-mail
login-password = Senha
login-submit = Entrar
login-failed = O endereço de e-mail ou a senha não está correto.
login-email-missing = Informe seu endereço de e-mail.
login-email-too-long = Um endereço de e-mail tem no máximo 254 caracteres.
login-password-missing = Informe sua senha.
login-signed-out = Você saiu da sua conta.
login-demo-title = Experimente a demonstração
login-demo-hint = Todas as contas de demonstração abaixo têm a senha { $password }.

## Páginas iniciais

home-title = Início
home-welcome = Boas-vindas, { $name }
home-recent = Comprovantes recentes
home-all-vouchers = Todos os comprovantes
next-title = Próximos passos
next-see-them = Ver
next-activate = Ative o benefício Serviços de planejamento para usar os dias de planejamento da sua organização.
next-activate-ask = O benefício Serviços de planejamento ainda não está ativo: peça ao administrador de benefícios que o ative.
next-create = Saldo disponível: { $days }. Crie um comprovante para um projeto e depois atribua-o a um parceiro.
next-no-days = Nenhum dia de planejamento está disponível no momento.
next-assign =
    { $count ->
        [one] Um comprovante aguarda atribuição a um parceiro.
       *[other] { $count } comprovantes aguardam atribuição a um parceiro.
    }
next-wait-partner =
    { $count ->
        [one] Um comprovante está com um parceiro, aguardando a reserva.
       *[other] { $count } comprovantes estão com parceiros, aguardando a reserva.
    }
next-reserved =
    { $count ->
        [one] Um projeto está reservado.
       *[other] { $count } projetos estão reservados.
    }
next-nothing = Nada precisa da sua atenção agora.
next-partner-reserve =
    { $count ->
        [one] Um comprovante foi atribuído à sua empresa: valide-o e reserve-o antes do início do projeto.
       *[other] { $count } comprovantes foram atribuídos à sua empresa: valide-os e reserve-os antes do início dos projetos.
    }
next-partner-deliver =
    { $count ->
        [one] Um projeto está reservado: execute-o antes que o comprovante expire.
       *[other] { $count } projetos estão reservados: execute-os antes que os comprovantes expirem.
    }
next-partner-nothing = Nenhum comprovante aguarda você. Quando um cliente atribuir um comprovante à sua empresa, ele aparecerá aqui.
next-consultant-deliver =
    { $count ->
        [one] Você executa um projeto reservado.
       *[other] Você executa { $count } projetos reservados.
    }
next-consultant-nothing = Nenhum projeto está reservado para você no momento.
next-operator-clock = A data do programa é { $date }. Avance o relógio simulado para percorrer o calendário do programa.
next-operator-open =
    { $count ->
        [one] Um comprovante está em aberto (criado ou atribuído).
       *[other] { $count } comprovantes estão em aberto (criados ou atribuídos).
    }

## Benefício

benefit-title = Dias de planejamento
benefit-activate = Ativar o benefício
benefit-inactive = O benefício Serviços de planejamento não está ativo para sua organização.
benefit-available-total = Disponíveis agora: { $days }.
benefit-no-agreements = Nenhum contrato Software Assurance foi registrado para sua organização ainda.
benefit-table-caption = Dias de planejamento por contrato
benefit-agreement = Contrato
benefit-accrued = Acumulados
benefit-used = Usados
benefit-available = Disponíveis
benefit-expires = Expira em
benefit-chart = Usados e disponíveis
benefit-chart-label = Usados: { $used }; disponíveis: { $available }

## Páginas do parceiro e do operador

partner-to-reserve = Comprovantes a validar e reservar
partner-to-reserve-none = Nenhum comprovante aguarda reserva.
partner-validate-link = Reservar
partner-reserved = Projetos reservados
partner-reserved-none = Nenhum projeto está reservado.
operator-counts = Comprovantes por estado
operator-count = Comprovantes
operator-chart = Proporção de comprovantes
operator-total =
    { $count ->
        [one] Um comprovante no programa.
       *[other] { $count } comprovantes no programa.
    }

## Lista de comprovantes

vouchers-title = Comprovantes
vouchers-search-label = Pesquisar comprovantes
vouchers-search = ID do comprovante
vouchers-search-hint = O ID inteiro ou parte dele; hifens e maiúsculas não importam.
vouchers-any-state = Qualquer estado
vouchers-search-submit = Pesquisar
vouchers-clear = Limpar a pesquisa
vouchers-count =
    { $count ->
        [one] Um comprovante.
       *[other] { $count } comprovantes.
    }
vouchers-none = Ainda não há comprovantes.
vouchers-none-match = Nenhum comprovante corresponde a esta pesquisa.
vouchers-actions = Ações

## Um comprovante

voucher-title = Comprovante { $code }
voucher-heading = Comprovante
voucher-id = ID do comprovante
voucher-state = Estado
voucher-details = Detalhes
voucher-engagement = Projeto
voucher-length = Duração
voucher-customer = Cliente
voucher-agreement = Contrato
voucher-project-manager = Gerente de projeto
voucher-partner = Parceiro
voucher-no-partner = Ainda não atribuído
voucher-created = Criado em
voucher-assigned = Atribuído em
voucher-expires = Expira em
voucher-starts = Começa em
voucher-reservation = Reserva
voucher-location = Local de execução
voucher-consultant = Consultor
voucher-dates = Datas
voucher-date-range = de { $start } a { $end }
voucher-delivery-country = País de execução
voucher-reserved-on = Reservado em
voucher-actions = O que você pode fazer
voucher-history = Histórico
voucher-history-empty = Nada aconteceu com este comprovante ainda.

state-created = Criado
state-assigned = Atribuído
state-reserved = Reservado
state-completed = Concluído
state-redeemed = Resgatado
state-claimed = Pagamento solicitado
state-paid = Pago
state-cancelled = Cancelado
state-expired = Expirado
state-removed = Removido

assign-title = Atribuir a um parceiro
assign-hint = O parceiro valida o comprovante com o ID do comprovante e seu endereço de e-mail; você e o gerente de projeto recebem o ID do comprovante por e-mail.
assign-partner = Parceiro
assign-choose-partner = Escolha um parceiro
assign-partner-missing = Escolha o parceiro ao qual atribuir o comprovante.
assign-submit = Atribuir o comprovante
cancel-title = Cancelar o comprovante
cancel-hint = Os dias do comprovante ({ $days }) voltam para o saldo do contrato. Esta ação não pode ser desfeita.
cancel-submit = Cancelar o comprovante
cancel-reservation-title = Cancelar reserva
cancel-reservation-hint = O comprovante volta ao estado atribuído; o cliente vê o seu motivo.
cancel-reservation-reason = Motivo
cancel-reservation-submit = Cancelar reserva
reserve-from-detail = Reserve este comprovante: aceite os termos do programa e escolha o local, o consultor e as datas.

event-voucher-created = Criado para { $engagement }, { $days } do contrato { $agreement }.
event-voucher-assigned = Atribuído a { $partner }.
event-voucher-reserved = Reservado em { $location }, de { $start } a { $end }.
event-voucher-reservation-cancelled = Reserva cancelada: { $reason }
event-voucher-cancelled = Cancelado; dias devolvidos ao saldo: { $days }.
event-voucher-expired = Expirou em { $date }; dias devolvidos ao saldo: { $days }.
event-other = { $kind }
event-by = por { $name }
event-by-program = pelo programa

done-created = O comprovante foi criado. Atribua-o a um parceiro quando quiser.
done-assigned = O comprovante foi atribuído. Agora o parceiro pode validá-lo e reservá-lo.
done-cancelled = O comprovante foi cancelado e seus dias voltaram para o saldo.
done-reserved = O comprovante foi reservado.
done-reservation-cancelled = A reserva foi cancelada; o comprovante está atribuído novamente.
done-clock-moved = O relógio do programa foi alterado.
done-benefit-activated = O benefício Serviços de planejamento está ativo.
done-user-disabled = O usuário está desativado: não pode mais entrar e suas sessões foram encerradas.
done-user-enabled = O usuário foi reativado e pode entrar.

## Criar um comprovante

new-title = Criar comprovante
new-intro = Um comprovante paga um projeto executado por um parceiro. Ao criá-lo, seus dias saem do saldo de um contrato (saldo disponível: { $days }).
new-agreement = Contrato
new-agreement-option = { $agreement } — saldo disponível: { $days }
new-agreement-missing = Escolha o contrato cujos dias pagam o comprovante.
new-engagement = Projeto
new-engagement-hint = O projeto define as durações possíveis.
new-engagement-retired = { $name } (desativado em { $date })
new-show-lengths = Mostrar as durações
new-length = Duração
new-days-missing = Escolha uma das durações que o projeto permite.
new-project-manager = Gerente de projeto
new-choose-project-manager = Escolha um gerente de projeto
new-project-manager-missing = Escolha o gerente de projeto que acompanha o projeto.
new-after = Em seguida, na página do comprovante, você o atribui a um parceiro.
new-submit = Criar o comprovante

## Validar e reservar (VVR)

vvr-title = Validar e reservar
vvr-steps = Etapas
vvr-step-validate = 1. Validar o comprovante
vvr-step-reserve = 2. Aceitar os termos e reservar
vvr-intro = Informe o ID do comprovante que o cliente enviou e o endereço de e-mail do administrador de benefícios ou do gerente de projeto dele.
vvr-code-hint = 20 letras e algarismos, por exemplo 7K3M-9QXR-2HDF-W8TN-C4PZ.
vvr-email = E-mail do cliente
vvr-email-hint = O endereço do administrador de benefícios ou do gerente de projeto do cliente.
vvr-submit = Validar
vvr-code-missing = Informe o ID do comprovante.
vvr-email-missing = Informe o endereço de e-mail do cliente.
vvr-no-match = Nenhum comprovante atribuído à sua empresa corresponde a este ID do comprovante e a este endereço de e-mail.
code-length =
    { $count ->
        [one] Um ID do comprovante tem 20 letras e algarismos; este tem { $count }.
       *[other] Um ID do comprovante tem 20 letras e algarismos; este tem { $count }.
    }
code-character = Um ID do comprovante não pode conter “{ $char }”.
code-check = Este ID do comprovante foi digitado errado: confira-o caractere por caractere.

reserve-title = Reservar o comprovante
reserve-valid = O comprovante é válido. Confira os detalhes, aceite os termos do programa e reserve-o.
terms-title = Termos do programa
terms-1 = O projeto é executado por um consultor da sua empresa que tem a competência exigida, a partir de um local no país de execução.
terms-2 = O projeto deve ser reservado antes de começar e executado, relatado e resgatado antes que o comprovante expire.
terms-3 = O pagamento é solicitado em até 60 dias após o resgate, pela diária do país onde o trabalho foi realizado.
terms-accept = Aceito os termos do programa.
reserve-engagement = O projeto
reserve-choose-location = Escolha um local
reserve-location-hint = O local deve ficar no país de execução: { $country }.
reserve-choose-consultant = Escolha um consultor
reserve-start = Primeiro dia
reserve-end = Último dia
reserve-dates-hint = O projeto deve começar hoje ou depois e terminar até { $date }.
reserve-submit = Reservar o comprovante
reserve-location-missing = Escolha o local que executa o projeto.
reserve-consultant-missing = Escolha o consultor que executa o projeto.
reserve-start-invalid = Informe o primeiro dia (ano, mês e dia).
reserve-end-invalid = Informe o último dia (ano, mês e dia).

## Relógio do programa

clock-title = Relógio do programa
clock-today = Data do programa
clock-simulated = Um relógio simulado: avance-o para ver o que acontece ao longo do calendário do programa. As regras usam esta data.
clock-system = O relógio do sistema, em UTC. Ele não pode ser alterado.
clock-advance-title = Avançar
clock-days = Número de dias
clock-advance-submit = Avançar o relógio
clock-set-title = Ir para uma data
clock-date = Data
clock-set-submit = Definir a data
clock-calendar = Calendário do programa
clock-past = Passou
clock-days-invalid = Informe um número inteiro de dias, de 1 a 3650.
clock-date-invalid = Informe uma data (ano, mês e dia).

## The admins' users page
users-title = Usuários
users-intro = Um usuário desativado não pode mais entrar, e todas as sessões abertas dele são encerradas na hora. Reative-o para que possa entrar de novo.
users-name = Nome
users-email = Endereço de e-mail
users-role = Função
users-status = Situação
users-action = Ação
users-active = Ativo
users-disabled = Desativado
users-disable = Desativar
users-enable = Reativar
users-you = Você

milestone-cloud-engagements-retired = Desativação dos projetos de nuvem
milestone-training-conversion-ended = Os dias de comprovantes de treinamento não podem mais ser convertidos em dias de planejamento
milestone-accrual-ended = Os clientes deixam de acumular dias de planejamento
milestone-last-day-to-create-or-assign = Último dia para criar ou atribuir comprovantes
milestone-remaining-days-removed = Remoção de todos os dias de planejamento restantes
milestone-last-day-to-redeem = Último dia para resgatar comprovantes

## Erros

form-problem-title = Há um problema
error-not-found-title = Página não encontrada
error-not-found = Esta página não existe ou você não tem permissão para vê-la.
error-forbidden-title = Não permitido
error-forbidden = Sua função não permite esta ação.
error-csrf-title = Este formulário expirou
error-csrf = Para sua segurança, o formulário não foi aceito: ele foi enviado de outro site ou é antigo demais. Volte, recarregue a página e tente novamente.
error-bad-form = Não foi possível ler o formulário. Recarregue a página e tente novamente.
error-refused-title = Não foi possível fazer isso
error-internal-title = Algo deu errado
error-internal = Algo deu errado do nosso lado. O erro foi registrado; tente novamente mais tarde.
error-busy-title = Sistema ocupado
error-busy = O sistema está ocupado. Tente novamente em instantes.
error-go-home = Voltar para o início
error-go-login = Ir para a página de entrada

not-found-generic = Isto não existe ou você não tem permissão para vê-lo.
not-found-voucher = Este comprovante não existe ou você não tem permissão para vê-lo.
not-found-agreement = Sua organização não tem este contrato.
conflict-generic = Alguém alterou isto ao mesmo tempo. Recarregue a página e tente novamente.
error-duplicate = Isto já existe.
conflict-voucher = O comprovante mudou ou não está mais em um estado que permita isso. Recarregue a página para ver a situação dele.
login-throttled = Muitas tentativas de entrada com falha para este endereço. Aguarde alguns minutos e tente novamente.
conflict-clock = O servidor usa o relógio do sistema; só um relógio simulado pode ser alterado.
invalid-generic = Verifique este valor.
invalid-agreement = Sua organização não tem contrato com este número.
invalid-reason = Diga por que a reserva foi cancelada (no máximo 2.000 caracteres).
invalid-delivery-country = O país de execução não é um país válido.
invalid-advance-days = Isso levaria o relógio para fora do intervalo permitido.

rule-unknown-engagement = Não há projeto { $engagement } no catálogo.
rule-length-not-allowed = { $engagement } não pode durar { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }; as durações permitidas são de { $allowed } dias.
rule-engagement-retired = { $engagement } foi desativado em { $on }.
rule-second-fifteen-day-engagement = Sua organização já tem um projeto { $engagement } de 15 dias; não é permitido um segundo.
rule-creation-closed = Não é mais possível criar comprovantes: o último dia foi { $last_day }.
rule-assignment-closed = Não é mais possível atribuir comprovantes: o último dia foi { $last_day }.
rule-days-removed = Todos os dias de planejamento restantes foram removidos em { $on }.
rule-voucher-expired = O comprovante expirou em { $expired_on }.
rule-insufficient-days = { $available ->
        [one] Este saldo tem apenas { $available } dia de planejamento disponível
       *[other] Este saldo tem apenas { $available } dias de planejamento disponíveis
    }; o comprovante precisa de { $requested }.
rule-benefit-not-active = O benefício Serviços de planejamento não está ativo para sua organização.
rule-benefit-already-active = O benefício Serviços de planejamento já está ativo.
rule-agreement-not-active = O contrato { $agreement } não está vigente hoje.
rule-agreement-invalid = Este contrato não é válido: ele termina antes de começar.
rule-accrual-ended = Os clientes deixaram de acumular dias de planejamento em { $on }.
rule-terms-not-accepted = Aceite os termos do programa para reservar o comprovante.
rule-delivery-country-mismatch = O país deste local ({ $location_country }) não é o país de execução do projeto ({ $delivery_country }): escolha um local nesse país.
rule-engagement-already-started = O projeto começaria em { $start_date }, antes de hoje ({ $today }): um projeto é reservado antes de começar.
rule-ends-before-start = O último dia é anterior ao primeiro dia.
rule-ends-after-expiry = O projeto deve terminar até a data de expiração do comprovante, { $expires_on }.
rule-too-long-for-voucher = Estas datas abrangem mais dias úteis do que os { $voucher_days } dias do comprovante.
rule-consultant-not-in-partner = Escolha um dos consultores da sua empresa.
rule-project-manager-not-in-customer = Escolha um gerente de projeto da sua organização.
rule-partner-unknown = Este parceiro não existe.
rule-location-not-in-partner = Escolha um dos locais da sua empresa.
rule-redemption-closed = Não é mais possível resgatar comprovantes: o último dia foi { $last_day }.
rule-role-not-in-org = A função { $role } não existe neste tipo de organização.
rule-email-taken = Já existe um usuário com este endereço de e-mail.
rule-agreement-number-taken = Sua organização já tem um contrato com este número.
rule-unknown-course = { $course } não é o treinamento de conformidade do programa.
rule-unknown-competency = Nenhum projeto do catálogo exige a competência { $competency }.
rule-unknown-exam = Nenhum projeto do catálogo aceita o exame { $exam }.
rule-provider-agreement-not-newer = A versão { $version } não é mais recente que o contrato do programa atual, versão { $current }.
rule-provider-agreement-not-current = A versão { $version } não é o contrato do programa vigente: assine a versão { $current }.
rule-provider-agreement-not-accepted = Aceite o contrato do programa para assiná-lo.
rule-provider-agreement-not-signed = Assine a versão { $version } do contrato do programa antes de se registrar.
rule-unknown-offering = Não há oferta { $offering } no catálogo.
rule-offering-not-active = Sua qualificação para { $offering } não está Ativo: ainda não é possível se registrar.

## Funções

role-operator = Operador do programa
role-global-admin = Administrador global
role-mpn-admin = Administrador do parceiro MPN
role-consultant = Consultor
role-benefit-admin = Administrador de benefícios
role-project-manager = Gerente de projeto

## Países

country-BR = Brasil
country-DE = Alemanha
country-ES = Espanha
country-FR = França
country-GB = Reino Unido
country-IT = Itália
country-PT = Portugal
country-RU = Rússia
country-US = Estados Unidos

## O catálogo padrão

offering-DDPS = Serviços de planejamento de implantação de desktops
offering-DYDPS = Serviços de planejamento de implantação do Dynamics
offering-PVDPS = Serviços de planejamento de implantação de nuvem privada e virtualização
offering-SDPS = Serviços de planejamento de implantação do SharePoint
offering-S-EDPS = Serviços de planejamento de implantação do Skype for Business e do Exchange
offering-SSDPS = Serviços de planejamento de implantação do SQL Server
offering-AZDPS = Serviços de planejamento de implantação do Azure
engagement-DDPS-WIN = Planejamento de implantação do Windows
engagement-DDPS-APPS = Planejamento de implantação do cliente Office
engagement-DDPS-M365 = Planejamento de implantação em nuvem do Microsoft 365
engagement-DYDPS-CE = Planejamento do Dynamics Customer Engagement
engagement-DYDPS-ERP = Planejamento do Dynamics Finanças e Operações
engagement-PVDPS-HV = Planejamento de virtualização de servidores
engagement-PVDPS-SC = Planejamento de gerenciamento de nuvem privada
engagement-SDPS-SRV = Planejamento de implantação do SharePoint Server
engagement-SDPS-ONLINE = Planejamento de migração para o SharePoint Online
engagement-S-EDPS-EX = Planejamento de implantação do Exchange Server
engagement-S-EDPS-SFB = Planejamento de implantação do Skype for Business Server
engagement-S-EDPS-TEAMS = Planejamento do Microsoft Teams
engagement-SSDPS-UPG = Planejamento de atualização e migração do SQL Server
engagement-SSDPS-BI = Planejamento de business intelligence
engagement-AZDPS-IAAS = Planejamento de infraestrutura do Azure
engagement-AZDPS-APP = Planejamento de modernização de aplicativos do Azure

## Payments

nav-payments = Pagamentos
