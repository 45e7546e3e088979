# onboarding: see main.ftl for the conventions.
# Вкладка службы планирования партнера, страницы партнеров оператора и
# соглашение о программе.

nav-planning-services = Службы планирования
nav-partners = Партнеры

## Вкладка партнера

onb-title = Регистрация в программе служб планирования
onb-intro = Проверьте право вашей компании на участие в каждом предложении, подпишите соглашение о программе и зарегистрируйтесь. Регистрацию нужно продлевать каждый год.
onb-eligibility-title = Право на участие
onb-eligibility-hint = Зеленая галочка стоит рядом с каждым требованием, которое ваша компания уже выполнила.
onb-status-not-started = Не начато
onb-status-in-progress = Выполняется
onb-status-active = Активно
onb-met = Выполнено
onb-not-met = Еще не выполнено
onb-kind-training = Обучение соблюдению требований: { $name }
onb-kind-competency = Компетенция: { $name }
onb-kind-exam = Экзамен: { $name }
onb-engagements = Проекты
onb-eligible = есть право на участие
onb-missing = не хватает: { $items }
onb-agreement-title = Соглашение о программе
onb-agreement-version = Версия { $version }
onb-agreement-signed-by = Подписано: { $name }, { $date }.
onb-agreement-unsigned = Ваша компания еще не подписала версию { $version } соглашения о программе: подпишите ее перед регистрацией.
onb-agreement-new-version = Новая версия { $version } заменяет подписанную вашей компанией версию { $signed }: подпишите ее перед следующей регистрацией или продлением.
onb-agreement-accept = Я прочитал(а) версию { $version } соглашения о программе и принимаю ее от имени своей компании.
onb-agreement-sign = Подписать соглашение о программе
onb-agreement-only-global-admin = Подписать соглашение о программе может только глобальный администратор вашей компании.
onb-signatures-title = Подписи
onb-signature-version = Версия
onb-signature-by = Кто подписал
onb-signature-at = Когда подписано
onb-enroll-title = Зарегистрироваться в предложении
onb-enroll-hint = Выбрать можно только предложения, где право на участие Активно. Отмеченные офисы утверждаются для оказания услуг по предложению на один год.
onb-enroll-offering = Предложение
onb-enroll-locations = Офисы, утвержденные для оказания услуг
onb-enroll-submit = Зарегистрироваться
onb-offering-missing = Выберите предложение, где право на участие Активно.
onb-locations-missing = Отметьте хотя бы один офис вашей компании.
onb-enrollments-title = Ваши регистрации
onb-enrollments-none = Ваша компания пока не зарегистрирована ни в одном предложении.
onb-enrollment-offering = Предложение
onb-enrollment-locations = Офисы
onb-enrollment-valid-until = Действует до
onb-enrollment-action = Продление
onb-enrollment-lapsed = Истекла
onb-enrollment-ending = Скоро истекает
onb-renew = Продлить
onb-locations-title = Офисы
onb-location-add = Добавить офис
onb-location-name = Название
onb-location-country = Страна
onb-location-country-hint = Двухбуквенный код страны, например FR или RU.
onb-location-city = Город
onb-location-submit = Добавить офис

## Главная

onb-home-summary = Службы планирования: { $active ->
        [0] ни одно предложение не Активно
        [one] { $active } предложение Активно
        [few] { $active } предложения Активны
       *[other] { $active } предложений Активны
    }, { $enrolled ->
        [0] регистраций пока нет.
        [one] { $enrolled } регистрация.
        [few] { $enrolled } регистрации.
       *[other] { $enrolled } регистраций.
    }
onb-home-attention = Требуется ваше внимание.
onb-home-link = Открыть службы планирования

## Страницы оператора

onb-partners-title = Партнеры
onb-partners-intro = { $count ->
        [one] { $count } компания-партнер с правом на участие по предложениям и регистрациями.
        [few] { $count } компании-партнера с правом на участие по предложениям и регистрациями.
       *[other] { $count } компаний-партнеров с правом на участие по предложениям и регистрациями.
    }
onb-partners-none = Партнеров пока нет.
onb-partner = Партнер
onb-partner-statuses = Право на участие
onb-partner-enrollments = Регистрации
onb-partner-not-enrolled = Не зарегистрирован
onb-valid-until = действует до { $date }
onb-lapsed-on = истекла { $date }
onb-pages = Страницы
onb-page-previous = Предыдущая страница
onb-page-next = Следующая страница
onb-page-of = Страница { $page } из { $pages }
onb-records-title = Данные о квалификации
onb-records-intro = Записывайте обучение соблюдению требований, компетенции и офисы компании, а также экзамены ее консультантов.
onb-choose = Выберите…
onb-date-missing = Введите дату.
onb-trainings-title = Обучение соблюдению требований
onb-trainings-none = Обучение соблюдению требований не записано.
onb-training-line = { $course }, пройдено { $date }
onb-training-add = Записать прохождение курса { $course }
onb-training-completed-on = Дата прохождения
onb-training-submit = Записать обучение
onb-competencies-title = Компетенции
onb-competencies-none = Компетенции не записаны.
onb-competency-add = Записать компетенцию
onb-competency = Компетенция
onb-competency-missing = Выберите компетенцию.
onb-level = Уровень
onb-level-silver = Серебряный
onb-level-gold = Золотой
onb-level-missing = Выберите уровень.
onb-competency-valid-until = Действует до
onb-competency-submit = Записать компетенцию
onb-consultants-title = Консультанты
onb-consultants-hint = Откройте консультанта, чтобы записать сданные им экзамены.
onb-consultants-none = В компании нет консультантов.
onb-consultant-intro = Консультант компании { $partner }
onb-exams-title = Сданные экзамены
onb-exams-none = Экзамены не записаны.
onb-exam-passed = { $exam }, сдан { $date }
onb-exam-add = Записать экзамен
onb-exam = Экзамен
onb-exam-missing = Выберите экзамен.
onb-exam-passed-on = Дата сдачи
onb-exam-submit = Записать экзамен
onb-publish-title = Соглашение о программе
onb-publish-intro = Партнеры подписывают действующую версию; новую версию нужно подписать перед следующей регистрацией или продлением.
onb-publish-current = Действующая версия: { $version }
onb-publish-new = Опубликовать новую версию
onb-publish-version = Номер версии
onb-publish-version-hint = Должен быть больше { $version }.
onb-publish-text = Текст
onb-publish-submit = Опубликовать
onb-version-missing = Введите целый номер версии.
onb-text-missing = Введите текст соглашения.

## После действия и отказы этих форм

done-agreement-signed = Ваша компания подписала соглашение о программе.
done-enrolled = Ваша компания зарегистрирована.
done-renewed = Регистрация продлена на год.
done-location-added = Офис добавлен.
done-training-recorded = Обучение соблюдению требований записано.
done-competency-recorded = Компетенция записана.
done-exam-recorded = Экзамен записан.
done-agreement-published = Новая версия соглашения о программе опубликована.
invalid-completed-on = Дата не может быть позже сегодняшней.
invalid-passed-on = Дата не может быть позже сегодняшней.
invalid-version = Слишком большой номер версии.
invalid-text = Введите текст соглашения (не более 100 000 символов).
invalid-name = Введите название (не более 200 символов).
invalid-country = Введите двухбуквенный код страны, например RU.
invalid-location-ids = Отметьте от 1 до 200 офисов вашей компании.
