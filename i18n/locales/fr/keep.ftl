# Conserver le portefeuille : sauvegarde et restauration (sauvegardes chiffrées comprises),
# stockage du navigateur, progression des vérifications, et certificat imprimable.

## Sauvegarde (src/components/backup.rs)

backup-title = Sauvegarde
backup-intro = Vos badges ne sont conservés que dans ce navigateur. Gardez un fichier de sauvegarde en lieu sûr.
backup-passphrase-label = Phrase de passe de la sauvegarde (facultative)
backup-download = Télécharger la sauvegarde
backup-partial = La sauvegarde contient { $n ->
        [one] { $n } badge
       *[other] { $n } badges
    }. { $unreadable ->
        [one] { $unreadable } enregistrement stocké n’a pas pu être lu : il n’y figure donc pas, mais il a été conservé tel quel dans ce navigateur.
       *[other] { $unreadable } enregistrements stockés n’ont pas pu être lus : ils n’y figurent donc pas, mais ils ont été conservés tels quels dans ce navigateur.
    }
backup-no-random = aucun nombre aléatoire sûr n’est disponible : { $error }
backup-encrypt-failed = La sauvegarde n’a pas pu être chiffrée : { $error }
backup-download-failed = La sauvegarde n’a pas pu être téléchargée : { $error }
backup-encrypting = Chiffrement de la sauvegarde…
backup-done-plain = { $n ->
        [one] { $n } badge téléchargé
       *[other] { $n } badges téléchargés
    } sans chiffrement : toute personne qui ouvre ce fichier peut en lire le contenu. Saisissez une phrase de passe pour chiffrer la prochaine sauvegarde.
backup-done-encrypted = { $n ->
        [one] { $n } badge téléchargé
       *[other] { $n } badges téléchargés
    } dans une sauvegarde chiffrée. Conservez la phrase de passe en lieu sûr : sans elle, le fichier ne peut pas être ouvert.
backup-note-plain = Sans phrase de passe, la sauvegarde n’est pas chiffrée.
backup-note-encrypted = La sauvegarde sera chiffrée avec cette phrase de passe (Argon2id, AES-256-GCM). Sans elle, le fichier ne pourra pas être ouvert.

## Lecture d’un fichier de sauvegarde (core/src/backup.rs) : propositions insérées dans une phrase

backup-error-json = ce fichier de sauvegarde n’est pas du JSON valide (ligne { $line }, colonne { $column })
backup-error-not-backup = ce n’est pas un fichier de sauvegarde du Portefeuille de l’apprenant
backup-error-version = version de sauvegarde { $version } non prise en charge (ce portefeuille lit la version { $supported })
backup-error-no-version = le fichier de sauvegarde n’indique pas de version
backup-error-no-credentials = le fichier de sauvegarde ne contient pas de liste d’attestations
backup-error-entry = l’entrée { $index } n’est pas une attestation : { $why }
backup-entry-not-object = ce n’est pas un objet
backup-entry-no-text = elle n’a pas de texte
backup-entry-unknown-kind = type « { $kind } » inconnu
backup-entry-no-kind = elle n’a pas de type
backup-entry-kind-mismatch = son type ne correspond pas à son texte

## Sauvegardes chiffrées (core/src/sealed.rs) : propositions

sealed-wrong-passphrase = la phrase de passe est incorrecte, ou le fichier a été modifié après son enregistrement
sealed-unsupported-version = version de sauvegarde chiffrée { $version } non prise en charge (ce portefeuille lit la version { $supported })
sealed-unsupported-parameters = cette sauvegarde chiffrée demande des paramètres que ce portefeuille refuse : { $why }
sealed-damaged = ce fichier de sauvegarde chiffrée est endommagé ({ $part })
sealed-refused-lanes = { $n ->
        [one] { $n } voie Argon2
       *[other] { $n } voies Argon2
    } (ce portefeuille en utilise 1)
sealed-refused-passes = { $n ->
        [one] { $n } passe Argon2
       *[other] { $n } passes Argon2
    } (10 au maximum)
sealed-refused-memory = { $n } Kio de mémoire Argon2 ({ $max } au maximum)
sealed-refused-work = { $memory } Kio × { $passes } passes de calcul Argon2 ({ $max } Kio-passes au maximum)
sealed-refused-kdf = une dérivation de clé autre qu’Argon2id version 19
sealed-refused-cipher = un chiffrement autre qu’AES-256-GCM
sealed-refused-argon2 = { $why }
sealed-part-not-json = ce n’est pas du JSON
sealed-part-not-sealed = ce n’est pas une sauvegarde chiffrée du Portefeuille de l’apprenant
sealed-part-no-version = version absente
sealed-part-no-kdf = paramètres de dérivation de clé absents
sealed-part-no-cipher = paramètres de chiffrement absents
sealed-part-salt-length = longueur du sel incorrecte
sealed-part-nonce-length = longueur du nonce incorrecte
sealed-part-ciphertext-short = texte chiffré trop court
sealed-part-not-utf8 = la sauvegarde déchiffrée n’est pas en UTF-8
sealed-part-too-large = le texte à chiffrer est trop volumineux
sealed-part-field = champ « { $field } »

## Restauration (src/components/restore.rs)

