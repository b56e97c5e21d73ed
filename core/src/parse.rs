//! Parsing badge documents (Open Badges 3.0 JSON and VC-JWT, Open Badges 2.0
//! assertions hosted or signed) into the normalized [`Credential`] model.
//!
//! Parsing never verifies signatures; it only reads. Every function here is
//! total on arbitrary input: malformed documents give a [`ParseError`], never a
//! panic.

use std::fmt;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::lang_text::field;
use crate::model::{
    Achievement, Alignment, Credential, Endorsement, Evidence, Format, Identifier, LangValue,
    Original, Profile, ResultDescription, ResultEntry, Subject,
};

/// VC Data Model 2.0 context URL.
pub const CONTEXT_VC2: &str = "https://www.w3.org/ns/credentials/v2";
/// VC Data Model 1.1 context URL.
pub const CONTEXT_VC11: &str = "https://www.w3.org/2018/credentials/v1";
/// Open Badges 2.0 context URL.
pub const CONTEXT_OB2: &str = "https://w3id.org/openbadges/v2";

/// Why a text could not be read as a badge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but whitespace was given.
    Empty,
    /// The text is not JSON (nor a compact JWS); line and column are 1-based.
    InvalidJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The text looks like a compact JWS / JWT but cannot be decoded.
    InvalidJws(JwsProblem),
    /// Well-formed JSON that is not a badge, and the specific reason.
    NotABadge(NotBadge),
}

/// Which part of a compact JWS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwsPart {
    Header,
    Payload,
}

/// Why a compact JWS cannot be decoded ([`ParseError::InvalidJws`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JwsProblem {
    /// Not three dot-separated parts (how many there are).
    Parts(usize),
    NotBase64(JwsPart),
    /// Not JSON at all.
    NotJson(JwsPart),
    /// JSON with a duplicate member name (the strict parser's message).
    Duplicate(JwsPart, String),
    NotObject(JwsPart),
    NoAlg,
    /// `b64: false`.
    Unencoded,
    /// The JWT's `vc` claim is not an object.
    VcNotObject,
}

impl JwsProblem {
    /// The reason, in `lang` (a clause: "the JWS header is not base64url").
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            JwsProblem::Parts(n) => msg!(lang, "import-jws-parts", n = *n),
            JwsProblem::NotBase64(JwsPart::Header) => msg!(lang, "import-jws-header-not-base64"),
            JwsProblem::NotBase64(JwsPart::Payload) => msg!(lang, "import-jws-payload-not-base64"),
            JwsProblem::NotJson(JwsPart::Header) => msg!(lang, "import-jws-header-not-json"),
            JwsProblem::NotJson(JwsPart::Payload) => msg!(lang, "import-jws-payload-not-json"),
            JwsProblem::Duplicate(JwsPart::Header, detail) => {
                msg!(lang, "import-jws-header-duplicate", detail = detail)
            }
            JwsProblem::Duplicate(JwsPart::Payload, detail) => {
                msg!(lang, "import-jws-payload-duplicate", detail = detail)
            }
            JwsProblem::NotObject(JwsPart::Header) => msg!(lang, "import-jws-header-not-object"),
            JwsProblem::NotObject(JwsPart::Payload) => {
                msg!(lang, "import-jws-payload-not-object")
            }
            JwsProblem::NoAlg => msg!(lang, "import-jws-no-alg"),
            JwsProblem::Unencoded => msg!(lang, "import-jws-unencoded"),
            JwsProblem::VcNotObject => msg!(lang, "import-jws-vc-not-object"),
        }
    }
}

impl fmt::Display for JwsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

/// Why well-formed JSON is not a badge the wallet reads ([`ParseError::NotABadge`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotBadge {
    /// A JSON array (how many items).
    Array(usize),
    /// Not an object: what it is ([`json_kind`]).
    NotObject(&'static str),
    Presentation,
    /// A CLR inside a CLR.
    NestedClr,
    Backup,
    Endorsement,
    BadgeClass,
    Achievement,
    IssuerProfile,
    /// A Verifiable Credential of other types (the types besides `VerifiableCredential`).
    OtherCredential(Vec<String>),
    NoType,
    /// Its types, none a badge's.
    OtherType(Vec<String>),
    NoSubject,
    SubjectNotObject,
    SubjectEmptyList,
    NoAchievement,
    AchievementNotObject,
    Ob2NoBadge,
    Ob2BadgeNeither,
    /// A CLR with several subjects (how many).
    ClrSubjects(usize),
    ClrSubjectNotObject,
    /// A CLR with more nested credentials than the wallet reads (how many, the most).
    ClrTooMany(usize, usize),
    EmptyDataUrl,
    EnvelopedWithoutDataUrl,
    /// A CLR's nested entry that is not an object nor a string: what it is.
    NestedNotCredential(&'static str),
    /// serde_json's own message.
    Json(String),
}

impl NotBadge {
    /// The reason, in `lang` (a clause: "it is an issuer profile, not a badge").
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            NotBadge::Array(n) => msg!(lang, "import-not-badge-array", n = *n),
            NotBadge::NotObject(kind) => {
                msg!(
                    lang,
                    "import-not-badge-not-object",
                    kind = json_kind_name(lang, kind)
                )
            }
            NotBadge::Presentation => msg!(lang, "import-not-badge-presentation"),
            NotBadge::NestedClr => msg!(lang, "import-not-badge-nested-clr"),
            NotBadge::Backup => msg!(lang, "import-not-badge-backup"),
            NotBadge::Endorsement => msg!(lang, "import-not-badge-endorsement"),
            NotBadge::BadgeClass => msg!(lang, "import-not-badge-badge-class"),
            NotBadge::Achievement => msg!(lang, "import-not-badge-achievement"),
            NotBadge::IssuerProfile => msg!(lang, "import-not-badge-issuer-profile"),
            NotBadge::OtherCredential(others) if others.is_empty() => {
                msg!(lang, "import-not-badge-plain-credential")
            }
            NotBadge::OtherCredential(others) => msg!(
                lang,
                "import-not-badge-other-credential",
                types = others.join(", ")
            ),
            NotBadge::NoType => msg!(lang, "import-not-badge-no-type"),
            NotBadge::OtherType(types) => {
                msg!(
                    lang,
                    "import-not-badge-other-type",
                    types = types.join(", ")
                )
            }
            NotBadge::NoSubject => msg!(lang, "import-not-badge-no-subject"),
            NotBadge::SubjectNotObject => msg!(lang, "import-not-badge-subject-not-object"),
            NotBadge::SubjectEmptyList => msg!(lang, "import-not-badge-subject-empty"),
            NotBadge::NoAchievement => msg!(lang, "import-not-badge-no-achievement"),
            NotBadge::AchievementNotObject => {
                msg!(lang, "import-not-badge-achievement-not-object")
            }
            NotBadge::Ob2NoBadge => msg!(lang, "import-not-badge-ob2-no-badge"),
            NotBadge::Ob2BadgeNeither => msg!(lang, "import-not-badge-ob2-badge-neither"),
            NotBadge::ClrSubjects(n) => msg!(lang, "import-not-badge-clr-subjects", n = *n),
            NotBadge::ClrSubjectNotObject => msg!(lang, "import-not-badge-clr-subject-not-object"),
            NotBadge::ClrTooMany(n, max) => {
                msg!(lang, "import-not-badge-clr-too-many", n = *n, max = *max)
            }
            NotBadge::EmptyDataUrl => msg!(lang, "import-not-badge-empty-data-url"),
            NotBadge::EnvelopedWithoutDataUrl => msg!(lang, "import-not-badge-enveloped"),
            NotBadge::NestedNotCredential(kind) => msg!(
                lang,
                "import-not-badge-nested-not-credential",
                kind = json_kind_name(lang, kind)
            ),
            NotBadge::Json(detail) => detail.clone(),
        }
    }
}

