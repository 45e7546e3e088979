# saps web UI — English (the reference locale: every other locale has exactly these keys).

## Layout

program-name = Planning Services
skip-to-content = Skip to content
language = Language
language-change = Change
sign-out = Sign out
nav-main = Main
nav-home = Home
nav-vouchers = Vouchers
nav-new-voucher = Create a voucher
nav-vvr = Validate and reserve
nav-clock = Program clock
nav-users = Users
footer-date = Program date: { $date } (UTC)
footer-date-simulated = Program date: { $date } (simulated clock, UTC)
footer-api = API reference

## Words and formats

days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
list-or = { $init } or { $last }

## Sign-in

login-title = Sign in
login-intro = Sign in to the Planning Services program with your work e-mail address.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = The e-mail address or the password is not right.
login-email-missing = Enter your e-mail address.
login-email-too-long = An e-mail address has at most 254 characters.
login-password-missing = Enter your password.
login-signed-out = You have signed out.
login-demo-title = Try the demo
login-demo-hint = Every demo account below has the password { $password }.

## Homes

home-title = Home
home-welcome = Welcome, { $name }
home-recent = Latest vouchers
home-all-vouchers = All vouchers
next-title = What to do next
next-see-them = See them
next-activate = Activate the Planning Services benefit to use your organisation's planning days.
next-activate-ask = The Planning Services benefit is not active yet: ask your benefit administrator to activate it.
next-create = You have { $days } available. Create a voucher for an engagement, then assign it to a partner.
next-no-days = No planning days are available at the moment.
next-assign =
    { $count ->
        [one] One voucher is waiting to be assigned to a partner.
       *[other] { $count } vouchers are waiting to be assigned to a partner.
    }
next-wait-partner =
    { $count ->
        [one] One voucher is with a partner, waiting for their reservation.
       *[other] { $count } vouchers are with partners, waiting for their reservation.
    }
next-reserved =
    { $count ->
        [one] One engagement is reserved.
       *[other] { $count } engagements are reserved.
    }
next-nothing = Nothing needs your attention right now.
next-partner-reserve =
    { $count ->
        [one] One voucher is assigned to your company: validate and reserve it before the engagement starts.
       *[other] { $count } vouchers are assigned to your company: validate and reserve them before the engagements start.
    }
next-partner-deliver =
    { $count ->
        [one] One engagement is reserved: deliver it before the voucher expires.
       *[other] { $count } engagements are reserved: deliver them before the vouchers expire.
    }
next-partner-nothing = No voucher is waiting for you. When a customer assigns a voucher to your company, it appears here.
next-consultant-deliver =
    { $count ->
        [one] You deliver one reserved engagement.
       *[other] You deliver { $count } reserved engagements.
    }
next-consultant-nothing = No engagement is reserved for you at the moment.
next-operator-clock = The program date is { $date }. Move the simulated clock to walk through the program calendar.
next-operator-open =
    { $count ->
        [one] One voucher is open (created or assigned).
       *[other] { $count } vouchers are open (created or assigned).
    }

## Benefit

benefit-title = Planning days
benefit-activate = Activate the benefit
benefit-inactive = The Planning Services benefit is not active for your organisation.
benefit-available-total = Available now: { $days }.
benefit-no-agreements = No Software Assurance agreement is recorded for your organisation yet.
benefit-table-caption = Planning days per agreement
benefit-agreement = Agreement
benefit-accrued = Accrued
benefit-used = Used
benefit-available = Available
benefit-expires = Expires on
benefit-chart = Used and available
benefit-chart-label = Used: { $used }; available: { $available }

## Partner and operator homes

partner-to-reserve = Vouchers to validate and reserve
partner-to-reserve-none = No voucher is waiting for a reservation.
partner-validate-link = Reserve
partner-reserved = Reserved engagements
partner-reserved-none = No engagement is reserved.
operator-counts = Vouchers by state
operator-count = Vouchers
operator-chart = Share of vouchers
operator-total =
    { $count ->
        [one] One voucher in the program.
       *[other] { $count } vouchers in the program.
    }

## Voucher list

vouchers-title = Vouchers
vouchers-search-label = Search vouchers
vouchers-search = Voucher ID
vouchers-search-hint = All or part of the ID; dashes and letter case do not matter.
vouchers-any-state = Any state
vouchers-search-submit = Search
vouchers-clear = Clear the search
vouchers-count =
    { $count ->
        [one] One voucher.
       *[other] { $count } vouchers.
    }
vouchers-none = There are no vouchers yet.
vouchers-none-match = No voucher matches this search.
vouchers-actions = Actions