restore-button = Restaurer une sauvegarde…
restore-too-large = Ce fichier est trop volumineux pour être une sauvegarde ({ $size } Mo ; la limite est de { $limit } Mo). Rien n’a été modifié.
restore-read-failed = Le fichier n’a pas pu être lu : { $error }
restore-wrong-passphrase = Phrase de passe incorrecte, ou fichier modifié après son enregistrement. Rien n’a été restauré.
restore-cannot = Impossible de restaurer cette sauvegarde : { $why }. Rien n’a été restauré.
# Après le nom du fichier, en gras.
restore-sealed-prompt = est une sauvegarde chiffrée. Saisissez la phrase de passe utilisée lors de son enregistrement.
restore-passphrase-label = Phrase de passe
restore-decrypting = Déchiffrement…
restore-submit = Restaurer
restore-cancel = Annuler

## Le stockage du navigateur (src/storage.rs, src/components/storage_status.rs)

storage-full = L’espace de stockage de votre navigateur est plein : rien n’a été enregistré de cette importation. Tout ce qui se trouve déjà dans votre portefeuille est en sécurité. Libérez de l’espace (supprimez des badges ou les données d’autres sites), puis réessayez.
storage-unavailable = Le portefeuille n’a pas pu utiliser le stockage du navigateur ({ $why }). Rien n’a été modifié.
storage-unreadable-badge = Ce badge est enregistré dans votre portefeuille, mais ses données stockées n’ont pas pu être lues (elles sont peut-être endommagées, ou ont été enregistrées par une version plus récente du portefeuille). Elles ont été conservées telles quelles.
storage-write-aborted = l’écriture a été interrompue
storage-unreadable-records = { $n ->
    [one] { $n } enregistrement stocké n’a pas pu être lu (il est peut-être endommagé, ou a été enregistré par une version plus récente du portefeuille) ; il a été conservé tel quel.
   *[other] { $n } enregistrements stockés n’ont pas pu être lus (ils sont peut-être endommagés, ou ont été enregistrés par une version plus récente du portefeuille) ; ils ont été conservés tels quels.
}
storage-persistence-granted = Ce navigateur conserve le stockage de votre portefeuille : il n’est pas effacé pour libérer de l’espace.
storage-persistence-denied = Ce navigateur peut effacer le stockage de votre portefeuille en cas de manque d’espace : gardez une sauvegarde.
storage-persistence-unsupported = Ce navigateur n’indique pas s’il conserve le stockage de votre portefeuille : gardez une sauvegarde.

## Enregistrer les attestations d’un lien de partage, codes QR lus à l’importation (src/wallet.rs)

# Suivi de saved-shared-duplicates et saved-shared-unreadable quand ils ne sont pas nuls, puis de « . ».
saved-shared = Enregistrement dans votre portefeuille : { $added ->
        [one] { $added } attestation ajoutée
       *[other] { $added } attestations ajoutées
    }
saved-shared-duplicates = , { $n ->
        [one] { $n } déjà présente
       *[other] { $n } déjà présentes
    }
saved-shared-unreadable = , { $n ->
        [one] { $n } illisible
       *[other] { $n } illisibles
    }
scanned-qr-label = Code QR ({ $source })

## Le certificat imprimable (src/components/certificate.rs, core/src/certificate.rs)

certificate-back = ← Retour
certificate-print = Imprimer
certificate-preview-note = Aperçu du certificat imprimé : il tient sur une page A4 ou Letter (choisissez le format du papier dans la fenêtre d’impression).
certificate-loading = Chargement…
certificate-kind-default = Attestation numérique
certificate-awarded-to = Décerné à
certificate-awarded-for = pour
# Suivi du nom de l’émetteur.
certificate-issued-by = Délivré par
certificate-criteria = Critères
certificate-skills = Compétences
certificate-achievements = Réalisations
certificate-issued = Date de délivrance
certificate-expires = Date d’expiration
certificate-not-stated = Non indiquée
certificate-more-skills = et { $n ->
        [one] { $n } autre
       *[other] { $n } autres
    }
certificate-link-length = ({ $n } caractères : le code le contient en entier)
certificate-how-qr = Vérifiez-la vous-même : scannez le code ou ouvrez le lien. L’attestation est vérifiée dans votre propre navigateur à l’aide de la signature de son émetteur ; rien n’est envoyé.
certificate-how-link = Vérifiez-la vous-même avec le lien de l’attestation (demandez-le à l’apprenant) : l’attestation est vérifiée dans votre propre navigateur à l’aide de la signature de son émetteur ; rien n’est envoyé.
certificate-qr-alt = Code QR du lien de vérification de cette attestation
certificate-qr-caption = Scannez pour vérifier
certificate-no-qr-image = Cette attestation contient une grande image intégrée à ses données signées : elle est trop volumineuse pour un code QR. Demandez son lien à l’apprenant.
certificate-no-qr = Cette attestation est trop volumineuse pour un code QR. Demandez son lien à l’apprenant.
certificate-verified = Vérifiée
certificate-verified-text = Sa signature, son émetteur et son statut ont été vérifiés et sont valides.
certificate-expired = Expirée
certificate-expired-text = Sa signature a été vérifiée, mais l’attestation a expiré.
certificate-not-yet-valid = Pas encore valide
certificate-not-yet-valid-text = Sa signature a été vérifiée, mais l’attestation n’est pas encore valide.
certificate-revoked = Révoquée
certificate-revoked-text = L’émetteur a révoqué cette attestation.
certificate-invalid = Non valide
certificate-invalid-text = La vérification a échoué : ne vous fiez pas à cette attestation.
certificate-pending = Pas encore vérifiée
certificate-pending-text = Elle n’a pas encore été vérifiée.
certificate-unverified = Non vérifiée
certificate-unverified-text = Elle n’a pas pu être vérifiée (par exemple faute de connexion réseau).
certificate-checked = Vérifiée dans le portefeuille de l’apprenant le { $when }.
certificate-not-checked = Pas encore vérifiée dans le portefeuille de l’apprenant.
