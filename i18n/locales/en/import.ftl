# Adding badges: the import panel (paste, files, drop, link), QR codes (camera, pictures),
# the deep link's confirmation, fetching a badge, and the per-item results and their errors.

## The import panel

import-title = Add badges
import-drop-hint = Drop badge files here — JSON, JWT, baked PNG or SVG, or a picture of a QR code — or
import-choose-files = Choose files
import-paste-label = Paste a badge (JSON, JWS/JWT or a link)
import-paste-submit = Add pasted badge
import-url-label = Or import from a link
import-url-placeholder = https://issuer.example/badges/123.json
import-url-submit = Import from link
import-progress = Importing { $done } of { $total }…
import-results-label = Import results
# Between a result's label (a file name, "Pasted text", a link) and its message.
import-result-separator = { ": " }
import-pasted-label = Pasted text
import-paste-empty = Paste a badge first: its JSON, or a JWS/JWT, or a link to it.
# The summary's parts, joined by " · ": "3 added · 1 already in your wallet · 2 could not be imported".
import-summary-added = { $n } added
import-summary-duplicate = { $n } already in your wallet
import-summary-failed = { $n } could not be imported
import-cancel = Cancel

## Results of an import

import-added = Added “{ $name }” from { $issuer }.
import-duplicate = “{ $name }” is already in your wallet; it was not added again.
import-stored-unreadable = “{ $name }” is already stored in your wallet, but its stored record could not be read (it may be damaged, or saved by a newer version of the wallet). It was kept unchanged, not replaced.
import-points-elsewhere = The badge points to another address ({ $url }) instead of holding the credential; the wallet follows only one such link.
import-url-not-http = Only http and https addresses can be imported, not “{ $url }”.
import-too-large = This file is too large ({ $size } MB; the limit is { $limit } MB).
import-file-unreadable = The file could not be read: { $reason }
import-backup-entry-link = This backup entry is a link, not a credential.
# $reason: import-image-not-an-image or a reason of the import-fetch-… kind.
import-image-not-loaded = Its image at { $host } was not loaded: { $reason }. You can load it from { $host } on the badge's page.
import-image-not-an-image = what its server sent is not a PNG, JPEG, GIF, WebP, AVIF or SVG image

## What a file or a text is (wallet-core)

import-format-jpeg = a JPEG image
import-format-gif = a GIF image
import-format-pdf = a PDF document
import-format-zip = a ZIP archive (or an Office document)
import-format-riff = a WebP image or other RIFF file
import-format-damaged-png = a damaged PNG image
# $what: one of the import-format-… messages.
import-unsupported-format = this is { $what }; badges can be imported from PNG or SVG images, JSON files or signed (JWS) text
import-binary-file = this file is not a PNG, an SVG or a text file (it looks like binary data)
import-file-too-large = this file is too large ({ $size } MB; the limit is { $limit } MB)
import-file-empty = this file is empty
import-svg-not-utf8 = this SVG file is not UTF-8 text
import-png-misnamed = this file is named .png but is not a PNG image
import-baked-badge-error = the badge baked into this image: { $reason }
import-html-page = this looks like an HTML or XML page, not a badge (a badge is JSON, signed JWS text, or a PNG/SVG image)
import-backup-file = this is a Learner Wallet backup file, not a badge: restore it with “Restore from backup…” in the Backup section
import-presentation-empty = this presentation holds no credentials
import-list-empty = this list holds no credentials
# $first: why the first item could not be read.
import-presentation-no-badge = this presentation holds { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} but none is a badge this wallet can read; the first: { $first }
import-list-no-badge = this list holds { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} but none is a badge this wallet can read; the first: { $first }
import-parse-empty = There is nothing to import: the text is empty.
# $detail: the JSON parser's own message (English).
import-parse-invalid-json = This is not valid JSON (line { $line }, column { $column }): { $detail }
import-parse-invalid-jws = This looks like a signed badge (JWS) but cannot be read: { $reason }
import-parse-not-a-badge = not a badge this wallet understands: { $reason }

## Baked images (wallet-core)

