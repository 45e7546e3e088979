# The operator's mail outbox — English.

outbox-title = Mail outbox
outbox-intro = { $pending } waiting to be sent, { $failing } failing.
outbox-none = No mail has been sent yet.
outbox-created = Queued
outbox-to = To
outbox-subject = Subject
outbox-status = Status
outbox-attempts = Attempts
outbox-when = Sent, given up or next try
outbox-last-error = Last error
outbox-status-pending = Pending
outbox-status-retrying = Retrying
outbox-status-sent = Sent
outbox-status-failed = Failed
