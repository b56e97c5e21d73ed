# Sharing: the share bar and panel of the wallet, the QR codes and printed sheet of a share
# link, the employer's view of a link (its banner, errors, pathway progress), saving a shared
# link, and what a scanned QR code leads to.

## The share bar (gallery)

share-select-label = Select “{ $name }” for sharing
share-select-title = Select for sharing
share-hint-none = Nothing selected: the link will hold all { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
}.
share-hint-selected = { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} selected.
share-heading = Share
share-title-label = Title
share-title-placeholder = Title, e.g. Data skills
share-holder-label = Your name
share-holder-placeholder = Your name (shown to the viewer)
share-creating = Creating…
share-create = Create share link
share-nothing = There is nothing to share yet.
share-default-title = My badges

## The share panel

share-pathways-legend = Pathway progress (optional)
share-pathways-intro = Add a pathway these credentials count toward. The link then carries the pathway's requirements, and the viewer's browser works out the progress itself from the credentials that pass its checks.
share-pathways-loading = Loading your pathways…
share-pathways-none = These credentials do not count toward any pathway in your Progress view.
share-pathway-complete = complete with these credentials ({ $met } of { $needed })
share-pathway-progress = { $met } of { $needed } with these credentials
share-pathway-too-large = Too large to go in a link.
share-pathway-carries = Also carries { $names } (it builds on { $n ->
    [one] it
   *[other] them
}).
share-pathways-size = The pathway requirements add { $bytes } bytes ({ $chars } characters) to the link.
share-copied = Link copied.
share-copy-manual = Press Ctrl+C (or ⌘C) to copy the selected link.
share-web = Share…
share-web-text = My verified badges — they are checked in your browser.
share-panel-title = Share link for { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
}
share-close-label = Close the share panel
share-close = Close
share-panel-intro = The link carries the signed credentials themselves: whoever opens it checks them in their own browser. Nothing is uploaded.
share-link-label = Share link
share-copy = Copy link
share-preview = Preview
share-print = Print
share-too-big = This portfolio is too big for one scannable QR code.
share-too-big-hint = Phone cameras struggle above version 30. Send the link, or use one QR code per credential (below).
share-large-image = A credential carries a large embedded image in its signed data: it can only go by link, not by QR code.
share-items-summary = One link per credential ({ $n })
share-item-link = Link
share-item-qr-show = QR code
share-item-qr-hide = Hide QR code
share-linkedin = Add to LinkedIn
share-item-large-image = This credential carries a large embedded image in its signed data: it can only go by link.
share-item-too-big = Too big for one scannable QR code: send the link.
share-item-qr-alt = QR code of the link to “{ $name }”
share-item-qr-version = Version { $version }

## The QR code of the link, and the printed sheet

share-qr-alt = QR code of the share link ({ $n ->
    [one] { $n } credential
   *[other] { $n } credentials
})
share-qr-caption = QR code version { $version } ({ $modules }×{ $modules } modules, error correction { $ecc }) · link { $chars } characters, { $bytes } bytes of data.
share-qr-svg = Download QR (SVG)
share-qr-png = Download QR (PNG)
share-qr-none = No single QR code can hold this link: share the link itself, or one QR code per credential below.
share-shared-by = Shared by
share-print-scan = Scan to check these credentials in your browser.
share-print-scan-dense = Scan to check these credentials in your browser (a dense code: hold the camera close, or use the link).

## The employer's view of a link

