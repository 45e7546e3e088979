# Письма saps — русский.

## Общие слова

mail-days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
mail-link = Открыть в saps
mail-signature = saps — службы планирования
mail-voucher-id = Идентификатор ваучера
mail-engagement = Проект
mail-length = Продолжительность
mail-expires-on = Истекает
mail-reason = Причина
mail-comment = Комментарий
mail-partner = Партнер
mail-customer = Клиент
mail-start = Начало
mail-end = Окончание
mail-agreement = Соглашение
mail-days-left = Осталось дней планирования
mail-removed-on = Дата удаления
mail-claim-closes = Последний день для заявки на оплату
mail-reported-on = Отчет отправлен

## Назначение

assigned-customer-subject = Ваучер служб планирования { $code } назначен партнеру { $partner }
assigned-customer-intro = Ваш ваучер служб планирования назначен партнеру { $partner }.
assigned-customer-next = { $partner } проверит его по идентификатору ваучера и вашему адресу электронной почты, затем зарезервирует проект.
assigned-partner-subject = Клиент { $customer } назначил вам ваучер служб планирования { $code }
assigned-partner-intro = Клиент { $customer } назначил вашей компании ваучер служб планирования.
assigned-partner-next = Проверьте его по идентификатору ваучера и адресу электронной почты клиента, затем зарезервируйте проект для консультанта.
returned-subject = Партнер { $partner } вернул ваучер служб планирования { $code }
returned-intro = Партнер { $partner } вернул ваш ваучер служб планирования, не зарезервировав его.
returned-next = Ваучер больше не назначен: вы можете назначить его другому партнеру.
cancelled-subject = Клиент { $customer } отменил ваучер служб планирования { $code }
cancelled-intro = Клиент { $customer } отменил назначенный вам ваучер служб планирования.
cancelled-next = Его больше нельзя зарезервировать или выполнить.
reserved-subject = Партнер { $partner } зарезервировал ваучер служб планирования { $code }
reserved-intro = Партнер { $partner } зарезервировал ваш ваучер служб планирования для проекта.
reserved-next = Партнер выполнит проект в эти даты, затем отправит отчет о завершении.
reservation-cancelled-subject = Партнер { $partner } отменил резервирование ваучера { $code }
reservation-cancelled-intro = Партнер { $partner } отменил резервирование вашего ваучера служб планирования.
reservation-cancelled-next = Ваучер по-прежнему назначен партнеру { $partner }, который может зарезервировать его снова.

## Выполнение

declined-subject = Ваучер { $code }: выполнение отклонено
declined-intro = Клиент отклонил выполнение, указанное для ваучера { $code }.
declined-next = Ваучер снова зарезервирован: вы можете отправить новый отчет о завершении.

## Напоминания

remind-days-removal-subject = { $date } будут удалены дни планирования: { $days }
remind-days-removal-intro = По вашему соглашению { $agreement } осталось дней планирования: { $days }. Все оставшиеся дни планирования будут удалены { $date }
remind-days-removal-next = Создайте до этой даты ваучеры на нужные вам проекты.
remind-voucher-unreserved-subject = Ваучер { $code } истекает { $date } без резервирования
remind-voucher-unreserved-intro = Ваш ваучер служб планирования не зарезервирован и истекает { $date }
remind-voucher-unreserved-next = Назначьте его партнеру, который успеет его зарезервировать, или отмените его.
remind-reservation-expiry-subject = Зарезервированный ваучер { $code } истекает { $date }
remind-reservation-expiry-intro = Ваучер служб планирования, зарезервированный вашей компанией, истекает { $date }
remind-reservation-expiry-next = Выполните проект и отправьте отчет о завершении до этой даты.
remind-claim-window-subject = Заявка на оплату по ваучеру { $code } — до { $date }
remind-claim-window-intro = Вы активировали (погасили) этот ваучер служб планирования; последний день для заявки на оплату — { $date }
remind-claim-window-next = Отправьте заявку на оплату до этой даты, иначе проект не будет оплачен.
remind-sign-off-subject = Ваучер { $code }: отчет о завершении ждет вашего подтверждения
remind-sign-off-intro = Партнер { $partner } отправил отчет о завершении проекта; он ждет вашего подтверждения.
remind-sign-off-next = Примите или отклоните выполнение. Без ответа оно считается принятым { $date }

## Оплата

mail-claim-reference = Номер заявки
mail-total = Итого
mail-payment-due = Оплата до
mail-payment-reference = Номер платежа
mail-dispute-until = Оспорить можно до
claim-approved-subject = Заявка на оплату { $reference } одобрена
claim-approved-intro = Ваша заявка на оплату Planning Services { $reference } одобрена.
claim-approved-next = Сумма { $total } должна быть выплачена до { $date }.
claim-rejected-subject = Заявка на оплату { $reference } отклонена
claim-rejected-intro = Ваша заявка на оплату Planning Services { $reference } отклонена.
claim-rejected-next = Её ваучеры можно снова включить в заявку в пределах срока подачи. Первый отказ можно оспорить в течение 30 дней.
claim-rejected-final-subject = Заявка на оплату { $reference } отклонена окончательно
claim-rejected-final-intro = Ваше возражение по заявке на оплату Planning Services { $reference } рассмотрено; заявка отклонена окончательно.
claim-rejected-final-next = Её ваучеры можно снова включить в заявку в пределах срока подачи.
claim-paid-subject = Заявка на оплату { $reference } оплачена
claim-paid-intro = Ваша заявка на оплату Planning Services { $reference } оплачена: { $total }.
claim-paid-next = Номер платежа: { $payment_reference }.

## Вебхуки

mail-webhook-url = Вебхук
mail-failing-since = Сбои с
webhook-disabled-subject = Вебхук отключён после суток неудачных доставок
webhook-disabled-intro = Все доставки на ваш вебхук { $url } не удавались в течение суток, поэтому saps отключил его и больше ничего на него не отправляет.
webhook-disabled-next = Проверьте получателя, затем удалите вебхук и добавьте его снова.
