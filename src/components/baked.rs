//! "Download as baked PNG/SVG" in the detail view: a generated badge image (a coloured disc
//! with the initials and the name) carrying the original credential, baked by the core
//! (`wallet_core::bake_svg` / `bake_png`).

use std::sync::Arc;

use leptos::prelude::*;
use wallet_core::model::{Credential, Format};
use wallet_core::unbake::{encode_png, xml_escape};

use super::card::initials;
use crate::browser;

/// A file name from a credential's name: lowercase ASCII letters and digits, dashes between.
pub fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let s: String = s.chars().take(60).collect();
    if s.is_empty() { "badge".into() } else { s }
}

/// A colour from the credential's name (stable across downloads).
fn badge_colour(name: &str) -> (u8, u8, u8) {
    const PALETTE: [(u8, u8, u8); 6] = [
        (0x2b, 0x4f, 0xd8),
        (0x1f, 0x7a, 0x4d),
        (0x9a, 0x3b, 0xb8),
        (0xb4, 0x53, 0x09),
        (0x0e, 0x74, 0x90),
        (0xbe, 0x18, 0x5d),
    ];
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    PALETTE[(h % PALETTE.len() as u32) as usize]
}

/// A simple badge image: a coloured disc with a ring, the initials and the name.
fn badge_svg(name: &str) -> String {
    let (r, g, b) = badge_colour(name);
    let short: String = name.chars().take(28).collect();
    let short = if name.chars().count() > 28 {
        format!("{short}…")
    } else {
        short
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="124" fill="#{r:02x}{g:02x}{b:02x}"/><circle cx="128" cy="128" r="104" fill="none" stroke="#fff" stroke-width="6"/><text x="128" y="138" text-anchor="middle" font-family="system-ui, sans-serif" font-size="56" font-weight="700" fill="#fff">{}</text><text x="128" y="180" text-anchor="middle" font-family="system-ui, sans-serif" font-size="13" fill="#fff">{}</text></svg>"##,
        xml_escape(&initials(name)),
        xml_escape(&short)
    )
}

/// The same badge as a 256×256 RGBA PNG (a disc with a ring; anti-aliased edges).
fn badge_png(name: &str) -> Vec<u8> {
    const S: usize = 256;
    let (r, g, b) = badge_colour(name);
    let mut px = vec![0u8; S * S * 4];
    let c = (S as f32 - 1.0) / 2.0;
    for y in 0..S {
        for x in 0..S {
            let d = ((x as f32 - c).powi(2) + (y as f32 - c).powi(2)).sqrt();
            let alpha = (124.0 - d + 0.5).clamp(0.0, 1.0);
            if alpha <= 0.0 {
                continue;
            }
            // White ring between radius 101 and 107.
            let ring = ((3.5 - (d - 104.0).abs()) + 0.5).clamp(0.0, 1.0);
            let mix = |v: u8| (v as f32 * (1.0 - ring) + 255.0 * ring).round() as u8;
            let i = (y * S + x) * 4;
            px[i] = mix(r);
            px[i + 1] = mix(g);
            px[i + 2] = mix(b);
            px[i + 3] = (alpha * 255.0).round() as u8;
        }
    }
    encode_png(S as u32, S as u32, true, &px)
}

/// "Download as baked PNG/SVG": a generated badge image carrying the original credential.
pub fn baked_downloads(c: &Credential) -> AnyView {
    let ob3 = matches!(
        c.format,
        Format::Ob3Vc2 | Format::Ob3Vc11 | Format::Ob3Jwt | Format::Clr
    );
    let text = Arc::new(c.original.text().to_string());
    let name = Arc::new(c.name.clone());
    let error = RwSignal::new(None::<String>);
    let (t1, n1) = (text.clone(), name.clone());
    let (t2, n2) = (text, name);
    view! {
        <button type="button" class="button" data-testid="download-baked-svg" on:click=move |_| {
            let result = wallet_core::bake_svg(&badge_svg(&n1), ob3, &t1)
                .map_err(|e| e.message(crate::i18n::lang()))
                .and_then(|svg| browser::download(&format!("{}.svg", slug(&n1)), "image/svg+xml", svg.as_bytes()));
            error.set(result.err());
        }>{t!("import-download-baked-svg")}</button>
        <button type="button" class="button" data-testid="download-baked-png" on:click=move |_| {
            let keyword = if ob3 { "openbadgecredential" } else { "openbadges" };
            let result = wallet_core::bake_png(&badge_png(&n2), keyword, &t2)
                .map_err(|e| e.message(crate::i18n::lang()))
                .and_then(|png| browser::download(&format!("{}.png", slug(&n2)), "image/png", &png));
            error.set(result.err());
        }>{t!("import-download-baked-png")}</button>
        {move || error.get().map(|e| view! { <p class="banner error" role="alert">{t!("import-bake-failed", reason = e)}</p> })}
    }
    .into_any()
}
