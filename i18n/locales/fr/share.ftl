# Le partage : la barre et le panneau de partage du portefeuille, les codes QR et la feuille
# imprimée d’un lien de partage, la vue de l’employeur (bandeau, erreurs, progression des
# parcours), l’enregistrement d’un lien partagé, et ce à quoi mène un code QR scanné.

## La barre de partage (galerie)

share-select-label = Sélectionner « { $name } » pour le partage
share-select-title = Sélectionner pour le partage
share-hint-none = { $n ->
    [0] Aucune sélection : le lien ne contiendra aucune attestation.
    [one] Aucune sélection : le lien contiendra votre attestation.
   *[other] Aucune sélection : le lien contiendra vos { $n } attestations.
}
share-hint-selected = { $n ->
    [one] { $n } attestation sélectionnée.
   *[other] { $n } attestations sélectionnées.
}
share-heading = Partager
share-title-label = Titre
share-title-placeholder = Titre, p. ex. Compétences en données
share-holder-label = Votre nom
share-holder-placeholder = Votre nom (affiché au destinataire)
share-creating = Création…
share-create = Créer un lien de partage
share-nothing = Il n’y a encore rien à partager.
share-default-title = Mes badges

## Le panneau de partage

share-pathways-legend = Progression des parcours (facultatif)
share-pathways-intro = Ajoutez un parcours auquel ces attestations contribuent. Le lien contiendra alors les exigences du parcours, et le navigateur de la personne qui l’ouvre calculera lui-même la progression à partir des attestations qui passent ses vérifications.
share-pathways-loading = Chargement de vos parcours…
share-pathways-none = Ces attestations ne comptent pour aucun parcours de votre vue Progression.
share-pathway-complete = terminé avec ces attestations ({ $met } sur { $needed })
share-pathway-progress = { $met } sur { $needed } avec ces attestations
share-pathway-too-large = Trop volumineux pour tenir dans un lien.
share-pathway-carries = Inclut aussi { $names } ({ $n ->
    [one] parcours sur lequel il s’appuie
   *[other] parcours sur lesquels il s’appuie
}).
share-pathways-size = Les exigences des parcours ajoutent { $bytes } octets ({ $chars } caractères) au lien.
share-copied = Lien copié.
share-copy-manual = Appuyez sur Ctrl+C (ou ⌘C) pour copier le lien sélectionné.
share-web = Partager…
share-web-text = Mes badges vérifiés, contrôlables directement dans votre navigateur.
share-panel-title = Lien de partage pour { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}
share-close-label = Fermer le panneau de partage
share-close = Fermer
share-panel-intro = Le lien contient les attestations signées elles-mêmes : la personne qui l’ouvre les vérifie dans son propre navigateur. Rien n’est envoyé en ligne.
share-link-label = Lien de partage
share-copy = Copier le lien
share-preview = Aperçu
share-print = Imprimer
share-too-big = Ce portfolio est trop volumineux pour tenir dans un seul code QR lisible.
share-too-big-hint = Au-delà de la version 30, les appareils photo des téléphones peinent à lire un code QR. Envoyez le lien, ou utilisez un code QR par attestation (ci-dessous).
share-large-image = Une attestation contient une image volumineuse dans ses données signées : elle ne peut être transmise que par lien, pas par code QR.
share-items-summary = Un lien par attestation ({ $n })
share-item-link = Lien
share-item-qr-show = Code QR
share-item-qr-hide = Masquer le code QR
share-linkedin = Ajouter à LinkedIn
share-item-large-image = Cette attestation contient une image volumineuse dans ses données signées : elle ne peut être transmise que par lien.
share-item-too-big = Trop volumineuse pour tenir dans un seul code QR lisible : envoyez le lien.
share-item-qr-alt = Code QR du lien vers « { $name } »
share-item-qr-version = Version { $version }

## Le code QR du lien, et la feuille imprimée

share-qr-alt = Code QR du lien de partage ({ $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
})
share-qr-caption = Code QR version { $version } ({ $modules } × { $modules } modules, correction d’erreur { $ecc }) · lien de { $chars } caractères, { $bytes } octets de données.
share-qr-svg = Télécharger le code QR (SVG)
share-qr-png = Télécharger le code QR (PNG)
share-qr-none = Aucun code QR ne peut contenir ce lien à lui seul : partagez le lien lui-même, ou un code QR par attestation ci-dessous.
share-shared-by = Partagé par
share-print-scan = Scannez ce code pour vérifier ces attestations dans votre navigateur.
share-print-scan-dense = Scannez ce code pour vérifier ces attestations dans votre navigateur (code dense : approchez l’appareil photo, ou utilisez le lien).

## La vue de l’employeur

share-opening = Ouverture du lien de partage…
share-error-title = Impossible d’ouvrir ce lien de partage
share-error-hint-incomplete = Certaines applications coupent les liens trop longs. Demandez le lien complet à l’expéditeur, ou scannez son code QR.
share-error-hint-altered = Un caractère du lien a été modifié ou perdu. Demandez à l’expéditeur de le partager à nouveau.
share-error-hint-newer = Ouvrez-le avec un portefeuille à jour, ou demandez à l’expéditeur un lien que ce portefeuille sait lire.
share-error-hint-not-link = Vérifiez que le lien a été copié en entier.
share-error-hint-too-large = Le lien est intact, mais il contient plus qu’un onglet de navigateur ne peut ouvrir sans risque. Demandez à l’expéditeur de partager moins d’attestations par lien.
share-go-wallet = Aller à mon portefeuille
shared-default-title = Badges partagés
shared-kicker = Portfolio partagé
shared-unreadable = { $n ->
    [one] { $n } attestation de ce lien n’a pas pu être lue.
   *[other] { $n } attestations de ce lien n’ont pas pu être lues.
}
shared-credentials-heading = Attestations
shared-select-hint = Sélectionnez une attestation pour voir son rapport de vérification complet.
shared-footer-checked = Cette page a vérifié la signature de chaque attestation avec la clé publique de son émetteur, dans votre navigateur, sans contacter personne.
shared-footer-link = Aucune confiance n’est accordée au lien lui-même : toute modification casse les signatures ou le lien.
share-save = Enregistrer dans mon portefeuille
share-open-wallet = Ouvrir mon portefeuille
shared-checking = Vérification…
shared-checked-at = Vérifié dans ce navigateur le { $time }
shared-verification = Vérification

