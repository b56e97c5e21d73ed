# The verifier's sentences (wallet-verify, wallet_core::sources, the verification round),
# made as typed texts (`wallet_core::text!`) and shown in the reader's language. The English
# here is byte for byte what the verifier has always written (its `message`): change both or
# neither. Technical details from libraries (`$detail`) stay in English.

## Joining: two sentences, one after the other.
verify-sentences = { $first } { $then }

## Format
verify-not-json-object = The credential is not a JSON object.
verify-ob2-payload-not-object = The signed badge's payload is not a JSON object.
verify-duplicate-member = The credential has a { $detail }: readers could disagree on its value, so it is refused.
verify-not-json = The credential is not valid JSON.
verify-jws-unreadable = The signed credential cannot be read: { $detail }.
verify-jwt-claim-not-number = The token's { $claim } claim is not a number of seconds (a NumericDate).
verify-jwt-claim-out-of-range = The token's { $claim } claim is out of range.
verify-jwt-iss-differs = The token's issuer { $token } differs from the credential's issuer { $credential }.
verify-jwt-jti-differs = The token's id (jti { $token }) differs from the credential's id ({ $credential }).
verify-jwt-sub-differs = The token's subject (sub { $token }) differs from the credential subject's id ({ $credential }).
verify-format-badge = { $format } badge.
verify-format-credential = { $format } credential.
verify-context-first = The credential's first @context is { $context }; a Verifiable Credential must start with { $vc2 } (or { $vc1 }).
verify-context-missing = The credential has no Verifiable Credential @context.
verify-not-vc-type = The credential does not say, in its "type", that it is a VerifiableCredential.
verify-no-subject = The credential has no credentialSubject.
verify-no-issuer = The credential does not name its issuer.

## Open Badges 2.0, hosted
verify-ob2-signed-as-json = A signed Open Badges 2.0 badge is checked as the signed token (JWS) it was issued as; this copy is plain JSON.
verify-ob2-hosted-needed = This badge could not be checked: hosted verification needs the issuer's server.
verify-ob2-hosted = The issuer's server hosts this badge.
verify-ob2-revoked = The issuer has revoked this badge.
verify-ob2-revoked-reason = The issuer has revoked this badge. Reason: { $reason }
verify-ob2-hosted-same = The issuer's server hosts this very badge; what is shown is the issuer's hosted copy.
verify-ob2-hosted-differs = The badge hosted on the issuer's server differs from this one.
verify-ob2-on-issuer-site = The badge is hosted on the issuer's own website.
verify-ob2-not-on-issuer-site = The badge is not hosted on the issuer's website.
verify-ob2-not-revoked = The issuer has not revoked this badge.
verify-ob2-revocation-needs-server = Revocation could not be checked without the issuer's server.
verify-badge-no-expiry = The badge does not expire.
verify-badge-expiry-invalid = The badge's expiry date is not valid.
verify-badge-expired = The badge expired on { $date }.
verify-badge-valid-until = The badge is valid until { $date }.

