# handoff: see main.ftl for the conventions.

## Rules of the hand-off (assignment, validation, reservation)

rule-not-enrolled = Партнер не зарегистрирован в { $offering }.
rule-enrollment-lapsed = Регистрация партнера в { $offering } закончилась { $valid_until }: сначала ее нужно продлить.
rule-location-not-approved = Офис { $location } не утвержден для { $offering }: выберите офис, утвержденный при регистрации.
rule-no-approved-location-in-country = У партнера нет офиса в стране { $country }, утвержденного для { $offering }.
rule-compliance-training-missing = Партнер не прошел обучение соблюдению требований { $course } за последний год.
rule-competency-missing = У партнера нет компетенции { $competency }, которая нужна для { $engagement }.
rule-competency-expired = Срок действия компетенции партнера { $competency } истек { $expired_on }.
rule-consultant-not-qualified = Этот консультант не сдал ни одного экзамена для { $engagement } ({ $exams }): выберите квалифицированного консультанта.
rule-no-qualified-consultant = Ни один консультант партнера не сдал экзамен для { $engagement } ({ $exams }).
rule-reservation-too-short = Эти даты охватывают { $window_days ->
    [one] { $window_days } день
    [few] { $window_days } дня
   *[many] { $window_days } дней
}, а ваучер рассчитан на { $voucher_days ->
    [one] { $voucher_days } день
    [few] { $voucher_days } дня
   *[many] { $voucher_days } дней
}: выберите более поздний последний день.

## Voucher history and messages

event-voucher-returned = Возвращен клиенту партнером { $partner }: { $reason }
done-returned = Ваучер возвращен клиенту; клиент уведомлен по электронной почте.

## Assigning, reserving and returning

handoff-assign-eligible = Показаны только партнеры, зарегистрированные и имеющие право на участие в этом проекте, с утвержденным офисом в стране { $country }.
handoff-assign-none = Пока нет партнера, зарегистрированного и имеющего право на участие в этом проекте, с утвержденным офисом в стране { $country }. Вернитесь позже или отмените ваучер, чтобы вернуть его дни в остаток.
handoff-not-reservable = Ваша компания сейчас не может зарезервировать этот ваучер.
handoff-reserve-intro = Проверьте данные ваучера, примите условия программы и зарезервируйте его.
handoff-return-title = Вернуть ваучер клиенту
handoff-return-hint = Если ваша компания не будет выполнять этот проект, верните ваучер: назначение снимается, администратор льгот и руководитель проекта клиента получают уведомление по электронной почте и могут назначить его другому партнеру.
handoff-return-reason = Причина
handoff-return-submit = Вернуть ваучер
