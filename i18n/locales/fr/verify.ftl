# Les phrases du vérificateur (wallet-verify, wallet_core::sources, le tour de vérification),
# affichées dans la langue du lecteur. Les détails techniques des bibliothèques ($detail)
# restent en anglais.

## Enchaînement : deux phrases, l’une après l’autre.
verify-sentences = { $first } { $then }

## Format
verify-not-json-object = L’attestation n’est pas un objet JSON.
verify-ob2-payload-not-object = La charge utile du badge signé n’est pas un objet JSON.
verify-duplicate-member = L’attestation est refusée, car un même nom y figure deux fois ({ $detail }) : selon le lecteur, sa valeur pourrait différer.
verify-not-json = L’attestation n’est pas un JSON valide.
verify-jws-unreadable = L’attestation signée est illisible : { $detail }.
verify-jwt-claim-not-number = La déclaration { $claim } du jeton n’est pas un nombre de secondes (NumericDate).
verify-jwt-claim-out-of-range = La déclaration { $claim } du jeton est hors limites.
verify-jwt-iss-differs = L’émetteur du jeton, { $token }, diffère de celui de l’attestation, { $credential }.
verify-jwt-jti-differs = L’identifiant du jeton (jti { $token }) diffère de celui de l’attestation ({ $credential }).
verify-jwt-sub-differs = Le sujet du jeton (sub { $token }) diffère de l’identifiant du sujet de l’attestation ({ $credential }).
verify-format-badge = Badge { $format }.
verify-format-credential = Attestation { $format }.
verify-context-first = Le premier @context de l’attestation est { $context } ; une attestation vérifiable (Verifiable Credential) doit commencer par { $vc2 } (ou { $vc1 }).
verify-context-missing = L’attestation n’a pas de @context d’attestation vérifiable (Verifiable Credential).
verify-not-vc-type = Le « type » de l’attestation ne dit pas qu’elle est une VerifiableCredential.
verify-no-subject = L’attestation n’a pas de credentialSubject.
verify-no-issuer = L’attestation ne nomme pas son émetteur.

## Open Badges 2.0, hébergé
verify-ob2-signed-as-json = Un badge Open Badges 2.0 signé se vérifie sous la forme du jeton signé (JWS) dans laquelle il a été délivré ; cette copie est du JSON simple.
verify-ob2-hosted-needed = Ce badge n’a pas pu être vérifié : la vérification d’un badge hébergé nécessite le serveur de l’émetteur.
verify-ob2-hosted = Le serveur de l’émetteur héberge ce badge.
verify-ob2-revoked = L’émetteur a révoqué ce badge.
verify-ob2-revoked-reason = L’émetteur a révoqué ce badge. Motif : { $reason }
verify-ob2-hosted-same = Le serveur de l’émetteur héberge ce badge précis ; ce qui est affiché est la copie hébergée par l’émetteur.
verify-ob2-hosted-differs = Le badge hébergé sur le serveur de l’émetteur diffère de celui-ci.
verify-ob2-on-issuer-site = Le badge est hébergé sur le site web de l’émetteur lui-même.
verify-ob2-not-on-issuer-site = Le badge n’est pas hébergé sur le site web de l’émetteur.
verify-ob2-not-revoked = L’émetteur n’a pas révoqué ce badge.
verify-ob2-revocation-needs-server = La révocation n’a pas pu être vérifiée sans le serveur de l’émetteur.
verify-badge-no-expiry = Le badge n’expire pas.
verify-badge-expiry-invalid = La date d’expiration du badge n’est pas valide.
verify-badge-expired = Le badge a expiré le { $date }.
verify-badge-valid-until = Le badge est valide jusqu’au { $date }.