import-unbake-not-png = this is not a PNG file
import-unbake-truncated = the PNG is truncated
import-unbake-no-badge-png = this PNG has no baked badge (no openbadges / openbadgecredential text chunk)
import-unbake-bad-chunk = the badge baked into this PNG is damaged: { $reason }
import-unbake-not-svg = this SVG file cannot be read: { $reason }
import-unbake-no-badge-svg = this SVG has no baked badge (no openbadges:credential or openbadges:assertion element)
import-unbake-empty = the badge baked into this image is empty
import-unbake-invalid-input = cannot bake this badge: { $reason }
import-unbake-svg-declarations = this SVG declares its own XML entities or markup (a <!DOCTYPE …[ … ]> block); the wallet does not read those, because a few such lines can expand to gigabytes. Save the image again without the DOCTYPE and import it
# $what: one of the four import-unbake-svg-… messages below.
import-unbake-svg-too-large = this SVG has { $what }, more than any badge image; the wallet does not read it
import-unbake-svg-nodes = more than { $n } elements and text parts
import-unbake-svg-attributes = more than { $n } attributes on one element
import-unbake-svg-attribute-work = too many attributes in all
import-unbake-svg-namespaces = more than { $n } namespace declarations
import-unbake-svg-depth = elements nested more than { $n } deep
import-unbake-too-many-chunks = this PNG has more than { $n } text chunks, more than any badge image; the wallet does not read it

## Downloading a baked badge (detail view)

import-download-baked-svg = Download as baked SVG
import-download-baked-png = Download as baked PNG
import-bake-failed = Could not bake the badge: { $reason }

## Fetching a badge from a link

import-unknown-error = unknown error
import-fetch-offline = you are offline
import-fetch-unreachable = the server could not be reached or does not allow other sites to read it (no CORS permission)
import-fetch-timed-out = the server did not answer within { $seconds } seconds
import-fetch-too-large = the answer is larger than the { $max } MiB limit, so it was refused
# $status: the HTTP status text, often empty.
import-fetch-http = the server answered { $code } { $status }
import-fetch-read = the answer could not be read ({ $reason })
import-fetch-not-a-web-address = “{ $url }” is not a web address
import-fetch-only-https = the wallet fetches only https addresses, not { $url }
import-fetch-only-https-scheme = the wallet fetches only https addresses, not { $scheme } ones
import-fetch-bad-url = it is not a URL the wallet can open ({ $detail })
import-download-not-allowed = This is not a URL the wallet can open: { $reason }.
import-download-offline = Could not download { $url }: you are offline. Import the badge file instead, or try again when online.
import-download-unreachable = Could not download { $url }: the issuer's server does not allow other sites to read it (it sends no CORS permission), or it could not be reached. Download the badge file from the issuer's site and import the file instead.
import-download-http = Could not download { $url }: the server answered { $code } { $status }.
import-download-failed = Could not download { $url }: { $reason }.

## QR codes: pictures and the camera

import-scan-qr = Scan a QR code
import-camera-preview = Camera preview
import-camera-stop = Stop the camera
import-camera-opening = Opening the camera…
import-camera-point = Point the camera at a QR code…
import-camera-timeout = No QR code was read; the camera was stopped. Try again with more light, closer.
import-camera-failed = The camera could not be used: { $reason }.
import-camera-stopped = The camera was stopped: { $reason }.
import-camera-no-access = this browser gives no access to a camera here (it needs a secure https page)
import-camera-not-asked = the camera could not be asked for
import-camera-no-video = the camera gave no video
import-camera-refused = permission to use the camera was refused
import-camera-not-found = no camera was found
import-camera-busy = the camera is in use by another application
import-camera-not-opened = the camera could not be opened
# Where a QR code was read, as $source of import-qr-intro (otherwise a file name).
import-qr-source-camera = the camera
import-qr-reader-failed = the QR code reader failed on this picture
# $message: why the picture holds no badge.
import-picture-no-qr = { $message }; no QR code was found in it either
import-picture-qr-unread = { $message }; it was not read for a QR code: { $reason }
import-picture-unknown-size = its size could not be read
import-picture-too-large = it is too large to look for a QR code in ({ $width } × { $height } pixels; at most { $max } megapixels)
import-picture-not-drawn = the picture could not be drawn
import-picture-pixels-unread = the picture's pixels could not be read
import-picture-undecodable = the browser could not decode this picture
import-picture-size-mismatch = the picture's size is not the one its header declares

## What a QR code offers

import-qr-offer-title = Import from a QR code
# $title and $holder: empty, or import-qr-share-title / import-qr-share-holder after a space.
import-qr-intro-share-link = The QR code from { $source } is a share link{ $title }{ $holder } holding { $n ->
    [one] { $n } badge
   *[other] { $n } badges
}:
import-qr-share-title = “{ $title }”
import-qr-share-holder = by { $holder }
import-qr-intro = The QR code from { $source } holds { $n ->
    [one] { $n } badge
   *[other] { $n } badges
}:
import-qr-offer-note = Names and issuers are as the badges state them; each is checked once it is added.
import-qr-offer-add = { $n ->
    [one] Add it to my wallet
   *[other] Add all { $n } to my wallet
}
# The label of a result line for a QR code's credential.
import-qr-item-label = QR code #{ $n } ({ $source })