## Signature
verify-no-signature = The credential carries no signature, so it could not be checked.
verify-all-signatures-valid = All { $n } signatures are valid.
verify-signatures-issuer-valid-other-failed = { $valid } of { $n } signatures are valid, including the issuer's; another failed: { $reason }
verify-signatures-issuer-valid-others-unchecked = { $valid } of { $n } signatures are valid, including the issuer's; the others could not be checked
verify-signatures-some-valid = { $valid } of { $n } signatures are valid; the others could not be checked.
verify-signature-key-missing = The signature could not be checked: the issuer's key document is needed and the wallet is offline or has not fetched it.
verify-proof-key-missing = The signature could not be checked: the issuer's key document ({ $url }) is needed and the wallet is offline or has not fetched it.
verify-proof-valid = The { $suite } signature is valid.
verify-proof-valid-disclosed = The { $suite } signature is valid for the { $statements } statements the holder disclosed ({ $mandatory } of them required by the issuer).
verify-proof-mismatch = The { $suite } signature does not match: the credential was changed after it was signed, or signed with another key.
verify-proof-unsupported-type = The signature could not be checked: unsupported proof type { $proof_type }.
verify-proof-unsupported-suite = The signature could not be checked: unsupported cryptosuite { $suite }.
verify-proof-sd-base = The signature could not be checked: this is an ecdsa-sd-2023 base proof, which the issuer gives the holder only; a credential to show carries a derived (selectively disclosed) proof.
verify-ld-credential-unknown-context = The signature could not be checked: the credential uses the context { $context }, which this wallet does not hold.
verify-ld-proof-unknown-context = The signature could not be checked: the proof uses the context { $context }, which this wallet does not hold.
verify-ld-credential-too-complex = The signature could not be checked: the credential is too complex to check ({ $detail }).
verify-ld-proof-too-complex = The signature could not be checked: the proof is too complex to check ({ $detail }).
verify-ld-credential-error = The credential cannot be checked: { $detail }.
verify-ld-proof-error = The proof cannot be checked: { $detail }.
verify-jws-valid = The { $alg } signature ({ $key }) is valid.
verify-jws-valid-profile-key = The { $alg } signature ({ $key }) is valid, made with a key the issuer's profile ({ $issuer }) publishes.
verify-jws-valid-own-key = The { $alg } signature ({ $key }) is valid, made with the key the token itself carries.
verify-jws-no-key = The signature does not say which key made it (no kid or jwk, and the issuer is not a did:key or did:jwk).
verify-jws-mismatch = The signature does not match: the credential was changed after it was signed, or signed with another key.
verify-disclosure = The holder disclosed part of the issuer's credential (ecdsa-sd-2023): everything shown ({ $statements } statements, { $mandatory } of them required by the issuer) is signed by the issuer; anything the holder did not disclose is not shown and not known here.

## Issuer key
verify-key-not-checked = Whether the key belongs to the issuer was not checked, because no signature was confirmed.
verify-key-of-issuer = The signing key belongs to the issuer { $issuer }.
verify-key-unlinked = The signing key is not linked to the issuer { $issuer }: the token carries its own key, so it shows only that nothing changed since someone signed it.
verify-key-of-other = The credential was signed with a key of { $signer }, which is not its issuer { $issuer }.
verify-someone-else = someone else

## Validity
verify-date-invalid = The credential's { $property } is not a valid date and time.
verify-expired = The credential expired on { $date }.
verify-not-yet-valid = The credential is not valid before { $date }.
verify-valid-until = The credential is valid until { $date }.
verify-no-expiry = The credential does not expire.
verify-no-clock = The validity dates could not be checked: the current time is unknown.

## Status
verify-status-none = The issuer publishes no revocation status for this credential.
verify-status-revoked = The issuer has revoked this credential.
verify-status-suspended = The issuer has suspended this credential: it is not valid while suspended (suspended, not revoked: the issuer may lift the suspension).
verify-status-unchecked-signature-valid = The signature is valid, but revocation could not be checked.
verify-status-unchecked = Revocation could not be checked.
verify-status-neither = The issuer has neither revoked nor suspended this credential.
verify-status-not-suspended = The issuer has not suspended this credential.
verify-status-not-revoked = The issuer has not revoked this credential.
verify-status-not-fetched = The revocation list ({ $url }) was not fetched: the wallet is offline, the list's server could not be reached, or the last copy is out of date.
verify-status-1edtech-listed-signed = The 1EdTech revocation list ({ $url }) lists it; the list's signature is valid.
verify-status-1edtech-listed-unsigned = The 1EdTech revocation list ({ $url }) lists it; the list is not signed (the method relies on HTTPS): checked were that it is the list the signed credential names and that it is for this credential's issuer.
verify-status-1edtech-listed-reason-signed = The 1EdTech revocation list ({ $url }) lists it, for this reason: “{ $reason }”; the list's signature is valid.
verify-status-1edtech-listed-reason-unsigned = The 1EdTech revocation list ({ $url }) lists it, for this reason: “{ $reason }”; the list is not signed (the method relies on HTTPS): checked were that it is the list the signed credential names and that it is for this credential's issuer.
verify-status-1edtech-not-listed-signed = The 1EdTech revocation list ({ $url }) does not list it; the list's signature is valid.
verify-status-1edtech-not-listed-unsigned = The 1EdTech revocation list ({ $url }) does not list it; the list is not signed (the method relies on HTTPS): checked were that it is the list the signed credential names and that it is for this credential's issuer.
verify-status-message = The issuer's status message: “{ $message }” (status { $value }).
verify-status-message-unknown = The issuer's status list gives the status { $value } ({ $bits } bits), for which the credential lists no message.
verify-status-message-none = The issuer's status list gives the status { $value } ({ $bits } bits), but the credential's status entry lists no messages (statusMessage).
verify-status-message-malformed = The issuer's status list gives the status { $value } ({ $bits } bits), but the credential's statusMessage is not a list of status and message pairs.