## Signature
verify-no-signature = L’attestation ne porte aucune signature : elle n’a donc pas pu être vérifiée.
verify-all-signatures-valid = Les { $n } signatures sont valides.
verify-signatures-issuer-valid-other-failed = { $valid } signatures sur { $n } sont valides, dont celle de l’émetteur ; une autre a échoué : { $reason }
verify-signatures-issuer-valid-others-unchecked = { $valid } signatures sur { $n } sont valides, dont celle de l’émetteur ; les autres n’ont pas pu être vérifiées.
verify-signatures-some-valid = { $valid } signatures sur { $n } sont valides ; les autres n’ont pas pu être vérifiées.
verify-signature-key-missing = La signature n’a pas pu être vérifiée : il faut le document de clé de l’émetteur, et le portefeuille est hors ligne ou ne l’a pas encore récupéré.
verify-proof-key-missing = La signature n’a pas pu être vérifiée : il faut le document de clé de l’émetteur ({ $url }), et le portefeuille est hors ligne ou ne l’a pas encore récupéré.
verify-proof-valid = La signature { $suite } est valide.
verify-proof-valid-disclosed = La signature { $suite } est valide pour les { $statements } déclarations divulguées par le titulaire (dont { $mandatory } exigées par l’émetteur).
verify-proof-mismatch = La signature { $suite } ne correspond pas : l’attestation a été modifiée après sa signature, ou signée avec une autre clé.
verify-proof-unsupported-type = La signature n’a pas pu être vérifiée : type de preuve non pris en charge, { $proof_type }.
verify-proof-unsupported-suite = La signature n’a pas pu être vérifiée : suite cryptographique non prise en charge, { $suite }.
verify-proof-sd-base = La signature n’a pas pu être vérifiée : il s’agit d’une preuve de base ecdsa-sd-2023, que l’émetteur remet au seul titulaire ; une attestation à présenter porte une preuve dérivée (à divulgation sélective).
verify-ld-credential-unknown-context = La signature n’a pas pu être vérifiée : l’attestation utilise le contexte { $context }, dont ce portefeuille ne dispose pas.
verify-ld-proof-unknown-context = La signature n’a pas pu être vérifiée : la preuve utilise le contexte { $context }, dont ce portefeuille ne dispose pas.
verify-ld-credential-too-complex = La signature n’a pas pu être vérifiée : l’attestation est trop complexe pour être vérifiée ({ $detail }).
verify-ld-proof-too-complex = La signature n’a pas pu être vérifiée : la preuve est trop complexe pour être vérifiée ({ $detail }).
verify-ld-credential-error = L’attestation ne peut pas être vérifiée : { $detail }.
verify-ld-proof-error = La preuve ne peut pas être vérifiée : { $detail }.
verify-jws-valid = La signature { $alg } ({ $key }) est valide.
verify-jws-valid-profile-key = La signature { $alg } ({ $key }) est valide, faite avec une clé que publie le profil de l’émetteur ({ $issuer }).
verify-jws-valid-own-key = La signature { $alg } ({ $key }) est valide, faite avec la clé que porte le jeton lui-même.
verify-jws-no-key = La signature ne dit pas quelle clé l’a faite (ni kid ni jwk, et l’émetteur n’est ni un did:key ni un did:jwk).
verify-jws-mismatch = La signature ne correspond pas : l’attestation a été modifiée après sa signature, ou signée avec une autre clé.
verify-disclosure = Le titulaire a divulgué une partie de l’attestation de l’émetteur (ecdsa-sd-2023) : tout ce qui est affiché ({ $statements } déclarations, dont { $mandatory } exigées par l’émetteur) est signé par l’émetteur ; ce que le titulaire n’a pas divulgué n’est ni affiché ni connu ici.

## Clé de l’émetteur
verify-key-not-checked = L’appartenance de la clé à l’émetteur n’a pas été vérifiée, car aucune signature n’a été confirmée.
verify-key-of-issuer = La clé de signature appartient à l’émetteur { $issuer }.
verify-key-unlinked = La clé de signature n’est pas liée à l’émetteur { $issuer } : le jeton porte sa propre clé, il montre donc seulement que rien n’a changé depuis que quelqu’un l’a signé.
verify-key-of-other = L’attestation a été signée avec une clé de { $signer }, qui n’est pas son émetteur { $issuer }.
verify-someone-else = quelqu’un d’autre

