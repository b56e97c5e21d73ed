# Le cadre de l'application : nom, barre du haut, navigation, pied de page, menu des langues,
# et les mots employés partout (états, décomptes).

app-name = Portefeuille de l’apprenant
wallet-tagline = Vos badges, vérifiés dans votre navigateur
viewer-tagline = Des badges vérifiés dans votre navigateur
wallet-footer = Tout reste dans ce navigateur. Rien n’est envoyé.
viewer-footer = Vérifié dans ce navigateur. Rien n’est envoyé.
wallet-opening = Ouverture de votre portefeuille…
wallet-opening-share-link = Ouverture du lien de partage…
wallet-heading = Mes badges
language-label = Langue

nav-sections = Rubriques
nav-wallet = Mes badges
nav-progress = Progression

status-verified = Vérifié
status-invalid = Non valide
status-expired = Expiré
status-not-yet-valid = Pas encore valide
status-revoked = Révoqué
status-pending = Vérification…
status-unverified = Pas encore vérifié

credential-count = { $n ->
    [one] { $n } attestation
   *[other] { $n } attestations
}
