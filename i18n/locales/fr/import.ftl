# Ajouter des badges : le panneau d’importation (coller, fichiers, dépôt, lien), les codes QR
# (caméra, images), la confirmation du lien profond, le téléchargement d’un badge, et les
# résultats ligne par ligne avec leurs erreurs.

## Le panneau d’importation

import-title = Ajouter des badges
import-drop-hint = Déposez ici vos fichiers de badges — JSON, JWT, PNG ou SVG contenant un badge, ou image d’un code QR — ou
import-choose-files = Choisir des fichiers
import-paste-label = Collez un badge (JSON, JWS/JWT ou lien)
import-paste-submit = Ajouter le badge collé
import-url-label = Ou importez-le depuis un lien
import-url-placeholder = https://emetteur.exemple/badges/123.json
import-url-submit = Importer depuis le lien
import-progress = Importation en cours : { $done } sur { $total }…
import-results-label = Résultats de l’importation
# Entre l’étiquette d’un résultat (nom de fichier, « Texte collé », lien) et son message.
import-result-separator = { " : " }
import-pasted-label = Texte collé
import-paste-empty = Collez d’abord un badge : son JSON, un JWS/JWT ou un lien vers celui-ci.
# Les parties du résumé, séparées par « · » : « 3 ajoutés · 1 déjà dans votre portefeuille · 2 n’ont pas pu être importés ».
import-summary-added = { $n ->
    [one] { $n } ajouté
   *[other] { $n } ajoutés
}
import-summary-duplicate = { $n } déjà dans votre portefeuille
import-summary-failed = { $n ->
    [one] { $n } n’a pas pu être importé
   *[other] { $n } n’ont pas pu être importés
}
import-cancel = Annuler

## Résultats d’une importation

import-added = « { $name } » de { $issuer } a été ajouté.
import-duplicate = « { $name } » est déjà dans votre portefeuille ; ce badge n’a pas été ajouté une seconde fois.
import-stored-unreadable = « { $name } » est déjà enregistré dans votre portefeuille, mais son enregistrement n’a pas pu être lu (il est peut-être endommagé, ou a été enregistré par une version plus récente du portefeuille). Il a été conservé tel quel, sans être remplacé.
import-points-elsewhere = Le badge renvoie vers une autre adresse ({ $url }) au lieu de contenir l’attestation ; le portefeuille ne suit qu’un seul lien de ce type.
import-url-not-http = Seules les adresses http et https peuvent être importées, pas « { $url } ».
import-too-large = Ce fichier est trop volumineux ({ $size } Mo ; la limite est de { $limit } Mo).
import-file-unreadable = Le fichier n’a pas pu être lu : { $reason }
import-backup-entry-link = Cette entrée de la sauvegarde est un lien, pas une attestation.
# $reason : import-image-not-an-image ou une raison du type import-fetch-….
import-image-not-loaded = Son image, hébergée sur { $host }, n’a pas été chargée : { $reason }. Vous pouvez la charger depuis { $host } sur la page du badge.
import-image-not-an-image = ce que son serveur a envoyé n’est pas une image PNG, JPEG, GIF, WebP, AVIF ou SVG

## Ce qu’est un fichier ou un texte (wallet-core)

import-format-jpeg = une image JPEG
import-format-gif = une image GIF
import-format-pdf = un document PDF
import-format-zip = une archive ZIP (ou un document Office)
import-format-riff = une image WebP ou un autre fichier RIFF
import-format-damaged-png = une image PNG endommagée
# $what : l’un des messages import-format-… (« une image JPEG »).
import-unsupported-format = il s’agit d’{ $what } ; les badges peuvent être importés depuis des images PNG ou SVG, des fichiers JSON ou du texte signé (JWS)
import-binary-file = ce fichier n’est ni un PNG, ni un SVG, ni un fichier texte (il semble contenir des données binaires)
import-file-too-large = ce fichier est trop volumineux ({ $size } Mo ; la limite est de { $limit } Mo)
import-file-empty = ce fichier est vide
import-svg-not-utf8 = ce fichier SVG n’est pas du texte UTF-8
import-png-misnamed = ce fichier porte l’extension .png mais n’est pas une image PNG
import-baked-badge-error = le badge intégré à cette image : { $reason }
import-html-page = cela ressemble à une page HTML ou XML, pas à un badge (un badge est du JSON, du texte signé JWS ou une image PNG ou SVG)
import-backup-file = il s’agit d’un fichier de sauvegarde du portefeuille, pas d’un badge : restaurez-le avec « Restaurer une sauvegarde… » dans la rubrique Sauvegarde
import-presentation-empty = cette présentation ne contient aucune attestation
import-list-empty = cette liste ne contient aucune attestation
# $first : pourquoi le premier élément n’a pas pu être lu.
import-presentation-no-badge = cette présentation contient { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}, mais aucune n’est un badge que ce portefeuille sait lire ; la première : { $first }
import-list-no-badge = cette liste contient { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}, mais aucune n’est un badge que ce portefeuille sait lire ; la première : { $first }
import-parse-empty = Il n’y a rien à importer : le texte est vide.
# $detail : le message de l’analyseur JSON (en anglais).
import-parse-invalid-json = Ce n’est pas du JSON valide (ligne { $line }, colonne { $column }) : { $detail }
import-parse-invalid-jws = Cela ressemble à un badge signé (JWS), mais il est illisible : { $reason }
import-parse-not-a-badge = ce n’est pas un badge que ce portefeuille sait lire : { $reason }