impl fmt::Display for NotBadge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

/// A JSON kind of [`json_kind`] as `lang` names it.
fn json_kind_name(lang: wallet_i18n::Lang, kind: &str) -> String {
    use wallet_i18n::msg;
    match kind {
        "null" => msg!(lang, "import-json-null"),
        "true/false value" => msg!(lang, "import-json-bool"),
        "number" => msg!(lang, "import-json-number"),
        "string" => msg!(lang, "import-json-string"),
        "array" => msg!(lang, "import-json-array"),
        "object" => msg!(lang, "import-json-object"),
        other => other.to_string(),
    }
}

impl ParseError {
    /// What went wrong, in `lang`, for the person importing. The parser's own detail (serde's
    /// JSON message, the specific reason) stays as it is: English.
    pub fn message(&self, lang: wallet_i18n::Lang) -> String {
        use wallet_i18n::msg;
        match self {
            ParseError::Empty => msg!(lang, "import-parse-empty"),
            ParseError::InvalidJson {
                line,
                column,
                message,
            } => msg!(
                lang,
                "import-parse-invalid-json",
                line = *line,
                column = *column,
                detail = message
            ),
            ParseError::InvalidJws(problem) => {
                msg!(
                    lang,
                    "import-parse-invalid-jws",
                    reason = problem.message(lang)
                )
            }
            ParseError::NotABadge(reason) => {
                msg!(
                    lang,
                    "import-parse-not-a-badge",
                    reason = reason.message(lang)
                )
            }
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(wallet_i18n::Lang::En))
    }
}

impl std::error::Error for ParseError {}

pub(crate) fn not_a_badge(reason: NotBadge) -> ParseError {
    ParseError::NotABadge(reason)
}

/// A JWS header or payload as JSON (strict: no duplicate names).
fn jws_json(bytes: &[u8], part: JwsPart) -> Result<Value, ParseError> {
    crate::json::from_slice(bytes).map_err(|e| {
        ParseError::InvalidJws(if crate::json::is_duplicate_error(&e) {
            JwsProblem::Duplicate(part, e.to_string())
        } else {
            JwsProblem::NotJson(part)
        })
    })
}

/// Parse one badge from text: a JSON document or a compact JWS
/// (`header.payload.signature`, surrounding whitespace ignored).
///
/// JSON input is kept byte-for-byte in [`Original::Json`]; a JWS is kept
/// trimmed in [`Original::Jws`].
pub fn parse_credential(input: &str) -> Result<Credential, ParseError> {
    parse_at(input, Level::Top)
}

/// Where a document is read: on its own, or inside a CLR (where another CLR is refused:
/// one level of nesting only, so parsing work stays linear in the input).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Top,
    Nested,
}

pub(crate) fn parse_at(input: &str, level: Level) -> Result<Credential, ParseError> {
    let body = strip_bom(input).trim();
    if body.is_empty() {
        return Err(ParseError::Empty);
    }
    if !body.starts_with('{') && !body.starts_with('[') && looks_like_jws(body) {
        return parse_jws(body, level);
    }
    let value = parse_json(body)?;
    from_json_value(&value, Original::Json(input.to_string()), None, level)
}

/// If `json` is a VerifiablePresentation, return the credentials inside it as
/// separate texts; `None` when it is not a presentation.
///
/// Embedded JSON-LD credentials are re-serialized compactly. That is fine for
/// Data Integrity proofs (they sign the canonicalized RDF graph, not the bytes),
/// but a credential's exact bytes are no longer the ones received. A JWT VC
/// inside a presentation is a string and stays exactly that string; a VC 2.0
/// `EnvelopedVerifiableCredential` (`data:application/vc+jwt,<jws>`) gives the
/// JWS after the comma.
pub fn split_presentation(json: &str) -> Option<Vec<String>> {
    let value: Value = crate::json::from_str(strip_bom(json).trim()).ok()?;
    let obj = value.as_object()?;
    if !types_of(obj).iter().any(|t| t == "VerifiablePresentation") {
        return None;
    }
    let mut out = Vec::new();
    for item in list(obj.get("verifiableCredential")) {
        match item {
            Value::String(s) => out.push(s.trim().to_string()),
            Value::Object(o) => {
                let enveloped = types_of(o)
                    .iter()
                    .any(|t| t == "EnvelopedVerifiableCredential");
                match (enveloped, o.get("id").and_then(Value::as_str)) {
                    (true, Some(id)) if id.starts_with("data:") => {
                        if let Some((_, data)) = id.split_once(',') {
                            out.push(data.trim().to_string());
                        }
                    }
                    _ => {
                        if let Ok(s) = serde_json::to_string(item) {
                            out.push(s);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// `sha256:<lowercase hex>` of the given bytes: the local id of a credential
/// without an `id`.
pub fn sha256_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    s
}

pub use crate::time::unix_to_rfc3339;

// ---------------------------------------------------------------------------
// Text level helpers

pub(crate) fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

fn is_b64url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '='
}

/// A compact JWS has three dot-separated base64url segments and no
/// whitespace. Anything starting with `eyJ` (base64url of `{"`) is treated as
/// an attempted JWS so that its errors are specific.
pub(crate) fn looks_like_jws(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().any(char::is_whitespace) {
        return false;
    }
    if s.starts_with("eyJ") {
        return true;
    }
    crate::jws::split(s).is_ok_and(|c| !c.header.is_empty() && !c.payload.is_empty())
        && s.chars().all(|c| is_b64url_char(c) || c == '.')
}

fn parse_json(text: &str) -> Result<Value, ParseError> {
    crate::json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; we say it ourselves.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        ParseError::InvalidJson {
            line: e.line(),
            column: e.column(),
            message,
        }
    })
}

fn b64url_decode(segment: &str) -> Option<Vec<u8>> {
    const ENGINE: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    ENGINE.decode(segment.as_bytes()).ok()
}

// ---------------------------------------------------------------------------
// JWS / VC-JWT

fn parse_jws(compact: &str, level: Level) -> Result<Credential, ParseError> {
    let crate::jws::Compact {
        header: header_b64,
        payload: payload_b64,
        ..
    } = crate::jws::split(compact).map_err(|n| ParseError::InvalidJws(JwsProblem::Parts(n)))?;
    let header_bytes = b64url_decode(header_b64).ok_or(ParseError::InvalidJws(
        JwsProblem::NotBase64(JwsPart::Header),
    ))?;
    let header: Value = jws_json(&header_bytes, JwsPart::Header)?;
    let header = header
        .as_object()
        .ok_or(ParseError::InvalidJws(JwsProblem::NotObject(
            JwsPart::Header,
        )))?;
    let alg = header
        .get("alg")
        .and_then(Value::as_str)
        .ok_or(ParseError::InvalidJws(JwsProblem::NoAlg))?;
    if header.get("b64") == Some(&Value::Bool(false)) {
        return Err(ParseError::InvalidJws(JwsProblem::Unencoded));
    }
    let payload_bytes = b64url_decode(payload_b64).ok_or(ParseError::InvalidJws(
        JwsProblem::NotBase64(JwsPart::Payload),
    ))?;
    let payload: Value = jws_json(&payload_bytes, JwsPart::Payload)?;
    let payload = payload
        .as_object()
        .ok_or(ParseError::InvalidJws(JwsProblem::NotObject(
            JwsPart::Payload,
        )))?;

    let jws = JwsInfo {
        alg: alg.to_string(),
    };
    let original = Original::Jws(compact.to_string());
    match payload.get("vc") {
        Some(Value::Object(vc)) => {
            let merged = merge_jwt_claims(vc, payload);
            from_json_value(&Value::Object(merged), original, Some(&jws), level)
        }
        Some(_) => Err(ParseError::InvalidJws(JwsProblem::VcNotObject)),
        None => from_json_value(&Value::Object(payload.clone()), original, Some(&jws), level),
    }
}

pub(crate) struct JwsInfo {
    pub(crate) alg: String,
}

fn claim_time(claims: &Map<String, Value>, key: &str) -> Option<String> {
    let v = claims.get(key)?;
    let secs = v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.is_finite() && f.abs() < 1e15)
            .map(|f| f as i64)
    })?;
    unix_to_rfc3339(secs)
}

