//! What format 2's coder reads before every link (`cm.rs`): generic badge
//! and credential wording, then the binary bodies of a few generic
//! credentials built from the public Open Badges 3.0 / VC 2.0 / VC 1.1 /
//! VC-JWT / OB 2.0 vocabulary. Written by hand for this purpose, NOT taken
//! from the published test vectors (the README reports figures on credentials
//! that had no part in it).
//!
//! FROZEN with format 2: the bytes [`priming`] returns never change (a test
//! pins their CRC-32). Most typical material last: recent context weighs more.

use std::sync::OnceLock;

/// Generic wording of achievement names, descriptions, criteria, issuers.
const WORDS: &str = "\
Introduction to Programming. Foundations of Data Science. Advanced Project Management. \
Certificate of Completion. Professional Certificate in Digital Marketing. Leadership Essentials. \
Workplace Health and Safety. First Aid and CPR. Customer Service Excellence. Effective Communication. \
Critical Thinking and Problem Solving. Web Development Fundamentals. Cloud Computing Basics. \
Cybersecurity Awareness. Financial Literacy. Public Speaking. Creative Writing Workshop. \
Environmental Sustainability. Team Leadership. Research Methods. Academic Integrity. \
Volunteer of the Year. Peer Mentor. Community Service Award. Innovation Challenge Winner. \
Bachelor of Science in Computer Science. Master of Business Administration. Associate Degree in Nursing. \
The learner has successfully completed the course and demonstrated the ability to apply the skills \
in practice. This badge recognizes learners who have shown a clear understanding of the core concepts \
and can use them in real-world situations. Awarded to students who completed all required modules, \
assignments and the final assessment with a passing grade. The holder of this credential is able to \
plan, design, build and evaluate a project from start to finish, working both independently and as \
part of a team. Earners demonstrate knowledge of the key principles, methods and tools of the field, \
and the ability to communicate their work to others. This credential is awarded for participation \
in the program and the successful completion of a capstone project reviewed by instructors. \
Recipients were chosen by the program staff for outstanding contribution, \
leadership and service to the community. Learners must attend at least 80% of the sessions, \
submit a portfolio of evidence and pass a practical exam. Candidates are assessed on their \
competency in each of the learning outcomes listed in the course description. \
Shows the ability to work effectively with others, to resolve conflicts, to give and receive \
feedback, and to contribute to a shared goal. Covers skills in analysis, \
communication, collaboration and professional practice. Achievement of this badge requires the learner \
to complete the online training, pass the quiz with a score of at least 80 percent, and submit a \
short reflection on what they learned. Issued by the University Department of Continuing Education \
upon review of the submitted work by a qualified assessor. Completion of the required hours of \
supervised practice. The student met all of the criteria for this achievement. \
Example University. Example College. Example Academy. Example Institute of Technology. \
Example Learning. Example School District. Example Training Center. \
";

