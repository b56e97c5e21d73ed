# Les parcours : la vue Progression, la page d’un parcours et son arbre d’exigences (repris dans
# la vue employeur d’un lien de partage), les prochaines étapes, l’import de fichiers de parcours,
# et les mots du moteur (wallet-pathways : libellés de groupes, raisons pour lesquelles une
# attestation ne compte pas, erreurs de fichiers).

## Groupes d’exigences.
pathway-group-label-all = Tous
pathway-group-label-any = Au moins un parmi
pathway-group-label-n = Au moins { $needed } parmi
pathway-group-tag-all = Tous
pathway-group-tag-any = Au moins un parmi
pathway-group-tag-n = Au moins { $needed } parmi { $total }

## Ce à quoi mène un parcours.
pathway-kind-certificate = Certificat
pathway-kind-diploma = Diplôme
pathway-kind-degree-credit = Crédits universitaires
pathway-kind-job = Emploi
pathway-kind-other = Objectif

## Un parcours terminé ($issuer : l’émetteur de l’objectif, tel que le fichier le nomme).
pathway-eligible-certificate = Admissible — demandez votre certificat auprès de { $issuer }
pathway-eligible-diploma = Admissible — demandez votre diplôme auprès de { $issuer }
pathway-eligible-degree-credit = Admissible — demandez vos crédits universitaires auprès de { $issuer }
pathway-eligible-job = Admissible — postulez auprès de { $issuer }
pathway-eligible-other = Admissible — contactez { $issuer }

## Décomptes.
pathway-requirements = { $n ->
    [one] { $n } exigence
   *[other] { $n } exigences
}
pathway-shared-count = { $met ->
    [one] { $met } exigence remplie
   *[other] { $met } exigences remplies
} sur { $needed }
pathway-shared-count-complete = Terminé : { $met ->
    [one] { $met } exigence remplie
   *[other] { $met } exigences remplies
} sur { $needed }
pathway-reference-complete = terminé
pathway-count = { $met } sur { $needed }

## Une exigence sans libellé, décrite par ce qu’elle attend (parties jointes par « , »,
## la première lettre mise en majuscule par le code).
pathway-describe-achievement = accomplissement { $id }
pathway-describe-type = de type { $kind }
pathway-describe-aligned = aligné sur { $target }
pathway-describe-tag = avec l’étiquette « { $tag } »
pathway-describe-issuer = délivré par { $issuer }

## Pourquoi une attestation correspondante ne compte pas (raisons jointes par « , »).
pathway-reason-expired-on = expirée le { $date }
pathway-reason-expired = expirée
pathway-reason-valid-from = valide seulement à partir du { $date }
pathway-reason-not-valid-yet = pas encore valide
pathway-reason-invalid = signature non valide
pathway-reason-revoked = révoquée par l’émetteur
pathway-reason-unverified = pas encore vérifiée
pathway-reason-pending = vérification en cours
pathway-reason-status = état de vérification « { $status } »
pathway-reason-no-issue-date = sans date d’émission (doit avoir été émise le { $date } ou après)
pathway-reason-issued-before = émise avant le { $date }

## Pourquoi une exigence n’est pas remplie alors qu’une attestation compterait.
pathway-note-already-counts = « { $credential } » compte déjà pour « { $other } » dans ce groupe
pathway-note-all-count-elsewhere = Toutes les attestations correspondantes comptent déjà pour une autre exigence de ce groupe

## Fichiers de parcours (import, retrait).
pathway-file-too-large = { $name } : trop volumineux pour un fichier de parcours.
pathway-file-too-large-size = { $name } : trop volumineux pour un fichier de parcours ({ $size } Ko ; { $max } Ko au maximum).
pathway-added = { $n ->
    [one] Parcours ajouté : { $names }
   *[other] Parcours ajoutés : { $names }
}
pathway-removed = Fichier retiré : { $name }

