# Списки ваучеров: фильтры, поиск, порядок, выгрузка, что скоро истечет.
lists-search = Идентификатор ваучера, клиент или партнер
lists-search-hint = Весь идентификатор ваучера или его часть (дефисы и регистр букв не важны) либо часть названия клиента или партнера.
lists-sort = Порядок
lists-sort-created = Сначала новые
lists-sort-expiry = Сначала истекающие раньше
lists-states = Состояния (ничего не отмечено — все)
lists-export = Выгрузить этот список:
lists-export-xlsx = Выгрузить в Excel
lists-export-csv = Файл CSV
lists-days-left = Осталось дней
lists-days-left-n =
    { $count ->
        [0] Истекает сегодня
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
lists-expired = Срок истек
lists-report-overdue = Дата начала прошла, отчета о завершении нет
lists-expiring-title = Скоро истекают
lists-expiring-all = Все открытые ваучеры по сроку действия
lists-col-days = Дни
lists-col-created = Создан
lists-col-assigned = Назначен
lists-col-start = Начало резервирования
lists-col-end = Конец резервирования
lists-col-location = Офис
lists-cancel-title = Отменить этот ваучер?
lists-cancel-partner-told = Партнер, которому он назначен, получит письмо с вашей причиной, если вы ее укажете.
lists-cancel-final = Вы хотите отменить этот ваучер?
lists-cancel-reason = Причина (необязательно)
lists-cancel-yes = Да, отменить ваучер
lists-cancel-no = Нет, оставить
event-voucher-project-manager-changed = Передан другому руководителю проекта.
lists-pm-title = Сменить руководителя проекта
lists-pm-hint = Пока проект не выполнен, ваучер может принять другой ваш руководитель проекта. С этого момента он его видит, а прежний — нет.
lists-pm-choose = Выберите одного из ваших руководителей проекта.
lists-pm-submit = Сменить руководителя проекта
lists-pm-change = Сменить
done-project-manager-changed = У ваучера новый руководитель проекта.
lists-new-none-fits = В пуле соглашения { $agreement } осталось { $days }: этого не хватает ни на одну продолжительность этого проекта. Выберите другое соглашение или проект.
