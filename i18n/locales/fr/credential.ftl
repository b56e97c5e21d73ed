# Une attestation et la galerie des attestations : cartes, vue détaillée (partagée avec la vue
# employeur d’un lien de partage), vérifications, recommandations, relevé de notes d’un
# Comprehensive Learner Record, images et noms des émetteurs.

# Entre un libellé et sa valeur (« Note : 92 »).
credential-colon = {"\u00A0"}:{" "}

## Formats (wallet_core::model::Format ; les noms des normes restent tels quels)

format-ob2-hosted = Open Badges 2.0 (hébergé)
format-ob2-signed = Open Badges 2.0 (signé)

## Carte

card-no-date = Sans date

## Galerie

# Le nom d’un fichier de démonstration dans le compte rendu de l’importation.
gallery-demo-file = Démo : { $file }
gallery-count-filtered = { $shown ->
    [one] { $shown } attestation affichée sur { $all }
   *[other] { $shown } attestations affichées sur { $all }
}
# Autour du nom du badge supprimé : « <nom> » a été supprimé.
gallery-deleted-before = « 
gallery-deleted-after =  » a été supprimé.
gallery-undo = Annuler
gallery-empty-title = Votre portefeuille est vide.
gallery-empty-hint = Ajoutez ci-dessus les badges que vous avez obtenus, ou découvrez d’abord le portefeuille avec des badges de démonstration.
gallery-load-demo = Charger les badges de démonstration
gallery-search-placeholder = Rechercher un nom, un émetteur, une compétence…
gallery-search-label = Rechercher dans les badges
gallery-filter-issuer = Filtrer par émetteur
gallery-all-issuers = Tous les émetteurs
gallery-filter-status = Filtrer par état
gallery-any-status = Tous les états
gallery-filter-tag = Filtrer par étiquette
gallery-all-tags = Toutes les étiquettes
gallery-sort = Trier
gallery-sort-newest = Les plus récents d’abord
gallery-sort-oldest = Les plus anciens d’abord
gallery-sort-name = Nom
gallery-sort-issuer = Émetteur
gallery-show-more = Afficher plus
gallery-checking = Vérification de { $done } { $done ->
    [one] attestation
   *[other] attestations
} sur { $total }…

## Vue détaillée

# Le nom affiché dans « « … » a été supprimé » quand le badge n’en avait pas.
detail-deleted-fallback = ce badge
# Le nom dans « Faire confiance à … » quand l’émetteur n’a ni nom ni identifiant.
detail-issuer-fallback = cet émetteur
detail-back = ← Tous les badges
detail-print = Imprimer le certificat
detail-delete = Supprimer du portefeuille
detail-delete-title = Supprimer ce badge ?
detail-delete-body = Il sera retiré de ce navigateur. Vous pourrez annuler juste après.
detail-cancel = Annuler
detail-delete-confirm = Supprimer
detail-not-in-wallet = Ce badge n’est pas dans votre portefeuille (il a peut-être été supprimé).
detail-loading = Chargement…
# Suivi de l’adresse de la copie hébergée.
detail-hosted = Affiché tel que l’émetteur l’héberge :
detail-verification = Vérification
detail-not-checked = Pas encore vérifié…
detail-proofs = Preuves ({ $n })
# $when : la date et l’heure du rapport.
detail-checked-at = Vérifié dans ce navigateur le { $when }
detail-check-again = Vérifier à nouveau
# Suivi du nom de l’émetteur.
detail-trust = Faire confiance à
detail-stop-trusting = Ne plus faire confiance à

## Contenu de l’attestation

body-about = À propos de ce badge
body-no-description = Aucune description.
body-description = Description
body-criteria = Critères
# Suivi de l’adresse de la page des critères.
body-criteria-page = Page des critères :
body-no-criteria = Aucune description des critères.
body-issuer = Émetteur
body-dates = Dates
body-issued = Date de délivrance
body-expires = Date d’expiration
body-not-stated = Non précisé
# Une date absente (« Date de délivrance »).
body-date-not-stated = Non précisée
body-skills = Compétences et référentiels
body-tags = Étiquettes
body-no-tags = Aucune
body-results = Résultats
body-no-results = Aucun résultat enregistré.
body-result = Résultat
body-evidence = Preuves de réussite
body-no-evidence = Aucune preuve jointe.
body-evidence-item = Preuve de réussite
body-hashed-identifier = Identifié par un identifiant haché
body-recipient = Titulaire
body-raw = Attestation brute
body-awarded-to = Décerné à

alignments-none = Aucune compétence indiquée.
alignments-unnamed = Compétence sans nom

## Recommandations

endorsements-title = Recommandations
endorsements-of-achievement = Recommandations de cet accomplissement
endorsements-of-issuer = Recommandations de cet émetteur
# Suivi du nom de l’auteur, puis de « — » et du verdict.
endorsement-by = Recommandation de
endorsement-verified = vérifiée
endorsement-pending = pas encore vérifiée
# Suivi de la raison donnée par le vérificateur, entre parenthèses (en anglais).
endorsement-not-verified = non vérifiée