## L’arbre des exigences (page d’un parcours, vue employeur).
# Lu par les lecteurs d’écran après une exigence.
pathway-tree-met = remplie
pathway-tree-unmet-learner = pas encore remplie
pathway-tree-unmet-employer = non remplie
# L’étiquette d’une exigence qui est un autre parcours.
pathway-tree-pathway-tag = Parcours
# Après une attestation qui compte pour une exigence (« — compte »).
pathway-tree-counts = compte
pathway-tree-also-matches = correspond aussi
# « ✗ <attestation> — ne compte pas : <raisons> »
pathway-tree-doesnt-count = ne compte pas :
pathway-tree-none-yet = Aucune attestation correspondante dans votre portefeuille pour l’instant.
# Avant l’indication de l’auteur sur la façon d’obtenir une attestation.
pathway-tree-to-earn = Pour l’obtenir :
# Vue employeur : « «<attestation>» correspond mais ne compte pas : <raisons> ».
pathway-tree-not-counted-before = « 
pathway-tree-not-counted-after =  » correspond mais ne compte pas :
# Vue employeur : « Remplie par <attestation> ».
pathway-tree-met-by = Remplie par
pathway-tree-none-shared = Aucune attestation partagée ne remplit cette exigence.

## L’anneau de progression ($name : le nom du parcours, tel que son fichier le donne).
pathway-ring-label = Progression vers { $name }

## La vue Progression et la page d’un parcours.
pathway-progress-title = Progression
pathway-progress-intro = Des parcours vers des certificats, des diplômes et des emplois, à partir des badges de votre portefeuille
pathway-loading = Chargement des parcours…
pathway-wallet-empty = Votre portefeuille est vide : ajoutez des badges pour voir votre progression.
pathway-load-errors = Certains fichiers de parcours n’ont pas pu être chargés :
# « 3 parcours · 1 terminé »
pathway-summary-count = { $n } parcours
pathway-summary-complete = { $n ->
    [one] { $n } terminé
   *[other] { $n } terminés
}
# Après le décompte d’un parcours : « 2 sur 3 · encore 1 attestation à obtenir ».
pathway-more-needed = { $n ->
    [one] encore { $n } attestation à obtenir
   *[other] encore { $n } attestations à obtenir
}
pathway-request = Faire la demande
pathway-remove = Retirer
pathway-imported = Importé
pathway-back = ← Progression
pathway-requirements-heading = Exigences
pathway-missing = Ce parcours n’est pas chargé (il a peut-être été retiré).

## Prochaines étapes.
pathway-next-title = Prochaines étapes
pathway-next-none = Plus rien à obtenir pour ces parcours.
# « Fait avancer : <parcours> (2/3, encore 1), <parcours> (…) »
pathway-next-advances = Fait avancer :
pathway-next-to-go = ({ $met }/{ $needed }, encore { $remaining })
# « Vous avez <attestation> — <raisons pour lesquelles elle ne compte pas> »
pathway-next-you-have = Vous avez
pathway-next-show-fewer = Afficher moins
pathway-next-show-all = Afficher les { $n } étapes

## Ajouter un fichier de parcours.
pathway-import-title = Ajouter un parcours
pathway-import-intro = Un fichier de parcours (JSON, "type": "LearnerPathway") fourni par un établissement, un organisme de formation ou un employeur indique quels badges mènent à un certificat. Il est conservé uniquement dans ce navigateur.
pathway-import-paste-label = Collez un fichier de parcours
pathway-import-paste-button = Ajouter le parcours collé
pathway-import-link-label = Ou depuis un lien
pathway-import-link-placeholder = https://ecole.example/parcours/certificat.json
pathway-import-link-button = Ajouter depuis le lien
pathway-import-file-button = Choisir un fichier de parcours
pathway-import-paste-first = Collez d’abord un fichier de parcours (JSON).
# Le nom sous lequel un fichier collé est conservé (ses messages et « Retirer » le nomment).
pathway-import-pasted-name = Parcours collé
pathway-import-read-error = { $name } : { $error }
pathway-import-link-invalid = Saisissez un lien http(s) vers un fichier de parcours.
pathway-import-still-loading = Les parcours sont encore en cours de chargement ; réessayez dans un instant.
pathway-save-failed = Impossible d’enregistrer le parcours dans ce navigateur : { $error }

