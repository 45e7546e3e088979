# Веб-интерфейс saps — русский.

## Макет

program-name = Службы планирования
skip-to-content = Перейти к содержимому
language = Язык
language-change = Сменить
sign-out = Выйти
nav-main = Основное меню
nav-home = Главная
nav-vouchers = Ваучеры
nav-new-voucher = Создать ваучер
nav-vvr = Проверить и зарезервировать
nav-clock = Часы программы
nav-users = Пользователи
footer-date = Дата программы: { $date } (UTC)
footer-date-simulated = Дата программы: { $date } (моделируемые часы, UTC)
footer-api = Справочник по API

## Слова и форматы

days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
list-or = { $init } или { $last }

## Вход

login-title = Вход
login-intro = Войдите в программу служб планирования с рабочим адресом электронной почты.
login-email = Адрес электронной почты
login-password = Пароль
login-submit = Войти
login-failed = Неверный адрес электронной почты или пароль.
login-email-missing = Введите адрес электронной почты.
login-email-too-long = Адрес электронной почты — не длиннее 254 символов.
login-password-missing = Введите пароль.
login-signed-out = Вы вышли из системы.
login-demo-title = Попробуйте демоверсию
login-demo-hint = У всех демонстрационных учетных записей ниже пароль { $password }.

## Главные страницы

home-title = Главная
home-welcome = Здравствуйте, { $name }
home-recent = Последние ваучеры
home-all-vouchers = Все ваучеры
next-title = Что сделать дальше
next-see-them = Посмотреть
next-activate = Активируйте льготу «Службы планирования», чтобы использовать дни планирования вашей организации.
next-activate-ask = Льгота «Службы планирования» еще не активирована: попросите администратора льгот активировать ее.
next-create = Доступно: { $days }. Создайте ваучер на проект, затем назначьте его партнеру.
next-no-days = Сейчас нет доступных дней планирования.
next-assign =
    { $count ->
        [one] { $count } ваучер ожидает назначения партнеру.
        [few] { $count } ваучера ожидают назначения партнеру.
        [many] { $count } ваучеров ожидают назначения партнеру.
       *[other] { $count } ваучера ожидают назначения партнеру.
    }
next-wait-partner =
    { $count ->
        [one] { $count } ваучер находится у партнера и ожидает резервирования.
        [few] { $count } ваучера находятся у партнеров и ожидают резервирования.
        [many] { $count } ваучеров находятся у партнеров и ожидают резервирования.
       *[other] { $count } ваучера находятся у партнеров и ожидают резервирования.
    }
next-reserved =
    { $count ->
        [one] { $count } проект зарезервирован.
        [few] { $count } проекта зарезервированы.
        [many] { $count } проектов зарезервировано.
       *[other] { $count } проекта зарезервировано.
    }
next-nothing = Сейчас ничто не требует вашего внимания.
next-partner-reserve =
    { $count ->
        [one] Вашей компании назначен { $count } ваучер: проверьте и зарезервируйте его до начала проекта.
        [few] Вашей компании назначено { $count } ваучера: проверьте и зарезервируйте их до начала проектов.
        [many] Вашей компании назначено { $count } ваучеров: проверьте и зарезервируйте их до начала проектов.
       *[other] Вашей компании назначено { $count } ваучера: проверьте и зарезервируйте их до начала проектов.
    }
next-partner-deliver =
    { $count ->
        [one] Зарезервирован { $count } проект: выполните его до истечения срока ваучера.
        [few] Зарезервировано { $count } проекта: выполните их до истечения срока ваучеров.
        [many] Зарезервировано { $count } проектов: выполните их до истечения срока ваучеров.
       *[other] Зарезервировано { $count } проекта: выполните их до истечения срока ваучеров.
    }
next-partner-nothing = Ожидающих ваучеров нет. Когда клиент назначит ваучер вашей компании, он появится здесь.
next-consultant-deliver =
    { $count ->
        [one] Вы выполняете { $count } зарезервированный проект.
        [few] Вы выполняете { $count } зарезервированных проекта.
        [many] Вы выполняете { $count } зарезервированных проектов.
       *[other] Вы выполняете { $count } зарезервированного проекта.
    }
next-consultant-nothing = Сейчас для вас не зарезервировано ни одного проекта.
next-operator-clock = Дата программы: { $date }. Переведите моделируемые часы, чтобы пройти по календарю программы.
next-operator-open =
    { $count ->
        [one] Открыт { $count } ваучер (создан или назначен).
        [few] Открыто { $count } ваучера (созданы или назначены).
        [many] Открыто { $count } ваучеров (созданы или назначены).
       *[other] Открыто { $count } ваучера (созданы или назначены).
    }

