//! The words the views show about pathways and their progress (the wallet's Progress view and
//! tree, the employer's view of shared pathways): one place, so both say the same and the
//! wording is tested natively. Every function takes the reader's language; the messages are in
//! `i18n/locales/<tag>/pathways.ftl`.

use wallet_i18n::{Lang, msg};

use crate::eval::{NodeProgress, Progress};
use crate::format::{Goal, GoalKind};

/// The label the engine gives a group (`"all"`, `"any"`, `"nOf"`) without an author label;
/// `needed` is the group's units needed (`k` of an `nOf`).
pub fn default_group_label(lang: Lang, kind: &str, needed: usize) -> String {
    match kind {
        "all" => msg!(lang, "pathway-group-label-all"),
        "any" => msg!(lang, "pathway-group-label-any"),
        _ => msg!(lang, "pathway-group-label-n", needed = needed),
    }
}

/// Whether a group's label is the one the engine gives it (the author gave none); `lang` is the
/// language the group was evaluated in.
pub fn has_default_label(lang: Lang, n: &NodeProgress) -> bool {
    n.label == default_group_label(lang, &n.kind, n.units_needed)
}

/// A group's kind, e.g. "All of", "Any of", "3 of 4".
pub fn group_tag(lang: Lang, n: &NodeProgress) -> String {
    match n.kind.as_str() {
        "all" => msg!(lang, "pathway-group-tag-all"),
        "any" => msg!(lang, "pathway-group-tag-any"),
        _ => msg!(
            lang,
            "pathway-group-tag-n",
            needed = n.units_needed,
            total = n.children.len()
        ),
    }
}

/// What a goal is, e.g. "Certificate".
pub fn kind_label(lang: Lang, k: GoalKind) -> String {
    match k {
        GoalKind::Certificate => msg!(lang, "pathway-kind-certificate"),
        GoalKind::Diploma => msg!(lang, "pathway-kind-diploma"),
        GoalKind::DegreeCredit => msg!(lang, "pathway-kind-degree-credit"),
        GoalKind::Job => msg!(lang, "pathway-kind-job"),
        GoalKind::Other => msg!(lang, "pathway-kind-other"),
    }
}

/// What a learner who completed a pathway can do, e.g. "Eligible — request your certificate
/// from Northfield College".
pub fn eligible_text(lang: Lang, goal: &Goal) -> String {
    let issuer = goal.issuer.name.as_str();
    match goal.kind {
        GoalKind::Certificate => msg!(lang, "pathway-eligible-certificate", issuer = issuer),
        GoalKind::Diploma => msg!(lang, "pathway-eligible-diploma", issuer = issuer),
        GoalKind::DegreeCredit => msg!(lang, "pathway-eligible-degree-credit", issuer = issuer),
        GoalKind::Job => msg!(lang, "pathway-eligible-job", issuer = issuer),
        GoalKind::Other => msg!(lang, "pathway-eligible-other", issuer = issuer),
    }
}

/// "1 requirement", "3 requirements".
pub fn requirements(lang: Lang, n: usize) -> String {
    msg!(lang, "pathway-requirements", n = n)
}

/// A shared pathway's count in the employer's view: "2 of 3 requirements met",
/// "Complete: 3 of 3 requirements met".
pub fn shared_count(lang: Lang, p: &Progress) -> String {
    if p.complete {
        msg!(
            lang,
            "pathway-shared-count-complete",
            met = p.units_met,
            needed = p.units_needed
        )
    } else {
        msg!(
            lang,
            "pathway-shared-count",
            met = p.units_met,
            needed = p.units_needed
        )
    }
}

/// The count beside a reference to another pathway: "complete", else "k of n".
pub fn reference_count(lang: Lang, p: &Progress) -> String {
    if p.complete {
        msg!(lang, "pathway-reference-complete")
    } else {
        count(lang, p.units_met, p.units_needed)
    }
}

/// "k of n": a pathway's count on its card and page.
pub fn count(lang: Lang, met: usize, needed: usize) -> String {
    msg!(lang, "pathway-count", met = met, needed = needed)
}

/// A date a reason names: ISO as the credential has it in English, the language's own
/// otherwise (`wallet_i18n::date`).
pub(crate) fn shown_date(lang: Lang, iso: &str) -> String {
    match lang {
        Lang::En => iso.to_string(),
        _ => wallet_i18n::date(lang, iso),
    }
}