## Validité
verify-date-invalid = La propriété { $property } de l’attestation n’est pas une date et heure valide.
verify-expired = L’attestation a expiré le { $date }.
verify-not-yet-valid = L’attestation n’est pas valide avant le { $date }.
verify-valid-until = L’attestation est valide jusqu’au { $date }.
verify-no-expiry = L’attestation n’expire pas.
verify-no-clock = Les dates de validité n’ont pas pu être vérifiées : l’heure actuelle est inconnue.

## Statut
verify-status-none = L’émetteur ne publie aucun statut de révocation pour cette attestation.
verify-status-revoked = L’émetteur a révoqué cette attestation.
verify-status-suspended = L’émetteur a suspendu cette attestation : elle n’est pas valide tant qu’elle est suspendue (suspendue, non révoquée : l’émetteur peut lever la suspension).
verify-status-unchecked-signature-valid = La signature est valide, mais la révocation n’a pas pu être vérifiée.
verify-status-unchecked = La révocation n’a pas pu être vérifiée.
verify-status-neither = L’émetteur n’a ni révoqué ni suspendu cette attestation.
verify-status-not-suspended = L’émetteur n’a pas suspendu cette attestation.
verify-status-not-revoked = L’émetteur n’a pas révoqué cette attestation.
verify-status-not-fetched = La liste de révocation ({ $url }) n’a pas été récupérée : le portefeuille est hors ligne, le serveur de la liste était injoignable, ou la dernière copie est périmée.
verify-status-1edtech-listed-signed = La liste de révocation 1EdTech ({ $url }) la mentionne ; la signature de la liste est valide.
verify-status-1edtech-listed-unsigned = La liste de révocation 1EdTech ({ $url }) la mentionne ; la liste n’est pas signée (la méthode repose sur HTTPS) : il a été vérifié que c’est bien la liste que nomme l’attestation signée, et qu’elle concerne l’émetteur de cette attestation.
verify-status-1edtech-listed-reason-signed = La liste de révocation 1EdTech ({ $url }) la mentionne, pour ce motif : « { $reason } » ; la signature de la liste est valide.
verify-status-1edtech-listed-reason-unsigned = La liste de révocation 1EdTech ({ $url }) la mentionne, pour ce motif : « { $reason } » ; la liste n’est pas signée (la méthode repose sur HTTPS) : il a été vérifié que c’est bien la liste que nomme l’attestation signée, et qu’elle concerne l’émetteur de cette attestation.
verify-status-1edtech-not-listed-signed = La liste de révocation 1EdTech ({ $url }) ne la mentionne pas ; la signature de la liste est valide.
verify-status-1edtech-not-listed-unsigned = La liste de révocation 1EdTech ({ $url }) ne la mentionne pas ; la liste n’est pas signée (la méthode repose sur HTTPS) : il a été vérifié que c’est bien la liste que nomme l’attestation signée, et qu’elle concerne l’émetteur de cette attestation.
verify-status-message = Message de statut de l’émetteur : « { $message } » (statut { $value }).
verify-status-message-unknown = La liste de statuts de l’émetteur donne le statut { $value } ({ $bits } bits), pour lequel l’attestation n’indique aucun message.
verify-status-message-none = La liste de statuts de l’émetteur donne le statut { $value } ({ $bits } bits), mais l’entrée de statut de l’attestation n’indique aucun message (statusMessage).
verify-status-message-malformed = La liste de statuts de l’émetteur donne le statut { $value } ({ $bits } bits), mais le statusMessage de l’attestation n’est pas une liste de paires statut et message.

