# Pathways: the Progress view, a pathway's page and requirement tree (also in the employer's
# view of a share link), next steps, importing pathway files, and the engine's own words
# (wallet-pathways: group labels, reasons a credential does not count, file errors).

## Groups of requirements (wallet-pathways words.rs). The default labels are the engine's
## labels of groups the author did not name; the tags are shown before every group.
pathway-group-label-all = All of
pathway-group-label-any = Any one of
pathway-group-label-n = { $needed } of
pathway-group-tag-all = All of
pathway-group-tag-any = Any of
pathway-group-tag-n = { $needed } of { $total }

## What a pathway leads to.
pathway-kind-certificate = Certificate
pathway-kind-diploma = Diploma
pathway-kind-degree-credit = Degree credit
pathway-kind-job = Job
pathway-kind-other = Goal

## A completed pathway ($issuer: the goal's issuer, as the pathway file names it).
pathway-eligible-certificate = Eligible — request your certificate from { $issuer }
pathway-eligible-diploma = Eligible — request your diploma from { $issuer }
pathway-eligible-degree-credit = Eligible — request your degree credit from { $issuer }
pathway-eligible-job = Eligible — apply to { $issuer }
pathway-eligible-other = Eligible — contact { $issuer }

## Counts.
pathway-requirements = { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
}
pathway-shared-count = { $met } of { $needed ->
    [one] { $needed } requirement
   *[other] { $needed } requirements
} met
pathway-shared-count-complete = Complete: { $met } of { $needed ->
    [one] { $needed } requirement
   *[other] { $needed } requirements
} met
pathway-reference-complete = complete
pathway-count = { $met } of { $needed }

## A requirement the author did not label, described from what it matches (parts joined
## with ", ", the first letter capitalised by the code).
pathway-describe-achievement = achievement { $id }
pathway-describe-type = a { $kind }
pathway-describe-aligned = aligned to { $target }
pathway-describe-tag = tagged “{ $tag }”
pathway-describe-issuer = from { $issuer }

## Why a matching credential does not count (joined with ", ").
pathway-reason-expired-on = expired on { $date }
pathway-reason-expired = expired
pathway-reason-valid-from = not valid until { $date }
pathway-reason-not-valid-yet = not valid yet
pathway-reason-invalid = signature invalid
pathway-reason-revoked = revoked by the issuer
pathway-reason-unverified = not verified yet
pathway-reason-pending = verification still in progress
pathway-reason-status = verification status “{ $status }”
pathway-reason-no-issue-date = no issue date (must be issued on or after { $date })
pathway-reason-issued-before = issued before { $date }

## Why a requirement is unmet although a credential would count for it.
pathway-note-already-counts = “{ $credential }” already counts for “{ $other }” in this group
pathway-note-all-count-elsewhere = every matching credential already counts for another requirement in this group

## Pathway files (importing, removing).
pathway-file-too-large = { $name }: too large for a pathway file.
pathway-file-too-large-size = { $name }: too large for a pathway file ({ $size } KB; at most { $max } KB).
pathway-added = { $n ->
    [one] Added pathway { $names }
   *[other] Added pathways { $names }
}
pathway-removed = Removed { $name }

## The requirement tree (the wallet's pathway page and the employer's view).
# Read by screen readers after a requirement.
pathway-tree-met = met
pathway-tree-unmet-learner = not met yet
pathway-tree-unmet-employer = not met
# The tag of a requirement that is another pathway.
pathway-tree-pathway-tag = Pathway
# After a credential that counts for a requirement ("— counts").
pathway-tree-counts = counts
pathway-tree-also-matches = also matches
# "✗ <credential> — doesn't count: <reasons>"
pathway-tree-doesnt-count = doesn't count:
pathway-tree-none-yet = No matching credential in your wallet yet.
# Before the author's hint of where to earn a credential.
pathway-tree-to-earn = To earn:
# Employer's view: "“<credential>” matches but does not count: <reasons>".
pathway-tree-not-counted-before = “
pathway-tree-not-counted-after = ” matches but does not count:
# Employer's view: "Met by <credential>".
pathway-tree-met-by = Met by
pathway-tree-none-shared = No shared credential meets this.

## The progress ring ($name: the pathway's name, as its file has it).
pathway-ring-label = Progress toward { $name }

## The Progress view and a pathway's page.
pathway-progress-title = Progress
pathway-progress-intro = Pathways to certificates, diplomas and jobs, from the badges in your wallet
pathway-loading = Loading pathways…
pathway-wallet-empty = Your wallet is empty: add badges to see your progress.
pathway-load-errors = Some pathway files could not be loaded:
# "3 pathways · 1 complete"
pathway-summary-count = { $n ->
    [one] { $n } pathway
   *[other] { $n } pathways
}
pathway-summary-complete = { $n } complete
# After a pathway's count: "2 of 3 · 1 more credential needed".
pathway-more-needed = { $n ->
    [one] { $n } more credential needed
   *[other] { $n } more credentials needed
}
pathway-request = Request
pathway-remove = Remove
pathway-imported = Imported
pathway-back = ← Progress
pathway-requirements-heading = Requirements
pathway-missing = This pathway is not loaded (it may have been removed).

