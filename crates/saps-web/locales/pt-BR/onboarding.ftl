# onboarding: see main.ftl for the conventions.
# A guia de serviços de planejamento do parceiro, as páginas de parceiros do
# operador e o contrato do programa.

nav-planning-services = Serviços de planejamento
nav-partners = Parceiros

## A guia do parceiro

onb-title = Registro no programa de serviços de planejamento
onb-intro = Verifique a qualificação da sua empresa para cada oferta, assine o contrato do programa e registre-se. O registro deve ser renovado todos os anos.
onb-eligibility-title = Qualificação
onb-eligibility-hint = Uma marca de seleção verde aparece ao lado de cada requisito que sua empresa já cumpriu.
onb-status-not-started = Não iniciado
onb-status-in-progress = Em andamento
onb-status-active = Ativo
onb-met = Cumprido
onb-not-met = Ainda não cumprido
onb-kind-training = Treinamento de conformidade: { $name }
onb-kind-competency = Competência: { $name }
onb-kind-exam = Exame: { $name }
onb-engagements = Projetos
onb-eligible = qualificado
onb-missing = falta: { $items }
onb-agreement-title = Contrato do programa
onb-agreement-version = Versão { $version }
onb-agreement-signed-by = Assinado por { $name } em { $date }.
onb-agreement-unsigned = Sua empresa ainda não assinou a versão { $version } do contrato do programa: assine-a antes de se registrar.
onb-agreement-new-version = Uma nova versão, { $version }, substitui a versão { $signed } assinada pela sua empresa: assine-a antes do próximo registro ou renovação.
onb-agreement-accept = Li a versão { $version } do contrato do programa e a aceito em nome da minha empresa.
onb-agreement-sign = Assinar o contrato do programa
onb-agreement-only-global-admin = Somente o Administrador global da sua empresa pode assinar o contrato do programa.
onb-signatures-title = Assinaturas
onb-signature-version = Versão
onb-signature-by = Assinado por
onb-signature-at = Assinado em
onb-enroll-title = Registrar-se em uma oferta
onb-enroll-hint = Somente ofertas com qualificação Ativa podem ser escolhidas. Os locais marcados ficam aprovados para entregar a oferta por um ano.
onb-enroll-offering = Oferta
onb-enroll-locations = Locais aprovados para entregá-la
onb-enroll-submit = Registrar-se
onb-offering-missing = Escolha uma oferta com qualificação Ativa.
onb-locations-missing = Marque pelo menos um local da sua empresa.
onb-enrollments-title = Seus registros
onb-enrollments-none = Sua empresa ainda não está registrada em nenhuma oferta.
onb-enrollment-offering = Oferta
onb-enrollment-locations = Locais
onb-enrollment-valid-until = Válido até
onb-enrollment-action = Renovação
onb-enrollment-lapsed = Vencido
onb-enrollment-ending = Vence em breve
onb-renew = Renovar
onb-locations-title = Locais
onb-location-add = Adicionar um local
onb-location-name = Nome
onb-location-country = País
onb-location-country-hint = Código de país de duas letras, por exemplo FR ou BR.
onb-location-city = Cidade
onb-location-submit = Adicionar o local

## Início

onb-home-summary = Serviços de planejamento: { $active ->
        [0] nenhuma oferta está Ativa
        [one] uma oferta está Ativa
       *[other] { $active } ofertas estão Ativas
    }, { $enrolled ->
        [0] nenhum registro ainda.
        [one] um registro.
       *[other] { $enrolled } registros.
    }
onb-home-attention = Algo precisa da sua atenção.
onb-home-link = Abrir serviços de planejamento

## As páginas do operador

onb-partners-title = Parceiros
onb-partners-intro = { $count ->
        [one] Uma empresa parceira, com sua qualificação por oferta e seus registros.
       *[other] { $count } empresas parceiras, com sua qualificação por oferta e seus registros.
    }
onb-partners-none = Ainda não há parceiros.
onb-partner = Parceiro
onb-partner-statuses = Qualificação
onb-partner-enrollments = Registros
onb-partner-not-enrolled = Não registrado
onb-valid-until = válido até { $date }
onb-lapsed-on = venceu em { $date }
onb-pages = Páginas
onb-page-previous = Página anterior
onb-page-next = Próxima página
onb-page-of = Página { $page } de { $pages }
onb-records-title = Dados de qualificação
onb-records-intro = Registre o treinamento de conformidade, as competências e os locais da empresa, e os exames dos seus consultores.
onb-choose = Escolha…
onb-date-missing = Informe uma data.
onb-trainings-title = Treinamento de conformidade
onb-trainings-none = Nenhum treinamento de conformidade registrado.
onb-training-line = { $course }, concluído em { $date }
onb-training-add = Registrar uma conclusão de { $course }
onb-training-completed-on = Concluído em
onb-training-submit = Registrar o treinamento
onb-competencies-title = Competências
onb-competencies-none = Nenhuma competência registrada.
onb-competency-add = Registrar uma competência
onb-competency = Competência
onb-competency-missing = Escolha uma competência.
onb-level = Nível
onb-level-silver = Prata
onb-level-gold = Ouro
onb-level-missing = Escolha um nível.
onb-competency-valid-until = Válida até
onb-competency-submit = Registrar a competência
onb-consultants-title = Consultores
onb-consultants-hint = Abra um consultor para registrar os exames em que foi aprovado.
onb-consultants-none = A empresa não tem consultores.
onb-consultant-intro = Consultor de { $partner }
onb-exams-title = Exames aprovados
onb-exams-none = Nenhum exame registrado.
onb-exam-passed = { $exam }, aprovado em { $date }
onb-exam-add = Registrar um exame
onb-exam = Exame
onb-exam-missing = Escolha um exame.
onb-exam-passed-on = Aprovado em
onb-exam-submit = Registrar o exame
onb-publish-title = Contrato do programa
onb-publish-intro = Os parceiros assinam a versão vigente; uma nova versão deve ser assinada antes do próximo registro ou renovação.
onb-publish-current = Versão vigente: { $version }
onb-publish-new = Publicar uma nova versão
onb-publish-version = Número da versão
onb-publish-version-hint = Deve ser maior que { $version }.
onb-publish-text = Texto
onb-publish-submit = Publicar
onb-version-missing = Informe um número de versão inteiro.
onb-text-missing = Informe o texto do contrato.

## Depois de uma ação, e recusas destes formulários

done-agreement-signed = Sua empresa assinou o contrato do programa.
done-enrolled = Sua empresa está registrada.
done-renewed = O registro foi renovado por um ano.
done-location-added = O local foi adicionado.
done-training-recorded = O treinamento de conformidade foi registrado.
done-competency-recorded = A competência foi registrada.
done-exam-recorded = O exame foi registrado.
done-agreement-published = A nova versão do contrato do programa foi publicada.
invalid-completed-on = A data não pode ser posterior a hoje.
invalid-passed-on = A data não pode ser posterior a hoje.
invalid-version = O número da versão é grande demais.
invalid-text = Informe o texto do contrato (no máximo 100.000 caracteres).
invalid-name = Informe um nome (no máximo 200 caracteres).
invalid-country = Informe um código de país de duas letras, por exemplo BR.
invalid-location-ids = Marque entre 1 e 200 locais da sua empresa.