## Confiance en l’émetteur
verify-trust-listed = L’émetteur figure dans votre liste de confiance.
verify-trust-listed-unconfirmed = L’émetteur figure dans votre liste de confiance, mais la signature n’a pas été confirmée.
verify-trust-unlisted-valid = La signature est valide, mais l’émetteur ne figure pas dans votre liste de confiance.
verify-trust-unlisted = L’émetteur ne figure pas dans votre liste de confiance.
verify-trust-registry = { $name } est un émetteur connu (source : { $source }).
verify-trust-demo = { $name } est un émetteur de DÉMO, considéré comme fiable ici uniquement parce que vous avez chargé les badges de démonstration : sa clé de signature est publique, n’importe qui peut donc signer en son nom.
verify-trust-demo-key-employer = L’émetteur utilise la clé de DÉMO de { $name } : cette clé est publique, n’importe qui peut donc signer en son nom. Non fiable.
verify-trust-demo-key-learner = L’émetteur utilise la clé de DÉMO de { $name } : cette clé est publique, n’importe qui peut donc signer en son nom. Elle n’est considérée comme fiable que dans un portefeuille où vous avez chargé les badges de démonstration.
verify-trust-unknown-employer = La signature est valide, mais l’émetteur n’est pas un émetteur connu : son identité n’a pas pu être confirmée.

## Copies récupérées (wallet_core::sources) : notes après la phrase d’une vérification
verify-note-offline-list = Vous êtes hors ligne : cette vérification a utilisé la copie de la liste récupérée { $age }.
verify-note-offline-key = Vous êtes hors ligne : cette vérification a utilisé la copie du document de clé de l’émetteur récupérée { $age }.
verify-note-revocation-offline = Révocation non vérifiée (hors ligne).
verify-note-fetch-failed = La récupération de { $url } a échoué : { $detail }.
verify-note-list-out-of-date = La révocation a été vérifiée pour la dernière fois le { $when } ; cette copie de la liste est périmée.
verify-age-less-than-an-hour = il y a moins d’une heure
verify-age-hours = { $n ->
    [one] il y a { $n } heure
   *[other] il y a { $n } heures
}
verify-age-days = { $n ->
    [one] il y a { $n } jour
   *[other] il y a { $n } jours
}
verify-age-at = le { $when }

## Le tour de vérification
verify-not-checked-stopped = Cette attestation n’a pas pu être vérifiée : le vérificateur s’est arrêté dessus, ou ne peut pas fonctionner dans ce navigateur.


## Open Badges 2.0, signé
verify-ob2-malformed-not-checked = La signature n’a pas été vérifiée, car le badge est mal formé.
verify-ob2-shared-secret = Le badge est signé avec un secret partagé ({ $alg }), qui ne peut pas montrer qui l’a délivré : il est donc refusé.
verify-ob2-alg-none = Le badge n’est pas signé (son algorithme est « none ») : il est donc refusé.
verify-ob2-profile-needed-for-key = La signature n’a pas pu être vérifiée : le badge ne nomme pas sa clé, il faut donc le profil de l’émetteur ({ $profile }) pour la trouver, et le portefeuille est hors ligne ou ne l’a pas encore récupéré.
verify-ob2-signature-valid = La signature { $alg } ({ $key }) est valide, faite avec la clé { $id }.
verify-ob2-signature-mismatch = La signature ne correspond pas : le badge a été modifié après sa signature, ou signé avec une autre clé.
verify-ob2-no-issuer = Le badge ne nomme pas son émetteur.
verify-ob2-key-of-issuer = La clé de signature { $key } appartient à l’émetteur { $issuer } : le profil de l’émetteur la mentionne.
verify-ob2-revocation-issuer-unknown = La révocation n’a pas pu être vérifiée : l’émetteur du badge est inconnu (sa description n’a pas été récupérée).
verify-ob2-revocation-profile-needed = La révocation n’a pas pu être vérifiée : il faut le profil de l’émetteur ({ $profile }) pour trouver sa liste de révocation.
verify-ob2-no-revocation-list = L’émetteur ne publie aucune liste de révocation.
verify-ob2-revoked-by-list = L’émetteur a révoqué ce badge (liste de révocation { $url }).
verify-ob2-revoked-by-list-reason = L’émetteur a révoqué ce badge (liste de révocation { $url }). Motif : { $reason }
verify-ob2-not-revoked-by-list = La liste de révocation de l’émetteur ({ $urls }) ne mentionne pas ce badge.