/// Generic credentials (skeletons: realistic shapes, placeholder values).
const CREDENTIALS: &[&str] = &[
    // Open Badges 2.0 assertion.
    r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/123","recipient":{"type":"email","hashed":true,"salt":"a1b2c3","identity":"sha256$88a92ccfdc6b4c3c3e002b41a974f14427919658e2068077ca99c9957d7ec8c0"},"issuedOn":"2016-12-31T23:59:59Z","badge":{"type":"BadgeClass","id":"https://example.org/badges/5","name":"Lab Safety","description":"This badge is awarded for passing the laboratory safety course.","image":"https://example.org/badges/5/image","criteria":{"narrative":"Complete the online modules and pass the written test."},"issuer":{"id":"https://example.org/issuer","type":"Profile","name":"Example Society","url":"https://example.org","email":"contact@example.org"}},"verification":{"type":"hosted"}}"#,
    // VC-JWT payload (VC 1.1 data model).
    r#"{"iss":"did:web:example.edu","sub":"did:example:learner","nbf":1704067200,"jti":"urn:uuid:00000000-0000-4000-8000-000000000000","vc":{"@context":["https://www.w3.org/2018/credentials/v1","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:00000000-0000-4000-8000-000000000000","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:web:example.edu","type":["Profile"],"name":"Example University"},"issuanceDate":"2024-01-01T00:00:00Z","name":"Certificate of Completion","credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],"achievement":{"id":"https://example.edu/achievements/1","type":["Achievement"],"achievementType":"Certificate","name":"Certificate of Completion","description":"Awarded for completing the course.","criteria":{"narrative":"Complete all modules."}}}}}"#,
    // OB 3.0 under VC 1.1, Ed25519Signature2020.
    r#"{"@context":["https://www.w3.org/2018/credentials/v1","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json","https://w3id.org/security/suites/ed25519-2020/v1"],"id":"urn:uuid:00000000-0000-4000-8000-000000000000","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","type":["Profile"],"name":"Example College"},"issuanceDate":"2024-01-01T00:00:00Z","name":"Badge","credentialSubject":{"type":["AchievementSubject"],"achievement":{"id":"urn:uuid:00000000-0000-4000-8000-000000000000","type":["Achievement"],"achievementType":"Badge","name":"Badge","description":"A badge.","criteria":{"narrative":"Criteria."},"image":{"id":"https://example.edu/badge.png","type":"Image"}}},"proof":{"type":"Ed25519Signature2020","created":"2024-01-01T00:00:00Z","verificationMethod":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","proofPurpose":"assertionMethod","proofValue":"z5Lc7zkv7PdvAT9kUZeJUNnwYqdLH5FzQ2NBKxUpJgCbkRtrsTNdFvTEHrf1DEGp8chUT4EXuizffhPFnvYwySqs"}}"#,
    // OB 3.0 under VC 2.0 with an https issuer, alignment and results.
    r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"https://example.edu/credentials/1","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"https://example.edu/issuers/1","type":["Profile"],"name":"Example University","url":"https://example.edu","email":"registrar@example.edu"},"validFrom":"2024-01-01T00:00:00Z","validUntil":"2029-01-01T00:00:00Z","name":"Data Analysis","credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],"activityEndDate":"2024-01-01T00:00:00Z","result":[{"type":["Result"],"resultDescription":"urn:uuid:00000000-0000-4000-8000-000000000000","value":"A"}],"achievement":{"id":"https://example.edu/achievements/data-analysis","type":["Achievement"],"achievementType":"Course","name":"Data Analysis","description":"Learners clean, explore and visualise data sets and report their findings.","criteria":{"narrative":"Pass the final project."},"alignment":[{"type":["Alignment"],"targetName":"Data analysis","targetUrl":"https://example.org/frameworks/skills/data-analysis","targetType":"ceasn:Competency","targetFramework":"Example Skills Framework"}],"creditsAvailable":3,"fieldOfStudy":"Computer Science","humanCode":"DATA101","tag":["data","analysis"]}},"proof":{"type":"DataIntegrityProof","created":"2024-01-01T00:00:00Z","verificationMethod":"https://example.edu/issuers/1#key-1","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod","proofValue":"z5Lc7zkv7PdvAT9kUZeJUNnwYqdLH5FzQ2NBKxUpJgCbkRtrsTNdFvTEHrf1DEGp8chUT4EXuizffhPFnvYwySqs"}}"#,
    // OB 3.0 under VC 2.0, did:key issuer, Data Integrity eddsa-rdfc-2022.
    r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:00000000-0000-4000-8000-000000000000","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","type":["Profile"],"name":"Example Institute","url":"https://example.org"},"validFrom":"2024-01-01T00:00:00Z","name":"Achievement","credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],"achievement":{"id":"https://example.org/achievements/1","type":["Achievement"],"name":"Achievement","description":"This badge recognizes the learner.","criteria":{"narrative":"The learner completed the requirements."},"image":{"id":"https://example.org/achievements/1/image","type":"Image"}}},"proof":{"type":"DataIntegrityProof","created":"2024-01-01T00:00:00Z","verificationMethod":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod","proofValue":"z5Lc7zkv7PdvAT9kUZeJUNnwYqdLH5FzQ2NBKxUpJgCbkRtrsTNdFvTEHrf1DEGp8chUT4EXuizffhPFnvYwySqs"}}"#,
];

/// The priming bytes: the wording, then each generic credential as the body
/// of a one-credential portfolio with a title and a holder.
pub fn priming() -> &'static [u8] {
    static P: OnceLock<Vec<u8>> = OnceLock::new();
    P.get_or_init(|| {
        let mut out = WORDS.as_bytes().to_vec();
        for c in CREDENTIALS {
            let p = crate::Portfolio {
                title: Some("My portfolio".into()),
                holder: Some("Sam Lee".into()),
                credentials: vec![crate::Original::Json((*c).into())],
                pathways: None,
            };
            out.extend(crate::body(&p));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_priming_text_is_frozen() {
        let p = super::priming();
        assert!(p.len() > 4000);
        assert_eq!(
            crc32fast::hash(p),
            FINGERPRINT,
            "format 2's priming text is frozen"
        );
    }

    const FINGERPRINT: u32 = 4194502867;
}
