# handoff: see main.ftl for the conventions.

## Rules of the hand-off (assignment, validation, reservation)

rule-not-enrolled = The partner is not enrolled in { $offering }.
rule-enrollment-lapsed = The partner's enrollment in { $offering } ended on { $valid_until }: it must be renewed first.
rule-location-not-approved = The location { $location } is not approved to deliver { $offering }: choose a location approved in the enrollment.
rule-no-approved-location-in-country = The partner has no location in { $country } approved to deliver { $offering }.
rule-compliance-training-missing = The partner has not completed the compliance training { $course } within the last year.
rule-competency-missing = The partner does not hold the competency { $competency } that { $engagement } requires.
rule-competency-expired = The partner's competency { $competency } expired on { $expired_on }.
rule-consultant-not-qualified = This consultant has passed none of the exams of { $engagement } ({ $exams }): choose a qualified consultant.
rule-no-qualified-consultant = No consultant of the partner has passed an exam of { $engagement } ({ $exams }).
rule-reservation-too-short = These dates hold { $window_days ->
    [one] { $window_days } day
   *[other] { $window_days } days
} but the voucher is for { $voucher_days ->
    [one] { $voucher_days } day
   *[other] { $voucher_days } days
}: choose a last day later.

## Voucher history and messages

event-voucher-returned = Returned to the customer by { $partner }: { $reason }
done-returned = The voucher is returned to the customer, who has been told by e-mail.

## Assigning, reserving and returning

handoff-assign-eligible = Only partners enrolled and eligible for this engagement, with an approved location in { $country }, are listed.
handoff-assign-none = No partner is enrolled and eligible for this engagement with an approved location in { $country } yet. Come back later, or cancel the voucher to return its days to the pool.
handoff-not-reservable = Your company cannot reserve this voucher now.
handoff-reserve-intro = Check the voucher's details, accept the program terms and reserve it.
handoff-return-title = Return the voucher to the customer
handoff-return-hint = If your company will not deliver this engagement, give the voucher back: it is unassigned, the customer's benefit administrator and project manager are told by e-mail and may assign it to another partner.
handoff-return-reason = Reason
handoff-return-submit = Return the voucher
