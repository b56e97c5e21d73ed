//! Every route of the app, parsed from and formatted into the URL fragment, in one place.
//!
//! Routes live in the fragment so that `dist/` works from any static host and sub-path, and
//! so that shared data (a share link's payload) never reaches a server. The browser shell
//! reads [`Route::parse`] on every `hashchange` and builds every in-app link with
//! [`Route::to_hash`]; the page's boot script (scripts/boot.mjs) only looks at the
//! [`SHARED_PREFIX`] to choose between the viewer and the wallet.
//!
//! Invariant: `Route::parse(&r.to_hash()) == r` for every route whose text is what parsing
//! gives (round-trip tests below); a fragment that is no known route is the wallet.

/// A share link's fragment prefix (the viewer's only route).
pub const SHARED_PREFIX: &str = "#/s/";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` (and anything unknown): the gallery.
    Wallet,
    /// `#/credential/<local id, URI-component encoded>`.
    Detail(String),
    /// `#/print/<local id, URI-component encoded>`: the printable certificate of one credential.
    Print(String),
    /// `#/import?url=<URL>`: a deep link asking to import a URL (imports nothing until the
    /// learner confirms).
    Import(String),
    /// `#/progress`: pathway progress.
    Progress,
    /// `#/pathway/<pathway id, URI-component encoded>`.
    Pathway(String),
    /// `#/s/<payload>`: a shared portfolio (the payload is `wallet_share`'s text, kept as is).
    Shared(String),
    /// `#/save/<payload>`: a shared portfolio saved into the wallet at once (where the viewer's
    /// "Save to my wallet" leads).
    Save(String),
}

impl Route {
    /// The route of a fragment (`location.hash`, with or without its `#`). Total.
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        if let Some(rest) = h.strip_prefix("/credential/") {
            return Route::Detail(decode_component(rest));
        }
        if let Some(rest) = h.strip_prefix("/print/") {
            return Route::Print(decode_component(rest));
        }
        if let Some(payload) = h.strip_prefix("/s/") {
            return Route::Shared(payload.to_string());
        }
        if let Some(payload) = h.strip_prefix("/save/") {
            return Route::Save(payload.to_string());
        }
        if h == "/progress" {
            return Route::Progress;
        }
        if let Some(rest) = h.strip_prefix("/pathway/") {
            return Route::Pathway(decode_component(rest));
        }
        if let Some(query) = h.strip_prefix("/import?")
            && let Some(url) = query_param(query, "url")
        {
            return Route::Import(url);
        }
        Route::Wallet
    }

    /// The fragment of this route, `#` included.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Wallet => "#/".into(),
            Route::Detail(id) => format!("#/credential/{}", encode_component(id)),
            Route::Print(id) => format!("#/print/{}", encode_component(id)),
            Route::Import(url) => format!("#/import?url={}", encode_component(url)),
            Route::Progress => "#/progress".into(),
            Route::Pathway(id) => format!("#/pathway/{}", encode_component(id)),
            Route::Shared(payload) => format!("{SHARED_PREFIX}{payload}"),
            Route::Save(payload) => format!("#/save/{payload}"),
        }
    }
}

/// JavaScript's `encodeURIComponent`: UTF-8, every byte percent-encoded except
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// JavaScript's `decodeURIComponent`, except that text it would refuse (a lone `%`, an escape
/// that is not UTF-8) is kept as it is, as the app always did.
pub fn decode_component(s: &str) -> String {
    percent_decode(s.as_bytes(), false)
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| s.to_string())
}

/// The first value of `name` in an `application/x-www-form-urlencoded` query (as
/// `URLSearchParams.get`: `+` is a space, escapes decoded, bytes that are not UTF-8 replaced).
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (form_decode(k) == name).then(|| form_decode(v))
    })
}

