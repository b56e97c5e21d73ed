//! The pathway definition format (`"type": "LearnerPathway", "version": 1`):
//! the model ([`Pathway`], [`Node`], …), the parser with structural checks
//! ([`parse_file`]) and the checks across pathways ([`validate`]: duplicate ids,
//! unknown references, cycles). See `docs/pathways.md`.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wallet_core::time::is_date;
use wallet_i18n::{Lang, msg};

/// The `type` every pathway file declares.
pub const PATHWAY_TYPE: &str = "LearnerPathway";
/// The only format version this crate reads.
pub const FORMAT_VERSION: u64 = 1;

/// One pathway: a goal and the requirements that lead to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pathway {
    /// A URI, unique among all loaded pathways.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub goal: Goal,
    pub requirements: Node,
    /// The file it came from, if given to [`parse_file`] (for messages).
    pub source: Option<String>,
    /// Where it sits in that file: `""` for a single-pathway file, else `pathways[i]`.
    pub pointer: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalKind {
    Certificate,
    Diploma,
    DegreeCredit,
    Job,
    Other,
}

impl GoalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalKind::Certificate => "certificate",
            GoalKind::Diploma => "diploma",
            GoalKind::DegreeCredit => "degree-credit",
            GoalKind::Job => "job",
            GoalKind::Other => "other",
        }
    }

    fn parse(s: &str) -> Option<GoalKind> {
        Some(match s {
            "certificate" => GoalKind::Certificate,
            "diploma" => GoalKind::Diploma,
            "degree-credit" => GoalKind::DegreeCredit,
            "job" => GoalKind::Job,
            "other" => GoalKind::Other,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalIssuer {
    pub name: String,
    pub url: Option<String>,
}

/// What completing the pathway leads to, and where to ask for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub kind: GoalKind,
    pub issuer: GoalIssuer,
    /// Where to request the certificate once the pathway is complete.
    pub request_url: Option<String>,
}

/// What to earn and where: shown in next steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hint {
    pub text: String,
    pub url: Option<String>,
}

/// A requirement: a group of requirements or a leaf.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    pub label: Option<String>,
    /// Only on leaves (`match`, `pathway`).
    pub hint: Option<Hint>,
    /// Where the node sits in its pathway, e.g. `requirements.all[1].of[0]`.
    pub path: String,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// Every child.
    All(Vec<Node>),
    /// At least one child.
    Any(Vec<Node>),
    /// At least `k` of the children.
    NOf { k: usize, of: Vec<Node> },
    /// One credential matching `criteria` and meeting `conditions`.
    Match {
        criteria: Match,
        conditions: Conditions,
    },
    /// Completing another pathway (by id).
    Pathway(String),
}

impl NodeKind {
    /// `"all"`, `"any"`, `"nOf"`, `"match"` or `"pathway"`.
    pub fn name(&self) -> &'static str {
        match self {
            NodeKind::All(_) => "all",
            NodeKind::Any(_) => "any",
            NodeKind::NOf { .. } => "nOf",
            NodeKind::Match { .. } => "match",
            NodeKind::Pathway(_) => "pathway",
        }
    }
}

/// Which credentials a leaf accepts: every given field must match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    /// The achievement's `id` (or BadgeClass id), or one of its `related` ids. Exact.
    pub achievement_id: Option<String>,
    /// OB 3.0 `achievementType`, case-insensitive.
    pub achievement_type: Option<String>,
    /// The issuer's id (exact) or name (case-insensitive).
    pub issuer: Option<String>,
    /// All given fields must match one alignment of the credential.
    pub alignment: Option<AlignmentMatch>,
    /// A tag, case-insensitive.
    pub tag: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlignmentMatch {
    /// Case-insensitive.
    pub target_code: Option<String>,
    /// Exact.
    pub target_url: Option<String>,
    /// Case-insensitive.
    pub target_framework: Option<String>,
    /// Case-insensitive.
    pub target_name: Option<String>,
}

/// When a matching credential counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conditions {
    /// Issued on or after this date / date-time.
    pub issued_after: Option<String>,
    /// Not expired at evaluation time (default `true`).
    pub unexpired: bool,
    /// Verification succeeded (default `true`).
    pub verified: bool,
}

impl Default for Conditions {
    fn default() -> Self {
        Conditions {
            issued_after: None,
            unexpired: true,
            verified: true,
        }
    }
}

