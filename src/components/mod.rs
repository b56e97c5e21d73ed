//! UI components. They render untrusted credential text only as text (never as HTML) and
//! link only to http(s) URLs (`wallet_core::safe_link`).

pub mod backup;
pub mod baked;
pub mod brand;
pub mod card;
pub mod certificate;
pub mod checks;
pub mod clr;
pub mod credential_body;
pub mod credential_parts;
pub mod deeplink;
pub mod detail;
pub mod employer;
pub mod employer_pathways;
pub mod endorsements;
pub mod gallery;
pub mod image;
pub mod import_fields;
pub mod import_panel;
pub mod issuer_name;
pub mod issuer_text;
pub mod pathway_parts;
pub mod pathways;
pub mod qr_offer;
pub mod requirement_tree;
pub mod restore;
pub mod save_shared;
pub mod scan_qr;
pub mod share;
pub mod share_banner;
pub mod storage_status;

pub use wallet_core::time::short_date;

/// "1 credential", "3 credentials".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