## One voucher

voucher-title = Voucher { $code }
voucher-heading = Voucher
voucher-id = Voucher ID
voucher-state = State
voucher-details = Details
voucher-engagement = Engagement
voucher-length = Length
voucher-customer = Customer
voucher-agreement = Agreement
voucher-project-manager = Project manager
voucher-partner = Partner
voucher-no-partner = Not assigned yet
voucher-created = Created on
voucher-assigned = Assigned on
voucher-expires = Expires on
voucher-starts = Starts on
voucher-reservation = Reservation
voucher-location = Delivering location
voucher-consultant = Consultant
voucher-dates = Dates
voucher-date-range = { $start } to { $end }
voucher-delivery-country = Delivery country
voucher-reserved-on = Reserved on
voucher-actions = What you can do
voucher-history = History
voucher-history-empty = Nothing has happened to this voucher yet.

state-created = Created
state-assigned = Assigned
state-reserved = Reserved
state-completed = Completed
state-redeemed = Redeemed
state-claimed = Claimed
state-paid = Paid
state-cancelled = Cancelled
state-expired = Expired
state-removed = Removed

assign-title = Assign to a partner
assign-hint = The partner validates the voucher with its voucher ID and your e-mail address; you and the project manager receive the voucher ID by e-mail.
assign-partner = Partner
assign-choose-partner = Choose a partner
assign-partner-missing = Choose the partner to assign the voucher to.
assign-submit = Assign the voucher
cancel-title = Cancel the voucher
cancel-hint = Its days ({ $days }) go back to the agreement's pool. This cannot be undone.
cancel-submit = Cancel the voucher
cancel-reservation-title = Cancel the reservation
cancel-reservation-hint = The voucher goes back to the assigned state; the customer sees your reason.
cancel-reservation-reason = Reason
cancel-reservation-submit = Cancel the reservation
reserve-from-detail = Reserve this voucher: accept the program terms, then choose the location, the consultant and the dates.

event-voucher-created = Created for { $engagement }, { $days } from agreement { $agreement }.
event-voucher-assigned = Assigned to { $partner }.
event-voucher-reserved = Reserved at { $location }, from { $start } to { $end }.
event-voucher-reservation-cancelled = Reservation cancelled: { $reason }
event-voucher-cancelled = Cancelled; days returned to the pool: { $days }.
event-voucher-expired = Expired on { $date }; days returned to the pool: { $days }.
event-other = { $kind }
event-by = by { $name }
event-by-program = by the program

done-created = The voucher is created. Assign it to a partner when you are ready.
done-assigned = The voucher is assigned. The partner can now validate and reserve it.
done-cancelled = The voucher is cancelled and its days are back in the pool.
done-reserved = The voucher is reserved.
done-reservation-cancelled = The reservation is cancelled; the voucher is assigned again.
done-clock-moved = The program clock has moved.
done-benefit-activated = The Planning Services benefit is active.
done-user-disabled = The user is disabled: it can no longer sign in, and its sessions have ended.
done-user-enabled = The user is enabled again and can sign in.

## Creating a voucher

new-title = Create a voucher
new-intro = A voucher pays for an engagement with a partner. Creating it takes its days from an agreement's pool (available: { $days }).
new-agreement = Agreement
new-agreement-option = { $agreement } — available: { $days }
new-agreement-missing = Choose the agreement whose days pay for the voucher.
new-engagement = Engagement
new-engagement-hint = The engagement decides which lengths are possible.
new-engagement-retired = { $name } (retired on { $date })
new-show-lengths = Show its lengths
new-length = Length
new-days-missing = Choose a length among those the engagement allows.
new-project-manager = Project manager
new-choose-project-manager = Choose a project manager
new-project-manager-missing = Choose the project manager who follows the engagement.
new-after = Next, on the voucher's page, you assign it to a partner.
new-submit = Create the voucher

## Validate and reserve (VVR)

vvr-title = Validate and reserve
vvr-steps = Steps
vvr-step-validate = 1. Validate the voucher
vvr-step-reserve = 2. Accept the terms and reserve
vvr-intro = Enter the voucher ID the customer gave you and the e-mail address of their benefit administrator or project manager.
vvr-code-hint = 20 letters and digits, for example 7K3M-9QXR-2HDF-W8TN-C4PZ.
vvr-email = Customer's e-mail address
vvr-email-hint = The address of the customer's benefit administrator or project manager.
vvr-submit = Validate
vvr-code-missing = Enter the voucher ID.
vvr-email-missing = Enter the customer's e-mail address.
vvr-no-match = No voucher assigned to your company matches this voucher ID and e-mail address.
code-length =
    { $count ->
        [one] A voucher ID has 20 letters and digits; this one has 1.
       *[other] A voucher ID has 20 letters and digits; this one has { $count }.
    }