## Vérifications (les phrases du vérificateur à côté restent en anglais)

check-format = Format
check-signature = Signature
check-issuer-key = Clé de l’émetteur
check-disclosure = Divulgation sélective
check-validity = Dates
check-status = Révocation
check-issuer-trust = Émetteur
check-other = Vérification
check-outcome-pass = Réussite
check-outcome-fail = Échec
check-outcome-warn = Avertissement
check-outcome-not-checked = Non vérifié
check-status-checked-at = Révocation vérifiée le { $when }
check-key-fetched-at = Clé de l’émetteur récupérée le { $when }

## Relevé de notes d’un Comprehensive Learner Record

clr-credits-of = Crédits obtenus : { $earned } sur { $available }
clr-credits = Crédits obtenus : { $earned }
clr-credits-available = Crédits disponibles : { $available }
clr-result = { $label } : { $value }
clr-entry-unreadable = L’entrée { $n } n’a pas pu être lue
clr-unnamed = Sans nom
clr-transcript = Relevé de notes
# Suivi du nom ou de l’identifiant de l’apprenant.
clr-learner = Apprenant :
clr-partial = L’émetteur indique que ce relevé est partiel : il ne contient pas tous les accomplissements.
clr-explain = Chaque accomplissement ci-dessous est une attestation à part entière, vérifiée séparément ; la signature du relevé, plus haut, indique qui l’a constitué.
clr-empty = Ce relevé ne contient aucune attestation d’accomplissement.
clr-credits-total = Crédits obtenus dans les accomplissements vérifiés : { $credits }
clr-also-listed = Autres accomplissements mentionnés
clr-relations = Liens entre les accomplissements
# « <accomplissement> <relation> <accomplissement> »
clr-exact-match-of = correspond exactement à
clr-is-child-of = relève de
clr-is-parent-of = englobe
clr-is-part-of = fait partie de
clr-is-peer-of = est de même niveau que
clr-is-related-to = est lié à
clr-precedes = précède
clr-replaced-by = est remplacé par
clr-associated-other = est associé ({ $kind }) à
clr-no-achievement = (aucun accomplissement indiqué)

## Images

image-not-an-image = ce qu’il a envoyé n’est pas une image que le portefeuille sait afficher
# Suivi du nom de l’hôte de l’image.
image-load-from = Charger l’image depuis
image-loading-from = Chargement depuis
image-not-loaded = Image non chargée :
image-open-at = Ouvrir l’image sur

## Noms des émetteurs

issuer-unknown = Émetteur inconnu
issuer-demo = DÉMO
issuer-demo-title = Émetteur de démonstration : sa clé de signature est publique, n’importe qui peut signer en son nom.
issuer-note-trusted = (nom indiqué par l’attestation ; vous faites confiance à cet émetteur)
issuer-note-self-declared = (nom indiqué par l’attestation, non confirmé)

## Types d’accomplissement d’Open Badges 3.0 (l’énumération AchievementType de la norme ;
## wallet_i18n::vocab). Avec une majuscule initiale : affichés en pastille, après « · » et dans
## les phrases des parcours (« de type { $kind } »).
achievement-type-achievement = Accomplissement
achievement-type-apprenticeship-certificate = Certificat d’apprentissage
achievement-type-assessment = Évaluation
achievement-type-assignment = Devoir
achievement-type-associate-degree = Diplôme bac + 2
achievement-type-award = Distinction
achievement-type-badge = Badge
achievement-type-bachelor-degree = Licence (bachelor)
achievement-type-certificate = Certificat
achievement-type-certificate-of-completion = Attestation de fin de formation
achievement-type-certification = Certification
achievement-type-community-service = Engagement bénévole
achievement-type-competency = Compétence
achievement-type-course = Cours
achievement-type-co-curricular = Activité parascolaire
achievement-type-degree = Grade universitaire
achievement-type-diploma = Diplôme
achievement-type-doctoral-degree = Doctorat
achievement-type-fieldwork = Travail de terrain
achievement-type-general-education-development = Équivalence du diplôme d’études secondaires (GED)
achievement-type-journeyman-certificate = Certificat de compagnon
achievement-type-learning-program = Programme de formation
achievement-type-license = Autorisation d’exercer
achievement-type-membership = Adhésion
achievement-type-professional-doctorate = Doctorat professionnel
achievement-type-quality-assurance-credential = Accréditation qualité
achievement-type-master-certificate = Brevet de maîtrise
achievement-type-master-degree = Master
achievement-type-micro-credential = Microcertification
achievement-type-research-doctorate = Doctorat de recherche
achievement-type-secondary-school-diploma = Diplôme de fin d’études secondaires