/// VC 1.1 JWT: registered claims stand in for missing credential properties.
fn merge_jwt_claims(vc: &Map<String, Value>, claims: &Map<String, Value>) -> Map<String, Value> {
    let mut vc = vc.clone();
    if !vc.contains_key("id")
        && let Some(jti) = claims.get("jti").filter(|v| v.is_string())
    {
        vc.insert("id".into(), jti.clone());
    }
    if let Some(iss) = claims.get("iss").and_then(Value::as_str) {
        match vc.get_mut("issuer") {
            None | Some(Value::Null) => {
                vc.insert("issuer".into(), Value::String(iss.into()));
            }
            Some(Value::Object(o)) if !o.contains_key("id") => {
                o.insert("id".into(), Value::String(iss.into()));
            }
            _ => {}
        }
    }
    let has_issued = ["validFrom", "issuanceDate", "issuedOn"]
        .iter()
        .any(|k| vc.contains_key(*k));
    if !has_issued && let Some(t) = claim_time(claims, "nbf").or_else(|| claim_time(claims, "iat"))
    {
        vc.insert("issuanceDate".into(), Value::String(t));
    }
    let has_expiry = ["validUntil", "expirationDate", "expires"]
        .iter()
        .any(|k| vc.contains_key(*k));
    if !has_expiry && let Some(t) = claim_time(claims, "exp") {
        vc.insert("expirationDate".into(), Value::String(t));
    }
    if let Some(sub) = claims.get("sub").and_then(Value::as_str) {
        match vc.get_mut("credentialSubject") {
            Some(Value::Object(o)) if !o.contains_key("id") => {
                o.insert("id".into(), Value::String(sub.into()));
            }
            Some(Value::Array(a)) => {
                if let Some(Value::Object(o)) = a.first_mut()
                    && !o.contains_key("id")
                {
                    o.insert("id".into(), Value::String(sub.into()));
                }
            }
            _ => {}
        }
    }
    vc
}

// ---------------------------------------------------------------------------
// Classification

pub(crate) fn strings(v: Option<&Value>) -> Vec<String> {
    list(v)
        .into_iter()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

pub(crate) fn types_of(obj: &Map<String, Value>) -> Vec<String> {
    let mut t = strings(obj.get("type"));
    t.extend(strings(obj.get("@type")));
    t
}

fn contexts_of(obj: &Map<String, Value>) -> Vec<String> {
    strings(obj.get("@context"))
}

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false value",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn from_json_value(
    value: &Value,
    original: Original,
    jws: Option<&JwsInfo>,
    level: Level,
) -> Result<Credential, ParseError> {
    let obj = match value {
        Value::Object(o) => o,
        Value::Array(a) => {
            return Err(not_a_badge(NotBadge::Array(a.len())));
        }
        other => {
            return Err(not_a_badge(NotBadge::NotObject(json_kind(other))));
        }
    };
    let types = types_of(obj);
    let has = |t: &str| types.iter().any(|x| x == t);
    let contexts = contexts_of(obj);

    if has("VerifiablePresentation") {
        return Err(not_a_badge(NotBadge::Presentation));
    }
    if has("ClrCredential") {
        return match level {
            Level::Top => crate::clr::parse_clr(obj, original, jws),
            Level::Nested => Err(not_a_badge(NotBadge::NestedClr)),
        };
    }
    if has("OpenBadgeCredential") || has("AchievementCredential") {
        return parse_ob3(obj, &contexts, original, jws);
    }
    if has("Assertion") {
        return parse_ob2(obj, original, jws);
    }
    if has("LearnerWalletBackup") {
        return Err(not_a_badge(NotBadge::Backup));
    }
    if has("EndorsementCredential") {
        return Err(not_a_badge(NotBadge::Endorsement));
    }
    if has("BadgeClass") {
        return Err(not_a_badge(NotBadge::BadgeClass));
    }
    if has("Achievement") {
        return Err(not_a_badge(NotBadge::Achievement));
    }
    if has("Issuer") || has("Profile") {
        return Err(not_a_badge(NotBadge::IssuerProfile));
    }
    if contexts.iter().any(|c| c == CONTEXT_OB2)
        && (obj.contains_key("badge") || obj.contains_key("recipient"))
    {
        return parse_ob2(obj, original, jws);
    }
    // Open Badges 1.x assertions carry no type but have both of these.
    if types.is_empty() && obj.contains_key("badge") && obj.contains_key("recipient") {
        return parse_ob2(obj, original, jws);
    }
    if has("VerifiableCredential") {
        let others: Vec<String> = types
            .iter()
            .filter(|t| *t != "VerifiableCredential")
            .cloned()
            .collect();
        return Err(not_a_badge(NotBadge::OtherCredential(others)));
    }
    if types.is_empty() {
        Err(not_a_badge(NotBadge::NoType))
    } else {
        Err(not_a_badge(NotBadge::OtherType(types)))
    }
}

// ---------------------------------------------------------------------------
// Value helpers

/// An absent value or `null` is an empty list; an array is its items; any
/// other value is a one-item list.
pub(crate) fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
    }
}

/// The objects of a one-or-many property (anything else in the list is skipped).
pub(crate) fn objects(v: Option<&Value>) -> impl Iterator<Item = &Map<String, Value>> {
    list(v).into_iter().filter_map(Value::as_object)
}

/// A string property; empty strings count as absent.
pub(crate) fn s(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .filter(|x| !x.trim().is_empty())
        .map(str::to_string)
}

/// A string, number or boolean property rendered as text.
pub(crate) fn scalar(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(x) if !x.trim().is_empty() => Some(x.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string, or the `id` of an object.
pub(crate) fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(x) if !x.trim().is_empty() => Some(x.clone()),
        Value::Object(o) => s(o, "id"),
        _ => None,
    }
}

pub(crate) fn image(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(a) => a.first().and_then(id_of),
        other => id_of(other),
    }
}

pub(crate) fn obj_of(v: Option<&Value>) -> Option<&Map<String, Value>> {
    match v? {
        Value::Object(o) => Some(o),
        Value::Array(a) => a.first().and_then(Value::as_object),
        _ => None,
    }
}

pub(crate) fn profile(v: Option<&Value>) -> Profile {
    match v {
        Some(Value::String(id)) => Profile {
            id: Some(id.clone()).filter(|x| !x.trim().is_empty()),
            ..Profile::default()
        },
        Some(Value::Object(o)) => {
            let (name, name_langs) = field(o, "name");
            let (description, description_langs) = field(o, "description");
            Profile {
                id: s(o, "id"),
                name,
                name_langs,
                url: s(o, "url"),
                email: s(o, "email"),
                description,
                description_langs,
                image: image(o.get("image")),
            }
        }
        _ => Profile::default(),
    }
}

pub(crate) fn alignments(v: Option<&Value>) -> Vec<Alignment> {
    objects(v)
        .map(|a| {
            let (target_name, target_name_langs) = field(a, "targetName");
            let (target_description, target_description_langs) = field(a, "targetDescription");
            Alignment {
                target_name,
                target_name_langs,
                target_url: s(a, "targetUrl"),
                target_description,
                target_description_langs,
                target_code: s(a, "targetCode"),
                target_framework: s(a, "targetFramework"),
                target_type: s(a, "targetType"),
            }
        })
        .collect()
}