## Issuer trust
verify-trust-listed = The issuer is in your trusted list.
verify-trust-listed-unconfirmed = The issuer is in your trusted list, but the signature was not confirmed.
verify-trust-unlisted-valid = The signature is valid, but the issuer is not in your trusted list.
verify-trust-unlisted = The issuer is not in your trusted list.
verify-trust-registry = { $name } is a known issuer (source: { $source }).
verify-trust-demo = { $name } is a DEMO issuer, trusted here only because you loaded the demo badges: its signing key is published, so anyone can sign as it.
verify-trust-demo-key-employer = The issuer uses the DEMO key of { $name }: that key is published, so anyone can sign as it. Not trusted.
verify-trust-demo-key-learner = The issuer uses the DEMO key of { $name }: that key is published, so anyone can sign as it. It is trusted only in a wallet where you loaded the demo badges.
verify-trust-unknown-employer = The signature is valid, but the issuer is not a known issuer: who it is could not be confirmed.

## Fetched copies (wallet_core::sources): notes after a check's sentence
verify-note-offline-list = You are offline: this used the copy of the list fetched { $age }.
verify-note-offline-key = You are offline: this used the copy of the issuer's key document fetched { $age }.
verify-note-revocation-offline = Revocation not checked (offline).
verify-note-fetch-failed = Fetching { $url } failed: { $detail }.
verify-note-list-out-of-date = Revocation was last checked { $when }; that copy of the list is out of date.
verify-age-less-than-an-hour = less than an hour ago
verify-age-hours = { $n ->
    [one] { $n } hour ago
   *[other] { $n } hours ago
}
verify-age-days = { $n ->
    [one] { $n } day ago
   *[other] { $n } days ago
}
verify-age-at = { $when }

## The verification round
verify-not-checked-stopped = This credential could not be checked: the verifier stopped on it, or cannot run in this browser.

## Open Badges 2.0, signed
verify-ob2-malformed-not-checked = The signature was not checked, because the badge is malformed.
verify-ob2-shared-secret = The badge is signed with a shared secret ({ $alg }), which cannot show who issued it, so it is refused.
verify-ob2-alg-none = The badge is not signed (its algorithm is "none"), so it is refused.
verify-ob2-profile-needed-for-key = The signature could not be checked: the badge does not name its key, so the issuer's profile ({ $profile }) is needed to find it, and the wallet is offline or has not fetched it.
verify-ob2-signature-valid = The { $alg } signature ({ $key }) is valid, made with the key { $id }.
verify-ob2-signature-mismatch = The signature does not match: the badge was changed after it was signed, or signed with another key.
verify-ob2-no-issuer = The badge does not name its issuer.
verify-ob2-key-of-issuer = The signing key { $key } belongs to the issuer { $issuer }: the issuer's profile lists it.
verify-ob2-revocation-issuer-unknown = Revocation could not be checked: the badge's issuer is not known (its description was not fetched).
verify-ob2-revocation-profile-needed = Revocation could not be checked: the issuer's profile ({ $profile }) is needed to find its revocation list.
verify-ob2-no-revocation-list = The issuer publishes no revocation list.
verify-ob2-revoked-by-list = The issuer has revoked this badge (revocation list { $url }).
verify-ob2-revoked-by-list-reason = The issuer has revoked this badge (revocation list { $url }). Reason: { $reason }
verify-ob2-not-revoked-by-list = The issuer's revocation list ({ $urls }) does not list this badge.

