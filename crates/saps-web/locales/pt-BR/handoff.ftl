# handoff: see main.ftl for the conventions.

## Rules of the hand-off (assignment, validation, reservation)

rule-not-enrolled = O parceiro não tem registro em { $offering }.
rule-enrollment-lapsed = O registro do parceiro em { $offering } terminou em { $valid_until }: ele precisa ser renovado primeiro.
rule-location-not-approved = O local { $location } não está aprovado para { $offering }: escolha um local aprovado no registro.
rule-no-approved-location-in-country = O parceiro não tem nenhum local em { $country } aprovado para { $offering }.
rule-compliance-training-missing = O parceiro não concluiu o treinamento de conformidade { $course } no último ano.
rule-competency-missing = O parceiro não tem a competência { $competency } exigida por { $engagement }.
rule-competency-expired = A competência { $competency } do parceiro expirou em { $expired_on }.
rule-consultant-not-qualified = Este consultor não foi aprovado em nenhum dos exames de { $engagement } ({ $exams }): escolha um consultor qualificado.
rule-no-qualified-consultant = Nenhum consultor do parceiro foi aprovado em um exame de { $engagement } ({ $exams }).
rule-reservation-too-short = Estas datas abrangem { $window_days ->
    [one] { $window_days } dia
   *[other] { $window_days } dias
}, mas o comprovante é de { $voucher_days ->
    [one] { $voucher_days } dia
   *[other] { $voucher_days } dias
}: escolha um último dia posterior.

## Voucher history and messages

event-voucher-returned = Devolvido ao cliente por { $partner }: { $reason }
done-returned = O comprovante foi devolvido ao cliente, que foi avisado por e-mail.

## Assigning, reserving and returning

handoff-assign-eligible = Só aparecem os parceiros registrados e qualificados para este projeto, com um local aprovado em { $country }.
handoff-assign-none = Ainda não há parceiro registrado e qualificado para este projeto com um local aprovado em { $country }. Volte mais tarde ou cancele o comprovante para devolver os dias ao saldo.
handoff-not-reservable = Sua empresa não pode reservar este comprovante agora.
handoff-reserve-intro = Confira os detalhes do comprovante, aceite os termos do programa e reserve-o.
handoff-return-title = Devolver o comprovante ao cliente
handoff-return-hint = Se sua empresa não vai executar este projeto, devolva o comprovante: ele deixa de estar atribuído, o administrador de benefícios e o gerente de projeto do cliente são avisados por e-mail e podem atribuí-lo a outro parceiro.
handoff-return-reason = Motivo
handoff-return-submit = Devolver o comprovante