pub(crate) fn evidence(v: Option<&Value>) -> Vec<Evidence> {
    list(v)
        .into_iter()
        .filter_map(|e| match e {
            Value::String(url) if !url.trim().is_empty() => Some(Evidence {
                id: Some(url.clone()),
                ..Evidence::default()
            }),
            Value::Object(o) => {
                let (name, name_langs) = field(o, "name");
                let (description, description_langs) = field(o, "description");
                let (narrative, narrative_langs) = field(o, "narrative");
                Some(Evidence {
                    id: s(o, "id"),
                    name,
                    name_langs,
                    description,
                    description_langs,
                    narrative,
                    narrative_langs,
                    genre: s(o, "genre"),
                })
            }
            _ => None,
        })
        .collect()
}

/// Criteria: an object `{id, narrative}` or a URL string → (narrative, its language
/// variants, URL).
pub(crate) fn criteria(v: Option<&Value>) -> (Option<String>, Vec<LangValue>, Option<String>) {
    match v {
        Some(Value::String(url)) => (
            None,
            Vec::new(),
            Some(url.clone()).filter(|x| !x.is_empty()),
        ),
        Some(Value::Object(o)) => {
            let (narrative, langs) = field(o, "narrative");
            (narrative, langs, s(o, "id").or_else(|| s(o, "url")))
        }
        _ => (None, Vec::new(), None),
    }
}

pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(x)) => x.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

pub(crate) fn local_id(id: &Option<String>, original: &Original) -> String {
    match id {
        Some(id) => id.clone(),
        None => sha256_id(original.text().as_bytes()),
    }
}

// ---------------------------------------------------------------------------
// Open Badges 3.0

/// An OB 3.0 `Achievement` object.
pub(crate) fn achievement_of(ach: &Map<String, Value>) -> Achievement {
    let (criteria_narrative, criteria_narrative_langs, criteria_url) =
        criteria(ach.get("criteria"));
    let (name, name_langs) = field(ach, "name");
    let (description, description_langs) = field(ach, "description");
    Achievement {
        id: s(ach, "id"),
        name,
        name_langs,
        description,
        description_langs,
        achievement_type: s(ach, "achievementType"),
        criteria_narrative,
        criteria_narrative_langs,
        criteria_url,
        image: image(ach.get("image")),
        alignments: alignments(ach.get("alignment")),
        tags: strings(ach.get("tag")),
        result_descriptions: objects(ach.get("resultDescription"))
            .map(|r| {
                let (name, name_langs) = field(r, "name");
                ResultDescription {
                    id: s(r, "id"),
                    name,
                    name_langs,
                    result_type: s(r, "resultType"),
                }
            })
            .collect(),
        related: list(ach.get("related"))
            .into_iter()
            .filter_map(id_of)
            .collect(),
        creator: match ach.get("creator") {
            None | Some(Value::Null) => None,
            v => Some(profile(v)),
        },
        credits_available: scalar(ach, "creditsAvailable"),
    }
}

/// A subject's `identifier` list (entries with neither a hash nor a type are dropped).
pub(crate) fn identifiers(v: Option<&Value>) -> Vec<Identifier> {
    let mut identifiers: Vec<Identifier> = objects(v)
        .map(|i| Identifier {
            identity_type: s(i, "identityType"),
            identity_hash: s(i, "identityHash"),
            hashed: truthy(i.get("hashed")),
            salt: s(i, "salt"),
        })
        .collect();
    identifiers.retain(|i| i.identity_hash.is_some() || i.identity_type.is_some());
    identifiers
}

/// Proof types present, for display: `JWS:<alg>`, or each proof's cryptosuite / type.
pub(crate) fn proof_types(obj: &Map<String, Value>, jws: Option<&JwsInfo>) -> Vec<String> {
    match jws {
        Some(j) => vec![format!("JWS:{}", j.alg)],
        None => objects(obj.get("proof"))
            .filter_map(|p| s(p, "cryptosuite").or_else(|| s(p, "type")))
            .collect(),
    }
}

fn parse_ob3(
    obj: &Map<String, Value>,
    contexts: &[String],
    original: Original,
    jws: Option<&JwsInfo>,
) -> Result<Credential, ParseError> {
    let subject_obj = match obj.get("credentialSubject") {
        None | Some(Value::Null) => return Err(not_a_badge(NotBadge::NoSubject)),
        Some(Value::Object(o)) => o,
        Some(Value::Array(a)) => match a.first() {
            Some(Value::Object(o)) => o,
            Some(_) => return Err(not_a_badge(NotBadge::SubjectNotObject)),
            None => return Err(not_a_badge(NotBadge::SubjectEmptyList)),
        },
        Some(_) => return Err(not_a_badge(NotBadge::SubjectNotObject)),
    };
    let ach = match subject_obj.get("achievement") {
        None | Some(Value::Null) => {
            return Err(not_a_badge(NotBadge::NoAchievement));
        }
        Some(v) => match obj_of(Some(v)) {
            Some(a) => a,
            None => {
                return Err(not_a_badge(NotBadge::AchievementNotObject));
            }
        },
    };

    let format = if jws.is_some() {
        Format::Ob3Jwt
    } else if contexts.iter().any(|c| c == CONTEXT_VC2) {
        Format::Ob3Vc2
    } else if contexts.iter().any(|c| c == CONTEXT_VC11) || obj.contains_key("issuanceDate") {
        // No VC 2.0 context: the 1.1 context, or (context missing) a 1.1 date property.
        Format::Ob3Vc11
    } else {
        Format::Ob3Vc2
    };

    let achievement = achievement_of(ach);

    let identifiers = identifiers(subject_obj.get("identifier"));
    let (subject_name, subject_name_langs) = field(subject_obj, "name");
    let subject = Subject {
        id: s(subject_obj, "id"),
        name: subject_name,
        name_langs: subject_name_langs,
        identifiers,
        credits_earned: scalar(subject_obj, "creditsEarned"),
    };

    let results = objects(subject_obj.get("result"))
        .map(|r| ResultEntry {
            result_description: s(r, "resultDescription"),
            value: scalar(r, "value"),
            status: s(r, "status"),
            achieved_level: s(r, "achievedLevel"),
        })
        .collect();

    let mut endorsements: Vec<Endorsement> = Vec::new();
    for e in list(obj.get("endorsement"))
        .into_iter()
        .chain(list(ach.get("endorsement")))
    {
        if let Value::Object(e) = e {
            let (comment, comment_langs) = obj_of(e.get("credentialSubject"))
                .map(|c| field(c, "endorsementComment"))
                .unwrap_or_default();
            endorsements.push(Endorsement {
                id: s(e, "id"),
                issuer: profile(e.get("issuer")),
                comment,
                comment_langs,
                issued: s(e, "validFrom").or_else(|| s(e, "issuanceDate")),
            });
        }
    }

    let proof_types = proof_types(obj, jws);

    let id = s(obj, "id");
    // The credential's own text, else the achievement's (with its language variants).
    let (name, name_langs) = match field(obj, "name") {
        (Some(n), langs) => (n, langs),
        (None, _) => (
            achievement
                .name
                .clone()
                .unwrap_or_else(|| "Untitled badge".to_string()),
            achievement.name_langs.clone(),
        ),
    };
    let (description, description_langs) = match field(obj, "description") {
        (Some(d), langs) => (Some(d), langs),
        (None, _) => (
            achievement.description.clone(),
            achievement.description_langs.clone(),
        ),
    };
    Ok(Credential {
        local_id: local_id(&id, &original),
        id,
        format,
        name,
        name_langs,
        description,
        description_langs,
        image: image(obj.get("image")).or_else(|| achievement.image.clone()),
        issuer: profile(obj.get("issuer")),
        issued: s(obj, "validFrom").or_else(|| s(obj, "issuanceDate")),
        expires: s(obj, "validUntil").or_else(|| s(obj, "expirationDate")),
        achievement,
        subject,
        evidence: evidence(obj.get("evidence")),
        results,
        endorsements,
        verify_url: None,
        proof_types,
        original,
        clr: None,
    })
}