fn form_decode(s: &str) -> String {
    let bytes = percent_decode(s.as_bytes(), true).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Percent-decoding. Strict (`lenient == false`): `None` on a `%` not followed by two hex
/// digits. Lenient (form decoding): such a `%` is kept, and `+` is a space.
fn percent_decode(s: &[u8], lenient: bool) -> Option<Vec<u8>> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'%' => match (
                s.get(i + 1).and_then(|&b| hex(b)),
                s.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ if lenient => out.push(b'%'),
                _ => return None,
            },
            b'+' if lenient => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route() {
        for (hash, want) in [
            ("", Route::Wallet),
            ("#", Route::Wallet),
            ("#/", Route::Wallet),
            ("#/nowhere", Route::Wallet),
            ("#/progress", Route::Progress),
            ("#/progress/", Route::Wallet),
            (
                "#/credential/urn%3Auuid%3A1",
                Route::Detail("urn:uuid:1".into()),
            ),
            (
                "#/credential/sha256%3Aab",
                Route::Detail("sha256:ab".into()),
            ),
            // Not decodable: kept as is (decodeURIComponent would throw).
            ("#/credential/100%", Route::Detail("100%".into())),
            ("#/credential/%FF", Route::Detail("%FF".into())),
            ("#/credential/%C3%A9", Route::Detail("é".into())),
            ("#/print/urn%3Auuid%3A1", Route::Print("urn:uuid:1".into())),
            ("#/print/", Route::Print(String::new())),
            ("#/print/100%", Route::Print("100%".into())),
            ("#/print", Route::Wallet),
            (
                "#/pathway/data-analytics",
                Route::Pathway("data-analytics".into()),
            ),
            ("#/s/2ABC-xyz", Route::Shared("2ABC-xyz".into())),
            ("#/s/", Route::Shared(String::new())),
            ("#/save/2ABC", Route::Save("2ABC".into())),
            (
                "#/import?url=https%3A%2F%2Fa.example%2Fb.json",
                Route::Import("https://a.example/b.json".into()),
            ),
            (
                "#/import?x=1&url=https://a.example/b+c.json&url=second",
                Route::Import("https://a.example/b c.json".into()),
            ),
            ("#/import?x=1", Route::Wallet),
            ("#/import?url=", Route::Import(String::new())),
            ("#/import?url=%ZZ%E9", Route::Import("%ZZ\u{FFFD}".into())),
            ("/progress", Route::Progress),
        ] {
            assert_eq!(Route::parse(hash), want, "{hash:?}");
        }
    }

    #[test]
    fn every_route_round_trips() {
        let texts = [
            "",
            "plain",
            "urn:uuid:0d3c1f6e-7a4b",
            "sha256:abcdef",
            "https://issuer.example/badges/1?x=1&y=2#frag",
            "with space + plus",
            "100% sure",
            "é ✓ 漢字 \u{202E}rtl",
            "/slashes/and#hashes?",
            "a+b=c&d",
        ];
        for t in texts {
            for r in [
                Route::Detail(t.into()),
                Route::Print(t.into()),
                Route::Pathway(t.into()),
                Route::Import(t.into()),
            ] {
                assert_eq!(Route::parse(&r.to_hash()), r, "{r:?} → {}", r.to_hash());
            }
        }
        for r in [Route::Wallet, Route::Progress] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
        // Share payloads are the share coder's text (digits, letters, `-`, `_`): kept verbatim.
        for p in ["2", "2AbC-_09", "1xyz"] {
            for r in [Route::Shared(p.into()), Route::Save(p.into())] {
                assert_eq!(Route::parse(&r.to_hash()), r);
            }
        }
        assert!(
            Route::Shared("x".into())
                .to_hash()
                .starts_with(SHARED_PREFIX)
        );
    }

    #[test]
    fn encode_component_is_javascripts() {
        // Outputs of encodeURIComponent in Node 20.
        for (s, want) in [
            ("a-b_c.d!e~f*g'h(i)j", "a-b_c.d!e~f*g'h(i)j"),
            ("urn:uuid:1", "urn%3Auuid%3A1"),
            ("a b/c?d#e&f=g+h", "a%20b%2Fc%3Fd%23e%26f%3Dg%2Bh"),
            ("é✓", "%C3%A9%E2%9C%93"),
            ("%", "%25"),
        ] {
            assert_eq!(encode_component(s), want, "{s:?}");
        }
    }
}
