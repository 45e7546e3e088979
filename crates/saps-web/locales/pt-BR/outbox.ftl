# A caixa de saída do operador — português do Brasil.

outbox-title = Caixa de saída
outbox-intro = { $pending } aguardando envio, { $failing } com falha.
outbox-none = Nenhum e-mail foi enviado ainda.
outbox-created = Na fila desde
outbox-to = Para
outbox-subject = Assunto
outbox-status = Situação
outbox-attempts = Tentativas
outbox-when = Enviado, desistido ou próxima tentativa
outbox-last-error = Último erro
outbox-status-pending = Pendente
outbox-status-retrying = Nova tentativa
outbox-status-sent = Enviado
outbox-status-failed = Falhou