code-character = A voucher ID cannot contain “{ $char }”.
code-check = This voucher ID is mistyped: check it character by character.

reserve-title = Reserve the voucher
reserve-valid = The voucher is valid. Check its details, accept the program terms and reserve it.
terms-title = Program terms
terms-1 = The engagement is delivered by a consultant of your company who holds the competency it requires, from a location in the delivery country.
terms-2 = The engagement must be reserved before it starts and delivered, reported and redeemed before the voucher expires.
terms-3 = Payment is requested within 60 days of redemption, at the day rate of the country where the work was done.
terms-accept = I accept the program terms.
reserve-engagement = The engagement
reserve-choose-location = Choose a location
reserve-location-hint = The location must be in the delivery country: { $country }.
reserve-choose-consultant = Choose a consultant
reserve-start = First day
reserve-end = Last day
reserve-dates-hint = The engagement must start today or later and end by { $date }.
reserve-submit = Reserve the voucher
reserve-location-missing = Choose the location that delivers the engagement.
reserve-consultant-missing = Choose the consultant who delivers the engagement.
reserve-start-invalid = Enter the first day (year, month and day).
reserve-end-invalid = Enter the last day (year, month and day).

## Program clock

clock-title = Program clock
clock-today = Program date
clock-simulated = A simulated clock: move it to see what happens over the program calendar. Rules use this date.
clock-system = The system clock, in UTC. It cannot be moved.
clock-advance-title = Move forward
clock-days = Number of days
clock-advance-submit = Move the clock forward
clock-set-title = Go to a date
clock-date = Date
clock-set-submit = Set the date
clock-calendar = Program calendar
clock-past = Passed
clock-days-invalid = Enter a whole number of days from 1 to 3650.
clock-date-invalid = Enter a date (year, month and day).

## The admins' users page
users-title = Users
users-intro = A disabled user can no longer sign in, and every session it has open ends at once. Enable it to let it sign in again.
users-name = Name
users-email = E-mail address
users-role = Role
users-status = Status
users-action = Action
users-active = Active
users-disabled = Disabled
users-disable = Disable
users-enable = Enable
users-you = You

milestone-cloud-engagements-retired = Cloud engagements retired
milestone-training-conversion-ended = Training-voucher days can no longer be converted into planning days
milestone-accrual-ended = Customers stop accruing planning days
milestone-last-day-to-create-or-assign = Last day to create or assign vouchers
milestone-remaining-days-removed = All remaining planning days removed
milestone-last-day-to-redeem = Last day to redeem vouchers

## Errors

form-problem-title = There is a problem
error-not-found-title = Page not found
error-not-found = There is no such page, or it is not yours to see.
error-forbidden-title = Not allowed
error-forbidden = Your role does not allow this.
error-csrf-title = This form has expired
error-csrf = For your security the form was not accepted: it was sent from another site or is too old. Go back, reload the page and try again.
error-bad-form = The form could not be read. Reload the page and try again.
error-refused-title = This could not be done
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. It has been logged; please try again later.
error-busy-title = Busy
error-busy = The system is busy. Try again in a moment.
error-go-home = Back to the home page
error-go-login = Go to the sign-in page

not-found-generic = It does not exist, or it is not yours to see.
not-found-voucher = There is no such voucher, or it is not yours to see.
not-found-agreement = Your organisation has no such agreement.
conflict-generic = Someone changed this at the same time. Reload the page and try again.
error-duplicate = This already exists.
conflict-voucher = The voucher has changed or is no longer in a state that allows this. Reload the page to see where it stands.
login-throttled = Too many failed sign-ins for this address. Wait a few minutes and try again.
conflict-clock = The server runs on the system clock; only a simulated clock can be moved.
invalid-generic = Check this value.
invalid-agreement = Your organisation has no agreement with this number.
invalid-reason = Say why the reservation is cancelled (at most 2,000 characters).
invalid-delivery-country = The delivery country is not a valid country.
invalid-advance-days = That would move the clock out of range.

