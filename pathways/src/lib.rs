//! `wallet-pathways`: stackable pathways for the learner wallet.
//!
//! Pure Rust (no `web-sys`), native and `wasm32-unknown-unknown` alike:
//!
//! - [`format`]: the pathway definition format (`"type": "LearnerPathway",
//!   "version": 1`, see `docs/pathways.md`), its parser ([`parse_file`],
//!   [`parse_pathways`], [`load`]) and checks ([`validate`]), every error
//!   naming its place (`pathways[2].requirements.all[1].nOf`);
//! - [`item`]: [`Item`], a credential plus its verification status, as
//!   evaluation sees it, and the lookup [`item::Index`];
//! - [`eval`]: [`evaluate`] — progress at every node, which credential fills
//!   which requirement (maximum bipartite matching within a group), and why
//!   matching credentials do not count;
//! - [`next`]: [`next_steps`] — what to earn next, nearest goal first;
//! - [`files`]: the learner's pathway files (bundled and imported) loaded so that
//!   one bad file does not hide the others; adding ([`files::add_file`]: size
//!   cap, a unique name, validation) and removing one;
//! - [`words`]: what the views say (group tags, goal kinds, "Eligible — …");
//! - [`share`]: pathway definitions inside a share link ([`to_shared`],
//!   [`from_shared`]): compact, and read back with every check, so the
//!   recipient recomputes progress instead of trusting it.
//!
//! All entry points are total on arbitrary input (no panics).

pub mod eval;
pub mod files;
pub mod format;
pub mod item;
pub mod next;
pub mod share;
pub mod words;

pub use eval::{NodeProgress, NotCounted, Progress, describe, evaluate, match_key};
pub use format::{
    AlignmentMatch, Conditions, ErrorKind, FORMAT_VERSION, Goal, GoalIssuer, GoalKind, Hint, Match,
    Node, NodeKind, PATHWAY_TYPE, Pathway, PathwayError, load, load_in, parse_file, parse_file_in,
    parse_index, parse_pathways, validate, validate_in,
};
pub use item::{Item, ItemAlignment, Status};
pub use next::{Advance, NextStep, next_steps};
pub use share::{
    Candidate, MAX_SHARED_BYTES, MAX_SHARED_PATHWAYS, SharedError, closure, from_shared,
    share_candidates, to_shared,
};

#[cfg(test)]
mod tests;
