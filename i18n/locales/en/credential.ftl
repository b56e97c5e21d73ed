# One credential and the gallery of them: cards, the detail view (shared with the employer's
# view of a share link), its verification checks, endorsements, a Comprehensive Learner
# Record's transcript, images and issuer names.

# Between a label and its value ("Score: 92").
credential-colon = :{" "}

## Formats (wallet_core::model::Format; the standards' names stay as they are)

format-ob2-hosted = Open Badges 2.0 (hosted)
format-ob2-signed = Open Badges 2.0 (signed)

## Card

card-no-date = No date

## Gallery

# The name of a demo file in the import's report.
gallery-demo-file = Demo: { $file }
gallery-count-filtered = Showing { $shown } of { $all ->
    [one] { $all } credential
   *[other] { $all } credentials
}
# Around the deleted badge's name: Deleted “<name>”.
gallery-deleted-before = Deleted “
gallery-deleted-after = ”.
gallery-undo = Undo
gallery-empty-title = Your wallet is empty.
gallery-empty-hint = Add the badges you have earned above, or look around with demo badges first.
gallery-load-demo = Load demo badges
gallery-search-placeholder = Search name, issuer, skill…
gallery-search-label = Search badges
gallery-filter-issuer = Filter by issuer
gallery-all-issuers = All issuers
gallery-filter-status = Filter by status
gallery-any-status = Any status
gallery-filter-tag = Filter by tag
gallery-all-tags = All tags
gallery-sort = Sort
gallery-sort-newest = Newest first
gallery-sort-oldest = Oldest first
gallery-sort-name = Name
gallery-sort-issuer = Issuer
gallery-show-more = Show more
gallery-checking = Checking { $done } of { $total ->
    [one] { $total } credential…
   *[other] { $total } credentials…
}

## Detail

# The name shown in "Deleted “…”" when the badge had none.
detail-deleted-fallback = this badge
# The name in "Trust …" when the issuer has neither name nor id.
detail-issuer-fallback = this issuer
detail-back = ← All badges
detail-print = Print certificate
detail-delete = Delete from wallet
detail-delete-title = Delete this badge?
detail-delete-body = It is removed from this browser. You can undo right after.
detail-cancel = Cancel
detail-delete-confirm = Delete
detail-not-in-wallet = This badge is not in your wallet (it may have been deleted).
detail-loading = Loading…
# Followed by the hosted copy's URL.
detail-hosted = Shown as the issuer hosts it:
detail-verification = Verification
detail-not-checked = Not checked yet…
detail-proofs = Proofs ({ $n })
# $when: the report's time stamp.
detail-checked-at = Checked in this browser at { $when }
detail-check-again = Check again
# Followed by the issuer's name.
detail-trust = Trust
detail-stop-trusting = Stop trusting

## Credential body

body-about = About this badge
body-no-description = No description.
body-description = Description
body-criteria = Criteria
# Followed by the criteria page's URL.
body-criteria-page = Criteria page:
body-no-criteria = No criteria narrative.
body-issuer = Issuer
body-dates = Dates
body-issued = Issued
body-expires = Expires
body-not-stated = Not stated
# A date not given ("Issued").
body-date-not-stated = Not stated
body-skills = Skills and alignments
body-tags = Tags
body-no-tags = None
body-results = Results
body-no-results = None recorded.
body-result = Result
body-evidence = Evidence
body-no-evidence = None attached.
body-evidence-item = Evidence
body-hashed-identifier = Identified by a hashed identifier
body-recipient = Recipient
body-raw = Raw credential
body-awarded-to = Awarded to

alignments-none = None listed.
alignments-unnamed = Unnamed skill

## Endorsements

endorsements-title = Endorsements
endorsements-of-achievement = Endorsements of this achievement
endorsements-of-issuer = Endorsements of this issuer
# Followed by the endorser's name, then " — " and the verdict.
endorsement-by = Endorsed by
endorsement-verified = verified
endorsement-pending = not checked yet
# Followed by the verifier's reason in parentheses.
endorsement-not-verified = not verified