rule-unknown-engagement = There is no engagement { $engagement } in the catalog.
rule-length-not-allowed = { $engagement } cannot last { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; the lengths it allows are { $allowed } days.
rule-engagement-retired = { $engagement } was retired on { $on }.
rule-second-fifteen-day-engagement = Your organisation already has a 15-day { $engagement } engagement; a second one is not allowed.
rule-creation-closed = Vouchers can no longer be created: the last day was { $last_day }.
rule-assignment-closed = Vouchers can no longer be assigned: the last day was { $last_day }.
rule-days-removed = All remaining planning days were removed on { $on }.
rule-voucher-expired = The voucher expired on { $expired_on }.
rule-insufficient-days = { $available ->
        [one] Only 1 planning day is
       *[other] Only { $available } planning days are
    } available in this pool; the voucher needs { $requested }.
rule-benefit-not-active = The Planning Services benefit is not active for your organisation.
rule-benefit-already-active = The Planning Services benefit is already active.
rule-agreement-not-active = Agreement { $agreement } is not active today.
rule-agreement-invalid = This agreement is not valid: it ends before it starts.
rule-accrual-ended = Customers stopped accruing planning days on { $on }.
rule-terms-not-accepted = Accept the program terms to reserve the voucher.
rule-delivery-country-mismatch = This location is in { $location_country }, but the engagement is delivered in { $delivery_country }: choose a location in { $delivery_country }.
rule-engagement-already-started = The engagement would start on { $start_date }, before today ({ $today }): an engagement is reserved before it starts.
rule-ends-before-start = The last day is before the first day.
rule-ends-after-expiry = The engagement must end by the voucher's expiry date, { $expires_on }.
rule-too-long-for-voucher = These dates span more working days than the voucher's { $voucher_days } days.
rule-consultant-not-in-partner = Choose one of your company's consultants.
rule-project-manager-not-in-customer = Choose a project manager of your organisation.
rule-partner-unknown = There is no such partner.
rule-location-not-in-partner = Choose one of your company's locations.
rule-redemption-closed = Vouchers can no longer be redeemed: the last day was { $last_day }.
rule-role-not-in-org = The role { $role } does not exist in this kind of organisation.
rule-email-taken = A user with this e-mail address already exists.
rule-agreement-number-taken = Your organisation already has an agreement with this number.
rule-unknown-course = { $course } is not the program's compliance course.
rule-unknown-competency = No engagement of the catalog is qualified by the competency { $competency }.
rule-unknown-exam = No engagement of the catalog accepts the exam { $exam }.
rule-provider-agreement-not-newer = Version { $version } is not newer than the current provider agreement, version { $current }.
rule-provider-agreement-not-current = Version { $version } is not the current program agreement: sign version { $current }.
rule-provider-agreement-not-accepted = Accept the program agreement to sign it.
rule-provider-agreement-not-signed = Sign version { $version } of the program agreement before you enroll.
rule-unknown-offering = There is no offering { $offering } in the catalog.
rule-offering-not-active = Your eligibility for { $offering } is not Active: you cannot enroll yet.

## Roles

role-operator = Program operator
role-global-admin = Global admin
role-mpn-admin = MPN partner admin
role-consultant = Consultant
role-benefit-admin = Benefit administrator
role-project-manager = Project manager

## Countries

country-BR = Brazil
country-DE = Germany
country-ES = Spain
country-FR = France
country-GB = United Kingdom
country-IT = Italy
country-PT = Portugal
country-RU = Russia
country-US = United States

## The shipped catalog

offering-DDPS = Desktop Deployment Planning Services
offering-DYDPS = Dynamics Deployment Planning Services
offering-PVDPS = Private Cloud and Virtualization Deployment Planning Services
offering-SDPS = SharePoint Deployment Planning Services
offering-S-EDPS = Skype for Business and Exchange Deployment Planning Services
offering-SSDPS = SQL Server Deployment Planning Services
offering-AZDPS = Azure Deployment Planning Services
engagement-DDPS-WIN = Windows deployment planning
engagement-DDPS-APPS = Office client deployment planning
engagement-DDPS-M365 = Microsoft 365 cloud deployment planning
engagement-DYDPS-CE = Dynamics customer engagement planning
engagement-DYDPS-ERP = Dynamics finance and operations planning
engagement-PVDPS-HV = Server virtualization planning
engagement-PVDPS-SC = Private cloud management planning
engagement-SDPS-SRV = SharePoint Server deployment planning
engagement-SDPS-ONLINE = SharePoint Online migration planning
engagement-S-EDPS-EX = Exchange Server deployment planning
engagement-S-EDPS-SFB = Skype for Business Server deployment planning
engagement-S-EDPS-TEAMS = Microsoft Teams planning
engagement-SSDPS-UPG = SQL Server upgrade and migration planning
engagement-SSDPS-BI = Business intelligence planning
engagement-AZDPS-IAAS = Azure infrastructure planning
engagement-AZDPS-APP = Azure application modernization planning

## Payments

nav-payments = Payments