## The deep link #/import?url=… (the host, then the whole link, are shown between these)

import-deeplink-title = Add a badge from a link?
import-deeplink-ask-before = A link asks this wallet to download a badge from{ " " }
import-deeplink-ask-after = { " " }and add it to your wallet. Nothing has been downloaded yet.
import-deeplink-caution = Add it only if you expected a badge from this issuer.
import-deeplink-confirm = Download and add the badge
import-deeplink-not-http = This link cannot add a badge: only http and https addresses can be imported, not{ " " }
import-deeplink-back = Back to my wallet

## Why a signed badge (JWS) cannot be read (wallet-core)

import-jws-parts = a compact JWS has three dot-separated parts; this has { $n }
import-jws-header-not-base64 = the JWS header is not base64url
import-jws-payload-not-base64 = the JWS payload is not base64url
import-jws-header-not-json = the JWS header is not JSON
import-jws-payload-not-json = the JWS payload is not JSON
# $detail: the JSON parser's message, e.g. duplicate member name "alg" at line 1 column 20.
import-jws-header-duplicate = the JWS header has a { $detail }
import-jws-payload-duplicate = the JWS payload has a { $detail }
import-jws-header-not-object = the JWS header is not a JSON object
import-jws-payload-not-object = the JWS payload is not a JSON object
import-jws-no-alg = the JWS header has no "alg"
import-jws-unencoded = unencoded (b64: false) JWS payloads are not supported
import-jws-vc-not-object = the JWT "vc" claim is not a JSON object

## Why a JSON document is not a badge (wallet-core)

import-not-badge-array = it is a JSON array (a list of { $n } items), not a single credential; import the items one at a time
# $kind: one of the import-json-… words.
import-not-badge-not-object = it is a JSON { $kind }, not an object
import-not-badge-presentation = it is a VerifiablePresentation; import the credentials inside it
import-not-badge-nested-clr = it is a Comprehensive Learner Record inside another one; only one level of nesting is read
import-not-badge-backup = it is a wallet backup file; use "Restore from backup" instead
import-not-badge-endorsement = it is an EndorsementCredential (an endorsement of a badge or issuer), not a badge
import-not-badge-badge-class = it is an Open Badges 2.0 BadgeClass (the description of a badge), not an awarded badge
import-not-badge-achievement = it is an Achievement definition, not an awarded badge credential
import-not-badge-issuer-profile = it is an issuer profile, not a badge
import-not-badge-plain-credential = it is a Verifiable Credential but has no OpenBadgeCredential or AchievementCredential type
# $types: the credential's other types, as written in it.
import-not-badge-other-credential = it is a Verifiable Credential but has no OpenBadgeCredential or AchievementCredential type (it is a { $types })
import-not-badge-no-type = it has no OpenBadgeCredential or AchievementCredential type (it has no "type" at all)
import-not-badge-other-type = it has no OpenBadgeCredential or AchievementCredential type (its type is { $types })
import-not-badge-no-subject = credentialSubject is missing
import-not-badge-subject-not-object = credentialSubject is not an object
import-not-badge-subject-empty = credentialSubject is an empty list
import-not-badge-no-achievement = credentialSubject.achievement is missing
import-not-badge-achievement-not-object = credentialSubject.achievement is not an object (Open Badges 3.0 embeds the achievement)
import-not-badge-ob2-no-badge = the Open Badges 2.0 assertion has no "badge"
import-not-badge-ob2-badge-neither = the assertion's "badge" is neither a BadgeClass object nor a URL
import-not-badge-clr-subjects = a Comprehensive Learner Record has one learner (ClrSubject); this one has { $n }
import-not-badge-clr-subject-not-object = the Comprehensive Learner Record's credentialSubject is not an object
import-not-badge-clr-too-many = this Comprehensive Learner Record holds { $n } credentials; the wallet reads at most { $max }
import-not-badge-empty-data-url = its data: URL has no content
import-not-badge-enveloped = it is an enveloped credential without a data: URL
import-not-badge-nested-not-credential = it is a JSON { $kind }, not a credential
import-json-null = null
import-json-bool = true/false value
import-json-number = number
import-json-string = string
import-json-array = array
import-json-object = object

## The browser failed at something it always does (rarely seen)

import-browser-no-document = no document
import-browser-no-body = no body
import-browser-no-canvas = no canvas
import-browser-no-2d-canvas = no 2D canvas
import-browser-no-object-url = no object URL
import-browser-no-image-element = no image element
