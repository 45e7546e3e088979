# Minhas configurações: idioma e e-mails opcionais — português do Brasil.

settings-title = Minhas configurações
settings-language-title = Idioma
settings-language = Idioma das suas páginas e e-mails
settings-language-hint = O saps escreve para você neste idioma.
settings-mail-title = E-mails que você recebe
settings-mail-intro = Desmarque um grupo para deixar de receber os e-mails dele. Cada grupo fica ativado até você desativá-lo.
settings-topic-reminders = Lembretes
settings-topic-reminders-hint = Antes que os dias não usados sejam removidos, antes que um voucher expire (reservado ou não), antes que o prazo de solicitação de pagamento termine e quando um relatório de conclusão aguarda a sua aprovação.
settings-topic-voucher-updates = Atualizações de vouchers
settings-topic-voucher-updates-hint = Um voucher atribuído à sua empresa; um voucher reservado, com a reserva cancelada, devolvido ou cancelado pela outra parte.
settings-topic-payments = Pagamentos
settings-topic-payments-hint = Decisões sobre as suas solicitações de pagamento: aprovada, rejeitada, paga.
settings-mail-always = Alguns e-mails são sempre enviados, porque trazem o que você precisa ter: o ID do voucher enviado quando ele é atribuído, uma entrega recusada, um webhook desativado após falhas de entrega e os e-mails de conta e segurança.
settings-save = Salvar configurações
done-settings-saved = Suas configurações foram salvas.