/// What went wrong in a pathway file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// Not JSON at all.
    Json,
    /// `type` is not `LearnerPathway`.
    NotAPathway,
    UnsupportedVersion,
    WrongType,
    UnknownKey,
    MissingKey,
    /// A value of the right type that is not allowed (bad URI, unknown goal kind, bad date…).
    InvalidValue,
    EmptyGroup,
    /// `nOf` below 1 or above the number of children.
    ImpossibleCount,
    DuplicateId,
    UnknownPathway,
    Cycle,
}

/// An error naming its place: the file (if known) and a JSON-pointer-like path
/// such as `pathways[2].requirements.all[1].nOf`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathwayError {
    pub kind: ErrorKind,
    pub source: Option<String>,
    pub path: String,
    pub message: String,
}

impl PathwayError {
    /// The error as the learner reads it, `message` after its file and place: "a.json:
    /// pathways[0].goal: missing "kind"". `lang` is the language of the separators; `message`
    /// is in the language it was made in ([`parse_file_in`], [`load_in`]).
    pub fn text(&self, lang: Lang) -> String {
        let mut out = self.message.clone();
        if !self.path.is_empty() {
            out = msg!(
                lang,
                "pathway-error-at",
                place = self.path.as_str(),
                problem = out
            );
        }
        if let Some(s) = &self.source {
            out = msg!(lang, "pathway-error-at", place = s.as_str(), problem = out);
        }
        out
    }
}

/// In English separators (logs, tests, the employer's view of a share link).
impl fmt::Display for PathwayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for PathwayError {}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

fn describe_type(lang: Lang, v: &Value) -> String {
    match v {
        Value::Null => msg!(lang, "pathway-type-null"),
        Value::Bool(_) => msg!(lang, "pathway-type-boolean"),
        Value::Number(_) => msg!(lang, "pathway-type-number"),
        Value::String(_) => msg!(lang, "pathway-type-string"),
        Value::Array(_) => msg!(lang, "pathway-type-list"),
        Value::Object(_) => msg!(lang, "pathway-type-object"),
    }
}

/// What must be a JSON object, in the messages.
#[derive(Clone, Copy)]
enum What<'a> {
    File,
    Pathway,
    Requirement,
    /// A key, quoted as it is.
    Key(&'a str),
}

/// `scheme:` followed by something: enough to call it a URI.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

struct Parser {
    lang: Lang,
    source: Option<String>,
    errors: Vec<PathwayError>,
}

impl Parser {
    fn err(&mut self, kind: ErrorKind, path: &str, message: impl Into<String>) {
        self.errors.push(PathwayError {
            kind,
            source: self.source.clone(),
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        what: What,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                let lang = self.lang;
                let kind = describe_type(lang, other);
                let message = match what {
                    What::File => msg!(lang, "pathway-error-file-not-object", kind = kind),
                    What::Pathway => msg!(lang, "pathway-error-pathway-not-object", kind = kind),
                    What::Requirement => {
                        msg!(lang, "pathway-error-requirement-not-object", kind = kind)
                    }
                    What::Key(key) => {
                        msg!(lang, "pathway-error-key-not-object", key = key, kind = kind)
                    }
                };
                self.err(ErrorKind::WrongType, path, message);
                None
            }
        }
    }

