# directory: see main.ftl for the conventions. Профиль компании и каталог партнеров.

nav-directory = Каталог партнеров
nav-profile = Профиль компании

## Профиль компании

profile-title = Профиль компании
profile-intro = Клиенты находят вашу компанию в каталоге партнеров по названию и по этому профилю.
profile-listed = Есть в каталоге партнеров
profile-not-listed = Нет в каталоге партнеров
profile-listed-hint = Ваша компания зарегистрирована, и ее право на участие активно хотя бы в одном предложении.
profile-not-listed-hint = В каталоге есть только партнеры с действующей регистрацией и активным правом на участие в предложении.
profile-updated = Последнее изменение: { $date }.
profile-description = Описание
profile-description-hint = Чем занимается ваша компания, для кого и как (не более 2 500 символов).
profile-languages = Языки
profile-languages-hint = Коды языков через запятую, например ru, en, de (не более 20).
profile-industries = Отрасли
profile-industries-hint = Выберите не более 20.
profile-website = Веб-сайт
profile-website-hint = Адрес, начинающийся с https:// или http:// (не более 200 символов).
profile-save = Сохранить профиль
profile-read-title = Профиль вашей компании
profile-read-only = Изменять профиль компании могут только Глобальный администратор и Администраторы партнера MPN.
done-profile-saved = Профиль компании сохранен.
invalid-description = Описание может содержать не более 2 500 символов, без управляющих символов.
invalid-languages = Укажите не более 20 кодов языков, например ru, en или pt-BR, через запятую.
invalid-industries = Выберите из списка не более 20 отраслей.
invalid-website = Укажите веб-адрес, начинающийся с https:// или http://, не более 200 символов.
conflict-profile = Кто-то одновременно изменил профиль компании. Обновите страницу и повторите попытку.

## Каталог партнеров

directory-title = Каталог партнеров
directory-intro = Партнеры с действующей регистрацией в предложении и активным правом на участие. Поиск не учитывает регистр и диакритические знаки.
directory-search-label = Поиск в каталоге партнеров
directory-q = Поиск
directory-q-hint = Слова из названия или описания партнера; достаточно начала слова.
directory-offering = Предложение
directory-any-offering = Любое предложение
directory-country = Страна
directory-country-hint = Двухбуквенный код, например RU или FR.
directory-language = Язык
directory-language-hint = Код языка, например ru или pt-BR.
directory-search = Найти
directory-results = Партнеры
directory-none-found = Нет партнеров, соответствующих запросу.
directory-empty = В каталоге пока нет партнеров.
directory-offerings = Предложения
directory-locations = Офисы
directory-languages = Языки
directory-industries = Отрасли
directory-website = Веб-сайт
directory-no-vouchers = У вас нет ваучеров, ожидающих назначения.
directory-assign-voucher = Ваучер для назначения партнеру { $partner }
directory-choose-voucher = Выберите ваучер
directory-assign = Назначить
directory-assign-choose = Выберите один из ваших ваучеров для назначения.
directory-next = Следующая страница
invalid-language = Укажите код языка, например ru или pt-BR.
invalid-q = Запрос может содержать не более 200 символов.

## Отрасли

industry-agriculture = Сельское хозяйство
industry-automotive = Автомобильная промышленность
industry-banking = Банки
industry-construction = Строительство
industry-consumer-goods = Потребительские товары
industry-education = Образование
industry-energy = Энергетика
industry-financial-services = Финансовые услуги
industry-government = Государственный сектор
industry-healthcare = Здравоохранение
industry-hospitality = Гостиничный бизнес и общепит
industry-insurance = Страхование
industry-legal = Юридические услуги
industry-manufacturing = Производство
industry-media = СМИ и развлечения
industry-nonprofit = Некоммерческие организации
industry-pharmaceuticals = Фармацевтика
industry-professional-services = Профессиональные услуги
industry-real-estate = Недвижимость
industry-retail = Розничная торговля
industry-technology = Технологии
industry-telecommunications = Телекоммуникации
industry-transportation = Транспорт и логистика
industry-utilities = Коммунальные услуги