## Images avec badge intégré (wallet-core)

import-unbake-not-png = ce n’est pas un fichier PNG
import-unbake-truncated = le PNG est tronqué
import-unbake-no-badge-png = ce PNG ne contient aucun badge intégré (pas de bloc de texte openbadges / openbadgecredential)
import-unbake-bad-chunk = le badge intégré à ce PNG est endommagé : { $reason }
import-unbake-not-svg = ce fichier SVG est illisible : { $reason }
import-unbake-no-badge-svg = ce SVG ne contient aucun badge intégré (pas d’élément openbadges:credential ni openbadges:assertion)
import-unbake-empty = le badge intégré à cette image est vide
import-unbake-invalid-input = impossible d’intégrer ce badge : { $reason }
import-unbake-svg-declarations = ce SVG déclare ses propres entités ou balises XML (un bloc <!DOCTYPE …[ … ]>) ; le portefeuille ne les lit pas, car quelques lignes de ce genre peuvent occuper des gigaoctets une fois développées. Enregistrez de nouveau l’image sans le DOCTYPE, puis importez-la
# $what : l’un des quatre messages import-unbake-svg-… ci-dessous.
import-unbake-svg-too-large = ce SVG comporte { $what }, plus qu’aucune image de badge ; le portefeuille ne le lit pas
import-unbake-svg-nodes = plus de { $n } éléments et parties de texte
import-unbake-svg-attributes = plus de { $n } attributs sur un même élément
import-unbake-svg-attribute-work = trop d’attributs au total
import-unbake-svg-namespaces = plus de { $n } déclarations d’espaces de noms
import-unbake-svg-depth = des éléments imbriqués sur plus de { $n } niveaux
import-unbake-too-many-chunks = ce PNG comporte plus de { $n } blocs de texte, plus qu’aucune image de badge ; le portefeuille ne le lit pas

## Télécharger un badge intégré à une image (vue détaillée)

import-download-baked-svg = Télécharger en SVG (badge intégré)
import-download-baked-png = Télécharger en PNG (badge intégré)
import-bake-failed = Impossible d’intégrer le badge à l’image : { $reason }

## Télécharger un badge depuis un lien

