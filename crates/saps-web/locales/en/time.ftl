# Time: the forward-only clock and what a move did, the operator's outlook,
# the what-if view of a program change, and training-day conversion.

## Clock
time-clock-moved = The program clock moved forward to { $date }.
time-clock-unchanged = The program date is already { $date }; the clock did not move.
time-effects-none = Nothing fell due.
time-effect-vouchers-expired = { $count ->
        [one] One voucher expired.
       *[other] { $count } vouchers expired.
    }
time-effect-days-returned = { $count ->
        [one] One day went back to its pool.
       *[other] { $count } days went back to their pools.
    }
time-effect-days-removed = { $count ->
        [one] One remaining planning day was removed.
       *[other] { $count } remaining planning days were removed.
    }
time-effect-reminders-sent = { $count ->
        [one] One reminder was sent.
       *[other] { $count } reminders were sent.
    }
time-effect-sign-offs-deemed = { $count ->
        [one] One completion report was deemed signed off.
       *[other] { $count } completion reports were deemed signed off.
    }
time-clock-backwards = The clock only moves forward: choose { $today } or a later date.

## Operator home
time-home-title = Coming up
time-home-days-at-risk = { $count ->
        [one] One planning day will be removed on { $date } unless it is used.
       *[other] { $count } planning days will be removed on { $date } unless they are used.
    }
time-home-no-days-at-risk = No planning days are waiting to be removed.
time-home-expiring = { $count ->
        [0] No voucher expires within 30 days.
        [one] One voucher expires within 30 days.
       *[other] { $count } vouchers expire within 30 days.
    }
time-home-next-milestone = Next on the calendar, { $date }: { $name }.
time-home-no-milestone = Nothing remains on the program calendar.

## Program settings and what-if
time-program-title = Program settings and calendar
time-program-intro = Preview a change to see which customers, vouchers, days and claims it would affect, then save it.
time-program-validity = Voucher validity (days)
time-program-anchor = Validity counts from
time-program-anchor-creation = The voucher's creation
time-program-anchor-assignment = The voucher's assignment
time-program-claim-window = Claim window (days after redemption)
time-program-calendar = Calendar
time-program-preview = Preview
time-program-save = Save
time-whatif-title = What this change would do
time-whatif-nothing = This change affects no customer, voucher, day or claim.
time-whatif-customers = Customers
time-whatif-vouchers = Vouchers
time-whatif-days = Planning days
time-whatif-claims = Claims
time-whatif-kind = Change
time-whatif-item = Item
time-whatif-before = Before
time-whatif-after = After
time-whatif-kind-voucher-expiry = Voucher expiry moves
time-whatif-kind-days-removed = Days would be removed
time-whatif-kind-days-kept = Days would be kept
time-whatif-kind-claim-window = Claim window closes or opens
time-whatif-more = Showing the first { $shown } of { $total } items.
time-whatif-none = none
done-program-saved = The program was saved.

## Training-day conversion
time-convert-title = Convert training days
time-convert-intro = Training-voucher days become planning days: { $training } training days give { $planning } planning days, until { $date }.
time-convert-closed = Training-voucher days can no longer be converted: conversion closed on { $date }.
time-convert-agreement = Agreement
time-convert-held = Training days held
time-convert-days = Training days to convert
time-convert-submit = Convert
time-convert-days-invalid = Enter a whole number of training days, 1 or more.
done-days-converted = The training days were converted into planning days.
rule-conversion-closed = Training-voucher days can no longer be converted: conversion closed on { $on }.
rule-not-enough-training-days = { $held ->
        [one] The agreement holds only one training day.
       *[other] The agreement holds only { $held } training days.
    }
invalid-training-days = Enter a whole number of training days, 1 or more.
event-voucher-expiry-moved = The program's validity changed: the expiry moved from { $from } to { $to }.