## Next steps.
pathway-next-title = Next steps
pathway-next-none = Nothing left to earn for these pathways.
# "Advances: <pathway> (2/3, 1 to go), <pathway> (…)"
pathway-next-advances = Advances:
pathway-next-to-go = ({ $met }/{ $needed }, { $remaining } to go)
# "You have <credential> — <reasons it does not count>"
pathway-next-you-have = You have
pathway-next-show-fewer = Show fewer
pathway-next-show-all = Show all { $n } steps

## Adding a pathway file.
pathway-import-title = Add a pathway
pathway-import-intro = A pathway file (JSON, "type": "LearnerPathway") from a school, training provider or employer says which badges lead to a certificate. It is kept in this browser only.
pathway-import-paste-label = Paste a pathway file
pathway-import-paste-button = Add pasted pathway
pathway-import-link-label = Or from a link
pathway-import-link-placeholder = https://school.example/pathways/certificate.json
pathway-import-link-button = Add from link
pathway-import-file-button = Choose a pathway file
pathway-import-paste-first = Paste a pathway file (JSON) first.
# The name a pasted file is kept under (its messages and "Remove" name it).
pathway-import-pasted-name = Pasted pathway
pathway-import-read-error = { $name }: { $error }
pathway-import-link-invalid = Enter an http(s) link to a pathway file.
pathway-import-still-loading = The pathways are still loading; try again in a moment.
pathway-save-failed = Could not save the pathway in this browser: { $error }

## Problems in a pathway file, after its name and the place in it ("a.json: pathways[0].goal:
## missing "kind""). Keys of the file are quoted as they are written.
pathway-error-at = { $place }: { $problem }
pathway-type-null = null
pathway-type-boolean = a boolean
pathway-type-number = a number
pathway-type-string = a string
pathway-type-list = a list
pathway-type-object = an object
# $kind: one of the pathway-type-… above.
pathway-error-file-not-object = a pathway file must be an object, not { $kind }
pathway-error-pathway-not-object = a pathway must be an object, not { $kind }
pathway-error-requirement-not-object = a requirement must be an object, not { $kind }
pathway-error-key-not-object = "{ $key }" must be an object, not { $kind }
pathway-error-unknown-key = unknown key "{ $key }" (allowed here: { $allowed })
pathway-error-empty-string = "{ $key }" must not be empty
pathway-error-not-string = "{ $key }" must be a string, not { $kind }
pathway-error-missing-key = missing "{ $key }"
pathway-error-not-url = "{ $key }" must be an http(s) URL, not "{ $value }"
pathway-error-not-bool = "{ $key }" must be true or false, not { $kind }
pathway-error-pathways-not-list = "pathways" must be a list, not { $kind }
pathway-error-pathways-empty = "pathways" is empty
pathway-error-missing-type = missing "type": "{ $expected }"
pathway-error-wrong-type = "type" must be "{ $expected }", not { $value }
pathway-error-missing-version = missing "version": { $version }
pathway-error-unsupported-version = unsupported version { $found } (this wallet reads version { $version })
pathway-error-version-not-number = "version" must be a number, not { $kind }
pathway-error-id-not-uri = "id" must be a URI, not "{ $id }"
pathway-error-goal-kind = unknown goal kind "{ $kind }" (expected certificate, diploma, degree-credit, job or other)
pathway-error-hint-type = "hint" must be a string or {"{"}"text", "url"{"}"}, not { $kind }
pathway-error-not-list = "{ $key }" must be a list of requirements, not { $kind }
pathway-error-empty-group = "{ $key }" is empty: a group needs at least one requirement
pathway-error-no-kind = a requirement needs one of "all", "any", "nOf", "match" or "pathway"
pathway-error-many-kinds = a requirement can have only one of { $kinds }
pathway-error-nof-below-one = "nOf" is { $value }: it must be at least 1
pathway-error-nof-not-whole = "nOf" must be a whole number, not { $value }
pathway-error-nof-needs-of = "nOf" needs "of": the list to choose from
pathway-error-nof-too-many = "nOf" is { $k } but "of" has only { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
}
pathway-error-issued-after = "issuedAfter" must be a date (YYYY-MM-DD), not "{ $value }"
pathway-error-alignment-empty = "alignment" needs at least one of targetCode, targetUrl, targetFramework, targetName
pathway-error-match-empty = "match" needs at least one of achievementId, achievementType, issuer, alignment, tag
# $error: the JSON parser's own message (English).
pathway-error-json = not valid JSON: { $error }
# Where the first pathway with the same id is: "(also at the file)", "(also at a.json: the file)".
pathway-error-the-file = the file
pathway-error-the-first-file = the first file
pathway-error-duplicate-id = duplicate pathway id "{ $id }" (also at { $at })
pathway-error-unknown-pathway = unknown pathway "{ $id }"
pathway-error-cycle = pathways refer to each other in a cycle: { $ids }
# The wallet's own list of bundled pathway files (pathways/index.json).
pathway-index-not-json = pathway index is not valid JSON: { $error }
pathway-index-no-files = pathway index needs "files": a list of file names
pathway-index-bad-name = pathway index: bad file name { $name }

## A share link's pathways that the employer's view cannot use (after "could not be used:").
pathway-shared-too-large = the pathway data is too large ({ $size } KB; at most { $max } KB is read)
pathway-shared-too-many = the link holds { $count } pathways; at most { $max } are read
pathway-shared-invalid = the pathway data is not valid
# $first: the first problem; $more: how many others.
pathway-shared-invalid-first = the pathway data is not valid ({ $first }{ $more ->
    [0] {""}
    [one] ; { $more } more problem
   *[other] ; { $more } more problems
})