## Endorsements
verify-endorsement-not-verified = It could not be verified.
verify-endorsement-too-many = Not checked: this wallet verifies at most { $n } endorsements per credential.
verify-endorsement-too-large = Not checked: this credential's endorsements are too large to check (more than { $n } JSON values in all).
verify-endorsement-not-a-credential = It is not an endorsement credential (neither a JSON object nor a readable VC-JWT).
verify-endorsement-wrong-type = It is not an EndorsementCredential (its type does not say so).
verify-endorsement-endorses-other = It is validly signed, but it endorses { $subject }, not { $target ->
    [credential] this credential
    [achievement] this achievement
    [issuer] this issuer
   *[subject] this credential's subject
}.
verify-endorsement-no-subject-id = It is validly signed, but it does not say what it endorses (its credentialSubject has no id), so it cannot be tied to { $target ->
    [credential] this credential
    [achievement] this achievement
    [issuer] this issuer
   *[subject] this credential's subject
}.
verify-endorsement-target-no-id = It is validly signed, but { $target ->
    [credential] this credential
    [achievement] this achievement
    [issuer] this issuer
   *[subject] this credential's subject
} has no id, so the endorsement cannot be tied to it.

## Comprehensive Learner Record
verify-clr-entry-unreadable = This entry of the record could not be read: { $detail }.

## Data Integrity proofs
verify-proof-no-method = The proof does not say which key made it (no verificationMethod).
verify-proof-created-invalid = The proof's creation date is not a valid date and time.
verify-proof-no-created = The proof has no creation date.
verify-proof-expires-invalid = The proof's expiry is not a valid date and time.
verify-proof-expired = The proof itself has expired.
verify-proof-no-value = The proof has no proofValue (signature).
verify-proof-not-base58 = The signature is not base58btc multibase.
verify-proof-previous-malformed = The proof's previousProof is malformed.
verify-proof-context-not-prefix = The proof's @context is not a prefix of the credential's @context.
verify-proof-no-context = The credential has no @context.
verify-proof-method-is-did = The proof's verificationMethod { $method } is a DID, not a verification method (a DID URL ending in #key).
verify-proof-purpose = The proof's purpose is "{ $purpose }", but a credential must be signed for "assertionMethod".
verify-proof-not-object = A proof is not a JSON object.
verify-proof-too-many = The credential carries { $n } proofs; this wallet checks at most { $max }, so it refuses it.

## Status entries and lists that could not be read
verify-status-list-unreadable = The revocation list ({ $url }) is unreadable: { $why }
verify-status-list-bad-signature = The revocation list's signature ({ $url }) is not valid: { $why }
verify-status-method-unsupported = The status method { $method } is not supported by this wallet.
verify-status-untyped = The status method (untyped) is not supported by this wallet.
verify-status-entry-purpose-not-text = The credential's status entry has a statusPurpose that is not text.
verify-status-purpose-unsupported = The status method { $method } with the purpose “{ $purpose }” is not supported by this wallet.
verify-status-size-unsupported = The status method { $method } with a statusSize of { $size } (this wallet reads 1 to { $max } bits) is not supported by this wallet.
verify-status-entry-size-invalid = The credential's status entry has a statusSize that is not a positive integer ({ $value }).
verify-status-entry-size-not-one = The credential's status entry for { $purpose } has a statusSize of { $size }: the Bitstring Status List spec requires a single bit (statusSize 1) for revocation and suspension.
verify-status-entry-no-list = The credential's status entry names no status list.
verify-status-entry-no-index = The credential's status entry has no valid index.
verify-status-why-not-object = it is not a JSON object.
verify-status-list-unsigned = the list is not signed.
verify-status-why-expired = the list expired on { $date }.
verify-status-why-until-invalid = its validUntil is not a valid date.
verify-status-why-no-subject = it has no subject.
verify-status-why-other-purpose = the list is for { $purposes }, but the credential asks about { $purpose }.
verify-status-why-no-encoded-list = it has no encodedList.
verify-status-why-not-base64url = The revocation list is not base64url.
verify-status-why-not-gzip = The revocation list is not valid GZIP data.
verify-status-why-index-outside = the credential's index is outside the list.
verify-status-entry-1edtech-no-list = The credential's status entry (1EdTechRevocationList) names no revocation list.
verify-status-entry-1edtech-no-id = The credential's status entry is a 1EdTech revocation list, which lists credentials by id, but the credential has no id.
verify-status-why-other-list = it says it is the list { $id }, not { $url }.
verify-status-why-no-id = it has no id.
verify-status-why-no-issuer = it names no issuer.
verify-status-why-other-issuer = it is the list of { $list_issuer }, not of this credential's issuer { $issuer }.
verify-status-why-no-revoked-list = it has no revokedCredentials list.
verify-status-why-entry-no-id = an entry of revokedCredentials has no id.

