# onboarding: see main.ftl for the conventions.
# The partner's Planning Services tab, the operator's partner pages and the
# program agreement.

nav-planning-services = Planning Services
nav-partners = Partners

## The partner's tab

onb-title = Planning Services program enrollment
onb-intro = Check your company's eligibility for each offering, sign the program agreement, then enroll. Enrollment must be renewed every year.
onb-eligibility-title = Eligibility
onb-eligibility-hint = A green check mark shows each requirement your company has already met.
onb-status-not-started = Not started
onb-status-in-progress = In progress
onb-status-active = Active
onb-met = Met
onb-not-met = Not met yet
onb-kind-training = Compliance training: { $name }
onb-kind-competency = Competency: { $name }
onb-kind-exam = Exam: { $name }
onb-engagements = Engagements
onb-eligible = eligible
onb-missing = missing: { $items }
onb-agreement-title = Program agreement
onb-agreement-version = Version { $version }
onb-agreement-signed-by = Signed by { $name } on { $date }.
onb-agreement-unsigned = Your company has not signed version { $version } of the program agreement yet: sign it before you enroll.
onb-agreement-new-version = A new version, { $version }, replaces version { $signed } that your company signed: sign it before your next enrollment or renewal.
onb-agreement-accept = I have read version { $version } of the program agreement and accept it for my company.
onb-agreement-sign = Sign the program agreement
onb-agreement-only-global-admin = Only your company's Global admin can sign the program agreement.
onb-signatures-title = Signatures
onb-signature-version = Version
onb-signature-by = Signed by
onb-signature-at = Signed on
onb-enroll-title = Enroll in an offering
onb-enroll-hint = Only offerings whose eligibility is Active can be chosen. The locations you tick are approved to deliver the offering for one year.
onb-enroll-offering = Offering
onb-enroll-locations = Locations approved to deliver it
onb-enroll-submit = Enroll
onb-offering-missing = Choose an offering whose eligibility is Active.
onb-locations-missing = Tick at least one of your company's locations.
onb-enrollments-title = Your enrollments
onb-enrollments-none = Your company is not enrolled in any offering yet.
onb-enrollment-offering = Offering
onb-enrollment-locations = Locations
onb-enrollment-valid-until = Valid until
onb-enrollment-action = Renewal
onb-enrollment-lapsed = Lapsed
onb-enrollment-ending = Ends soon
onb-renew = Renew
onb-locations-title = Locations
onb-location-add = Add a location
onb-location-name = Name
onb-location-country = Country
onb-location-country-hint = Two-letter country code, for example FR or BR.
onb-location-city = City
onb-location-submit = Add the location

## Home

onb-home-summary = Planning Services: { $active ->
        [one] one offering is Active
       *[other] { $active } offerings are Active
    }, { $enrolled ->
        [0] no enrollment yet.
        [one] one enrollment.
       *[other] { $enrolled } enrollments.
    }
onb-home-attention = Something needs your attention.
onb-home-link = Open Planning Services

## The operator's pages

onb-partners-title = Partners
onb-partners-intro = { $count ->
        [one] One partner company, with its eligibility per offering and its enrollments.
       *[other] { $count } partner companies, with their eligibility per offering and their enrollments.
    }
onb-partners-none = There are no partners yet.
onb-partner = Partner
onb-partner-statuses = Eligibility
onb-partner-enrollments = Enrollments
onb-partner-not-enrolled = Not enrolled
onb-valid-until = valid until { $date }
onb-lapsed-on = lapsed on { $date }
onb-pages = Pages
onb-page-previous = Previous page
onb-page-next = Next page
onb-page-of = Page { $page } of { $pages }
onb-records-title = Records
onb-records-intro = Record the company's compliance training, competencies and locations, and its consultants' exams.
onb-choose = Choose…
onb-date-missing = Enter a date.
onb-trainings-title = Compliance training
onb-trainings-none = No compliance training is recorded.
onb-training-line = { $course }, completed on { $date }
onb-training-add = Record a completion of { $course }
onb-training-completed-on = Completed on
onb-training-submit = Record the training
onb-competencies-title = Competencies
onb-competencies-none = No competency is recorded.
onb-competency-add = Record a competency
onb-competency = Competency
onb-competency-missing = Choose a competency.
onb-level = Level
onb-level-silver = Silver
onb-level-gold = Gold
onb-level-missing = Choose a level.
onb-competency-valid-until = Valid until
onb-competency-submit = Record the competency
onb-consultants-title = Consultants
onb-consultants-hint = Open a consultant to record the exams they passed.
onb-consultants-none = The company has no consultants.
onb-consultant-intro = Consultant of { $partner }
onb-exams-title = Exams passed
onb-exams-none = No exam is recorded.
onb-exam-passed = { $exam }, passed on { $date }
onb-exam-add = Record an exam
onb-exam = Exam
onb-exam-missing = Choose an exam.
onb-exam-passed-on = Passed on
onb-exam-submit = Record the exam
onb-publish-title = Program agreement
onb-publish-intro = Partners sign the current version; a new version must be signed before their next enrollment or renewal.
onb-publish-current = Current version: { $version }
onb-publish-new = Publish a new version
onb-publish-version = Version number
onb-publish-version-hint = Must be higher than { $version }.
onb-publish-text = Text
onb-publish-submit = Publish
onb-version-missing = Enter a whole version number.
onb-text-missing = Enter the text of the agreement.

## After an action, and refusals of these forms

done-agreement-signed = Your company signed the program agreement.
done-enrolled = Your company is enrolled.
done-renewed = The enrollment is renewed for a year.
done-location-added = The location is added.
done-training-recorded = The compliance training is recorded.
done-competency-recorded = The competency is recorded.
done-exam-recorded = The exam is recorded.
done-agreement-published = The new version of the program agreement is published.
invalid-completed-on = The date cannot be after today.
invalid-passed-on = The date cannot be after today.
invalid-version = The version number is too high.
invalid-text = Enter the text of the agreement (at most 100,000 characters).
invalid-name = Enter a name (at most 200 characters).
invalid-country = Enter a two-letter country code, for example FR.
invalid-location-ids = Tick between 1 and 200 of your company's locations.