## Льгота

benefit-title = Дни планирования
benefit-activate = Активировать льготу
benefit-inactive = Льгота «Службы планирования» не активирована для вашей организации.
benefit-available-total = Доступно сейчас: { $days }.
benefit-no-agreements = Для вашей организации еще не зарегистрировано ни одного соглашения Software Assurance.
benefit-table-caption = Дни планирования по соглашениям
benefit-agreement = Соглашение
benefit-accrued = Начислено
benefit-used = Использовано
benefit-available = Доступно
benefit-expires = Истекает
benefit-chart = Использовано и доступно
benefit-chart-label = Использовано: { $used }; доступно: { $available }

## Главные страницы партнера и оператора

partner-to-reserve = Ваучеры для проверки и резервирования
partner-to-reserve-none = Нет ваучеров, ожидающих резервирования.
partner-validate-link = Зарезервировать
partner-reserved = Зарезервированные проекты
partner-reserved-none = Нет зарезервированных проектов.
operator-counts = Ваучеры по состояниям
operator-count = Ваучеры
operator-chart = Доля ваучеров
operator-total =
    { $count ->
        [one] В программе { $count } ваучер.
        [few] В программе { $count } ваучера.
        [many] В программе { $count } ваучеров.
       *[other] В программе { $count } ваучера.
    }

## Список ваучеров

vouchers-title = Ваучеры
vouchers-search-label = Поиск ваучеров
vouchers-search = Идентификатор ваучера
vouchers-search-hint = Весь идентификатор или его часть; дефисы и регистр букв не важны.
vouchers-any-state = Любое состояние
vouchers-search-submit = Найти
vouchers-clear = Сбросить поиск
vouchers-count =
    { $count ->
        [one] { $count } ваучер.
        [few] { $count } ваучера.
        [many] { $count } ваучеров.
       *[other] { $count } ваучера.
    }
vouchers-none = Ваучеров пока нет.
vouchers-none-match = Ни один ваучер не соответствует поиску.
vouchers-actions = Действия

## Ваучер

voucher-title = Ваучер { $code }
voucher-heading = Ваучер
voucher-id = Идентификатор ваучера
voucher-state = Состояние
voucher-details = Сведения
voucher-engagement = Проект
voucher-length = Продолжительность
voucher-customer = Клиент
voucher-agreement = Соглашение
voucher-project-manager = Руководитель проекта
voucher-partner = Партнер
voucher-no-partner = Еще не назначен
voucher-created = Создан
voucher-assigned = Назначен
voucher-expires = Истекает
voucher-starts = Начало
voucher-reservation = Резервирование
voucher-location = Место выполнения
voucher-consultant = Консультант
voucher-dates = Даты
voucher-date-range = с { $start } по { $end }
voucher-delivery-country = Страна выполнения
voucher-reserved-on = Зарезервирован
voucher-actions = Что можно сделать
voucher-history = История
voucher-history-empty = С этим ваучером пока ничего не происходило.

state-created = Создан
state-assigned = Назначен
state-reserved = Зарезервирован
state-completed = Выполнен
state-redeemed = Активирован
state-claimed = Подана заявка на оплату
state-paid = Оплачен
state-cancelled = Отменен
state-expired = Истек
state-removed = Удален

assign-title = Назначить партнеру
assign-hint = Партнер проверяет ваучер по идентификатору ваучера и вашему адресу электронной почты; вы и руководитель проекта получите идентификатор ваучера по электронной почте.
assign-partner = Партнер
assign-choose-partner = Выберите партнера
assign-partner-missing = Выберите партнера, которому назначить ваучер.
assign-submit = Назначить ваучер
cancel-title = Отменить ваучер
cancel-hint = Дни ваучера ({ $days }) вернутся в пул соглашения. Это действие нельзя отменить.
cancel-submit = Отменить ваучер
cancel-reservation-title = Отменить резервирование
cancel-reservation-hint = Ваучер вернется в состояние «Назначен»; клиент увидит указанную причину.
cancel-reservation-reason = Причина
cancel-reservation-submit = Отменить резервирование
reserve-from-detail = Зарезервируйте этот ваучер: примите условия программы, затем выберите офис, консультанта и даты.

event-voucher-created = Создан для проекта «{ $engagement }», { $days }, по соглашению { $agreement }.
event-voucher-assigned = Назначен партнеру { $partner }.
event-voucher-reserved = Зарезервирован: { $location }, с { $start } по { $end }.
event-voucher-reservation-cancelled = Резервирование отменено: { $reason }
event-voucher-cancelled = Отменен; в пул возвращено: { $days }.
event-voucher-expired = Истек { $date }; в пул возвращено: { $days }.
event-other = { $kind }
event-by = { $name }
event-by-program = программа