// ---------------------------------------------------------------------------
// Open Badges 2.0 (and lenient 1.x)

fn is_http(url: &str) -> bool {
    crate::safe_link(url).is_some()
}

/// `issuedOn` / `expires`: an ISO string, or (OB 1.x) Unix seconds.
fn ob2_date(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(x) if !x.trim().is_empty() => {
            let t = x.trim();
            if !t.is_empty() && t.len() <= 12 && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse::<i64>().ok().and_then(unix_to_rfc3339)
            } else {
                Some(x.clone())
            }
        }
        Value::Number(_) => claim_time(obj, key),
        _ => None,
    }
}

/// The achievement and issuer described by an Open Badges 2.0 BadgeClass object.
pub(crate) fn badge_class(b: &Map<String, Value>) -> (Achievement, Profile) {
    let (criteria_narrative, criteria_narrative_langs, criteria_url) = criteria(b.get("criteria"));
    let (name, name_langs) = field(b, "name");
    let (description, description_langs) = field(b, "description");
    let achievement = Achievement {
        id: s(b, "id"),
        name,
        name_langs,
        description,
        description_langs,
        achievement_type: None,
        criteria_narrative,
        criteria_narrative_langs,
        criteria_url,
        image: image(b.get("image")),
        alignments: alignments(b.get("alignment")),
        tags: strings(b.get("tags")),
        ..Achievement::default()
    };
    (achievement, profile(b.get("issuer")))
}

/// The issuer profile described by a JSON object (OB 2.0 Issuer / OB 3.0 Profile).
pub(crate) fn profile_of(v: &Value) -> Profile {
    profile(Some(v))
}

