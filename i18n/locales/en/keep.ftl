# Keeping the wallet: backup and restore (encrypted backups included), the browser storage,
# verification progress, and the printable certificate.

## Backup (src/components/backup.rs)

backup-title = Backup
backup-intro = Your badges live only in this browser. Keep a backup file somewhere safe.
backup-passphrase-label = Passphrase for the backup (optional)
backup-download = Download backup
backup-partial = The backup holds { $n } badge(s). { $unreadable } stored record(s) could not be read, so they are not in it; they were kept unchanged in this browser.
backup-no-random = no secure random numbers: { $error }
backup-encrypt-failed = The backup could not be encrypted: { $error }
backup-download-failed = The backup could not be downloaded: { $error }
backup-encrypting = Encrypting the backup…
backup-done-plain = Downloaded { $n } badge(s) without encryption: anyone who opens this file can read them. Give a passphrase to encrypt the next backup.
backup-done-encrypted = Downloaded { $n } badge(s), encrypted. Keep the passphrase safe: without it the file cannot be opened.
backup-note-plain = Without a passphrase the backup is not encrypted.
backup-note-encrypted = The backup will be encrypted with this passphrase (Argon2id, AES-256-GCM). Without it the file cannot be opened.

## Reading a backup file (core/src/backup.rs): clauses put in a sentence by the restore

backup-error-json = this backup file is not valid JSON (line { $line }, column { $column })
backup-error-not-backup = this is not a Learner Wallet backup file
backup-error-version = unsupported backup version { $version } (this wallet reads version { $supported })
backup-error-no-version = the backup file has no version
backup-error-no-credentials = the backup file has no credentials list
backup-error-entry = entry { $index } is not a credential: { $why }
backup-entry-not-object = it is not an object
backup-entry-no-text = it has no text
backup-entry-unknown-kind = unknown kind "{ $kind }"
backup-entry-no-kind = it has no kind
backup-entry-kind-mismatch = its kind does not match its text

## Encrypted backups (core/src/sealed.rs): clauses

sealed-wrong-passphrase = the passphrase is wrong, or the file was changed after it was written
sealed-unsupported-version = unsupported encrypted backup version { $version } (this wallet reads version { $supported })
sealed-unsupported-parameters = this encrypted backup asks for something this wallet refuses: { $why }
sealed-damaged = this encrypted backup file is damaged ({ $part })
sealed-refused-lanes = { $n } Argon2 lanes (this wallet uses 1)
sealed-refused-passes = { $n } Argon2 passes (at most 10)
sealed-refused-memory = { $n } KiB of Argon2 memory (at most { $max })
sealed-refused-work = { $memory } KiB × { $passes } passes of Argon2 work (at most { $max } KiB-passes)
sealed-refused-kdf = a key derivation other than Argon2id version 19
sealed-refused-cipher = a cipher other than AES-256-GCM
sealed-refused-argon2 = { $why }
sealed-part-not-json = not JSON
sealed-part-not-sealed = not an encrypted Learner Wallet backup
sealed-part-no-version = no version
sealed-part-no-kdf = no kdf
sealed-part-no-cipher = no cipher
sealed-part-salt-length = kdf salt length
sealed-part-nonce-length = cipher nonce length
sealed-part-ciphertext-short = ciphertext too short
sealed-part-not-utf8 = the decrypted backup is not UTF-8
sealed-part-too-large = the plaintext is too large
sealed-part-field = { $field }

## Restore (src/components/restore.rs)

restore-button = Restore from backup…
restore-too-large = This file is too large to be a backup ({ $size } MB; the limit is { $limit } MB). Nothing was changed.
restore-read-failed = The file could not be read: { $error }
restore-wrong-passphrase = Wrong passphrase, or the file was changed after it was written. Nothing was restored.
restore-cannot = This backup cannot be restored: { $why }. Nothing was restored.
# After the file's name, in bold.
restore-sealed-prompt = is an encrypted backup. Enter the passphrase it was saved with.
restore-passphrase-label = Passphrase
restore-decrypting = Decrypting…
restore-submit = Restore
restore-cancel = Cancel

## The browser storage (src/storage.rs, src/components/storage_status.rs)

storage-full = Your browser's storage is full, so nothing from this import was saved. Everything already in your wallet is safe. Free some space (delete badges or other sites' data) and try again.
storage-unavailable = The wallet could not use the browser's storage ({ $why }). Nothing was changed.
storage-unreadable-badge = This badge is stored in your wallet, but its stored record could not be read (it may be damaged, or saved by a newer version of the wallet). It was kept unchanged.
storage-write-aborted = the write was aborted
storage-unreadable-records = { $n ->
    [one] { $n } stored record could not be read (it may be damaged, or saved by a newer version of the wallet); it was kept unchanged.
   *[other] { $n } stored records could not be read (they may be damaged, or saved by a newer version of the wallet); they were kept unchanged.
}
storage-persistence-granted = This browser keeps your wallet's storage: it is not cleared to free space.
storage-persistence-denied = This browser may clear your wallet's storage when space runs low: keep a backup.
storage-persistence-unsupported = This browser does not say whether it keeps your wallet's storage: keep a backup.

## Saving a share link's credentials, QR codes read at import (src/wallet.rs)

# Followed by saved-shared-duplicates and saved-shared-unreadable when they are not zero, then ".".
saved-shared = Saved to your wallet: { $added } added
saved-shared-duplicates = , { $n } already there
saved-shared-unreadable = , { $n } could not be read
scanned-qr-label = QR code ({ $source })

## The printable certificate (src/components/certificate.rs, core/src/certificate.rs)

certificate-back = ← Back
certificate-print = Print
certificate-preview-note = A preview of the printed certificate: it fits one page of A4 or Letter (choose the paper in the print dialog).
certificate-loading = Loading…
certificate-kind-default = Digital credential
certificate-awarded-to = Awarded to
certificate-awarded-for = for
# Followed by the issuer's name.
certificate-issued-by = Issued by
certificate-criteria = Criteria
certificate-skills = Skills
certificate-achievements = Achievements
certificate-issued = Issued
certificate-expires = Expires
certificate-not-stated = Not stated
certificate-more-skills = and { $n } more
certificate-link-length = ({ $n } characters: the code holds all of it)
certificate-how-qr = Check it yourself: scan the code or open the link. The credential is verified in your own browser against its issuer's signature; nothing is uploaded.
certificate-how-link = Check it yourself with the credential's link (ask the learner for it): the credential is verified in your own browser against its issuer's signature; nothing is uploaded.
certificate-qr-alt = QR code of this credential's verification link
certificate-qr-caption = Scan to verify
certificate-no-qr-image = This credential carries a large embedded image in its signed data: it is too large for a QR code. Ask the learner for its link.
certificate-no-qr = This credential is too large for a QR code. Ask the learner for its link.
certificate-verified = Verified
certificate-verified-text = Its signature, issuer and status were checked and are valid.
certificate-expired = Expired
certificate-expired-text = Its signature was checked, but the credential has expired.
certificate-not-yet-valid = Not yet valid
certificate-not-yet-valid-text = Its signature was checked, but the credential is not valid yet.
certificate-revoked = Revoked
certificate-revoked-text = The issuer has revoked this credential.
certificate-invalid = Invalid
certificate-invalid-text = It failed verification: do not rely on this credential.
certificate-pending = Not checked yet
certificate-pending-text = It has not been checked yet.
certificate-unverified = Not verified
certificate-unverified-text = It could not be checked (for example without a network connection).
certificate-checked = Checked in the learner's wallet on { $when }.
certificate-not-checked = Not checked in the learner's wallet yet.
