# Исходящая почта оператора — русский.

outbox-title = Исходящая почта
outbox-intro = Ожидают отправки: { $pending }, с ошибками: { $failing }.
outbox-none = Писем еще не было.
outbox-created = В очереди с
outbox-to = Кому
outbox-subject = Тема
outbox-status = Состояние
outbox-attempts = Попытки
outbox-when = Отправлено, отменено или следующая попытка
outbox-last-error = Последняя ошибка
outbox-status-pending = Ожидает
outbox-status-retrying = Повторная попытка
outbox-status-sent = Отправлено
outbox-status-failed = Ошибка
