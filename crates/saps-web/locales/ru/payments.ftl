# payments: see main.ftl for the conventions.

## Partner: Payments

pay-title = Оплата
pay-intro = Зарегистрируйтесь для оплаты один раз по каждому предложению, укажите банковский счёт каждого офиса, затем подавайте заявки на оплату погашенных ваучеров.
pay-registrations = Регистрация для оплаты
pay-registered = Зарегистрировано { $date }
pay-not-registered = Не зарегистрировано
pay-register = Зарегистрироваться для оплаты
pay-register-hint = Регистрация выполняется один раз по каждому предложению; для неё нужен погашенный ваучер этого предложения.
pay-registered-ok = Ваша компания зарегистрирована для оплаты по { $offering }.
pay-bank-accounts = Банковские счета
pay-bank-hint = Каждый офис получает оплату на свой счёт. IBAN показан скрытым, кроме последних четырёх символов.
pay-bank-none = Банковского счёта пока нет.
pay-bank-save = Сохранить банковский счёт
pay-bank-saved = Банковский счёт офиса { $location } сохранён.
pay-holder = Владелец счёта
pay-iban-hint = Пробелы допускаются, например DE89 3704 0044 0532 0130 00.
pay-bic-hint = 8 или 11 символов, например COBADEFFXXX.
pay-ready = Погашенные ваучеры для заявки на оплату
pay-ready-hint = Одна заявка на оплату включает ваучеры одного офиса и одной валюты, каждый в течение { $days ->
    [one] { $days } дня
   *[other] { $days } дней
} после погашения.
pay-ready-none = Нет погашенных ваучеров, ожидающих заявки на оплату.
pay-filter = Фильтр
pay-filter-country = Страна
pay-filter-location = Офис
pay-filter-all = Все
pay-filter-apply = Показать
pay-col-voucher = Идентификатор ваучера
pay-col-engagement = Проект
pay-col-location = Офис
pay-col-country = Страна
pay-col-days = Дни
pay-col-redeemed = Дата погашения
pay-col-window = Осталось для заявки
pay-col-day-rate = Дневная ставка
pay-col-amount = Сумма
pay-col-reference = Номер ссылки
pay-col-partner = Партнер
pay-col-state = Статус
pay-col-total = Итого
pay-col-submitted = Дата отправки
pay-col-due = Срок оплаты
pay-window-left = { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
    [many] осталось { $days } дней
   *[other] осталось { $days } дня
}
pay-window-today = Сегодня последний день
pay-compute = Рассчитать итог
pay-pick-one = Выберите хотя бы один ваучер.
pay-selected = Ваучеры в этой заявке
pay-save-draft = Сохранить как черновик
pay-submit = Отправить заявку
pay-back = Изменить выбор
pay-created-draft = Заявка на оплату { $reference } сохранена как черновик.
pay-created-submitted = Заявка на оплату { $reference } отправлена.
pay-claims = Заявки на оплату
pay-claims-none = Заявок на оплату пока нет.
pay-invoice = Счёт (PDF)
pay-open = Открыть
pay-claim-title = Заявка на оплату { $reference }
pay-history = История
pay-submit-draft = Отправить
pay-submitted-ok = Заявка на оплату { $reference } отправлена.
pay-dispute = Оспорить отклонение
pay-dispute-hint = Отклонение можно оспорить в течение 30 дней; затем оператор окончательно одобряет или отклоняет заявку.
pay-reason = Причина
pay-rejected-because = Отклонена: { $reason }
pay-disputed-because = Оспорена: { $reason }
pay-paid-with = Оплачена, номер платежа { $reference }
pay-disputed-ok = Заявка на оплату { $reference } оспорена.
pay-state-draft = Черновик
pay-state-submitted = Отправлена
pay-state-approved = Одобрена
pay-state-paid = Оплачена
pay-state-rejected = Отклонена
pay-state-disputed = Оспорена
pay-state-withdrawn = Отозвана
pay-withdraw = Отозвать черновик
pay-withdraw-confirm = Отозвать черновик { $reference }? Его ваучеры снова можно будет включить в заявку.
pay-withdraw-yes = Да, отозвать черновик
pay-withdrawn-ok = Заявка на оплату { $reference } отозвана; её ваучеры снова можно включить в заявку.