    fn check_keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                self.err(
                    ErrorKind::UnknownKey,
                    &join(path, k),
                    msg!(
                        self.lang,
                        "pathway-error-unknown-key",
                        key = k,
                        allowed = allowed.join(", ")
                    ),
                );
            }
        }
    }

    /// An optional non-empty string.
    fn opt_str(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        match m.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::String(_) => {
                self.err(
                    ErrorKind::InvalidValue,
                    &join(path, key),
                    msg!(self.lang, "pathway-error-empty-string", key = key),
                );
                None
            }
            other => {
                self.err(
                    ErrorKind::WrongType,
                    &join(path, key),
                    msg!(
                        self.lang,
                        "pathway-error-not-string",
                        key = key,
                        kind = describe_type(self.lang, other)
                    ),
                );
                None
            }
        }
    }

    fn req_str(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        if !m.contains_key(key) {
            let message = msg!(self.lang, "pathway-error-missing-key", key = key);
            self.err(ErrorKind::MissingKey, path, message);
            return None;
        }
        self.opt_str(m, path, key)
    }

    fn opt_url(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let s = self.opt_str(m, path, key)?;
        if wallet_core::safe_link(&s).is_none() {
            self.err(
                ErrorKind::InvalidValue,
                &join(path, key),
                msg!(
                    self.lang,
                    "pathway-error-not-url",
                    key = key,
                    value = s.as_str()
                ),
            );
            return None;
        }
        Some(s)
    }

    fn opt_bool(&mut self, m: &Map<String, Value>, path: &str, key: &str, default: bool) -> bool {
        match m.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.err(
                    ErrorKind::WrongType,
                    &join(path, key),
                    msg!(
                        self.lang,
                        "pathway-error-not-bool",
                        key = key,
                        kind = describe_type(self.lang, other)
                    ),
                );
                default
            }
        }
    }

    fn file(&mut self, root: &Value) -> Vec<Pathway> {
        let Some(m) = self.object(root, "", What::File) else {
            return Vec::new();
        };
        self.header(m, "", true);
        if m.contains_key("pathways") {
            self.check_keys(m, "", &["type", "version", "pathways", "note"]);
            let list = match &m["pathways"] {
                Value::Array(a) => a,
                other => {
                    self.err(
                        ErrorKind::WrongType,
                        "pathways",
                        msg!(
                            self.lang,
                            "pathway-error-pathways-not-list",
                            kind = describe_type(self.lang, other)
                        ),
                    );
                    return Vec::new();
                }
            };
            if list.is_empty() {
                let message = msg!(self.lang, "pathway-error-pathways-empty");
                self.err(ErrorKind::EmptyGroup, "pathways", message);
            }
            list.iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let p = format!("pathways[{i}]");
                    let m = self.object(v, &p, What::Pathway)?;
                    self.header(m, &p, false);
                    self.pathway(m, &p)
                })
                .collect()
        } else {
            self.pathway(m, "").into_iter().collect()
        }
    }

    /// `type` and `version`: required at the top of a file, optional (but
    /// checked) on pathways inside a list.
    fn header(&mut self, m: &Map<String, Value>, path: &str, required: bool) {
        match m.get("type") {
            None if required => self.err(
                ErrorKind::MissingKey,
                path,
                msg!(
                    self.lang,
                    "pathway-error-missing-type",
                    expected = PATHWAY_TYPE
                ),
            ),
            None => {}
            Some(Value::String(t)) if t == PATHWAY_TYPE => {}
            Some(other) => self.err(
                ErrorKind::NotAPathway,
                &join(path, "type"),
                msg!(
                    self.lang,
                    "pathway-error-wrong-type",
                    expected = PATHWAY_TYPE,
                    value = other.to_string()
                ),
            ),
        }
        match m.get("version") {
            None if required => self.err(
                ErrorKind::MissingKey,
                path,
                msg!(
                    self.lang,
                    "pathway-error-missing-version",
                    version = FORMAT_VERSION
                ),
            ),
            None => {}
            Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
            Some(Value::Number(n)) => self.err(
                ErrorKind::UnsupportedVersion,
                &join(path, "version"),
                msg!(
                    self.lang,
                    "pathway-error-unsupported-version",
                    found = n.to_string(),
                    version = FORMAT_VERSION
                ),
            ),
            Some(other) => self.err(
                ErrorKind::WrongType,
                &join(path, "version"),
                msg!(
                    self.lang,
                    "pathway-error-version-not-number",
                    kind = describe_type(self.lang, other)
                ),
            ),
        }
    }

    fn pathway(&mut self, m: &Map<String, Value>, pointer: &str) -> Option<Pathway> {
        self.check_keys(
            m,
            pointer,
            &[
                "type",
                "version",
                "id",
                "name",
                "description",
                "goal",
                "requirements",
            ],
        );
        let id = self.req_str(m, pointer, "id");
        if let Some(id) = &id
            && !is_uri(id)
        {
            self.err(
                ErrorKind::InvalidValue,
                &join(pointer, "id"),
                msg!(self.lang, "pathway-error-id-not-uri", id = id),
            );
        }
        let name = self.req_str(m, pointer, "name");
        let description = self.opt_str(m, pointer, "description");
        let goal = match m.get("goal") {
            None => {
                let message = msg!(self.lang, "pathway-error-missing-key", key = "goal");
                self.err(ErrorKind::MissingKey, pointer, message);
                None
            }
            Some(g) => self.goal(g, &join(pointer, "goal")),
        };
        let requirements = match m.get("requirements") {
            None => {
                let message = msg!(self.lang, "pathway-error-missing-key", key = "requirements");
                self.err(ErrorKind::MissingKey, pointer, message);
                None
            }
            Some(r) => self.node(r, &join(pointer, "requirements"), pointer),
        };
        Some(Pathway {
            id: id?,
            name: name?,
            description,
            goal: goal?,
            requirements: requirements?,
            source: self.source.clone(),
            pointer: pointer.to_string(),
        })
    }

    fn goal(&mut self, v: &Value, path: &str) -> Option<Goal> {
        let m = self.object(v, path, What::Key("goal"))?;
        self.check_keys(m, path, &["kind", "issuer", "requestUrl"]);
        let kind = self.req_str(m, path, "kind").and_then(|k| {
            let kind = GoalKind::parse(&k);
            if kind.is_none() {
                self.err(
                    ErrorKind::InvalidValue,
                    &join(path, "kind"),
                    msg!(self.lang, "pathway-error-goal-kind", kind = k.as_str()),
                );
            }
            kind
        });
        let issuer = match m.get("issuer") {
            None => {
                let message = msg!(self.lang, "pathway-error-missing-key", key = "issuer");
                self.err(ErrorKind::MissingKey, path, message);
                None
            }
            Some(v) => {
                let ip = join(path, "issuer");
                self.object(v, &ip, What::Key("issuer")).and_then(|im| {
                    self.check_keys(im, &ip, &["name", "url"]);
                    let url = self.opt_url(im, &ip, "url");
                    let name = self.req_str(im, &ip, "name")?;
                    Some(GoalIssuer { name, url })
                })
            }
        };
        let request_url = self.opt_url(m, path, "requestUrl");
        Some(Goal {
            kind: kind?,
            issuer: issuer?,
            request_url,
        })
    }

    fn hint(&mut self, v: &Value, path: &str) -> Option<Hint> {
        match v {
            Value::String(s) if !s.trim().is_empty() => Some(Hint {
                text: s.trim().to_string(),
                url: None,
            }),
            Value::Object(m) => {
                self.check_keys(m, path, &["text", "url"]);
                let url = self.opt_url(m, path, "url");
                let text = self.req_str(m, path, "text")?;
                Some(Hint { text, url })
            }
            other => {
                self.err(
                    ErrorKind::WrongType,
                    path,
                    msg!(
                        self.lang,
                        "pathway-error-hint-type",
                        kind = describe_type(self.lang, other)
                    ),
                );
                None
            }
        }
    }

    fn children(&mut self, v: &Value, path: &str, key: &str, pointer: &str) -> Option<Vec<Node>> {
        let Value::Array(list) = v else {
            self.err(
                ErrorKind::WrongType,
                path,
                msg!(
                    self.lang,
                    "pathway-error-not-list",
                    key = key,
                    kind = describe_type(self.lang, v)
                ),
            );
            return None;
        };
        if list.is_empty() {
            self.err(
                ErrorKind::EmptyGroup,
                path,
                msg!(self.lang, "pathway-error-empty-group", key = key),
            );
            return None;
        }
        let mut out = Vec::with_capacity(list.len());
        let mut ok = true;
        for (i, c) in list.iter().enumerate() {
            match self.node(c, &format!("{path}[{i}]"), pointer) {
                Some(n) => out.push(n),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// `path` is the full path (with the pathway pointer); the node stores it
    /// relative to its pathway.
    fn node(&mut self, v: &Value, path: &str, pointer: &str) -> Option<Node> {
        let m = self.object(v, path, What::Requirement)?;
        const KINDS: [&str; 5] = ["all", "any", "nOf", "match", "pathway"];
        let present: Vec<&str> = KINDS
            .iter()
            .copied()
            .filter(|k| m.contains_key(*k))
            .collect();
        let kind = match present.as_slice() {
            [one] => *one,
            [] => {
                let message = msg!(self.lang, "pathway-error-no-kind");
                self.err(ErrorKind::MissingKey, path, message);
                return None;
            }
            many => {
                self.err(
                    ErrorKind::InvalidValue,
                    path,
                    msg!(
                        self.lang,
                        "pathway-error-many-kinds",
                        kinds = many.join(", ")
                    ),
                );
                return None;
            }
        };
        let label = self.opt_str(m, path, "label");
        let rel = path
            .strip_prefix(pointer)
            .map(|s| s.trim_start_matches('.'))
            .unwrap_or(path)
            .to_string();
        let mut hint = None;
        let kind = match kind {
            "all" | "any" => {
                self.check_keys(m, path, &[kind, "label"]);
                let p = join(path, kind);
                let children = self.children(&m[kind], &p, kind, pointer)?;
                if kind == "all" {
                    NodeKind::All(children)
                } else {
                    NodeKind::Any(children)
                }
            }
            "nOf" => {
                self.check_keys(m, path, &["nOf", "of", "label"]);
                let kp = join(path, "nOf");
                let k = match &m["nOf"] {
                    Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                        (Some(k), _) => Some(k),
                        (None, Some(_)) => {
                            self.err(
                                ErrorKind::ImpossibleCount,
                                &kp,
                                msg!(
                                    self.lang,
                                    "pathway-error-nof-below-one",
                                    value = n.to_string()
                                ),
                            );
                            None
                        }
                        _ => {
                            self.err(
                                ErrorKind::WrongType,
                                &kp,
                                msg!(
                                    self.lang,
                                    "pathway-error-nof-not-whole",
                                    value = n.to_string()
                                ),
                            );
                            None
                        }
                    },
                    other => {
                        self.err(
                            ErrorKind::WrongType,
                            &kp,
                            msg!(
                                self.lang,
                                "pathway-error-nof-not-whole",
                                value = describe_type(self.lang, other)
                            ),
                        );
                        None
                    }
                };
                let Some(of) = m.get("of") else {
                    let message = msg!(self.lang, "pathway-error-nof-needs-of");
                    self.err(ErrorKind::MissingKey, path, message);
                    return None;
                };
                let of = self.children(of, &join(path, "of"), "of", pointer);
                let k = k?;
                if k < 1 {
                    let message = msg!(self.lang, "pathway-error-nof-below-one", value = "0");
                    self.err(ErrorKind::ImpossibleCount, &kp, message);
                    return None;
                }
                let of = of?;
                if k as usize > of.len() || k > usize::MAX as u64 {
                    self.err(
                        ErrorKind::ImpossibleCount,
                        &kp,
                        msg!(
                            self.lang,
                            "pathway-error-nof-too-many",
                            k = k.to_string(),
                            n = of.len()
                        ),
                    );
                    return None;
                }
                NodeKind::NOf { k: k as usize, of }
            }
            "match" => {
                self.check_keys(m, path, &["match", "label", "conditions", "hint"]);
                if let Some(h) = m.get("hint") {
                    hint = self.hint(h, &join(path, "hint"));
                }
                let conditions = match m.get("conditions") {
                    None => Conditions::default(),
                    Some(c) => self.conditions(c, &join(path, "conditions"))?,
                };
                let criteria = self.criteria(&m["match"], &join(path, "match"))?;
                NodeKind::Match {
                    criteria,
                    conditions,
                }
            }
            _ => {
                self.check_keys(m, path, &["pathway", "label", "hint"]);
                if let Some(h) = m.get("hint") {
                    hint = self.hint(h, &join(path, "hint"));
                }
                let id = self.opt_str(m, path, "pathway")?;
                NodeKind::Pathway(id)
            }
        };
        Some(Node {
            label,
            hint,
            path: rel,
            kind,
        })
    }

    fn conditions(&mut self, v: &Value, path: &str) -> Option<Conditions> {
        let m = self.object(v, path, What::Key("conditions"))?;
        self.check_keys(m, path, &["issuedAfter", "unexpired", "verified"]);
        let issued_after = self.opt_str(m, path, "issuedAfter");
        if let Some(d) = &issued_after
            && !is_date(d)
        {
            self.err(
                ErrorKind::InvalidValue,
                &join(path, "issuedAfter"),
                msg!(self.lang, "pathway-error-issued-after", value = d.as_str()),
            );
            return None;
        }
        Some(Conditions {
            issued_after,
            unexpired: self.opt_bool(m, path, "unexpired", true),
            verified: self.opt_bool(m, path, "verified", true),
        })
    }

    fn criteria(&mut self, v: &Value, path: &str) -> Option<Match> {
        let m = self.object(v, path, What::Key("match"))?;
        self.check_keys(
            m,
            path,
            &[
                "achievementId",
                "achievementType",
                "issuer",
                "alignment",
                "tag",
            ],
        );
        let alignment = match m.get("alignment") {
            None => None,
            Some(a) => {
                let ap = join(path, "alignment");
                let am = self.object(a, &ap, What::Key("alignment"))?;
                self.check_keys(
                    am,
                    &ap,
                    &["targetCode", "targetUrl", "targetFramework", "targetName"],
                );
                let a = AlignmentMatch {
                    target_code: self.opt_str(am, &ap, "targetCode"),
                    target_url: self.opt_str(am, &ap, "targetUrl"),
                    target_framework: self.opt_str(am, &ap, "targetFramework"),
                    target_name: self.opt_str(am, &ap, "targetName"),
                };
                if a == AlignmentMatch::default() {
                    let message = msg!(self.lang, "pathway-error-alignment-empty");
                    self.err(ErrorKind::MissingKey, &ap, message);
                    return None;
                }
                Some(a)
            }
        };
        let out = Match {
            achievement_id: self.opt_str(m, path, "achievementId"),
            achievement_type: self.opt_str(m, path, "achievementType"),
            issuer: self.opt_str(m, path, "issuer"),
            alignment,
            tag: self.opt_str(m, path, "tag"),
        };
        if out == Match::default() {
            if m.is_empty() {
                let message = msg!(self.lang, "pathway-error-match-empty");
                self.err(ErrorKind::MissingKey, path, message);
            }
            return None;
        }
        Some(out)
    }
}

/// Parses one pathway file (a single pathway or `"pathways": [...]`) with every
/// structural check: types, unknown keys, empty groups, impossible counts,
/// version. `source` (a file name) prefixes the messages. Does not check
/// references between pathways: see [`validate`] and [`load`]. Messages in English; see
/// [`parse_file_in`].
pub fn parse_file(json: &str, source: Option<&str>) -> Result<Vec<Pathway>, Vec<PathwayError>> {
    parse_file_in(Lang::En, json, source)
}

/// [`parse_file`] with its messages in `lang`.
pub fn parse_file_in(
    lang: Lang,
    json: &str,
    source: Option<&str>,
) -> Result<Vec<Pathway>, Vec<PathwayError>> {
    let mut p = Parser {
        lang,
        source: source.map(str::to_string),
        errors: Vec::new(),
    };
    let root: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            let message = msg!(lang, "pathway-error-json", error = e.to_string());
            p.err(ErrorKind::Json, "", message);
            return Err(p.errors);
        }
    };
    let out = p.file(&root);
    if p.errors.is_empty() {
        Ok(out)
    } else {
        Err(p.errors)
    }
}