done-created = Ваучер создан. Назначьте его партнеру, когда будете готовы.
done-assigned = Ваучер назначен. Теперь партнер может проверить и зарезервировать его.
done-cancelled = Ваучер отменен, его дни вернулись в пул.
done-reserved = Ваучер зарезервирован.
done-reservation-cancelled = Резервирование отменено; ваучер снова назначен.
done-clock-moved = Часы программы переведены.
done-benefit-activated = Льгота «Службы планирования» активирована.
done-user-disabled = Пользователь отключен: он больше не может войти, его сеансы завершены.
done-user-enabled = Пользователь снова включен и может войти.

## Создание ваучера

new-title = Создать ваучер
new-intro = Ваучер оплачивает проект, выполняемый партнером. При создании его дни списываются из пула соглашения (доступно: { $days }).
new-agreement = Соглашение
new-agreement-option = { $agreement } — доступно: { $days }
new-agreement-missing = Выберите соглашение, дни которого оплачивают ваучер.
new-engagement = Проект
new-engagement-hint = От проекта зависит допустимая продолжительность.
new-engagement-retired = { $name } (выведен из эксплуатации { $date })
new-show-lengths = Показать продолжительность
new-length = Продолжительность
new-days-missing = Выберите одну из продолжительностей, допустимых для проекта.
new-project-manager = Руководитель проекта
new-choose-project-manager = Выберите руководителя проекта
new-project-manager-missing = Выберите руководителя проекта, который будет сопровождать проект.
new-after = Затем на странице ваучера вы назначите его партнеру.
new-submit = Создать ваучер

## Проверка и резервирование (VVR)

vvr-title = Проверить и зарезервировать
vvr-steps = Шаги
vvr-step-validate = 1. Проверить ваучер
vvr-step-reserve = 2. Принять условия и зарезервировать
vvr-intro = Введите идентификатор ваучера, полученный от клиента, и адрес электронной почты администратора льгот или руководителя проекта клиента.
vvr-code-hint = 20 букв и цифр, например 7K3M-9QXR-2HDF-W8TN-C4PZ.
vvr-email = Адрес электронной почты клиента
vvr-email-hint = Адрес администратора льгот или руководителя проекта клиента.
vvr-submit = Проверить
vvr-code-missing = Введите идентификатор ваучера.
vvr-email-missing = Введите адрес электронной почты клиента.
vvr-no-match = Ни один ваучер, назначенный вашей компании, не соответствует этому идентификатору ваучера и адресу электронной почты.
code-length =
    { $count ->
        [one] Идентификатор ваучера состоит из 20 букв и цифр; в этом { $count } символ.
        [few] Идентификатор ваучера состоит из 20 букв и цифр; в этом { $count } символа.
        [many] Идентификатор ваучера состоит из 20 букв и цифр; в этом { $count } символов.
       *[other] Идентификатор ваучера состоит из 20 букв и цифр; в этом { $count } символа.
    }
code-character = Идентификатор ваучера не может содержать «{ $char }».
code-check = В идентификаторе ваучера опечатка: проверьте его символ за символом.

reserve-title = Зарезервировать ваучер
reserve-valid = Ваучер действителен. Проверьте сведения, примите условия программы и зарезервируйте его.
terms-title = Условия программы
terms-1 = Проект выполняет консультант вашей компании, обладающий требуемой компетенцией, из офиса в стране выполнения.
terms-2 = Проект нужно зарезервировать до его начала, а выполнить, представить отчет о завершении и активировать ваучер — до истечения срока ваучера.
terms-3 = Заявка на оплату подается в течение 60 дней после активации по дневной ставке страны, в которой выполнялась работа.
terms-accept = Я принимаю условия программы.
reserve-engagement = Проект
reserve-choose-location = Выберите офис
reserve-location-hint = Офис должен находиться в стране выполнения: { $country }.
reserve-choose-consultant = Выберите консультанта
reserve-start = Первый день
reserve-end = Последний день
reserve-dates-hint = Проект должен начаться не раньше сегодняшнего дня и закончиться не позднее { $date }.
reserve-submit = Зарезервировать ваучер
reserve-location-missing = Выберите офис, который выполняет проект.
reserve-consultant-missing = Выберите консультанта, который выполняет проект.
reserve-start-invalid = Введите первый день (год, месяц и день).
reserve-end-invalid = Введите последний день (год, месяц и день).

## Часы программы

