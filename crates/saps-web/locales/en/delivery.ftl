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

## Completion report and sign-off (voucher page)

delivery-report-title = Completion report
delivery-report-hint = Report the delivered engagement: on-site and off-site days add up to { $days }, within the reservation's dates. Attach the customer deliverable.
delivery-from = Delivered from
delivery-to = Delivered until
delivery-dates = Delivered
delivery-days-onsite = Days on-site
delivery-days-offsite = Days off-site
delivery-offsite-hint = At most 3 days off-site.
delivery-summary = Summary of the engagement
delivery-next-steps = Next steps
delivery-deliverables = Deliverables
delivery-deliverables-hint = PDF, Word, Excel, PowerPoint, OpenDocument, plain text, PNG or JPEG; at most 20 MiB a file and 50 MiB in all.
delivery-submit = Submit the completion report
delivery-submitted = Submitted on
delivery-file-size = Size: { $kib } KiB
delivery-receipt-download = Download the submission receipt
delivery-comment = Comment
delivery-comment-hint = Required when you decline: the partner reads it.
delivery-sign-off-title = Sign off the delivery
delivery-sign-off-hint = Accept the delivery so that the partner may redeem the voucher, or decline it with a comment: the voucher goes back to reserved and the partner may report again.
delivery-accept = Accept the delivery
delivery-decline = Decline the delivery
delivery-sign-off-pending = Awaiting sign-off
delivery-sign-off-accepted = Signed off
delivery-sign-off-declined = Declined
delivery-sign-off-deemed = Signed off (no answer in time)
done-reported = The completion report is submitted; the customer has been asked to sign it off.
done-signed-off = The delivery is signed off: the partner may redeem the voucher.
done-declined = The delivery is declined: the voucher is reserved again and the partner has been told.

## Redeeming vouchers

redeem-title = Redeem vouchers
redeem-hint = Vouchers whose delivery the customer signed off. Select the ones to redeem.
redeem-ready = Ready to redeem
redeem-selected = Redeem selected vouchers
redeem-create-claim = Create a payment claim
redeem-none = No voucher is ready to redeem: a voucher is redeemed once it is completed and the customer has signed the delivery off.
redeem-pick-one = Select at least one voucher.
redeem-confirm-title = Confirm the redemption
redeem-confirm-hint = { $count ->
    [one] This voucher will be redeemed:
   *[other] These { $count } vouchers will be redeemed:
}
redeem-yes = Yes, redeem
redeem-no = No, go back
redeem-results = Redemption results
redeem-ok = Redeemed
redeem-link = Redeem signed-off vouchers

delivery-awaiting-title = Awaiting your sign-off
delivery-awaiting-hint = The partner reported these deliveries: read the report and the deliverables, then accept or decline. Without an answer within the sign-off period, a delivery counts as accepted.