## Recommandations
verify-endorsement-not-verified = Elle n’a pas pu être vérifiée.
verify-endorsement-too-many = Non vérifiée : ce portefeuille vérifie au plus { $n } recommandations par attestation.
verify-endorsement-too-large = Non vérifiée : les recommandations de cette attestation sont trop volumineuses pour être vérifiées (plus de { $n } valeurs JSON au total).
verify-endorsement-not-a-credential = Ce n’est pas une attestation de recommandation (ni un objet JSON, ni un VC-JWT lisible).
verify-endorsement-wrong-type = Ce n’est pas une EndorsementCredential (son type ne le dit pas).
verify-endorsement-endorses-other = Elle est valablement signée, mais elle recommande { $subject }, et non { $target ->
    [credential] cette attestation
    [achievement] cet accomplissement
    [issuer] cet émetteur
   *[subject] le sujet de cette attestation
}.
verify-endorsement-no-subject-id = Elle est valablement signée, mais elle ne dit pas ce qu’elle recommande (son credentialSubject n’a pas d’identifiant) : elle ne peut donc pas être rattachée { $target ->
    [credential] à cette attestation
    [achievement] à cet accomplissement
    [issuer] à cet émetteur
   *[subject] au sujet de cette attestation
}.
verify-endorsement-target-no-id = Elle est valablement signée, mais { $target ->
    [credential] cette attestation n’a
    [achievement] cet accomplissement n’a
    [issuer] cet émetteur n’a
   *[subject] le sujet de cette attestation n’a
} pas d’identifiant : la recommandation ne peut donc pas y être rattachée.

## Comprehensive Learner Record
verify-clr-entry-unreadable = Cette entrée du relevé n’a pas pu être lue : { $detail }.

