# Время: часы, которые идут только вперед, и что сделал их перевод, ближайшие
# сроки для оператора, предварительный расчет изменения программы и
# преобразование дней обучения.

## Часы
time-clock-moved = Часы программы переведены вперед на { $date }.
time-clock-unchanged = Дата программы уже { $date }; часы не переводились.
time-effects-none = Ни один срок не наступил.
time-effect-vouchers-expired = { $count ->
        [one] Истек { $count } ваучер.
        [few] Истекли { $count } ваучера.
        [many] Истекли { $count } ваучеров.
       *[other] Истекли { $count } ваучера.
    }
time-effect-days-returned = { $count ->
        [one] { $count } день вернулся в остаток дней.
        [few] { $count } дня вернулись в остатки дней.
        [many] { $count } дней вернулись в остатки дней.
       *[other] { $count } дня вернулись в остатки дней.
    }
time-effect-days-removed = { $count ->
        [one] Удален { $count } оставшийся день планирования.
        [few] Удалены { $count } оставшихся дня планирования.
        [many] Удалены { $count } оставшихся дней планирования.
       *[other] Удалены { $count } оставшегося дня планирования.
    }
time-effect-reminders-sent = { $count ->
        [one] Отправлено { $count } напоминание.
        [few] Отправлено { $count } напоминания.
        [many] Отправлено { $count } напоминаний.
       *[other] Отправлено { $count } напоминания.
    }
time-effect-sign-offs-deemed = { $count ->
        [one] { $count } отчет о завершении считается принятым.
        [few] { $count } отчета о завершении считаются принятыми.
        [many] { $count } отчетов о завершении считаются принятыми.
       *[other] { $count } отчета о завершении считаются принятыми.
    }
time-clock-backwards = Часы идут только вперед: выберите { $today } или более позднюю дату.

## Главная страница оператора
time-home-title = Ближайшие сроки
time-home-days-at-risk = { $count ->
        [one] { $count } день планирования будет удален { $date }, если его не использовать.
        [few] { $count } дня планирования будут удалены { $date }, если их не использовать.
        [many] { $count } дней планирования будут удалены { $date }, если их не использовать.
       *[other] { $count } дня планирования будут удалены { $date }, если их не использовать.
    }
time-home-no-days-at-risk = Нет дней планирования, ожидающих удаления.
time-home-expiring = { $count ->
        [0] В ближайшие 30 дней ни один ваучер не истекает.
        [one] В ближайшие 30 дней истекает { $count } ваучер.
        [few] В ближайшие 30 дней истекают { $count } ваучера.
        [many] В ближайшие 30 дней истекают { $count } ваучеров.
       *[other] В ближайшие 30 дней истекают { $count } ваучера.
    }
time-home-next-milestone = Следующий этап календаря, { $date }: { $name }.
time-home-no-milestone = В календаре программы больше ничего не осталось.

## Параметры программы и предварительный расчет
time-program-title = Параметры и календарь программы
time-program-intro = Сначала посмотрите, каких клиентов, ваучеры, дни и заявки на оплату затронет изменение, затем сохраните его.
time-program-validity = Срок действия ваучера (дней)
time-program-anchor = Срок действия отсчитывается от
time-program-anchor-creation = Создания ваучера
time-program-anchor-assignment = Назначения ваучера
time-program-claim-window = Срок подачи заявки на оплату (дней после активации)
time-program-calendar = Календарь
time-program-preview = Предварительный расчет
time-program-save = Сохранить
time-whatif-title = Что сделает это изменение
time-whatif-nothing = Изменение не затрагивает ни клиентов, ни ваучеры, ни дни, ни заявки на оплату.
time-whatif-customers = Клиенты
time-whatif-vouchers = Ваучеры
time-whatif-days = Дни планирования
time-whatif-claims = Заявки на оплату
time-whatif-kind = Изменение
time-whatif-item = Объект
time-whatif-before = До
time-whatif-after = После
time-whatif-kind-voucher-expiry = Меняется срок действия ваучера
time-whatif-kind-days-removed = Дни будут удалены
time-whatif-kind-days-kept = Дни сохранятся
time-whatif-kind-claim-window = Срок подачи заявки на оплату закрывается или открывается
time-whatif-more = Показаны первые { $shown } из { $total }.
time-whatif-none = нет
done-program-saved = Программа сохранена.

## Преобразование дней обучения
time-convert-title = Преобразовать дни обучения
time-convert-intro = Дни ваучеров на обучение становятся днями планирования: { $training } дн. обучения дают { $planning } дн. планирования, до { $date }.
time-convert-closed = Дни ваучеров на обучение больше нельзя преобразовать: преобразование закончилось { $date }.
time-convert-agreement = Соглашение
time-convert-held = Дни обучения в наличии
time-convert-days = Сколько дней обучения преобразовать
time-convert-submit = Преобразовать
time-convert-days-invalid = Введите целое число дней обучения, 1 или больше.
done-days-converted = Дни обучения преобразованы в дни планирования.
rule-conversion-closed = Дни ваучеров на обучение больше нельзя преобразовать: преобразование закончилось { $on }.
rule-not-enough-training-days = { $held ->
        [one] По соглашению есть только { $held } день обучения.
        [few] По соглашению есть только { $held } дня обучения.
        [many] По соглашению есть только { $held } дней обучения.
       *[other] По соглашению есть только { $held } дня обучения.
    }
invalid-training-days = Введите целое число дней обучения, 1 или больше.
event-voucher-expiry-moved = Срок действия в программе изменился: дата истечения перенесена с { $from } на { $to }.