import-unknown-error = erreur inconnue
import-fetch-offline = vous êtes hors ligne
import-fetch-unreachable = le serveur est injoignable ou n’autorise pas les autres sites à le lire (pas d’autorisation CORS)
import-fetch-timed-out = le serveur n’a pas répondu en moins de { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
import-fetch-too-large = la réponse dépasse la limite de { $max } Mio ; elle a donc été refusée
# $status : le texte de l’état HTTP, souvent vide.
import-fetch-http = le serveur a répondu { $code } { $status }
import-fetch-read = la réponse n’a pas pu être lue ({ $reason })
import-fetch-not-a-web-address = « { $url } » n’est pas une adresse web
import-fetch-only-https = le portefeuille ne télécharge que des adresses https, pas { $url }
import-fetch-only-https-scheme = le portefeuille ne télécharge que des adresses https, pas des adresses { $scheme }
import-fetch-bad-url = ce n’est pas une URL que le portefeuille peut ouvrir ({ $detail })
import-download-not-allowed = Ce n’est pas une URL que le portefeuille peut ouvrir : { $reason }.
import-download-offline = Impossible de télécharger { $url } : vous êtes hors ligne. Importez plutôt le fichier du badge, ou réessayez une fois en ligne.
import-download-unreachable = Impossible de télécharger { $url } : le serveur de l’émetteur n’autorise pas les autres sites à le lire (il n’envoie pas d’autorisation CORS), ou il est injoignable. Téléchargez le fichier du badge sur le site de l’émetteur, puis importez ce fichier.
import-download-http = Impossible de télécharger { $url } : le serveur a répondu { $code } { $status }.
import-download-failed = Impossible de télécharger { $url } : { $reason }.

## Codes QR : images et caméra

import-scan-qr = Scanner un code QR
import-camera-preview = Aperçu de la caméra
import-camera-stop = Arrêter la caméra
import-camera-opening = Ouverture de la caméra…
import-camera-point = Pointez la caméra vers un code QR…
import-camera-timeout = Aucun code QR n’a été lu ; la caméra a été arrêtée. Réessayez avec plus de lumière, en vous rapprochant.
import-camera-failed = Impossible d’utiliser la caméra : { $reason }.
import-camera-stopped = La caméra a été arrêtée : { $reason }.
import-camera-no-access = ce navigateur ne donne pas accès à une caméra ici (il faut une page https sécurisée)
import-camera-not-asked = la caméra n’a pas pu être demandée
import-camera-no-video = la caméra n’a fourni aucune vidéo
import-camera-refused = l’autorisation d’utiliser la caméra a été refusée
import-camera-not-found = aucune caméra n’a été trouvée
import-camera-busy = la caméra est utilisée par une autre application
import-camera-not-opened = la caméra n’a pas pu être ouverte
# Où un code QR a été lu, comme $source de import-qr-intro (sinon un nom de fichier).
import-qr-source-camera = la caméra
import-qr-reader-failed = le lecteur de codes QR a échoué sur cette image
# $message : pourquoi l’image ne contient aucun badge.
import-picture-no-qr = { $message } ; aucun code QR n’y a été trouvé non plus
import-picture-qr-unread = { $message } ; l’image n’a pas pu être analysée pour y chercher un code QR : { $reason }
import-picture-unknown-size = sa taille n’a pas pu être lue
import-picture-too-large = elle est trop grande pour y chercher un code QR ({ $width } × { $height } pixels ; { $max } mégapixels au plus)
import-picture-not-drawn = l’image n’a pas pu être dessinée
import-picture-pixels-unread = les pixels de l’image n’ont pas pu être lus
import-picture-undecodable = le navigateur n’a pas pu décoder cette image
import-picture-size-mismatch = la taille de l’image ne correspond pas à celle qu’indique son en-tête

## Ce que propose un code QR

import-qr-offer-title = Importer depuis un code QR
# $title et $holder : vides, ou import-qr-share-title / import-qr-share-holder précédés d’une espace.
import-qr-intro-share-link = Le code QR provenant de { $source } est un lien de partage{ $title }{ $holder } contenant { $n ->
    [one] { $n } badge
   *[other] { $n } badges
} :
import-qr-share-title = « { $title } »
import-qr-share-holder = de { $holder }
import-qr-intro = Le code QR provenant de { $source } contient { $n ->
    [one] { $n } badge
   *[other] { $n } badges
} :
import-qr-offer-note = Les noms et les émetteurs sont ceux qu’indiquent les badges ; chacun est vérifié dès son ajout.
import-qr-offer-add = { $n ->
    [one] L’ajouter à mon portefeuille
   *[other] Ajouter les { $n } à mon portefeuille
}
# L’étiquette de la ligne de résultat d’une attestation lue dans un code QR.
import-qr-item-label = Code QR n° { $n } ({ $source })

## Le lien profond #/import?url=… (l’hôte, puis le lien entier, s’affichent entre ces messages)

import-deeplink-title = Ajouter un badge depuis un lien ?
import-deeplink-ask-before = Un lien demande à ce portefeuille de télécharger un badge depuis{ " " }
import-deeplink-ask-after = { " " }et de l’ajouter à votre portefeuille. Rien n’a encore été téléchargé.
import-deeplink-caution = Ne l’ajoutez que si vous attendiez un badge de cet émetteur.
import-deeplink-confirm = Télécharger et ajouter le badge
import-deeplink-not-http = Ce lien ne peut pas ajouter de badge : seules les adresses http et https peuvent être importées, pas{ " " }
import-deeplink-back = Retour à mon portefeuille

## Pourquoi un badge signé (JWS) est illisible (wallet-core)

import-jws-parts = un JWS compact comporte trois parties séparées par des points ; celui-ci en a { $n }
import-jws-header-not-base64 = l’en-tête JWS n’est pas en base64url
import-jws-payload-not-base64 = le contenu JWS n’est pas en base64url
import-jws-header-not-json = l’en-tête JWS n’est pas du JSON
import-jws-payload-not-json = le contenu JWS n’est pas du JSON
# $detail : le message de l’analyseur JSON, en anglais (duplicate member name "alg" at line 1 column 20).
import-jws-header-duplicate = l’en-tête JWS contient un nom de membre en double ({ $detail })
import-jws-payload-duplicate = le contenu JWS contient un nom de membre en double ({ $detail })
import-jws-header-not-object = l’en-tête JWS n’est pas un objet JSON
import-jws-payload-not-object = le contenu JWS n’est pas un objet JSON
import-jws-no-alg = l’en-tête JWS n’a pas de champ « alg »
import-jws-unencoded = les contenus JWS non encodés (b64: false) ne sont pas pris en charge
import-jws-vc-not-object = la revendication « vc » du JWT n’est pas un objet JSON

## Pourquoi un document JSON n’est pas un badge (wallet-core)

import-not-badge-array = c’est un tableau JSON ({ $n ->
    [one] { $n } élément
   *[other] { $n } éléments
}), pas une attestation unique ; importez les éléments un par un
# $kind : l’un des mots import-json-….
import-not-badge-not-object = c’est une valeur JSON de type { $kind }, pas un objet
import-not-badge-presentation = c’est une présentation vérifiable (VerifiablePresentation) ; importez les attestations qu’elle contient
import-not-badge-nested-clr = c’est un relevé d’apprentissage complet (Comprehensive Learner Record) contenu dans un autre ; un seul niveau d’imbrication est lu
import-not-badge-backup = c’est un fichier de sauvegarde du portefeuille ; utilisez plutôt « Restaurer une sauvegarde »
import-not-badge-endorsement = c’est une EndorsementCredential (la recommandation d’un badge ou d’un émetteur), pas un badge
import-not-badge-badge-class = c’est une BadgeClass Open Badges 2.0 (la description d’un badge), pas un badge délivré
import-not-badge-achievement = c’est la définition d’un accomplissement (Achievement), pas l’attestation d’un badge délivré
import-not-badge-issuer-profile = c’est le profil d’un émetteur, pas un badge
import-not-badge-plain-credential = c’est une attestation vérifiable (Verifiable Credential), mais elle n’a pas le type OpenBadgeCredential ni AchievementCredential
# $types : les autres types de l’attestation, tels qu’ils y sont écrits.
import-not-badge-other-credential = c’est une attestation vérifiable (Verifiable Credential), mais elle n’a pas le type OpenBadgeCredential ni AchievementCredential (elle est de type { $types })
import-not-badge-no-type = le document n’a pas le type OpenBadgeCredential ni AchievementCredential (il n’a aucun « type »)
import-not-badge-other-type = le document n’a pas le type OpenBadgeCredential ni AchievementCredential (son type est { $types })
import-not-badge-no-subject = credentialSubject est absent
import-not-badge-subject-not-object = credentialSubject n’est pas un objet
import-not-badge-subject-empty = credentialSubject est une liste vide
import-not-badge-no-achievement = credentialSubject.achievement est absent
import-not-badge-achievement-not-object = credentialSubject.achievement n’est pas un objet (Open Badges 3.0 intègre l’accomplissement)
import-not-badge-ob2-no-badge = l’assertion Open Badges 2.0 n’a pas de « badge »
import-not-badge-ob2-badge-neither = le « badge » de l’assertion n’est ni un objet BadgeClass ni une URL
import-not-badge-clr-subjects = un relevé d’apprentissage complet (Comprehensive Learner Record) a un seul apprenant (ClrSubject) ; celui-ci en a { $n }
import-not-badge-clr-subject-not-object = le credentialSubject du relevé d’apprentissage complet n’est pas un objet
import-not-badge-clr-too-many = ce relevé d’apprentissage complet contient { $n } attestations ; le portefeuille en lit { $max } au plus
import-not-badge-empty-data-url = son URL data: est vide
import-not-badge-enveloped = c’est une attestation enveloppée sans URL data:
import-not-badge-nested-not-credential = c’est une valeur JSON de type { $kind }, pas une attestation
import-json-null = null
import-json-bool = booléen
import-json-number = nombre
import-json-string = chaîne
import-json-array = tableau
import-json-object = objet

## Le navigateur a échoué à une opération ordinaire (rare)

import-browser-no-document = aucun document
import-browser-no-body = aucun corps de page
import-browser-no-canvas = aucun canevas
import-browser-no-2d-canvas = aucun canevas 2D
import-browser-no-object-url = aucune URL d’objet
import-browser-no-image-element = aucun élément d’image