## Preuves Data Integrity
verify-proof-no-method = La preuve ne dit pas quelle clé l’a faite (pas de verificationMethod).
verify-proof-created-invalid = La date de création de la preuve n’est pas une date et heure valide.
verify-proof-no-created = La preuve n’a pas de date de création.
verify-proof-expires-invalid = La date d’expiration de la preuve n’est pas une date et heure valide.
verify-proof-expired = La preuve elle-même a expiré.
verify-proof-no-value = La preuve n’a pas de proofValue (signature).
verify-proof-not-base58 = La signature n’est pas en multibase base58btc.
verify-proof-previous-malformed = Le previousProof de la preuve est mal formé.
verify-proof-context-not-prefix = Le @context de la preuve n’est pas un début du @context de l’attestation.
verify-proof-no-context = L’attestation n’a pas de @context.
verify-proof-method-is-did = Le verificationMethod de la preuve, { $method }, est un DID et non une méthode de vérification (une URL DID se terminant par #clé).
verify-proof-purpose = La finalité de la preuve est « { $purpose } », mais une attestation doit être signée pour « assertionMethod ».
verify-proof-not-object = Une preuve n’est pas un objet JSON.
verify-proof-too-many = L’attestation porte { $n } preuves ; ce portefeuille en vérifie au plus { $max } : il la refuse donc.

## Entrées de statut et listes illisibles
verify-status-list-unreadable = La liste de révocation ({ $url }) est illisible : { $why }
verify-status-list-bad-signature = La signature de la liste de révocation ({ $url }) n’est pas valide : { $why }
verify-status-method-unsupported = La méthode de statut { $method } n’est pas prise en charge par ce portefeuille.
verify-status-untyped = La méthode de statut (sans type) n’est pas prise en charge par ce portefeuille.
verify-status-entry-purpose-not-text = L’entrée de statut de l’attestation a un statusPurpose qui n’est pas du texte.
verify-status-purpose-unsupported = La méthode de statut { $method } avec la finalité « { $purpose } » n’est pas prise en charge par ce portefeuille.
verify-status-size-unsupported = La méthode de statut { $method } avec un statusSize de { $size } (ce portefeuille lit de 1 à { $max } bits) n’est pas prise en charge par ce portefeuille.
verify-status-entry-size-invalid = L’entrée de statut de l’attestation a un statusSize qui n’est pas un entier positif ({ $value }).
verify-status-entry-size-not-one = L’entrée de statut de l’attestation pour { $purpose } a un statusSize de { $size } : la spécification Bitstring Status List exige un seul bit (statusSize 1) pour la révocation et la suspension.
verify-status-entry-no-list = L’entrée de statut de l’attestation ne nomme aucune liste de statuts.
verify-status-entry-no-index = L’entrée de statut de l’attestation n’a pas d’index valide.
verify-status-why-not-object = ce n’est pas un objet JSON.
verify-status-list-unsigned = la liste n’est pas signée.
verify-status-why-expired = la liste a expiré le { $date }.
verify-status-why-until-invalid = son validUntil n’est pas une date valide.
verify-status-why-no-subject = elle n’a pas de sujet.
verify-status-why-other-purpose = la liste concerne { $purposes }, mais l’attestation demande { $purpose }.
verify-status-why-no-encoded-list = elle n’a pas d’encodedList.
verify-status-why-not-base64url = la liste de révocation n’est pas en base64url.
verify-status-why-not-gzip = la liste de révocation n’est pas une donnée GZIP valide.
verify-status-why-index-outside = l’index de l’attestation est hors de la liste.
verify-status-entry-1edtech-no-list = L’entrée de statut de l’attestation (1EdTechRevocationList) ne nomme aucune liste de révocation.
verify-status-entry-1edtech-no-id = L’entrée de statut de l’attestation est une liste de révocation 1EdTech, qui liste les attestations par identifiant, mais l’attestation n’a pas d’identifiant.
verify-status-why-other-list = elle se présente comme la liste { $id }, et non { $url }.
verify-status-why-no-id = elle n’a pas d’identifiant.
verify-status-why-no-issuer = elle ne nomme aucun émetteur.
verify-status-why-other-issuer = c’est la liste de { $list_issuer }, et non celle de l’émetteur de cette attestation, { $issuer }.
verify-status-why-no-revoked-list = elle n’a pas de liste revokedCredentials.
verify-status-why-entry-no-id = une entrée de revokedCredentials n’a pas d’identifiant.

## Détails des clés et des signatures (le détail reste en anglais)
verify-signature-unchecked-detail = La signature n’a pas pu être vérifiée : { $detail }.
verify-signature-malformed = La signature est mal formée : { $detail }.
verify-signature-wrong-key = La signature ne peut pas être vérifiée avec sa clé : { $detail }.
verify-key-unusable = La clé de signature est inutilisable : { $detail }.
verify-proof-malformed = La signature { $suite } est mal formée : { $detail }.
verify-proof-invalid-detail = La preuve { $suite } n’est pas valide : { $detail }.

## Jetons et badges signés : refus et clés
verify-jws-alg-none = Le jeton n’est pas signé (son algorithme est « none ») : il est donc refusé.
verify-jws-shared-secret = Le jeton est signé avec un secret partagé ({ $alg }), qui ne peut pas montrer qui l’a délivré : il est donc refusé.
verify-alg-unsupported = La signature n’a pas pu être vérifiée : algorithme non pris en charge, { $alg }.
verify-crit-unknown = La signature exige des extensions que ce portefeuille ne connaît pas ({ $crit }).
verify-jws-two-keys = Le jeton porte dans son en-tête une clé (jwk) qui n’est pas celle que nomme son kid ({ $kid }) : un lecteur pourrait la vérifier avec l’une ou l’autre.
verify-jws-header-key-unusable = La clé de l’en-tête du jeton est inutilisable : { $detail }.
verify-ob2-profile-lists-no-key = La signature n’a pas pu être vérifiée : le badge ne dit pas quelle clé l’a signé, et le profil de son émetteur ne mentionne aucune clé (publicKey).
verify-ob2-no-web-profile-for-key = La signature n’a pas pu être vérifiée : le badge ne dit pas quelle clé l’a signé, et son émetteur n’a pas de profil web mentionnant des clés.
verify-ob2-key-no-pem = La clé de signature est inutilisable : le document de clé { $id } n’a pas de publicKeyPem.
verify-ob2-badge-class-needed = À qui appartient la clé qui a signé le badge n’a pas pu être vérifié : il faut sa description ({ $url }) pour connaître son émetteur, et le portefeuille est hors ligne ou ne l’a pas encore récupérée.
verify-ob2-badge-class-other = La description du badge à l’adresse { $url } décrit un autre badge.
verify-ob2-issuer-differs = Le badge est présenté comme délivré par { $shown }, mais sa description nomme { $issuer }.
verify-ob2-key-of-other = Le badge a été signé avec une clé de { $signer }, qui n’est pas son émetteur { $issuer }.
verify-ob2-issuer-no-web-profile = L’appartenance de la clé à l’émetteur n’a pas pu être vérifiée : l’émetteur { $issuer } n’a pas de profil web qui pourrait mentionner ses clés.
verify-ob2-issuer-profile-needed = L’appartenance de la clé à l’émetteur n’a pas pu être vérifiée : il faut le profil de l’émetteur ({ $issuer }), et le portefeuille est hors ligne ou ne l’a pas encore récupéré.
verify-ob2-profile-other = Le profil de l’émetteur à l’adresse { $issuer } décrit un autre profil.
verify-ob2-key-not-listed = Le profil de l’émetteur ({ $issuer }) ne mentionne pas la clé de signature { $key } parmi ses clés (publicKey) : rien ne montre que la clé appartient à l’émetteur.
verify-ob2-not-signed-badge = Le badge est un jeton signé, mais son type de vérification n’est pas SignedBadge : un lecteur pourrait le vérifier de deux façons.
verify-ob2-creator-not-key = Le verification.creator du badge n’est pas un identifiant de clé.
verify-ob2-assertion-no-id = L’assertion n’a pas d’identifiant : sa révocation n’a donc pas pu être recherchée.
verify-ob2-assertion-no-badge = L’assertion n’a pas de badge.
verify-proof-ed25519-length = La signature fait { $n } octets ; une signature Ed25519 en fait 64.
verify-proof-needs-ed25519 = La preuve { $suite } exige une clé Ed25519, mais { $method } est une clé { $key }.
verify-proof-needs-p256 = La preuve { $suite } exige une clé P-256, mais { $method } est une clé { $key }.
verify-proof-needs-ecdsa = La preuve { $suite } exige une clé P-256 ou P-384, mais { $method } est une clé { $key }.
verify-proof-previous-missing = La preuve dépend d’une preuve précédente, { $id }, qui ne figure pas dans l’attestation.
verify-clauses = { $first } ; { $then }
verify-ob2-revocation-unchecked-signature-valid = La signature est valide, mais la révocation n’a pas pu être vérifiée : { $why }.
verify-ob2-revocation-unchecked = La révocation n’a pas pu être vérifiée : { $why }.
verify-ob2-list-not-fetched = la liste de révocation de l’émetteur ({ $url }) n’a pas été récupérée
verify-ob2-list-not-object = la liste de révocation à l’adresse { $url } n’est pas un objet JSON
verify-ob2-list-other = la liste de révocation à l’adresse { $url } se présente comme une autre liste
verify-ob2-list-other-issuer = la liste de révocation à l’adresse { $url } est celle d’un autre émetteur
verify-ob2-list-no-entries = la liste de révocation à l’adresse { $url } n’a pas de revokedAssertions