/// The full path of a node for messages: `pathways[2].requirements.all[1]`.
pub fn node_location(p: &Pathway, node_path: &str) -> String {
    join(&p.pointer, node_path)
}

fn collect_refs<'a>(n: &'a Node, out: &mut Vec<(&'a str, &'a str)>) {
    match &n.kind {
        NodeKind::All(c) | NodeKind::Any(c) | NodeKind::NOf { of: c, .. } => {
            for c in c {
                collect_refs(c, out);
            }
        }
        NodeKind::Pathway(id) => out.push((id, &n.path)),
        NodeKind::Match { .. } => {}
    }
}

/// Checks across pathways: duplicate ids, references to unknown pathways and
/// cycles of references (each cycle reported once, named `a → b → a`). Messages in English;
/// see [`validate_in`].
pub fn validate(pathways: &[Pathway]) -> Vec<PathwayError> {
    validate_in(Lang::En, pathways)
}

/// [`validate`] with its messages in `lang`.
pub fn validate_in(lang: Lang, pathways: &[Pathway]) -> Vec<PathwayError> {
    let mut errors = Vec::new();
    let err = |p: &Pathway, kind, path: &str, message: String| PathwayError {
        kind,
        source: p.source.clone(),
        path: node_location(p, path),
        message,
    };
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pathways.iter().enumerate() {
        if let Some(&first) = by_id.get(p.id.as_str()) {
            let f = &pathways[first];
            let at = match &f.source {
                Some(s) => {
                    let place = if f.pointer.is_empty() {
                        msg!(lang, "pathway-error-the-file")
                    } else {
                        f.pointer.clone()
                    };
                    msg!(
                        lang,
                        "pathway-error-at",
                        place = s.as_str(),
                        problem = place
                    )
                }
                None => {
                    if f.pointer.is_empty() {
                        msg!(lang, "pathway-error-the-first-file")
                    } else {
                        f.pointer.clone()
                    }
                }
            };
            errors.push(err(
                p,
                ErrorKind::DuplicateId,
                "id",
                msg!(
                    lang,
                    "pathway-error-duplicate-id",
                    id = p.id.as_str(),
                    at = at
                ),
            ));
        } else {
            by_id.insert(&p.id, i);
        }
    }
    let refs: Vec<Vec<(&str, &str)>> = pathways
        .iter()
        .map(|p| {
            let mut r = Vec::new();
            collect_refs(&p.requirements, &mut r);
            r
        })
        .collect();
    // Edges to known pathways, by index; unknown ones are errors.
    let mut edges: Vec<Vec<(usize, &str)>> = vec![Vec::new(); pathways.len()];
    for (i, p) in pathways.iter().enumerate() {
        for &(target, path) in &refs[i] {
            match by_id.get(target) {
                Some(&j) => edges[i].push((j, path)),
                None => errors.push(err(
                    p,
                    ErrorKind::UnknownPathway,
                    &join(path, "pathway"),
                    msg!(lang, "pathway-error-unknown-pathway", id = target),
                )),
            }
        }
    }
    // Cycles: iterative DFS with colours; a grey target closes a cycle.
    let mut colour = vec![0u8; pathways.len()]; // 0 white, 1 grey, 2 black
    for start in 0..pathways.len() {
        if colour[start] != 0 || by_id.get(pathways[start].id.as_str()) != Some(&start) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(target, path)) = edges[node].get(*next) {
                *next += 1;
                match colour[target] {
                    0 => {
                        colour[target] = 1;
                        stack.push((target, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                        let mut names: Vec<&str> = stack[from..]
                            .iter()
                            .map(|&(n, _)| pathways[n].id.as_str())
                            .collect();
                        names.push(&pathways[target].id);
                        errors.push(err(
                            &pathways[node],
                            ErrorKind::Cycle,
                            &join(path, "pathway"),
                            msg!(lang, "pathway-error-cycle", ids = names.join(" → ")),
                        ));
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
    errors
}

/// Parses several files (`(name, json)`) and validates them together: the
/// whole set is rejected if any file has an error, and all errors are returned. Messages in
/// English; see [`load_in`].
pub fn load(files: &[(&str, &str)]) -> Result<Vec<Pathway>, Vec<PathwayError>> {
    load_in(Lang::En, files)
}

/// [`load`] with its messages in `lang`.
pub fn load_in(lang: Lang, files: &[(&str, &str)]) -> Result<Vec<Pathway>, Vec<PathwayError>> {
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for (name, json) in files {
        match parse_file_in(lang, json, Some(name)) {
            Ok(p) => all.extend(p),
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(validate_in(lang, &all));
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}

/// Parses and validates one self-contained file.
pub fn parse_pathways(json: &str) -> Result<Vec<Pathway>, Vec<PathwayError>> {
    let all = parse_file(json, None)?;
    let errors = validate(&all);
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}

/// Reads `public/pathways/index.json`: `{"files": ["a.json", …]}` (other keys
/// such as `note` are ignored). Returns the file names, which must be plain
/// relative names (no `/`, `\`, `..`).
pub fn parse_index(lang: Lang, json: &str) -> Result<Vec<String>, String> {
    let v: Value = serde_json::from_str(json)
        .map_err(|e| msg!(lang, "pathway-index-not-json", error = e.to_string()))?;
    let files = v
        .get("files")
        .and_then(Value::as_array)
        .ok_or_else(|| msg!(lang, "pathway-index-no-files"))?;
    files
        .iter()
        .map(|f| match f.as_str() {
            Some(s) if !s.is_empty() && !s.contains(['/', '\\']) && !s.starts_with('.') => {
                Ok(s.to_string())
            }
            _ => Err(msg!(lang, "pathway-index-bad-name", name = f.to_string())),
        })
        .collect()
}