share-opening = Opening the share link…
share-error-title = This share link cannot be opened
share-error-hint-incomplete = Some apps cut long links. Ask the sender for the whole link, or scan their QR code.
share-error-hint-altered = A character of the link was changed or lost. Ask the sender to share it again.
share-error-hint-newer = Open it with an up-to-date wallet, or ask the sender for a link this wallet can read.
share-error-hint-not-link = Check that the whole link was copied.
share-error-hint-too-large = The link is intact, but it holds more than a browser tab can safely open. Ask the sender to share fewer credentials per link.
share-go-wallet = Go to my wallet
shared-default-title = Shared badges
shared-kicker = Shared portfolio
shared-unreadable = { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} in this link could not be read.
shared-credentials-heading = Credentials
shared-select-hint = Select a credential to see its full verification report.
shared-footer-checked = This page checked each credential's signature with the issuer's public key, in your browser, without contacting anyone.
shared-footer-link = The link itself is not trusted: altering it breaks the signatures or the link.
share-save = Save to my wallet
share-open-wallet = Open my wallet
shared-checking = Checking…
shared-checked-at = Checked in this browser at { $time }
shared-verification = Verification

## The employer's banner

share-banner-checking = Checking { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} in your browser… ({ $checked } of { $readable } done)
share-banner-sentence = { $lead }: { $parts }.
share-banner-separator = ;{ " " }
share-banner-failed = { $n } failed ({ $why })
share-banner-why-invalid = { $n } invalid
share-banner-why-revoked = { $n } revoked
share-banner-why-expired = { $n } expired
share-banner-why-not-yet-valid = { $n } not yet valid
share-banner-why-verified = { $n } verified
share-banner-why-unverified = { $n } not verified
share-banner-why-unreadable = { $n } unreadable
share-banner-signatures-valid = { $n ->
    [one] signature valid
   *[other] signatures valid
}
share-banner-signatures-some = { $valid } of { $readable } signatures valid
share-banner-signatures-unchecked = signature not checked for { $n }
share-banner-issuers-confirmed = { $n ->
    [one] issuer confirmed
   *[other] issuers confirmed
}
share-banner-issuers-unconfirmed = { $n ->
    [one] { $n } issuer
   *[other] { $n } issuers
} not confirmed
share-banner-revocation-unchecked = revocation not checked for { $n }
share-banner-verified-one = The credential was verified in your browser
share-banner-verified-all = All { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
} verified in your browser
share-banner-hint-verified = Their issuers are known issuers and nothing was sent anywhere.
share-banner-hint-warn = Nothing was found wrong, but not everything could be confirmed: open a credential to see what.
share-banner-hint-failed = Open a credential to see why.

## Pathway progress in the employer's view

shared-pathways-title = Pathway progress
shared-pathways-error = The pathway progress in this link could not be used: { $error }.
shared-pathways-unaffected = The credentials above are not affected: they were checked on their own.
shared-pathways-pending = Progress is worked out once every credential has been checked…
shared-pathways-recomputed = Recomputed in your browser, counting only the { $verified } of { $total } shared credentials that passed verification.
shared-pathways-sender-copy = A credential that failed verification does not count. The requirements are the sender's copy of each pathway (not signed by its issuer): they are listed so you can judge them.
shared-pathway-requirements = Requirements of { $name }

## Saving a shared link in the wallet (#/save/…)

share-save-title = Save shared badges
share-saving = Saving…
share-save-error = This share link cannot be saved: { $error }.

## Why a link cannot be read (wallet-share), in a sentence: "…: { $error }."

share-decode-incomplete = this share link is incomplete (it was cut off)
share-decode-altered = this share link was altered or damaged (checksum mismatch)
share-decode-newer = this share link was made by a newer version of the wallet (format { $format })
share-decode-not-link = not a share link
share-decode-too-large-size = this share link expands to more than { $mb } MB of credentials, more than this wallet opens
share-decode-too-many = this share link holds more than { $max } credentials, more than this wallet opens

## What a scanned QR code leads to (wallet-share)

share-scan-unreadable-credential = a credential that cannot be read ({ $error })
share-scan-no-credentials = The QR code holds a share link with no credentials.
share-scan-bad-link = The QR code holds a share link that cannot be read: { $error }.
share-scan-empty = The QR code is empty.
share-scan-not-badge = The QR code holds text that is neither a badge nor a link: { $error }.