clock-title = Часы программы
clock-today = Дата программы
clock-simulated = Моделируемые часы: переведите их, чтобы увидеть, что происходит по календарю программы. Правила применяются к этой дате.
clock-system = Системные часы, UTC. Их нельзя перевести.
clock-advance-title = Перевести вперед
clock-days = Количество дней
clock-advance-submit = Перевести часы вперед
clock-set-title = Перейти к дате
clock-date = Дата
clock-set-submit = Установить дату
clock-calendar = Календарь программы
clock-past = Прошло
clock-days-invalid = Введите целое число дней от 1 до 3650.
clock-date-invalid = Введите дату (год, месяц и день).

## The admins' users page
users-title = Пользователи
users-intro = Отключенный пользователь больше не может войти, а все его открытые сеансы сразу завершаются. Включите его, чтобы он снова мог войти.
users-name = Имя
users-email = Адрес электронной почты
users-role = Роль
users-status = Состояние
users-action = Действие
users-active = Активен
users-disabled = Отключен
users-disable = Отключить
users-enable = Включить
users-you = Вы

milestone-cloud-engagements-retired = Вывод облачных проектов из эксплуатации
milestone-training-conversion-ended = Дни ваучеров на обучение больше нельзя преобразовать в дни планирования
milestone-accrual-ended = Клиентам перестают начисляться дни планирования
milestone-last-day-to-create-or-assign = Последний день для создания и назначения ваучеров
milestone-remaining-days-removed = Удаление всех оставшихся дней планирования
milestone-last-day-to-redeem = Последний день для активации ваучеров

## Ошибки

form-problem-title = Обнаружена проблема
error-not-found-title = Страница не найдена
error-not-found = Такой страницы нет, или у вас нет доступа к ней.
error-forbidden-title = Действие запрещено
error-forbidden = Ваша роль не позволяет выполнить это действие.
error-csrf-title = Срок действия формы истек
error-csrf = В целях безопасности форма не принята: она отправлена с другого сайта или устарела. Вернитесь назад, обновите страницу и повторите попытку.
error-bad-form = Не удалось прочитать форму. Обновите страницу и повторите попытку.
error-refused-title = Не удалось выполнить действие
error-internal-title = Что-то пошло не так
error-internal = На нашей стороне произошла ошибка. Она записана в журнал; повторите попытку позже.
error-busy-title = Система занята
error-busy = Система занята. Повторите попытку через несколько секунд.
error-go-home = На главную страницу
error-go-login = На страницу входа

not-found-generic = Такого объекта нет, или у вас нет доступа к нему.
not-found-voucher = Такого ваучера нет, или у вас нет доступа к нему.
not-found-agreement = У вашей организации нет такого соглашения.
conflict-generic = Кто-то изменил эти данные одновременно с вами. Обновите страницу и повторите попытку.
error-duplicate = Такая запись уже существует.
conflict-voucher = Ваучер изменился или больше не находится в состоянии, допускающем это действие. Обновите страницу, чтобы увидеть его состояние.
login-throttled = Слишком много неудачных попыток входа для этого адреса. Подождите несколько минут и повторите попытку.
conflict-clock = Сервер работает по системным часам; переводить можно только моделируемые часы.
invalid-generic = Проверьте это значение.
invalid-agreement = У вашей организации нет соглашения с таким номером.
invalid-reason = Укажите причину отмены резервирования (не более 2000 символов).
invalid-delivery-country = Страна выполнения указана неверно.
invalid-advance-days = Часы вышли бы за допустимые пределы.