## Le bandeau de l’employeur

share-banner-checking = Vérification de { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
} dans votre navigateur… (déjà { $checked } sur { $readable })
share-banner-sentence = { $lead } : { $parts }.
share-banner-separator =  ;{ " " }
share-banner-failed = { $n } en échec ({ $why })
share-banner-why-invalid = { $n ->
    [one] { $n } non valide
   *[other] { $n } non valides
}
share-banner-why-revoked = { $n ->
    [one] { $n } révoquée
   *[other] { $n } révoquées
}
share-banner-why-expired = { $n ->
    [one] { $n } expirée
   *[other] { $n } expirées
}
share-banner-why-not-yet-valid = { $n ->
    [one] { $n } pas encore valide
   *[other] { $n } pas encore valides
}
share-banner-why-verified = { $n ->
    [one] { $n } vérifiée
   *[other] { $n } vérifiées
}
share-banner-why-unverified = { $n ->
    [one] { $n } non vérifiée
   *[other] { $n } non vérifiées
}
share-banner-why-unreadable = { $n ->
    [one] { $n } illisible
   *[other] { $n } illisibles
}
share-banner-signatures-valid = { $n ->
    [one] signature valide
   *[other] signatures valides
}
share-banner-signatures-some = { $valid ->
    [one] { $valid } signature valide
   *[other] { $valid } signatures valides
} sur { $readable }
share-banner-signatures-unchecked = signature non vérifiée pour { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}
share-banner-issuers-confirmed = { $n ->
    [one] émetteur confirmé
   *[other] émetteurs confirmés
}
share-banner-issuers-unconfirmed = { $n ->
    [one] { $n } émetteur non confirmé
   *[other] { $n } émetteurs non confirmés
}
share-banner-revocation-unchecked = révocation non vérifiée pour { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}
share-banner-verified-one = L’attestation a été vérifiée dans votre navigateur
share-banner-verified-all = { $n ->
    [one] L’attestation a été vérifiée
   *[other] Les { $n } attestations ont toutes été vérifiées
} dans votre navigateur
share-banner-hint-verified = Leurs émetteurs sont connus, et rien n’a été envoyé nulle part.
share-banner-hint-warn = Rien d’anormal n’a été trouvé, mais tout n’a pas pu être confirmé : ouvrez une attestation pour voir ce qui manque.
share-banner-hint-failed = Ouvrez une attestation pour savoir pourquoi.

## La progression des parcours dans la vue de l’employeur

shared-pathways-title = Progression des parcours
shared-pathways-error = La progression des parcours de ce lien n’a pas pu être utilisée : { $error }.
shared-pathways-unaffected = Les attestations ci-dessus n’en sont pas affectées : elles ont été vérifiées chacune pour elle-même.
shared-pathways-pending = La progression sera calculée une fois toutes les attestations vérifiées…
shared-pathways-recomputed = Recalculée dans votre navigateur, en ne comptant que les attestations partagées qui ont passé la vérification ({ $verified } sur { $total }).
shared-pathways-sender-copy = Une attestation qui n’a pas passé la vérification ne compte pas. Les exigences sont la copie de chaque parcours fournie par l’expéditeur (non signée par son émetteur) : elles sont affichées pour que vous puissiez en juger.
shared-pathway-requirements = Exigences du parcours { $name }

## L’enregistrement d’un lien partagé dans le portefeuille (#/save/…)

share-save-title = Enregistrer des badges partagés
share-saving = Enregistrement…
share-save-error = Impossible d’enregistrer ce lien de partage : { $error }.

## Pourquoi un lien est illisible (wallet-share), au sein d’une phrase : « … : { $error }. »

share-decode-incomplete = ce lien de partage est incomplet (il a été tronqué)
share-decode-altered = ce lien de partage a été modifié ou endommagé (somme de contrôle incorrecte)
share-decode-newer = ce lien de partage a été créé par une version plus récente du portefeuille (format { $format })
share-decode-not-link = ce n’est pas un lien de partage
share-decode-too-large-size = ce lien de partage représente plus de { $mb } Mo d’attestations, plus que ce portefeuille ne peut en ouvrir
share-decode-too-many = ce lien de partage contient plus de { $max } attestations, plus que ce portefeuille ne peut en ouvrir

## Ce à quoi mène un code QR scanné (wallet-share)

share-scan-unreadable-credential = une attestation illisible ({ $error })
share-scan-no-credentials = Le code QR contient un lien de partage sans aucune attestation.
share-scan-bad-link = Le code QR contient un lien de partage illisible : { $error }.
share-scan-empty = Le code QR est vide.
share-scan-not-badge = Le code QR contient un texte qui n’est ni un badge ni un lien : { $error }.
