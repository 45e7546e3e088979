# Voucher lists: filters, search, sort, exports, what is about to lapse.
lists-search = Voucher ID, customer or partner
lists-search-hint = All or part of a voucher ID (dashes and letter case do not matter), or part of a customer's or partner's name.
lists-sort = Order
lists-sort-created = Newest first
lists-sort-expiry = Expiring soonest first
lists-states = States (none ticked: all)
lists-export = Export this list:
lists-export-xlsx = Export to Excel
lists-export-csv = CSV file
lists-days-left = Days left
lists-days-left-n =
    { $count ->
        [0] Expires today
        [one] { $count } day
       *[other] { $count } days
    }
lists-expired = Past expiry
lists-report-overdue = Start date passed, no completion report
lists-expiring-title = About to expire
lists-expiring-all = All open vouchers by expiry
lists-col-days = Days
lists-col-created = Created
lists-col-assigned = Assigned
lists-col-start = Reservation start
lists-col-end = Reservation end
lists-col-location = Location
lists-cancel-title = Cancel this voucher?
lists-cancel-partner-told = The partner it is assigned to is told by e-mail, with your reason if you give one.
lists-cancel-final = Do you want to cancel this voucher?
lists-cancel-reason = Reason (optional)
lists-cancel-yes = Yes, cancel the voucher
lists-cancel-no = No, keep it
event-voucher-project-manager-changed = Handed to another project manager.
lists-pm-title = Change the project manager
lists-pm-hint = Until the engagement is delivered, another of your project managers can take the voucher over. They see it from then on; the former one no longer does.
lists-pm-choose = Choose one of your project managers.
lists-pm-submit = Change the project manager
lists-pm-change = Change
done-project-manager-changed = The voucher has a new project manager.
lists-new-none-fits = The pool of agreement { $agreement } has { $days } left: not enough for any length of this engagement. Choose another agreement or engagement.
