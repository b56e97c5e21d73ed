//! The texts the wallet's share panel builds around a payload, kept here (pure, tested natively)
//! so that the panel only shows them: the link to the viewer's `#/s/` route (of a portfolio, or of
//! one credential on its own, which the printed certificate's QR code opens too), its QR code
//! when one scannable code holds it, LinkedIn's "add to profile" link of one credential, and
//! whether a credential's signed data carries an embedded image too large for a QR code.

use base64::Engine;
use wallet_core::Original;
use wallet_core::route::Route;

use crate::{Portfolio, Qr, best_qr, too_big_for_one_qr};

/// A `data:` URI longer than this in a credential's signed data is a "large embedded image": it
/// alone fills most of a comfortably scannable QR code (about 2,000 characters of payload).
pub const LARGE_IMAGE_CHARS: usize = 2048;

/// `base` (the page without its fragment) + the viewer's route `#/s/<payload>`.
pub fn share_link(base: &str, p: &Portfolio) -> String {
    format!("{base}{}", Route::Shared(crate::encode(p)).to_hash())
}

/// The self-verifying link of one credential on its own (no title; `holder` as the learner gave
/// it): each credential's link in the share panel, and the link a printed certificate's QR code
/// opens.
pub fn credential_link(base: &str, original: &Original, holder: Option<String>) -> String {
    share_link(
        base,
        &Portfolio {
            title: None,
            holder,
            credentials: vec![original.clone()],
            pathways: None,
        },
    )
}

/// The QR code of one credential's link, when one comfortably scannable code holds it
/// ([`best_qr`] up to [`crate::MAX_COMFORTABLE_VERSION`]); `None`: offer the link instead.
pub fn scannable_qr(link: &str) -> Option<Qr> {
    best_qr(link).filter(|q| !too_big_for_one_qr(q.version))
}

/// The text a credential's signed data is made of (the JWS payload decoded; empty when it
/// cannot be decoded).
pub fn signed_text(o: &Original) -> String {
    match o {
        Original::Json(t) => t.clone(),
        Original::Jws(t) => wallet_core::jws::split(t)
            .ok()
            .and_then(|c| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(c.payload.trim_end_matches('='))
                    .ok()
            })
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default(),
    }
}

/// Length of the longest `data:` URI in a credential's signed data (up to the next `"`).
pub fn largest_data_uri(o: &Original) -> usize {
    let text = signed_text(o);
    let mut rest = text.as_str();
    let mut max = 0;
    while let Some(i) = rest.find("data:") {
        let tail = &rest[i..];
        let end = tail.find('"').unwrap_or(tail.len());
        max = max.max(end);
        rest = &tail[end..];
    }
    max
}

/// Whether a credential carries an embedded image too large for a QR code.
pub fn has_large_image(o: &Original) -> bool {
    largest_data_uri(o) > LARGE_IMAGE_CHARS
}

/// JavaScript's `encodeURIComponent`: every byte of the UTF-8 text percent-encoded (upper-case
/// hex) but ASCII letters, digits and `-_.!~*'()`.
pub fn encode_uri_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// LinkedIn's "add to profile" link for one credential. `issued` (RFC 3339) gives the issue
/// year, and the month when it is 1–12.
pub fn linkedin_url(name: &str, org: &str, issued: Option<&str>, cert_url: &str) -> String {
    let uri = encode_uri_component;
    let mut url = format!(
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name={}&organizationName={}",
        uri(name),
        uri(org)
    );
    if let Some(d) = issued {
        let year = d.get(0..4).and_then(|y| y.parse::<u32>().ok());
        let month = d.get(5..7).and_then(|m| m.parse::<u32>().ok());
        if let Some(y) = year {
            url.push_str(&format!("&issueYear={}", uri(&y.to_string())));
        }
        if let Some(m) = month.filter(|m| (1..=12).contains(m)) {
            url.push_str(&format!("&issueMonth={}", uri(&m.to_string())));
        }
    }
    url.push_str(&format!("&certUrl={}", uri(cert_url)));
    url
}
