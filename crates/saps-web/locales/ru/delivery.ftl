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
