# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = Работы не могут завершиться позже сегодняшнего дня ({ $today }).
rule-delivery-outside-reservation = Даты выполнения должны быть в пределах бронирования: с { $start_date } по { $end_date }.
rule-delivered-days-mismatch = Число выполненных дней ({ $delivered }) должно равняться числу дней ваучера: { $voucher_days ->
    [one] { $voucher_days } день
    [few] { $voucher_days } дня
   *[other] { $voucher_days } дней
}.
rule-too-many-offsite-days = Удалённо можно выполнить не более { $max } дн., а не { $days_offsite }.
rule-deliverable-missing = Приложите хотя бы один результат работ.
rule-deliverable-type = { $filename } не является файлом PDF, Office, OpenDocument, простым текстом, PNG или JPEG.
rule-not-signed-off = Клиент ещё не подтвердил выполнение работ.

## Voucher history

event-voucher-completed = Отчёт о выполнении отправлен, результатов работ: { $files }
event-voucher-signed-off = { $outcome ->
    [accepted] Клиент принял работы
    [deemed] Работы считаются принятыми: нет ответа в срок подтверждения
   *[declined] Клиент отклонил работы: { $comment }
}
event-voucher-redeemed = Погашен

## Completion report and sign-off (voucher page)

delivery-report-title = Отчёт о выполнении
delivery-report-hint = Сообщите о выполненной работе: дни на месте и удалённо в сумме дают { $days } в пределах дат бронирования. Приложите результат работ для клиента.
delivery-from = Выполнено с
delivery-to = Выполнено по
delivery-dates = Выполнено
delivery-days-onsite = Дней на месте
delivery-days-offsite = Дней удалённо
delivery-offsite-hint = Не более 3 дней удалённо.
delivery-summary = Краткое описание работ
delivery-next-steps = Следующие шаги
delivery-deliverables = Результаты работ
delivery-deliverables-hint = PDF, Word, Excel, PowerPoint, OpenDocument, простой текст, PNG или JPEG; не более 20 МиБ на файл и 50 МиБ всего.
delivery-submit = Отправить отчёт о выполнении
delivery-submitted = Отправлен
delivery-file-size = Размер: { $kib } КиБ
delivery-receipt-download = Скачать квитанцию об отправке
delivery-comment = Комментарий
delivery-comment-hint = Обязателен при отклонении: его прочитает партнёр.
delivery-sign-off-title = Подтвердить выполнение
delivery-sign-off-hint = Примите работы, чтобы партнёр мог погасить ваучер, или отклоните их с комментарием: ваучер снова станет забронированным, и партнёр сможет отправить новый отчёт.
delivery-accept = Принять работы
delivery-decline = Отклонить работы
delivery-sign-off-pending = Ожидает подтверждения
delivery-sign-off-accepted = Подтверждено
delivery-sign-off-declined = Отклонено
delivery-sign-off-deemed = Подтверждено (нет ответа в срок)
done-reported = Отчёт о выполнении отправлен; клиента попросили его подтвердить.
done-signed-off = Работы подтверждены: партнёр может погасить ваучер.
done-declined = Работы отклонены: ваучер снова забронирован, партнёр уведомлён.

## Redeeming vouchers

redeem-title = Погашение ваучеров
redeem-hint = Ваучеры, выполнение которых подтвердил клиент. Отметьте те, что нужно погасить.
redeem-ready = Готовы к погашению
redeem-selected = Погасить выбранные ваучеры
redeem-create-claim = Создать заявку на оплату
redeem-none = Нет ваучеров, готовых к погашению: ваучер гасится после выполнения работ и их подтверждения клиентом.
redeem-pick-one = Выберите хотя бы один ваучер.
redeem-confirm-title = Подтвердите погашение
redeem-confirm-hint = { $count ->
    [one] Будет погашен { $count } ваучер:
    [few] Будут погашены { $count } ваучера:
   *[other] Будут погашены { $count } ваучеров:
}
redeem-yes = Да, погасить
redeem-no = Нет, назад
redeem-results = Результаты погашения
redeem-ok = Погашен
redeem-link = Погасить подтверждённые ваучеры

delivery-awaiting-title = Ожидают вашего подтверждения
delivery-awaiting-hint = Партнёр сообщил о выполнении этих работ: прочитайте отчёт и результаты работ, затем примите или отклоните. Без ответа в срок подтверждения работы считаются принятыми.
