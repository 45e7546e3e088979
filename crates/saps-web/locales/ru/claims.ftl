# claims: see main.ftl for the conventions.

## Rules of payment: registration, the rate card, claims

rule-no-redeemed-voucher = Для регистрации на оплату { $offering } нужен погашенный ваучер этого предложения.
rule-not-registered-for-payment = Компания не зарегистрирована на оплату { $offering }.
rule-voucher-not-redeemed = Ваучер { $code } не погашен; в заявку на оплату включаются только погашенные ваучеры.
rule-claim-window-closed = Оплату ваучера { $code } можно было запросить до { $last_day }.
rule-claim-mixed-locations = Заявка на оплату содержит ваучеры только одного местоположения.
rule-claim-mixed-currencies = Заявка на оплату содержит ваучеры только одной валюты.
rule-no-rate-in-force = В тарифной сетке нет дневной ставки для { $country } на { $on }.
rule-bank-account-missing = Укажите банковский счет местоположения перед отправкой заявки на оплату.
rule-duplicate-rate = Тарифная сетка называет { $country } дважды с { $effective_from }.
rule-dispute-window-closed = Отказ можно было оспорить до { $last_day }.
rule-already-disputed = Заявка на оплату уже оспаривалась; отказ окончательный.
rule-voucher-claimed-elsewhere = Ваучер { $code } тем временем включен в другую заявку на оплату; оспорить отказ нельзя.

## Voucher history

event-voucher-claimed = Включен в заявку на оплату { $reference }
event-voucher-unclaimed = Освобожден из отклоненной заявки на оплату { $reference }
event-voucher-paid = Оплачен по заявке на оплату { $reference }
