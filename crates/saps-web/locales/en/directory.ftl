# directory: see main.ftl for the conventions. The business profile and the partner directory.

nav-directory = Partner directory
nav-profile = Business profile

## The business profile

profile-title = Business profile
profile-intro = Customers find your company in the partner directory by its name and this profile.
profile-listed = Listed in the partner directory
profile-not-listed = Not listed in the partner directory
profile-listed-hint = Your company is enrolled and its eligibility is Active in at least one offering.
profile-not-listed-hint = The directory lists only partners currently enrolled, with an Active eligibility in the offering.
profile-updated = Last updated on { $date }.
profile-description = Description
profile-description-hint = What your company does, for whom, and how (at most 2,500 characters).
profile-languages = Languages
profile-languages-hint = Language tags separated by commas, such as en, fr, pt-BR (at most 20).
profile-industries = Industries
profile-industries-hint = Choose at most 20.
profile-website = Website
profile-website-hint = An address starting with https:// or http:// (at most 200 characters).
profile-save = Save the profile
profile-read-title = Your company's profile
profile-read-only = Only the Global admin and the MPN partner admins can change the business profile.
done-profile-saved = The business profile was saved.
invalid-description = The description may have at most 2,500 characters, without control characters.
invalid-languages = Give at most 20 language tags such as en, fr or pt-BR, separated by commas.
invalid-industries = Choose at most 20 industries from the list.
invalid-website = Give a web address starting with https:// or http://, at most 200 characters.
conflict-profile = Someone changed the business profile at the same time. Reload the page and try again.

## The partner directory

directory-title = Partner directory
directory-intro = Partners currently enrolled in an offering, with an Active eligibility. Search ignores case and accents.
directory-search-label = Search the partner directory
directory-q = Search
directory-q-hint = Words from the partner's name or description; the start of a word is enough.
directory-offering = Offering
directory-any-offering = Any offering
directory-country = Country
directory-country-hint = Two-letter code, such as FR or BR.
directory-language = Language
directory-language-hint = A language tag, such as fr or pt-BR.
directory-search = Search
directory-results = Partners
directory-none-found = No partner matches this search.
directory-empty = No partner is listed yet.
directory-offerings = Offerings
directory-locations = Locations
directory-languages = Languages
directory-industries = Industries
directory-website = Website
directory-no-vouchers = You have no voucher waiting to be assigned.
directory-assign-voucher = Voucher to assign to { $partner }
directory-choose-voucher = Choose a voucher
directory-assign = Assign
directory-assign-choose = Choose one of your vouchers to assign.
directory-next = Next page
invalid-language = Give a language tag, such as fr or pt-BR.
invalid-q = Search with at most 200 characters.

## Industries

industry-agriculture = Agriculture
industry-automotive = Automotive
industry-banking = Banking
industry-construction = Construction
industry-consumer-goods = Consumer goods
industry-education = Education
industry-energy = Energy
industry-financial-services = Financial services
industry-government = Government
industry-healthcare = Healthcare
industry-hospitality = Hospitality
industry-insurance = Insurance
industry-legal = Legal services
industry-manufacturing = Manufacturing
industry-media = Media and entertainment
industry-nonprofit = Nonprofit
industry-pharmaceuticals = Pharmaceuticals
industry-professional-services = Professional services
industry-real-estate = Real estate
industry-retail = Retail
industry-technology = Technology
industry-telecommunications = Telecommunications
industry-transportation = Transportation and logistics
industry-utilities = Utilities
