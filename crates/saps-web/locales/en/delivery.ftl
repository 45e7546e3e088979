# delivery: see main.ftl for the conventions.

## Rules of the completion report, sign-off and redemption

rule-delivery-in-future = The delivery cannot end after today ({ $today }).
rule-delivery-outside-reservation = The delivery dates must be within the reservation, { $start_date } to { $end_date }.
rule-delivered-days-mismatch = The delivered days ({ $delivered }) must equal the voucher's { $voucher_days ->
    [one] { $voucher_days } day
   *[other] { $voucher_days } days
}.
rule-too-many-offsite-days = At most { $max } days may be delivered off-site, not { $days_offsite }.
rule-deliverable-missing = Attach at least one deliverable.
rule-deliverable-type = { $filename } is not a PDF, Office, OpenDocument, plain text, PNG or JPEG file.
rule-not-signed-off = The customer has not signed the delivery off yet.

## Voucher history

event-voucher-completed = Completion report submitted with { $files ->
    [one] { $files } deliverable
   *[other] { $files } deliverables
}
event-voucher-signed-off = { $outcome ->
    [accepted] Delivery accepted by the customer
    [deemed] Delivery deemed accepted: no answer within the sign-off period
   *[declined] Delivery declined by the customer: { $comment }
}
event-voucher-redeemed = Redeemed