## Details of keys and signatures (the detail stays English)
verify-signature-unchecked-detail = The signature could not be checked: { $detail }.
verify-signature-malformed = The signature is malformed: { $detail }.
verify-signature-wrong-key = The signature cannot be checked with its key: { $detail }.
verify-key-unusable = The signing key is not usable: { $detail }.
verify-proof-malformed = The { $suite } signature is malformed: { $detail }.
verify-proof-invalid-detail = The { $suite } proof is not valid: { $detail }.

## Tokens and signed badges: refusals and keys
verify-jws-alg-none = The token is not signed (its algorithm is "none"), so it is refused.
verify-jws-shared-secret = The token is signed with a shared secret ({ $alg }), which cannot show who issued it, so it is refused.
verify-alg-unsupported = The signature could not be checked: unsupported algorithm { $alg }.
verify-crit-unknown = The signature requires extensions this wallet does not know ({ $crit }).
verify-jws-two-keys = The token carries a key in its header (jwk) that is not the key its kid names ({ $kid }): readers could check it with either.
verify-jws-header-key-unusable = The key in the token's header is not usable: { $detail }.
verify-ob2-profile-lists-no-key = The signature could not be checked: the badge does not say which key signed it, and its issuer's profile lists no key (publicKey).
verify-ob2-no-web-profile-for-key = The signature could not be checked: the badge does not say which key signed it, and its issuer has no web profile listing keys.
verify-ob2-key-no-pem = The signing key is not usable: the key document { $id } has no publicKeyPem.
verify-ob2-badge-class-needed = Whose key signed the badge could not be checked: its description ({ $url }) is needed to know its issuer, and the wallet is offline or has not fetched it.
verify-ob2-badge-class-other = The badge's description at { $url } describes another badge.
verify-ob2-issuer-differs = The badge is shown as issued by { $shown }, but its description names { $issuer }.
verify-ob2-key-of-other = The badge was signed with a key of { $signer }, which is not its issuer { $issuer }.
verify-ob2-issuer-no-web-profile = Whether the key belongs to the issuer could not be checked: the issuer { $issuer } has no web profile that could list its keys.
verify-ob2-issuer-profile-needed = Whether the key belongs to the issuer could not be checked: the issuer's profile ({ $issuer }) is needed, and the wallet is offline or has not fetched it.
verify-ob2-profile-other = The issuer's profile at { $issuer } describes another profile.
verify-ob2-key-not-listed = The issuer's profile ({ $issuer }) does not list the signing key { $key } among its keys (publicKey): nothing shows the key is the issuer's.
verify-ob2-not-signed-badge = The badge is a signed token, but its verification type is not SignedBadge: readers could verify it two ways.
verify-ob2-creator-not-key = The badge's verification.creator is not a key id.
verify-ob2-assertion-no-id = The assertion has no id, so its revocation could not be looked up.
verify-ob2-assertion-no-badge = The assertion has no badge.
verify-proof-ed25519-length = The signature has { $n } bytes; an Ed25519 signature has 64.
verify-proof-needs-ed25519 = The { $suite } proof needs an Ed25519 key, but { $method } is a { $key } key.
verify-proof-needs-p256 = The { $suite } proof needs a P-256 key, but { $method } is a { $key } key.
verify-proof-needs-ecdsa = The { $suite } proof needs a P-256 or P-384 key, but { $method } is a { $key } key.
verify-proof-previous-missing = The proof depends on a previous proof { $id } that is not in the credential.
verify-clauses = { $first }; { $then }
verify-ob2-revocation-unchecked-signature-valid = The signature is valid, but revocation could not be checked: { $why }.
verify-ob2-revocation-unchecked = Revocation could not be checked: { $why }.
verify-ob2-list-not-fetched = the issuer's revocation list ({ $url }) was not fetched
verify-ob2-list-not-object = the revocation list at { $url } is not a JSON object
verify-ob2-list-other = the revocation list at { $url } says it is another list
verify-ob2-list-other-issuer = the revocation list at { $url } is another issuer's
verify-ob2-list-no-entries = the revocation list at { $url } has no revokedAssertions
