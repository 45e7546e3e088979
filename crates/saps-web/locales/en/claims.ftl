# claims: see main.ftl for the conventions.

## Rules of payment: registration, the rate card, claims

rule-no-redeemed-voucher = Registering for payment of { $offering } needs a redeemed voucher of it.
rule-not-registered-for-payment = The company is not registered for payment of { $offering }.
rule-voucher-not-redeemed = The voucher { $code } is not redeemed; only redeemed vouchers can be claimed.
rule-claim-window-closed = The voucher { $code } could be claimed until { $last_day }.
rule-claim-mixed-locations = A claim holds the vouchers of one location only.
rule-claim-mixed-currencies = A claim holds the vouchers of one currency only.
rule-no-rate-in-force = The rate card has no day rate for { $country } on { $on }.
rule-bank-account-missing = Give the location's bank account before submitting the claim.
rule-duplicate-rate = The rate card names { $country } twice from { $effective_from }.
rule-dispute-window-closed = The rejection could be disputed until { $last_day }.
rule-already-disputed = The claim was disputed once; its rejection is final.
rule-voucher-claimed-elsewhere = The voucher { $code } was claimed again meanwhile; the claim cannot be disputed.

## Voucher history

event-voucher-claimed = Claimed for payment in { $reference }
event-voucher-unclaimed = Released from claim { $reference }, which was rejected
event-voucher-paid = Paid with claim { $reference }