## Problèmes dans un fichier de parcours, après son nom et l’endroit concerné. Les clés du
## fichier sont citées telles qu’elles sont écrites.
pathway-error-at = { $place } : { $problem }
pathway-type-null = null
pathway-type-boolean = un booléen
pathway-type-number = un nombre
pathway-type-string = une chaîne de caractères
pathway-type-list = une liste
pathway-type-object = un objet
# $kind : l’un des pathway-type-… ci-dessus.
pathway-error-file-not-object = un fichier de parcours doit être un objet, pas { $kind }
pathway-error-pathway-not-object = un parcours doit être un objet, pas { $kind }
pathway-error-requirement-not-object = une exigence doit être un objet, pas { $kind }
pathway-error-key-not-object = « { $key } » doit être un objet, pas { $kind }
pathway-error-unknown-key = clé inconnue « { $key } » (clés autorisées ici : { $allowed })
pathway-error-empty-string = « { $key } » ne doit pas être vide
pathway-error-not-string = « { $key } » doit être une chaîne de caractères, pas { $kind }
pathway-error-missing-key = clé « { $key } » manquante
pathway-error-not-url = « { $key } » doit être une URL http(s), pas « { $value } »
pathway-error-not-bool = « { $key } » doit valoir true ou false, pas { $kind }
pathway-error-pathways-not-list = « pathways » doit être une liste, pas { $kind }
pathway-error-pathways-empty = « pathways » est vide
pathway-error-missing-type = clé « type » manquante (valeur attendue : « { $expected } »)
pathway-error-wrong-type = « type » doit valoir « { $expected } », pas { $value }
pathway-error-missing-version = clé « version » manquante (valeur attendue : { $version })
pathway-error-unsupported-version = version { $found } non prise en charge (ce portefeuille lit la version { $version })
pathway-error-version-not-number = « version » doit être un nombre, pas { $kind }
pathway-error-id-not-uri = « id » doit être une URI, pas « { $id } »
pathway-error-goal-kind = type d’objectif inconnu « { $kind } » (valeurs attendues : certificate, diploma, degree-credit, job ou other)
pathway-error-hint-type = « hint » doit être une chaîne de caractères ou {"{"}"text", "url"{"}"}, pas { $kind }
pathway-error-not-list = « { $key } » doit être une liste d’exigences, pas { $kind }
pathway-error-empty-group = « { $key } » est vide : un groupe doit contenir au moins une exigence
pathway-error-no-kind = une exigence doit avoir l’une des clés « all », « any », « nOf », « match » ou « pathway »
pathway-error-many-kinds = une exigence ne peut avoir qu’une seule des clés { $kinds }
pathway-error-nof-below-one = « nOf » vaut { $value } : il doit valoir au moins 1
pathway-error-nof-not-whole = « nOf » doit être un nombre entier, pas { $value }
pathway-error-nof-needs-of = « nOf » nécessite « of » : la liste parmi laquelle choisir
pathway-error-nof-too-many = « nOf » vaut { $k }, mais « of » ne contient que { $n ->
    [one] { $n } exigence
   *[other] { $n } exigences
}
pathway-error-issued-after = « issuedAfter » doit être une date (AAAA-MM-JJ), pas « { $value } »
pathway-error-alignment-empty = « alignment » doit avoir au moins l’une des clés targetCode, targetUrl, targetFramework, targetName
pathway-error-match-empty = « match » doit avoir au moins l’une des clés achievementId, achievementType, issuer, alignment, tag
# $error : le message de l’analyseur JSON (en anglais).
pathway-error-json = JSON non valide : { $error }
# Où se trouve le premier parcours de même identifiant.
pathway-error-the-file = le fichier
pathway-error-the-first-file = le premier fichier
pathway-error-duplicate-id = identifiant de parcours en double « { $id } » (également dans { $at })
pathway-error-unknown-pathway = parcours inconnu « { $id } »
pathway-error-cycle = des parcours se font référence en boucle : { $ids }
# La liste des fichiers de parcours fournis avec le portefeuille (pathways/index.json).
pathway-index-not-json = l’index des parcours n’est pas un JSON valide : { $error }
pathway-index-no-files = l’index des parcours doit contenir « files » : une liste de noms de fichiers
pathway-index-bad-name = index des parcours : nom de fichier incorrect { $name }

## Les parcours d’un lien de partage que la vue employeur ne peut pas utiliser.
pathway-shared-too-large = les données de parcours sont trop volumineuses ({ $size } Ko ; au maximum { $max } Ko sont lus)
pathway-shared-too-many = le lien contient { $count } parcours ; au maximum { $max } sont lus
pathway-shared-invalid = les données de parcours ne sont pas valides
# $first : le premier problème ; $more : le nombre d’autres problèmes.
pathway-shared-invalid-first = les données de parcours ne sont pas valides ({ $first }{ $more ->
    [0] {""}
    [one]  ; { $more } autre problème
   *[other]  ; { $more } autres problèmes
})
