# payments: see main.ftl for the conventions.

## Partner: Payments

pay-title = Payments
pay-intro = Register for payment once per offering, say which bank account each location is paid into, then claim your redeemed vouchers.
pay-registrations = Payment registration
pay-registered = Registered on { $date }
pay-not-registered = Not registered
pay-register = Register for payment
pay-register-hint = Registration is once per offering and needs a redeemed voucher of that offering.
pay-registered-ok = Your company is registered for payment of { $offering }.
pay-bank-accounts = Bank accounts
pay-bank-hint = Each location is paid into its own account. The IBAN is shown masked but for its last four characters.
pay-bank-none = No bank account yet.
pay-bank-save = Save the bank account
pay-bank-saved = The bank account of { $location } is saved.
pay-holder = Account holder
pay-iban-hint = Spaces are allowed, for example DE89 3704 0044 0532 0130 00.
pay-bic-hint = 8 or 11 characters, for example COBADEFFXXX.
pay-ready = Redeemed vouchers ready to claim
pay-ready-hint = One claim covers vouchers of one location and one currency, each within { $days } days of its redemption.
pay-ready-none = No redeemed voucher is waiting for a claim.
pay-filter = Filter
pay-filter-country = Country
pay-filter-location = Location
pay-filter-all = All
pay-filter-apply = Show
pay-col-voucher = Voucher ID
pay-col-engagement = Engagement
pay-col-location = Location
pay-col-country = Country
pay-col-days = Days
pay-col-redeemed = Redeemed on
pay-col-window = Left to claim
pay-col-day-rate = Day rate
pay-col-amount = Amount
pay-col-reference = Reference number
pay-col-partner = Partner
pay-col-state = State
pay-col-total = Total
pay-col-submitted = Submitted on
pay-col-due = Payment due by
pay-window-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
pay-window-today = Last day today
pay-compute = Compute the total
pay-pick-one = Select at least one voucher.
pay-selected = Vouchers in this claim
pay-save-draft = Save as draft
pay-submit = Submit the claim
pay-back = Change the selection
pay-created-draft = Claim { $reference } is saved as a draft.
pay-created-submitted = Claim { $reference } is submitted.
pay-claims = Claims
pay-claims-none = No claims yet.
pay-invoice = Invoice (PDF)
pay-open = Open
pay-claim-title = Claim { $reference }
pay-history = History
pay-submit-draft = Submit
pay-submitted-ok = Claim { $reference } is submitted.
pay-dispute = Dispute the rejection
pay-dispute-hint = You may dispute a rejection within 30 days; the operator then approves or rejects the claim for good.
pay-reason = Reason
pay-rejected-because = Rejected: { $reason }
pay-disputed-because = Disputed: { $reason }
pay-paid-with = Paid with reference { $reference }
pay-disputed-ok = Claim { $reference } is disputed.
pay-state-draft = Draft
pay-state-submitted = Submitted
pay-state-approved = Approved
pay-state-paid = Paid
pay-state-rejected = Rejected
pay-state-disputed = Disputed
pay-state-withdrawn = Withdrawn
pay-withdraw = Withdraw draft
pay-withdraw-confirm = Withdraw the draft { $reference }? Its vouchers become free to be claimed again.
pay-withdraw-yes = Yes, withdraw the draft
pay-withdrawn-ok = Claim { $reference } is withdrawn; its vouchers may be claimed again.

## Operator: review, rate card, dashboard

pay-review = Review queue
pay-review-hint = Submitted and disputed claims, oldest first.
pay-review-none = No claim is waiting for review.
pay-approve = Approve
pay-reject = Reject
pay-pay = Mark as paid
pay-payment-reference = Payment reference
pay-approved-ok = Claim { $reference } is approved.
pay-rejected-ok = Claim { $reference } is rejected.
pay-paid-ok = Claim { $reference } is paid.
pay-rates = Rate card
pay-rates-hint = A day rate per country with its currency, in force from a date. A claim line uses the delivery country's rate in force on the voucher's redemption date.
pay-rates-none = The rate card is empty.
pay-rate-country = Country (two letters)
pay-rate-amount = Day rate
pay-rate-currency = Currency
pay-rate-from = In force from
pay-rate-add-hint = Fill in an empty row to add a rate; clear a row's fields to remove it.
pay-rates-save = Save the rate card
pay-rates-saved = The rate card is saved.
pay-dashboard = Payments dashboard
pay-chart-by-state = Amounts by state
pay-chart-by-state-desc = Claimed amounts in { $currency }, by the state of their claim:
pay-chart-by-month = Claimed amounts by month
pay-chart-by-month-desc = Amounts in { $currency } of the claims made each month:
pay-chart-empty = No claims yet.
pay-due-soon = Claims near their payment due date
pay-due-soon-none = No approved claim is due in the next 14 days.
pay-due-in = { $days ->
    [0] due today
    [one] due in 1 day
   *[other] due in { $days } days
}
pay-overdue = { $days ->
    [one] 1 day overdue
   *[other] { $days } days overdue
}

## Refusals on the payment pages

pay-invalid-holder = Give the account holder's name (at most 200 characters).
pay-invalid-iban = This is not a valid IBAN: check its country, its length and its check digits.
pay-invalid-bic = A BIC has 8 or 11 characters: 4 letters for the bank, 2 for the country, 2 for the place, then an optional branch.
pay-invalid-reason = Give a reason (at most 500 characters).
pay-invalid-payment-reference = Give the payment's reference (at most 500 characters).
pay-invalid-day-rate = Give each day rate as a positive amount such as 1234.50, with no more decimals than its currency has.
pay-invalid-currency = Give a currency code the rate card accepts, such as EUR.
pay-invalid-effective-from = Give the first day of each rate as a date.
pay-invalid-codes = Select between 1 and 200 different vouchers.
not-found-claim = There is no such claim, or it is not yours to see.
conflict-claim = The claim has changed or is no longer in a state that allows this. Reload the page to see where it stands.
conflict-payment_registration = Your company is already registered for payment of this offering.