fn parse_ob2(
    obj: &Map<String, Value>,
    original: Original,
    jws: Option<&JwsInfo>,
) -> Result<Credential, ParseError> {
    let mut achievement = Achievement::default();
    let mut issuer = Profile::default();
    let name;
    match obj.get("badge") {
        Some(Value::Object(b)) => {
            (achievement, issuer) = badge_class(b);
            name = achievement.name.clone();
        }
        Some(Value::String(url)) if !url.trim().is_empty() => {
            achievement.id = Some(url.clone());
            name = Some(format!("Open Badge (details at {url})"));
        }
        None | Some(Value::Null) => {
            return Err(not_a_badge(NotBadge::Ob2NoBadge));
        }
        Some(_) => {
            return Err(not_a_badge(NotBadge::Ob2BadgeNeither));
        }
    }

    let recipient = obj.get("recipient").and_then(Value::as_object);
    let subject = Subject {
        id: None,
        name: None,
        name_langs: Vec::new(),
        credits_earned: None,
        identifiers: recipient
            .map(|r| Identifier {
                identity_type: s(r, "type"),
                identity_hash: s(r, "identity"),
                hashed: truthy(r.get("hashed")),
                salt: s(r, "salt"),
            })
            .into_iter()
            .collect(),
    };

    let mut ev = evidence(obj.get("evidence"));
    if let (Some(n), narrative_langs) = field(obj, "narrative") {
        ev.push(Evidence {
            narrative: Some(n),
            narrative_langs,
            ..Evidence::default()
        });
    }

    let id = s(obj, "id");
    let verification = obj
        .get("verification")
        .or_else(|| obj.get("verify"))
        .and_then(Value::as_object);
    let vtype = verification
        .and_then(|v| s(v, "type"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let hosted = jws.is_none() && (vtype.is_empty() || vtype.contains("hosted"));
    let verify_url = if hosted {
        verification
            .and_then(|v| s(v, "url"))
            .filter(|u| is_http(u))
            .or_else(|| id.clone().filter(|u| is_http(u)))
    } else {
        None
    };

    let (format, proof_types) = match jws {
        Some(j) => (Format::Ob2Signed, vec![format!("JWS:{}", j.alg)]),
        None => (Format::Ob2Hosted, Vec::new()),
    };

    Ok(Credential {
        local_id: local_id(&id, &original),
        id,
        format,
        name: name.unwrap_or_else(|| "Untitled badge".to_string()),
        name_langs: achievement.name_langs.clone(),
        description: achievement.description.clone(),
        description_langs: achievement.description_langs.clone(),
        image: image(obj.get("image")).or_else(|| achievement.image.clone()),
        issuer,
        issued: ob2_date(obj, "issuedOn"),
        expires: ob2_date(obj, "expires"),
        achievement,
        subject,
        evidence: ev,
        results: Vec::new(),
        endorsements: Vec::new(),
        verify_url,
        proof_types,
        original,
        clr: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn jws(header: &str, payload: &str) -> String {
        format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode([1u8, 2, 3, 4])
        )
    }

    const OB3_V2: &str = r#"{
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "urn:uuid:1234",
      "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "issuer": {"id": "https://example.edu", "type": ["Profile"], "name": "Example U",
                 "image": {"id": "https://example.edu/logo.png", "type": "Image", "caption": "logo"}},
      "validFrom": "2024-01-01T00:00:00Z",
      "validUntil": "2029-01-01T00:00:00Z",
      "credentialSubject": {
        "type": ["AchievementSubject"],
        "identifier": [{"type": "IdentityObject", "identityHash": "sha256$abc", "identityType": "emailAddress", "hashed": true, "salt": "pepper"}],
        "achievement": {
          "id": "https://example.edu/a/1", "type": ["Achievement"], "name": "Teamwork",
          "description": "Works well with others.", "achievementType": "Badge",
          "criteria": {"id": "https://example.edu/a/1/criteria", "narrative": "Do things together."},
          "image": "https://example.edu/a/1.png",
          "alignment": [{"type": ["Alignment"], "targetName": "Collaboration", "targetUrl": "https://skills.example/collab", "targetCode": "C1", "targetFramework": "ESCO", "targetType": "ceasn:Competency"},
                        {"targetCode": "X9", "targetUrl": "https://skills.example/x9"}],
          "tag": ["soft skills", "teams"],
          "resultDescription": [{"id": "urn:rd:1", "name": "Score", "resultType": "ScaledScore"}],
          "related": ["urn:a:2", {"id": "urn:a:3"}],
          "creator": {"id": "https://creator.example", "name": "Creator Org"}
        },
        "result": [{"resultDescription": "urn:rd:1", "value": 93, "status": "Completed"}]
      },
      "evidence": {"id": "https://example.edu/e/1", "name": "Project", "narrative": "Built a thing", "genre": "Project"},
      "endorsement": [{"id": "urn:e:1", "type": ["VerifiableCredential", "EndorsementCredential"], "issuer": {"id": "https://endorser.example", "name": "Endorser"},
                       "validFrom": "2024-02-01T00:00:00Z", "credentialSubject": {"id": "https://example.edu/a/1", "endorsementComment": "Great badge"}}],
      "proof": [{"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"}, {"type": "Ed25519Signature2020"}]
    }"#;

    #[test]
    fn ob3_vc2_full() {
        let c = parse_credential(OB3_V2).unwrap();
        assert_eq!(c.format, Format::Ob3Vc2);
        assert_eq!(c.local_id, "urn:uuid:1234");
        assert_eq!(c.name, "Teamwork");
        assert_eq!(c.description.as_deref(), Some("Works well with others."));
        assert_eq!(c.image.as_deref(), Some("https://example.edu/a/1.png"));
        assert_eq!(c.issuer.name.as_deref(), Some("Example U"));
        assert_eq!(
            c.issuer.image.as_deref(),
            Some("https://example.edu/logo.png")
        );
        assert_eq!(c.issued.as_deref(), Some("2024-01-01T00:00:00Z"));
        assert_eq!(c.expires.as_deref(), Some("2029-01-01T00:00:00Z"));
        let a = &c.achievement;
        assert_eq!(a.achievement_type.as_deref(), Some("Badge"));
        assert_eq!(a.criteria_narrative.as_deref(), Some("Do things together."));
        assert_eq!(
            a.criteria_url.as_deref(),
            Some("https://example.edu/a/1/criteria")
        );
        assert_eq!(a.alignments.len(), 2);
        assert_eq!(
            a.alignments[0].target_name.as_deref(),
            Some("Collaboration")
        );
        assert_eq!(
            a.alignments[0].target_type.as_deref(),
            Some("ceasn:Competency")
        );
        assert_eq!(a.tags, vec!["soft skills", "teams"]);
        assert_eq!(
            a.result_descriptions[0].result_type.as_deref(),
            Some("ScaledScore")
        );
        assert_eq!(a.related, vec!["urn:a:2", "urn:a:3"]);
        assert_eq!(
            a.creator.as_ref().and_then(|p| p.name.as_deref()),
            Some("Creator Org")
        );
        assert_eq!(c.subject.identifiers.len(), 1);
        assert!(c.subject.identifiers[0].hashed);
        assert_eq!(c.subject.identifiers[0].salt.as_deref(), Some("pepper"));
        assert_eq!(c.results[0].value.as_deref(), Some("93"));
        assert_eq!(c.evidence[0].genre.as_deref(), Some("Project"));
        assert_eq!(c.endorsements[0].comment.as_deref(), Some("Great badge"));
        assert_eq!(c.endorsements[0].issuer.name.as_deref(), Some("Endorser"));
        assert_eq!(
            c.proof_types,
            vec!["eddsa-rdfc-2022", "Ed25519Signature2020"]
        );
        assert_eq!(c.original, Original::Json(OB3_V2.to_string()));
    }

    #[test]
    fn ob3_vc11_and_fallbacks() {
        let doc = r#"{"@context": ["https://www.w3.org/2018/credentials/v1"],
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": "did:example:issuer", "issuanceDate": "2020-05-05T00:00:00Z",
          "expirationDate": "2030-05-05T00:00:00Z",
          "credentialSubject": [{"id": "did:example:me", "achievement": {"name": "Only A Name",
              "criteria": {"narrative": "x"}, "image": {"id": "data:image/png;base64,AAAA", "type": "Image"}}}],
          "proof": {"type": "Ed25519Signature2020"}}"#;
        let c = parse_credential(doc).unwrap();
        assert_eq!(c.format, Format::Ob3Vc11);
        assert_eq!(c.name, "Only A Name");
        assert_eq!(c.issuer.id.as_deref(), Some("did:example:issuer"));
        assert_eq!(c.issued.as_deref(), Some("2020-05-05T00:00:00Z"));
        assert_eq!(c.expires.as_deref(), Some("2030-05-05T00:00:00Z"));
        assert_eq!(c.subject.id.as_deref(), Some("did:example:me"));
        assert_eq!(c.image.as_deref(), Some("data:image/png;base64,AAAA"));
        assert_eq!(c.proof_types, vec!["Ed25519Signature2020"]);
        assert!(c.local_id.starts_with("sha256:"));
        assert_eq!(c.local_id, sha256_id(doc.as_bytes()));
        assert_eq!(c.local_id.len(), 7 + 64);
    }

    #[test]
    fn untitled_and_achievement_credential() {
        let c = parse_credential(
            r#"{"type":"AchievementCredential","credentialSubject":{"achievement":{}}}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Untitled badge");
        assert_eq!(c.format, Format::Ob3Vc2);
    }

    #[test]
    fn not_a_badge_messages() {
        let msg = |t: &str| parse_credential(t).unwrap_err().to_string();
        assert_eq!(
            msg(
                r#"{"type":["VerifiableCredential","OpenBadgeCredential"],"credentialSubject":{}}"#
            ),
            "not a badge this wallet understands: credentialSubject.achievement is missing"
        );
        assert_eq!(
            msg(r#"{"type":["VerifiableCredential","OpenBadgeCredential"]}"#),
            "not a badge this wallet understands: credentialSubject is missing"
        );
        assert!(
            msg(r#"{"type":["VerifiablePresentation"]}"#)
                .contains("it is a VerifiablePresentation")
        );
        assert!(
            msg(r#"{"type":["VerifiableCredential","AlumniCredential"]}"#)
                .contains("has no OpenBadgeCredential or AchievementCredential type (it is a AlumniCredential)")
        );
        assert!(msg(r#"{"name":"x"}"#).starts_with(
            "not a badge this wallet understands: it has no OpenBadgeCredential or AchievementCredential type"
        ));
        assert!(msg("[1,2]").contains("JSON array"));
        assert!(msg("42").contains("JSON number"));
        assert!(msg(r#"{"type":"BadgeClass"}"#).contains("BadgeClass"));
        assert!(msg(r#"{"type":"LearnerWalletBackup"}"#).contains("backup"));
    }

    #[test]
    fn messages_in_french() {
        let fr = wallet_i18n::Lang::Fr;
        let msg = |t: &str| parse_credential(t).unwrap_err().message(fr);
        let cases: &[(&str, &str)] = &[
            (
                r#"{"type":["VerifiableCredential","OpenBadgeCredential"]}"#,
                "ce n’est pas un badge que ce portefeuille sait lire\u{a0}: credentialSubject est absent",
            ),
            (
                "42",
                "ce n’est pas un badge que ce portefeuille sait lire\u{a0}: c’est une valeur JSON de \
                 type nombre, pas un objet",
            ),
            (
                "[1,2]",
                "ce n’est pas un badge que ce portefeuille sait lire\u{a0}: c’est un tableau JSON \
                 (2 éléments), pas une attestation unique\u{202f}; importez les éléments un par un",
            ),
            (
                "eyJhbGciOiJFUzI1NiJ9.e30",
                "Cela ressemble à un badge signé (JWS), mais il est illisible\u{a0}: un JWS compact \
                 comporte trois parties séparées par des points\u{202f}; celui-ci en a 2",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(msg(text), *want, "{text}");
        }
        // Display is the English message.
        let e = parse_credential("42").unwrap_err();
        assert_eq!(e.to_string(), e.message(wallet_i18n::Lang::En));
    }

    #[test]
    fn invalid_json_has_position() {
        let e = parse_credential("{\n  \"a\": 1,\n    x\n}").unwrap_err();
        match &e {
            ParseError::InvalidJson { line, column, .. } => {
                assert_eq!(*line, 3);
                assert_eq!(*column, 5);
            }
            other => panic!("{other:?}"),
        }
        let m = e.to_string();
        assert!(
            m.starts_with("This is not valid JSON (line 3, column 5): "),
            "{m}"
        );
        assert!(!m.contains(" at line "), "{m}");
        assert_eq!(parse_credential("  \n").unwrap_err(), ParseError::Empty);
        assert!(matches!(
            parse_credential("hello world"),
            Err(ParseError::InvalidJson { .. })
        ));
    }

    #[test]
    fn vc_jwt_v11_claims() {
        let payload = r#"{"iss":"did:example:issuer","sub":"did:example:me","nbf":1704164645,"exp":1893456000,"jti":"urn:uuid:jwt-1",
            "vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","OpenBadgeCredential"],
                  "issuer":{"name":"JWT U"},"credentialSubject":{"achievement":{"name":"JWT Badge"}}}}"#;
        let t = jws(r#"{"alg":"EdDSA","typ":"JWT"}"#, payload);
        let c = parse_credential(&format!("\n  {t}  \n")).unwrap();
        assert_eq!(c.format, Format::Ob3Jwt);
        assert_eq!(c.id.as_deref(), Some("urn:uuid:jwt-1"));
        assert_eq!(c.local_id, "urn:uuid:jwt-1");
        assert_eq!(c.issuer.id.as_deref(), Some("did:example:issuer"));
        assert_eq!(c.issuer.name.as_deref(), Some("JWT U"));
        assert_eq!(c.issued.as_deref(), Some("2024-01-02T03:04:05Z"));
        assert_eq!(c.expires.as_deref(), Some("2030-01-01T00:00:00Z"));
        assert_eq!(c.subject.id.as_deref(), Some("did:example:me"));
        assert_eq!(c.proof_types, vec!["JWS:EdDSA"]);
        assert_eq!(c.original, Original::Jws(t));
    }

    #[test]
    fn vc_jose_v2_payload_is_credential() {
        let payload = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],
            "issuer":"https://issuer.example","validFrom":"2024-03-03T00:00:00Z","credentialSubject":{"achievement":{"name":"Jose"}}}"#;
        let t = jws(r#"{"alg":"ES256","typ":"vc+jwt"}"#, payload);
        let c = parse_credential(&t).unwrap();
        assert_eq!(c.format, Format::Ob3Jwt);
        assert_eq!(c.proof_types, vec!["JWS:ES256"]);
        assert_eq!(c.local_id, sha256_id(t.as_bytes()));
        // Padding is tolerated.
        use base64::engine::general_purpose::URL_SAFE;
        let padded = format!(
            "{}.{}.{}",
            URL_SAFE.encode(r#"{"alg":"ES256"}"#),
            URL_SAFE.encode(payload),
            URL_SAFE.encode([9u8; 64])
        );
        assert!(padded.contains('='));
        assert_eq!(parse_credential(&padded).unwrap().name, "Jose");
    }

    #[test]
    fn ob2_signed_in_jws() {
        let payload = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:ob2",
            "recipient":{"type":"email","identity":"a@b.c","hashed":false},
            "badge":{"name":"Signed","issuer":{"id":"https://i.example","name":"Issuer"}},
            "verification":{"type":"SignedBadge","creator":"https://i.example/key"},"issuedOn":"2019-01-01"}"#;
        let t = jws(r#"{"alg":"RS256"}"#, payload);
        let c = parse_credential(&t).unwrap();
        assert_eq!(c.format, Format::Ob2Signed);
        assert_eq!(c.verify_url, None);
        assert_eq!(c.proof_types, vec!["JWS:RS256"]);
        assert_eq!(c.issuer.name.as_deref(), Some("Issuer"));
    }

    #[test]
    fn jws_errors() {
        let m = |t: &str| parse_credential(t).unwrap_err().to_string();
        assert!(m("eyJhbGciOiJFZERTQSJ9.@@@.sig").contains("the JWS payload is not base64url"));
        assert!(m("eyJub3Rqc29u.eyJ9.sig").contains("the JWS header is not"));
        let no_json = format!(
            "eyJhbGciOiJFZERTQSJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode("nope")
        );
        assert!(
            m(&no_json).contains("the JWS payload is not JSON"),
            "{}",
            m(&no_json)
        );
        let no_alg = jws("{}", "{}");
        assert!(m(&no_alg).contains("alg"));
        let notbadge = jws(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
        assert!(m(&notbadge).starts_with("not a badge this wallet understands"));
    }

    #[test]
    fn ob2_hosted_embedded() {
        let doc = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://b.example/a/1",
            "recipient":{"type":"email","hashed":true,"salt":"s","identity":"sha256$00"},
            "badge":{"type":"BadgeClass","id":"https://b.example/bc/1","name":"Robotics","description":"Builds robots",
                "image":"https://b.example/bc/1.png","criteria":{"narrative":"Build one"},
                "alignment":[{"targetName":"Engineering","targetUrl":"https://x.example","targetCode":"E1","targetFramework":"F"}],
                "tags":["robots"],"issuer":{"id":"https://b.example/i","type":"Profile","name":"Robot Club","url":"https://b.example","email":"c@b.example"}},
            "issuedOn":"2016-12-31T23:59:59Z","expires":"2026-12-31T23:59:59Z",
            "evidence":["https://b.example/work",{"id":"https://b.example/w2","narrative":"second"}],
            "narrative":"Overall story","verification":{"type":"hosted"}}"#;
        let c = parse_credential(doc).unwrap();
        assert_eq!(c.format, Format::Ob2Hosted);
        assert_eq!(c.name, "Robotics");
        assert_eq!(c.issuer.name.as_deref(), Some("Robot Club"));
        assert_eq!(c.issuer.email.as_deref(), Some("c@b.example"));
        assert_eq!(c.verify_url.as_deref(), Some("https://b.example/a/1"));
        assert_eq!(c.achievement.tags, vec!["robots"]);
        assert_eq!(
            c.achievement.alignments[0].target_code.as_deref(),
            Some("E1")
        );
        assert_eq!(
            c.achievement.criteria_narrative.as_deref(),
            Some("Build one")
        );
        assert_eq!(
            c.subject.identifiers[0].identity_hash.as_deref(),
            Some("sha256$00")
        );
        assert!(c.subject.identifiers[0].hashed);
        assert_eq!(c.evidence.len(), 3);
        assert_eq!(c.evidence[2].narrative.as_deref(), Some("Overall story"));
        assert_eq!(c.issued.as_deref(), Some("2016-12-31T23:59:59Z"));
        assert_eq!(c.expires.as_deref(), Some("2026-12-31T23:59:59Z"));
        assert_eq!(c.image.as_deref(), Some("https://b.example/bc/1.png"));
    }

    #[test]
    fn ob2_badge_url_and_verification_url() {
        let doc = r#"{"@context":"https://w3id.org/openbadges/v2","type":["Assertion"],"id":"urn:uuid:x",
            "recipient":{"type":"email","identity":"me@example.org"},"badge":"https://b.example/bc/2",
            "criteria":"https://b.example/c","issuedOn":"1483228799","verification":{"type":"HostedBadge","url":"https://b.example/a/2"}}"#;
        let c = parse_credential(doc).unwrap();
        assert_eq!(c.achievement.id.as_deref(), Some("https://b.example/bc/2"));
        assert_eq!(c.achievement.name, None);
        assert_eq!(c.name, "Open Badge (details at https://b.example/bc/2)");
        assert_eq!(c.verify_url.as_deref(), Some("https://b.example/a/2"));
        assert_eq!(c.issued.as_deref(), Some("2016-12-31T23:59:59Z"));
        assert_eq!(c.local_id, "urn:uuid:x");
    }

    #[test]
    fn ob1_lenient() {
        let doc = r#"{"recipient":"sha256$00","badge":"https://b.example/bc.json","verify":{"type":"hosted","url":"https://b.example/a.json"},"issuedOn":1359217910}"#;
        let c = parse_credential(doc).unwrap();
        assert_eq!(c.format, Format::Ob2Hosted);
        assert_eq!(c.verify_url.as_deref(), Some("https://b.example/a.json"));
        assert_eq!(c.issued.as_deref(), Some("2013-01-26T16:31:50Z"));
    }

    #[test]
    fn presentation_split() {
        let vp = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],
            "verifiableCredential":[{"type":["VerifiableCredential","OpenBadgeCredential"],"credentialSubject":{"achievement":{"name":"A"}}},
              " eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln ",
              {"@context":"https://www.w3.org/ns/credentials/v2","type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,eyJ.eyJ.sig"}]}"#;
        let parts = split_presentation(vp).unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parse_credential(&parts[0]).unwrap().name, "A");
        assert_eq!(parts[1], "eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln");
        assert_eq!(parts[2], "eyJ.eyJ.sig");
        assert_eq!(
            split_presentation(r#"{"type":"VerifiableCredential"}"#),
            None
        );
        assert_eq!(split_presentation("nope"), None);
    }

    /// Text written with language value objects (VC DM 2.0 §11.1) in every field the views
    /// show: the default text is the untagged (else first) value, every variant is kept.
    #[test]
    fn language_value_objects() {
        let en = |v: &str| format!(r#"{{"@value":"{v}","@language":"en"}}"#);
        let fr = |v: &str| format!(r#"{{"@value":"{v}","@language":"fr","@direction":"ltr"}}"#);
        let both = |a: &str, b: &str| format!("[{},{}]", en(a), fr(b));
        let doc = format!(
            r#"{{"@context":["https://www.w3.org/ns/credentials/v2"],
              "type":["VerifiableCredential","OpenBadgeCredential"],
              "issuer":{{"id":"https://i.example","name":{issuer},"description":{idesc}}},
              "credentialSubject":{{"name":{subj},
                "achievement":{{"name":{name},"description":{desc},
                  "criteria":{{"narrative":{crit}}},
                  "alignment":[{{"targetName":{tn},"targetDescription":{td}}}],
                  "resultDescription":[{{"id":"urn:r","name":{rd}}}]}}}},
              "evidence":[{{"name":{en_},"description":{fr_},"narrative":["Untagged",{fr_}]}}],
              "endorsement":[{{"issuer":"did:x","credentialSubject":{{"endorsementComment":{com}}}}}]}}"#,
            issuer = both("Uni", "Univ"),
            idesc = fr("Une université"),
            subj = en("Ada"),
            name = both("Teamwork", "Travail d'équipe"),
            desc = fr("Décrit"),
            crit = both("Do it", "Le faire"),
            tn = both("Skill", "Compétence"),
            td = en("A skill"),
            rd = both("Grade", "Note"),
            en_ = en("Work"),
            fr_ = fr("Travail"),
            com = both("Great", "Super"),
        );
        let c = parse_credential(&doc).unwrap();
        let r = "fr";
        assert_eq!(c.name, "Teamwork");
        assert_eq!(c.name_in(r).text, "Travail d'équipe");
        assert_eq!(c.name_in(r).lang, Some("fr"));
        assert_eq!(c.name_in(r).dir, Some(crate::lang_text::Direction::Ltr));
        assert_eq!(c.name_in("en").text, "Teamwork");
        assert_eq!(c.description.as_deref(), Some("Décrit"));
        assert_eq!(c.description_in("en").map(|s| s.lang), Some(Some("fr")));
        assert_eq!(c.issuer.name.as_deref(), Some("Uni"));
        assert_eq!(c.issuer.name_in(r).map(|s| s.text), Some("Univ"));
        assert_eq!(
            c.issuer.description_in(r).map(|s| s.text),
            Some("Une université")
        );
        assert_eq!(c.subject.name.as_deref(), Some("Ada"));
        assert_eq!(c.subject.name_in(r).map(|s| s.lang), Some(Some("en")));
        let a = &c.achievement;
        assert_eq!(a.name_langs.len(), 2);
        assert_eq!(a.criteria_narrative.as_deref(), Some("Do it"));
        assert_eq!(a.criteria_narrative_in(r).map(|s| s.text), Some("Le faire"));
        assert_eq!(a.alignments[0].target_name.as_deref(), Some("Skill"));
        assert_eq!(
            a.alignments[0].target_name_in(r).map(|s| s.text),
            Some("Compétence")
        );
        assert_eq!(
            a.alignments[0].target_description.as_deref(),
            Some("A skill")
        );
        assert_eq!(
            a.result_descriptions[0].name_in(r).map(|s| s.text),
            Some("Note")
        );
        let e = &c.evidence[0];
        assert_eq!(e.name.as_deref(), Some("Work"));
        assert_eq!(e.description_in("en").map(|s| s.text), Some("Travail"));
        assert_eq!(
            e.narrative.as_deref(),
            Some("Untagged"),
            "the untagged value"
        );
        assert_eq!(e.narrative_in("de").map(|s| s.text), Some("Untagged"));
        assert_eq!(e.narrative_in("fr").map(|s| s.text), Some("Travail"));
        assert_eq!(c.endorsements[0].comment.as_deref(), Some("Great"));
        assert_eq!(
            c.endorsements[0].comment_in(r).map(|s| s.text),
            Some("Super")
        );

        // The credential's own name (plain) wins over the achievement's variants.
        let own = doc.replacen(
            r#""type":["VerifiableCredential","OpenBadgeCredential"],"#,
            r#""type":["VerifiableCredential","OpenBadgeCredential"],"name":"Own","#,
            1,
        );
        let c = parse_credential(&own).unwrap();
        assert_eq!(c.name, "Own");
        assert!(c.name_langs.is_empty());
        assert_eq!(c.name_in("fr").text, "Own");

        // Plain strings: no variants, and the model serializes as before.
        let c = parse_credential(OB3_V2).unwrap();
        assert!(c.name_langs.is_empty() && c.achievement.name_langs.is_empty());
        assert_eq!(c.name_in("fr").lang, None);
        assert!(!serde_json::to_string(&c).unwrap().contains("_langs"));

        // Only unreadable objects: as if absent.
        let c = parse_credential(
            r#"{"type":"OpenBadgeCredential","credentialSubject":{"achievement":{
                "name":{"@value":"Typed","@type":"http://www.w3.org/2001/XMLSchema#string"}}}}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Untitled badge");
        assert!(c.name_langs.is_empty());

        // Open Badges 2.0 (JSON-LD too).
        let c = parse_credential(
            r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:x",
                "recipient":{"type":"email","identity":"a@b.c"},
                "badge":{"name":[{"@value":"Robots","@language":"en"},{"@value":"Robots FR","@language":"fr"}],
                         "criteria":{"narrative":{"@value":"Construire","@language":"fr"}},
                         "issuer":{"name":{"@value":"Club","@language":"fr"}}},
                "narrative":[{"@value":"Story","@language":"en"}]}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Robots");
        assert_eq!(c.name_in("fr").text, "Robots FR");
        assert_eq!(
            c.achievement.criteria_narrative.as_deref(),
            Some("Construire")
        );
        assert_eq!(c.issuer.name.as_deref(), Some("Club"));
        assert_eq!(c.evidence[0].narrative_langs.len(), 1);

        // A Comprehensive Learner Record's own name, description and learner.
        let c = parse_credential(
            r#"{"type":["VerifiableCredential","ClrCredential"],
                "name":[{"@value":"Transcript","@language":"en"},{"@value":"Relevé","@language":"fr"}],
                "description":{"@value":"Notes","@language":"fr"},
                "credentialSubject":{"name":{"@value":"Ada","@language":"en"},"verifiableCredential":[]}}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Transcript");
        assert_eq!(c.name_in("fr").text, "Relevé");
        assert_eq!(c.achievement.name_in("fr").map(|s| s.text), Some("Relevé"));
        assert_eq!(c.description.as_deref(), Some("Notes"));
        assert_eq!(c.subject.name_in("fr").map(|s| s.lang), Some(Some("en")));
    }

    #[test]
    fn bom_is_ignored_but_kept() {
        let doc = "\u{feff}{\"type\":\"OpenBadgeCredential\",\"credentialSubject\":{\"achievement\":{\"name\":\"B\"}}}";
        let c = parse_credential(doc).unwrap();
        assert_eq!(c.original.text(), doc);
    }
}
