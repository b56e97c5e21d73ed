//! The words the views show about pathways and their progress (the wallet's Progress view and
//! tree, the employer's view of shared pathways): one place, so both say the same and the
//! wording is tested natively.

use crate::eval::{NodeProgress, Progress};
use crate::format::{Goal, GoalKind};

/// The label the engine gives a group (`"all"`, `"any"`, `"nOf"`) without an author label;
/// `needed` is the group's units needed (`k` of an `nOf`).
pub fn default_group_label(kind: &str, needed: usize) -> String {
    match kind {
        "all" => "All of".into(),
        "any" => "Any one of".into(),
        _ => format!("{needed} of"),
    }
}

/// Whether a group's label is the one the engine gives it (the author gave none).
pub fn has_default_label(n: &NodeProgress) -> bool {
    n.label == default_group_label(&n.kind, n.units_needed)
}

/// A group's kind, e.g. "All of", "Any of", "3 of 4".
pub fn group_tag(n: &NodeProgress) -> String {
    match n.kind.as_str() {
        "all" => "All of".into(),
        "any" => "Any of".into(),
        _ => format!("{} of {}", n.units_needed, n.children.len()),
    }
}

/// What a goal is, e.g. "Certificate".
pub fn kind_label(k: GoalKind) -> &'static str {
    match k {
        GoalKind::Certificate => "Certificate",
        GoalKind::Diploma => "Diploma",
        GoalKind::DegreeCredit => "Degree credit",
        GoalKind::Job => "Job",
        GoalKind::Other => "Goal",
    }
}

/// What a learner who completed a pathway can do, e.g. "Eligible — request your certificate
/// from Northfield College".
pub fn eligible_text(goal: &Goal) -> String {
    let issuer = &goal.issuer.name;
    match goal.kind {
        GoalKind::Certificate => format!("Eligible — request your certificate from {issuer}"),
        GoalKind::Diploma => format!("Eligible — request your diploma from {issuer}"),
        GoalKind::DegreeCredit => format!("Eligible — request your degree credit from {issuer}"),
        GoalKind::Job => format!("Eligible — apply to {issuer}"),
        GoalKind::Other => format!("Eligible — contact {issuer}"),
    }
}

/// "1 requirement", "3 requirements".
pub fn requirements(n: usize) -> String {
    format!("{n} requirement{}", if n == 1 { "" } else { "s" })
}

/// A shared pathway's count in the employer's view: "2 of 3 requirements met",
/// "Complete: 3 of 3 requirements met".
pub fn shared_count(p: &Progress) -> String {
    if p.complete {
        format!(
            "Complete: {} of {} met",
            p.units_met,
            requirements(p.units_needed)
        )
    } else {
        format!("{} of {} met", p.units_met, requirements(p.units_needed))
    }
}

/// The count beside a reference to another pathway: "complete", else "k of n".
pub fn reference_count(p: &Progress) -> String {
    if p.complete {
        "complete".to_string()
    } else {
        format!("{} of {}", p.units_met, p.units_needed)
    }
}