## Verification checks (the verifier's sentences beside them stay English)

check-format = Format
check-signature = Signature
check-issuer-key = Issuer's key
check-disclosure = Disclosure
check-validity = Dates
check-status = Revocation
check-issuer-trust = Issuer
check-other = Check
check-outcome-pass = Passed
check-outcome-fail = Failed
check-outcome-warn = Warning
check-outcome-not-checked = Not checked
check-status-checked-at = Revocation checked { $when }
check-key-fetched-at = Issuer's key fetched { $when }

## Comprehensive Learner Record transcript

clr-credits-of = { $earned } of { $available } credits
clr-credits = { $earned } credits
clr-credits-available = { $available } credits available
clr-result = { $label }: { $value }
clr-entry-unreadable = Entry { $n } could not be read
clr-unnamed = Unnamed
clr-transcript = Transcript
# Followed by the learner's name or id.
clr-learner = Learner:
clr-partial = The issuer marks this record as partial: it does not hold every achievement.
clr-explain = Each achievement below is a credential of its own, checked on its own; the record's signature above says who assembled the record.
clr-empty = This record holds no achievement credentials.
clr-credits-total = Credits earned in verified achievements: { $credits }
clr-also-listed = Also listed
clr-relations = How the achievements relate
# "<achievement> <phrase> <achievement>"
clr-exact-match-of = is an exact match of
clr-is-child-of = is a child of
clr-is-parent-of = is a parent of
clr-is-part-of = is part of
clr-is-peer-of = is a peer of
clr-is-related-to = is related to
clr-precedes = precedes
clr-replaced-by = is replaced by
clr-associated-other = is associated ({ $kind }) with
clr-no-achievement = (no achievement given)

## Images

image-not-an-image = what it sent is not an image the wallet can show
# Followed by the image's host.
image-load-from = Load the image from
image-loading-from = Loading from
image-not-loaded = Not loaded:
image-open-at = Open the image at

## Issuer names

issuer-unknown = Unknown issuer
issuer-demo = DEMO
issuer-demo-title = A demo issuer: its signing key is published, anyone can sign as it.
issuer-note-trusted = (name given by the credential; you trust this issuer)
issuer-note-self-declared = (name given by the credential, not confirmed)

## Open Badges 3.0 achievement types (the spec's AchievementType enumeration; wallet_i18n::vocab).
## Sentence case: shown as a chip, after "·", and inside pathway sentences ("a { $kind }").
achievement-type-achievement = Achievement
achievement-type-apprenticeship-certificate = Apprenticeship certificate
achievement-type-assessment = Assessment
achievement-type-assignment = Assignment
achievement-type-associate-degree = Associate degree
achievement-type-award = Award
achievement-type-badge = Badge
achievement-type-bachelor-degree = Bachelor’s degree
achievement-type-certificate = Certificate
achievement-type-certificate-of-completion = Certificate of completion
achievement-type-certification = Certification
achievement-type-community-service = Community service
achievement-type-competency = Competency
achievement-type-course = Course
achievement-type-co-curricular = Co-curricular activity
achievement-type-degree = Degree
achievement-type-diploma = Diploma
achievement-type-doctoral-degree = Doctoral degree
achievement-type-fieldwork = Fieldwork
achievement-type-general-education-development = General Education Development (GED)
achievement-type-journeyman-certificate = Journeyman certificate
achievement-type-learning-program = Learning program
achievement-type-license = License
achievement-type-membership = Membership
achievement-type-professional-doctorate = Professional doctorate
achievement-type-quality-assurance-credential = Quality assurance credential
achievement-type-master-certificate = Master certificate
achievement-type-master-degree = Master’s degree
achievement-type-micro-credential = Micro-credential
achievement-type-research-doctorate = Research doctorate
achievement-type-secondary-school-diploma = Secondary school diploma
