# The app's frame: name, top bar, navigation, footer, the language menu, and words used
# everywhere (statuses, counts).

app-name = Learner Wallet
wallet-tagline = Your badges, verified in your browser
viewer-tagline = Badges verified in your browser
wallet-footer = Everything stays in this browser. Nothing is uploaded.
viewer-footer = Checked in this browser. Nothing is uploaded.
wallet-opening = Opening your wallet…
wallet-opening-share-link = Opening the share link…
wallet-heading = My badges
language-label = Language

nav-sections = Sections
nav-wallet = My badges
nav-progress = Progress

status-verified = Verified
status-invalid = Invalid
status-expired = Expired
status-not-yet-valid = Not yet valid
status-revoked = Revoked
status-pending = Checking…
status-unverified = Not verified yet

credential-count = { $n ->
    [one] { $n } credential
   *[other] { $n } credentials
}
