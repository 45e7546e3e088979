# My settings: language and optional mails — English.

settings-title = My settings
settings-language-title = Language
settings-language = Language of your pages and e-mails
settings-language-hint = saps writes to you in this language.
settings-mail-title = E-mails you receive
settings-mail-intro = Untick a group to stop receiving its e-mails. Every group is on until you turn it off.
settings-topic-reminders = Reminders
settings-topic-reminders-hint = Before unused days are removed, before a voucher expires (reserved or not), before a claim window closes, and when a completion report awaits your sign-off.
settings-topic-voucher-updates = Voucher updates
settings-topic-voucher-updates-hint = A voucher assigned to your company; a voucher reserved, its reservation cancelled, returned or cancelled by the other party.
settings-topic-payments = Payments
settings-topic-payments-hint = Decisions on your payment claims: approved, rejected, paid.
settings-mail-always = Some e-mails always go, because they carry what you must have: the voucher ID sent when a voucher is assigned, a declined delivery, a webhook disabled after failed deliveries, and account and security e-mails.
settings-save = Save settings
done-settings-saved = Your settings are saved.
