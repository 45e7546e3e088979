# saps e-mail — English. One template per kind of mail: <kind>-subject,
# <kind>-intro and (optionally) <kind>-next; see saps-app/src/mail/text.rs.

## Words every mail shares

mail-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
mail-link = Open it in saps
mail-signature = saps — Planning Services
mail-voucher-id = Voucher ID
mail-engagement = Engagement
mail-length = Length
mail-expires-on = Expires on
mail-reason = Reason
mail-comment = Comment
mail-partner = Partner
mail-customer = Customer
mail-start = Starts on
mail-end = Ends on
mail-agreement = Agreement
mail-days-left = Planning days left
mail-removed-on = Removed on
mail-claim-closes = Last day to request payment
mail-reported-on = Report submitted on

## Hand-off

assigned-customer-subject = Planning Services voucher { $code } assigned to { $partner }
assigned-customer-intro = Your Planning Services voucher has been assigned to { $partner }.
assigned-customer-next = { $partner } will validate it with this voucher ID and your e-mail address, then reserve the engagement.
assigned-partner-subject = Planning Services voucher { $code } assigned to you by { $customer }
assigned-partner-intro = { $customer } has assigned a Planning Services voucher to your company.
assigned-partner-next = Validate it with the voucher ID and the customer's e-mail address, then reserve the engagement for a consultant.
returned-subject = Planning Services voucher { $code } returned by { $partner }
returned-intro = { $partner } gave your Planning Services voucher back without reserving it.
returned-next = The voucher is unassigned: you may assign it to another partner.
cancelled-subject = Planning Services voucher { $code } cancelled by { $customer }
cancelled-intro = { $customer } has cancelled the Planning Services voucher assigned to you.
cancelled-next = It can no longer be reserved or delivered.
reserved-subject = Planning Services voucher { $code } reserved by { $partner }
reserved-intro = { $partner } has reserved your Planning Services voucher for the engagement.
reserved-next = The partner will deliver the engagement on these dates and then submit its completion report.
reservation-cancelled-subject = Reservation of Planning Services voucher { $code } cancelled by { $partner }
reservation-cancelled-intro = { $partner } has cancelled its reservation of your Planning Services voucher.
reservation-cancelled-next = The voucher is still assigned to { $partner }, which may reserve it again.

## Delivery

declined-subject = Planning Services voucher { $code }: delivery declined
declined-intro = The customer declined the delivery reported for voucher { $code }.
declined-next = The voucher is reserved again: you may submit a new completion report.

## Reminders

remind-days-removal-subject = { $days } of Planning Services will be removed on { $date }
remind-days-removal-intro = Your agreement { $agreement } still holds { $days }. All remaining planning days are removed on { $date }.
remind-days-removal-next = Create vouchers for the engagements you need before then.
remind-voucher-unreserved-subject = Planning Services voucher { $code } expires on { $date } unreserved
remind-voucher-unreserved-intro = Your Planning Services voucher has not been reserved and expires on { $date }.
remind-voucher-unreserved-next = Assign it to a partner who can reserve it in time, or cancel it.
remind-reservation-expiry-subject = Reserved Planning Services voucher { $code } expires on { $date }
remind-reservation-expiry-intro = A Planning Services voucher your company reserved expires on { $date }.
remind-reservation-expiry-next = Deliver the engagement and submit the completion report before then.
remind-claim-window-subject = Request payment for Planning Services voucher { $code } by { $date }
remind-claim-window-intro = You redeemed this Planning Services voucher; the last day to request payment is { $date }.
remind-claim-window-next = Submit the payment request before then, or the engagement cannot be paid.
remind-sign-off-subject = Planning Services voucher { $code }: completion report awaits your sign-off
remind-sign-off-intro = { $partner } submitted the completion report of the engagement; it awaits your sign-off.
remind-sign-off-next = Accept or decline the delivery. Without an answer it is deemed accepted on { $date }.

## Payment

mail-claim-reference = Claim reference
mail-total = Total
mail-payment-due = Payment due by
mail-payment-reference = Payment reference
mail-dispute-until = Dispute possible until
claim-approved-subject = Payment claim { $reference } approved
claim-approved-intro = Your Planning Services payment claim { $reference } was approved.
claim-approved-next = Payment of { $total } is due by { $date }.
claim-rejected-subject = Payment claim { $reference } rejected
claim-rejected-intro = Your Planning Services payment claim { $reference } was rejected.
claim-rejected-next = Its vouchers may be claimed again within their claim window. You may dispute a first rejection within 30 days.
claim-rejected-final-subject = Payment claim { $reference } rejected for good
claim-rejected-final-intro = Your dispute of Planning Services payment claim { $reference } was reviewed, and the claim is rejected for good.
claim-rejected-final-next = Its vouchers may be claimed again within their claim window.
claim-paid-subject = Payment claim { $reference } paid
claim-paid-intro = Your Planning Services payment claim { $reference } was paid: { $total }.
claim-paid-next = The payment reference is { $payment_reference }.

## Webhooks

mail-webhook-url = Webhook
mail-failing-since = Failing since
webhook-disabled-subject = Webhook disabled after a day of failed deliveries
webhook-disabled-intro = Every delivery to your webhook { $url } has failed for a day, so saps has disabled it and sends it nothing more.
webhook-disabled-next = Check the receiver, then remove the webhook and add it again.