rule-unknown-engagement = В каталоге нет проекта { $engagement }.
rule-length-not-allowed = Проект «{ $engagement }» не может длиться { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }; допустимая продолжительность: { $allowed } дн.
rule-engagement-retired = Проект «{ $engagement }» выведен из эксплуатации { $on }.
rule-second-fifteen-day-engagement = У вашей организации уже есть 15-дневный проект «{ $engagement }»; второй не допускается.
rule-creation-closed = Создавать ваучеры больше нельзя: последний день был { $last_day }.
rule-assignment-closed = Назначать ваучеры больше нельзя: последний день был { $last_day }.
rule-days-removed = Все оставшиеся дни планирования удалены { $on }.
rule-voucher-expired = Срок действия ваучера истек { $expired_on }.
rule-insufficient-days = В этом пуле доступно дней планирования: { $available }; ваучеру требуется: { $requested }.
rule-benefit-not-active = Льгота «Службы планирования» не активирована для вашей организации.
rule-benefit-already-active = Льгота «Службы планирования» уже активирована.
rule-agreement-not-active = Соглашение { $agreement } сегодня не действует.
rule-agreement-invalid = Соглашение недействительно: оно заканчивается раньше, чем начинается.
rule-accrual-ended = Начисление дней планирования клиентам прекращено { $on }.
rule-terms-not-accepted = Чтобы зарезервировать ваучер, примите условия программы.
rule-delivery-country-mismatch = Страна этого офиса ({ $location_country }) не совпадает со страной выполнения проекта ({ $delivery_country }): выберите офис в этой стране.
rule-engagement-already-started = Проект начался бы { $start_date }, раньше сегодняшнего дня ({ $today }): проект резервируется до его начала.
rule-ends-before-start = Последний день раньше первого.
rule-ends-after-expiry = Проект должен закончиться не позднее даты истечения срока ваучера: { $expires_on }.
rule-too-long-for-voucher = Эти даты охватывают больше рабочих дней, чем предусмотрено ваучером ({ $voucher_days } дн.).
rule-consultant-not-in-partner = Выберите одного из консультантов вашей компании.
rule-project-manager-not-in-customer = Выберите руководителя проекта из вашей организации.
rule-partner-unknown = Такого партнера нет.
rule-location-not-in-partner = Выберите один из офисов вашей компании.
rule-redemption-closed = Активировать ваучеры больше нельзя: последний день был { $last_day }.
rule-role-not-in-org = Роли «{ $role }» нет в организациях этого типа.
rule-email-taken = Пользователь с таким адресом электронной почты уже существует.
rule-agreement-number-taken = У вашей организации уже есть соглашение с этим номером.
rule-unknown-course = { $course } — не обучение соблюдению требований этой программы.
rule-unknown-competency = Ни один проект каталога не требует компетенции { $competency }.
rule-unknown-exam = Ни один проект каталога не принимает экзамен { $exam }.
rule-provider-agreement-not-newer = Версия { $version } не новее действующего соглашения о программе, версии { $current }.
rule-provider-agreement-not-current = Версия { $version } — не действующее соглашение о программе: подпишите версию { $current }.
rule-provider-agreement-not-accepted = Примите соглашение о программе, чтобы подписать его.
rule-provider-agreement-not-signed = Подпишите версию { $version } соглашения о программе перед регистрацией.
rule-unknown-offering = В каталоге нет предложения { $offering }.
rule-offering-not-active = Ваше право на участие в { $offering } не в статусе «Активно»: зарегистрироваться пока нельзя.

## Роли

role-operator = Оператор программы
role-global-admin = Глобальный администратор
role-mpn-admin = Администратор партнера MPN
role-consultant = Консультант
role-benefit-admin = Администратор льгот
role-project-manager = Руководитель проекта

## Страны

country-BR = Бразилия
country-DE = Германия
country-ES = Испания
country-FR = Франция
country-GB = Великобритания
country-IT = Италия
country-PT = Португалия
country-RU = Россия
country-US = США

## Поставляемый каталог

offering-DDPS = Службы планирования развертывания настольных систем
offering-DYDPS = Службы планирования развертывания Dynamics
offering-PVDPS = Службы планирования развертывания частного облака и виртуализации
offering-SDPS = Службы планирования развертывания SharePoint
offering-S-EDPS = Службы планирования развертывания Skype для бизнеса и Exchange
offering-SSDPS = Службы планирования развертывания SQL Server
offering-AZDPS = Службы планирования развертывания Azure
engagement-DDPS-WIN = Планирование развертывания Windows
engagement-DDPS-APPS = Планирование развертывания клиента Office
engagement-DDPS-M365 = Планирование облачного развертывания Microsoft 365
engagement-DYDPS-CE = Планирование Dynamics Customer Engagement
engagement-DYDPS-ERP = Планирование Dynamics для финансов и операций
engagement-PVDPS-HV = Планирование виртуализации серверов
engagement-PVDPS-SC = Планирование управления частным облаком
engagement-SDPS-SRV = Планирование развертывания SharePoint Server
engagement-SDPS-ONLINE = Планирование миграции в SharePoint Online
engagement-S-EDPS-EX = Планирование развертывания Exchange Server
engagement-S-EDPS-SFB = Планирование развертывания Skype для бизнеса Server
engagement-S-EDPS-TEAMS = Планирование Microsoft Teams
engagement-SSDPS-UPG = Планирование обновления и миграции SQL Server
engagement-SSDPS-BI = Планирование бизнес-аналитики
engagement-AZDPS-IAAS = Планирование инфраструктуры Azure
engagement-AZDPS-APP = Планирование модернизации приложений Azure

## Payments

nav-payments = Оплата
