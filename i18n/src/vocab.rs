//! Terms of the standards' closed vocabularies, shown in the reader's language.
//!
//! Why: Open Badges 3.0 `achievementType` (and CLR 2.0's, the same enumeration) is not the
//! issuer's prose but a term of the spec's `AchievementType` enumeration ("Course",
//! "BachelorDegree", "CertificateOfCompletion"…). Shown raw it reads as code in English and
//! as English in French; each term has a label per language here. An extension term
//! (`ext:` prefix, OB 3.0 §"Extending Enumerated Vocabularies") and anything else the issuer
//! wrote is the issuer's word: shown as written (without the `ext:` prefix), never guessed at.

use crate::{Lang, msg};

/// The label of an `achievementType` value in `lang`: the enumeration's terms are matched
/// exactly or ignoring case (pathways match them ignoring case too); an `ext:` term loses its
/// prefix; any other value is returned as written.
pub fn achievement_type(lang: Lang, raw: &str) -> String {
    let term = raw.trim();
    match term.strip_prefix("ext:") {
        Some(own) => own.to_string(),
        None => enumerated(lang, term).unwrap_or_else(|| raw.to_string()),
    }
}

/// The label of a term of the enumeration, `None` for anything else.
fn enumerated(lang: Lang, term: &str) -> Option<String> {
    Some(match term.to_ascii_lowercase().as_str() {
        "achievement" => msg!(lang, "achievement-type-achievement"),
        "apprenticeshipcertificate" => msg!(lang, "achievement-type-apprenticeship-certificate"),
        "assessment" => msg!(lang, "achievement-type-assessment"),
        "assignment" => msg!(lang, "achievement-type-assignment"),
        "associatedegree" => msg!(lang, "achievement-type-associate-degree"),
        "award" => msg!(lang, "achievement-type-award"),
        "badge" => msg!(lang, "achievement-type-badge"),
        "bachelordegree" => msg!(lang, "achievement-type-bachelor-degree"),
        "certificate" => msg!(lang, "achievement-type-certificate"),
        "certificateofcompletion" => msg!(lang, "achievement-type-certificate-of-completion"),
        "certification" => msg!(lang, "achievement-type-certification"),
        "communityservice" => msg!(lang, "achievement-type-community-service"),
        "competency" => msg!(lang, "achievement-type-competency"),
        "course" => msg!(lang, "achievement-type-course"),
        "cocurricular" => msg!(lang, "achievement-type-co-curricular"),
        "degree" => msg!(lang, "achievement-type-degree"),
        "diploma" => msg!(lang, "achievement-type-diploma"),
        "doctoraldegree" => msg!(lang, "achievement-type-doctoral-degree"),
        "fieldwork" => msg!(lang, "achievement-type-fieldwork"),
        "generaleducationdevelopment" => {
            msg!(lang, "achievement-type-general-education-development")
        }
        "journeymancertificate" => msg!(lang, "achievement-type-journeyman-certificate"),
        "learningprogram" => msg!(lang, "achievement-type-learning-program"),
        "license" => msg!(lang, "achievement-type-license"),
        "membership" => msg!(lang, "achievement-type-membership"),
        "professionaldoctorate" => msg!(lang, "achievement-type-professional-doctorate"),
        "qualityassurancecredential" => {
            msg!(lang, "achievement-type-quality-assurance-credential")
        }
        "mastercertificate" => msg!(lang, "achievement-type-master-certificate"),
        "masterdegree" => msg!(lang, "achievement-type-master-degree"),
        "microcredential" => msg!(lang, "achievement-type-micro-credential"),
        "researchdoctorate" => msg!(lang, "achievement-type-research-doctorate"),
        "secondaryschooldiploma" => msg!(lang, "achievement-type-secondary-school-diploma"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every term of the OB 3.0 `AchievementType` enumeration, as the spec spells it.
    const SPEC_TERMS: [&str; 31] = [
        "Achievement",
        "ApprenticeshipCertificate",
        "Assessment",
        "Assignment",
        "AssociateDegree",
        "Award",
        "Badge",
        "BachelorDegree",
        "Certificate",
        "CertificateOfCompletion",
        "Certification",
        "CommunityService",
        "Competency",
        "Course",
        "CoCurricular",
        "Degree",
        "Diploma",
        "DoctoralDegree",
        "Fieldwork",
        "GeneralEducationDevelopment",
        "JourneymanCertificate",
        "LearningProgram",
        "License",
        "Membership",
        "ProfessionalDoctorate",
        "QualityAssuranceCredential",
        "MasterCertificate",
        "MasterDegree",
        "MicroCredential",
        "ResearchDoctorate",
        "SecondarySchoolDiploma",
    ];

    #[test]
    fn every_spec_term_has_a_label_in_every_language_and_no_two_terms_share_one() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for term in SPEC_TERMS {
                let label = enumerated(lang, term);
                assert!(label.is_some(), "{lang:?} {term}: not labelled");
                assert_eq!(achievement_type(lang, term), label.clone().unwrap());
                assert!(seen.insert(label.clone()), "{lang:?}: {label:?} twice");
            }
        }
    }

    #[test]
    fn labels_extensions_and_unknown_terms() {
        let cases: &[(Lang, &str, &str)] = &[
            (Lang::En, "Course", "Course"),
            (Lang::Fr, "Course", "Cours"),
            (Lang::En, "course", "Course"),
            (
                Lang::En,
                "CertificateOfCompletion",
                "Certificate of completion",
            ),
            (Lang::Fr, "MasterDegree", "Master"),
            (Lang::En, "BachelorDegree", "Bachelor’s degree"),
            (Lang::Fr, "ext:EQFLevel", "EQFLevel"),
            (Lang::Fr, "Doctorate", "Doctorate"),
            (Lang::En, "", ""),
        ];
        for (lang, raw, want) in cases {
            assert_eq!(achievement_type(*lang, raw), *want, "{lang:?} {raw}");
        }
    }
}