## Operator: review, rate card, dashboard

pay-review = Очередь на проверку
pay-review-hint = Отправленные и оспоренные заявки, сначала самые старые.
pay-review-none = Нет заявок, ожидающих проверки.
pay-approve = Одобрить
pay-reject = Отклонить
pay-pay = Отметить как оплаченную
pay-payment-reference = Номер платежа
pay-approved-ok = Заявка на оплату { $reference } одобрена.
pay-rejected-ok = Заявка на оплату { $reference } отклонена.
pay-paid-ok = Заявка на оплату { $reference } оплачена.
pay-rates = Тарифная сетка
pay-rates-hint = Дневная ставка по каждой стране с валютой, действующая с определённой даты. Строка заявки использует ставку страны выполнения, действующую на дату погашения ваучера.
pay-rates-none = Тарифная сетка пуста.
pay-rate-country = Страна (две буквы)
pay-rate-amount = Дневная ставка
pay-rate-currency = Валюта
pay-rate-from = Действует с
pay-rate-add-hint = Заполните пустую строку, чтобы добавить ставку; очистите поля строки, чтобы удалить её.
pay-rates-save = Сохранить тарифную сетку
pay-rates-saved = Тарифная сетка сохранена.
pay-dashboard = Сводка по оплатам
pay-chart-by-state = Суммы по статусам
pay-chart-by-state-desc = Суммы заявок в { $currency } по статусу заявки:
pay-chart-by-month = Суммы заявок по месяцам
pay-chart-by-month-desc = Суммы в { $currency } заявок, поданных в каждом месяце:
pay-chart-empty = Заявок на оплату пока нет.
pay-due-soon = Заявки с близким сроком оплаты
pay-due-soon-none = Ни у одной одобренной заявки срок оплаты не наступает в ближайшие 14 дней.
pay-due-in = { $days ->
    [0] срок оплаты сегодня
    [one] срок оплаты через { $days } день
    [few] срок оплаты через { $days } дня
    [many] срок оплаты через { $days } дней
   *[other] срок оплаты через { $days } дня
}
pay-overdue = { $days ->
    [one] просрочено на { $days } день
    [few] просрочено на { $days } дня
    [many] просрочено на { $days } дней
   *[other] просрочено на { $days } дня
}

## Refusals on the payment pages

pay-invalid-holder = Укажите имя владельца счёта (не более 200 символов).
pay-invalid-iban = Это недействительный IBAN: проверьте страну, длину и контрольные цифры.
pay-invalid-bic = BIC состоит из 8 или 11 символов: 4 буквы банка, 2 — страны, 2 — местонахождения и необязательный код филиала.
pay-invalid-reason = Укажите причину (не более 500 символов).
pay-invalid-payment-reference = Укажите номер платежа (не более 500 символов).
pay-invalid-day-rate = Укажите каждую дневную ставку как положительную сумму, например 1234.50, без лишних знаков после запятой для её валюты.
pay-invalid-currency = Укажите код валюты, который принимает тарифная сетка, например EUR.
pay-invalid-effective-from = Укажите первый день действия каждой ставки датой.
pay-invalid-codes = Выберите от 1 до 200 разных ваучеров.
not-found-claim = Такой заявки на оплату нет, или у вас нет к ней доступа.
conflict-claim = Заявка на оплату изменилась или её статус этого уже не допускает. Обновите страницу, чтобы увидеть её состояние.
conflict-payment_registration = Ваша компания уже зарегистрирована для оплаты по этому предложению.
