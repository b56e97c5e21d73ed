//! Revocation status: when a credential declares `credentialStatus`, `verified` needs every
//! entry read from a fetched status list whose own proof verified. Credentials and lists are
//! signed here (eddsa-jcs-2022) with TEST-ONLY keys made from fixed seeds.

use std::collections::HashMap;

use serde_json::{Value, json};
use wallet_verify::{
    DEFAULT_FRESH_SECONDS, Outcome, Status, VerifyContext, fresh_until, is_fresh, status_documents,
    time::parse_datetime, verify,
};

const NOW: &str = "2025-11-23T12:00:00Z";
const LIST_A: &str = "https://status.example.test/lists/a";
const LIST_B: &str = "https://status.example.test/lists/b";

mod common;
use common::{TestKey, ob3_credential, sign_jcs};

/// `doc` signed (eddsa-jcs-2022) by the TEST-ONLY key of `seed`.
fn sign(doc: Value, seed: u8) -> Value {
    sign_jcs(doc, &TestKey::from_seed(seed))
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `u` + base64url(GZIP(bitstring)) with the given bits set (16 KiB: 131 072 entries).
fn encoded_list(set: &[usize]) -> String {
    let mut bits = vec![0u8; 16 * 1024];
    for &i in set {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    encode_bits(&bits)
}

/// The bits of a list of `size`-bit entries with the given `(index, value)`s: entry `i` takes
/// bits `i·size …`, most significant bit first (Bitstring Status List §4.2), written out here
/// bit by bit, independently of the reader.
fn values_list(size: usize, values: &[(usize, u32)]) -> String {
    let mut set = Vec::new();
    for &(index, value) in values {
        for b in 0..size {
            if value >> (size - 1 - b) & 1 == 1 {
                set.push(index * size + b);
            }
        }
    }
    encoded_list(&set)
}

fn encode_bits(bits: &[u8]) -> String {
    use base64::Engine as _;
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    gz.extend(miniz_oxide::deflate::compress_to_vec(bits, 6));
    gz.extend(crc32(bits).to_le_bytes());
    gz.extend((bits.len() as u32).to_le_bytes());
    format!(
        "u{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(gz)
    )
}

/// A signed BitstringStatusListCredential at `url` for `purpose` with bits `set`.
fn status_list(url: &str, purpose: &str, set: &[usize], seed: u8) -> Value {
    let did = TestKey::from_seed(seed).did;
    sign(
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": did,
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {
                "id": format!("{url}#list"),
                "type": "BitstringStatusList",
                "statusPurpose": purpose,
                "encodedList": encoded_list(set),
            }
        }),
        seed,
    )
}

fn entry(url: &str, purpose: &str, index: usize) -> Value {
    json!({
        "id": format!("{url}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": url,
    })
}

/// A signed BitstringStatusListCredential at `url` for `purpose` (a string or a list) with
/// the given `encodedList`.
fn list_with(url: &str, purpose: Value, encoded: String, seed: u8) -> Value {
    let did = TestKey::from_seed(seed).did;
    sign(
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": did,
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {
                "id": format!("{url}#list"),
                "type": "BitstringStatusList",
                "statusPurpose": purpose,
                "encodedList": encoded,
            }
        }),
        seed,
    )
}

const CRED_ID: &str = "urn:uuid:7b4b0d3e-0000-4000-8000-000000000001";
const OB_EXTENSIONS: &str = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

/// A signed OB 3.0 credential with the given `credentialStatus` (None: no member).
fn credential(status: Option<Value>) -> String {
    credential_ctx(status, &[])
}

/// [`credential`] with more `@context`s after the OB one.
fn credential_ctx(status: Option<Value>, extra: &[&str]) -> String {
    let did = TestKey::from_seed(1).did;
    let mut vc = ob3_credential(
        "urn:uuid:7b4b0d3e-0000-4000-8000-000000000001",
        &did,
        "Status Badge",
    );
    assert_eq!(vc["id"], json!(CRED_ID));
    for c in extra {
        vc["@context"].as_array_mut().unwrap().push(json!(c));
    }
    vc["validFrom"] = json!("2024-01-01T00:00:00Z");
    if let Some(s) = status {
        vc["credentialStatus"] = s;
    }
    serde_json::to_string(&sign(vc, 1)).unwrap()
}

fn run(text: &str, docs: &[(&str, Value)]) -> wallet_verify::Report {
    let resolved: HashMap<String, Value> = docs
        .iter()
        .map(|(u, v)| (u.to_string(), v.clone()))
        .collect();
    let c = wallet_core::parse_credential(text).expect("core parses the credential");
    verify(
        &c,
        &VerifyContext {
            now: NOW,
            skew_seconds: 60,
            resolved: &resolved,
            trusted_issuers: &[],
        },
    )
}

/// One case: credential status, fetched documents, wanted card status, wanted status-check
/// outcome, texts the status message must contain.
struct Case {
    name: &'static str,
    status: Option<Value>,
    docs: Vec<(&'static str, Value)>,
    want: Status,
    outcome: Outcome,
    says: &'static [&'static str],
}

#[test]
fn status_table() {
    let rev = |set: &[usize]| status_list(LIST_A, "revocation", set, 2);
    let sus = |set: &[usize]| status_list(LIST_B, "suspension", set, 3);
    let mut tampered = rev(&[]);
    tampered["credentialSubject"]["encodedList"] = json!(encoded_list(&[5]));
    let mut expired_list = rev(&[]);
    expired_list["validUntil"] = json!("2025-06-01T00:00:00Z");
    let expired_list = {
        let mut l = expired_list;
        l.as_object_mut().unwrap().remove("proof");
        sign(l, 2)
    };
    let mut unsigned = rev(&[]);
    unsigned.as_object_mut().unwrap().remove("proof");
    let mut garbled = rev(&[]);
    garbled["credentialSubject"]["encodedList"] = json!("u!!!");
    let garbled = {
        let mut l = garbled;
        l.as_object_mut().unwrap().remove("proof");
        sign(l, 2)
    };
    let both = json!([
        entry(LIST_A, "revocation", 5),
        entry(LIST_B, "suspension", 7)
    ]);
    let cases = vec![
        Case {
            name: "no status declared",
            status: None,
            docs: vec![],
            want: Status::Verified,
            outcome: Outcome::NotChecked,
            says: &["publishes no revocation status"],
        },
        Case {
            name: "status declared, list missing",
            status: Some(entry(LIST_A, "revocation", 5)),
            docs: vec![],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &[
                "The signature is valid, but revocation could not be checked.",
                "was not fetched",
                LIST_A,
            ],
        },
        Case {
            name: "list present, bit clear",
            status: Some(entry(LIST_A, "revocation", 5)),
            docs: vec![(LIST_A, rev(&[4, 6]))],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["has not revoked"],
        },
        Case {
            name: "revocation bit set",
            status: Some(entry(LIST_A, "revocation", 5)),
            docs: vec![(LIST_A, rev(&[5]))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked"],
        },
        Case {
            name: "suspension bit set",
            status: Some(entry(LIST_B, "suspension", 7)),
            docs: vec![(LIST_B, sus(&[7]))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["suspended", "not revoked"],
        },
        Case {
            name: "two entries, both clear",
            status: Some(both.clone()),
            docs: vec![(LIST_A, rev(&[])), (LIST_B, sus(&[]))],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["neither revoked nor suspended"],
        },
        Case {
            name: "two entries, second list missing",
            status: Some(both.clone()),
            docs: vec![(LIST_A, rev(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["could not be checked", LIST_B],
        },
        Case {
            name: "two entries, second suspended",
            status: Some(both.clone()),
            docs: vec![(LIST_A, rev(&[])), (LIST_B, sus(&[7]))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["suspended"],
        },
        Case {
            name: "two entries, first missing, second revoked: revoked wins",
            status: Some(json!([
                entry(LIST_B, "suspension", 7),
                entry(LIST_A, "revocation", 5)
            ])),
            docs: vec![(LIST_A, rev(&[5]))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked"],
        },
        Case {
            name: "list with a bad signature (bit changed after signing)",
            status: Some(entry(LIST_A, "revocation", 1)),
            docs: vec![(LIST_A, tampered)],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["could not be checked", "signature", "not valid"],
        },
        Case {
            name: "unsigned list",
            status: Some(entry(LIST_A, "revocation", 1)),
            docs: vec![(LIST_A, unsigned)],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["not signed"],
        },
        Case {
            name: "unreadable list",
            status: Some(entry(LIST_A, "revocation", 1)),
            docs: vec![(LIST_A, garbled)],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["unreadable", "base64url"],
        },
        Case {
            name: "list past its own validUntil",
            status: Some(entry(LIST_A, "revocation", 1)),
            docs: vec![(LIST_A, expired_list)],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["expired on 2025-06-01"],
        },
        Case {
            name: "purpose of list and entry differ",
            status: Some(entry(LIST_A, "suspension", 1)),
            docs: vec![(LIST_A, rev(&[1]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["the list is for revocation"],
        },
        Case {
            name: "index outside the list",
            status: Some(entry(LIST_A, "revocation", 200_000)),
            docs: vec![(LIST_A, rev(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["outside the list"],
        },
        Case {
            name: "unknown status type",
            status: Some(
                json!({"id": "https://status.example.test/x", "type": "CredentialStatusList2017"}),
            ),
            docs: vec![],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["CredentialStatusList2017", "not supported"],
        },
        Case {
            name: "known list plus unknown type",
            status: Some(json!([
                entry(LIST_A, "revocation", 5),
                {"id": "https://status.example.test/y", "type": "RevocationList2020Status"}
            ])),
            docs: vec![(LIST_A, rev(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["RevocationList2020Status"],
        },
        Case {
            name: "unsupported purpose",
            status: Some(entry(LIST_A, "message", 5)),
            docs: vec![(LIST_A, rev(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["message"],
        },
        Case {
            name: "entry without index",
            status: Some(
                json!({"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListCredential": LIST_A}),
            ),
            docs: vec![(LIST_A, rev(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["has no valid index"],
        },
    ];
    run_table(&cases, &[]);
}

/// Runs each case on a credential signed with its status (and these extra contexts); collects
/// every failure before failing.
fn run_table(cases: &[Case], extra_ctx: &[&str]) {
    let mut failures = Vec::new();
    for c in cases {
        let text = credential_ctx(c.status.clone(), extra_ctx);
        let r = run(&text, &c.docs);
        let st = r.check("status").expect("a status check");
        let missing: Vec<_> = c
            .says
            .iter()
            .filter(|s| !st.message.contains(**s))
            .collect();
        if r.status != c.want || st.outcome != c.outcome || !missing.is_empty() {
            failures.push(format!(
                "{}: want {:?}/{:?} saying {:?}, got {:?}/{:?}: {}",
                c.name, c.want, c.outcome, missing, r.status, st.outcome, st.message
            ));
        }
        // The signature itself is valid in every case.
        assert_eq!(
            r.check("signature").unwrap().outcome,
            Outcome::Pass,
            "{}: {:?}",
            c.name,
            r.checks
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A Bitstring entry with `statusSize` and `statusMessage` (either left out when `None`).
fn sized_entry(
    url: &str,
    purpose: &str,
    index: usize,
    size: Option<Value>,
    messages: Option<Value>,
) -> Value {
    let mut e = entry(url, purpose, index);
    if let Some(s) = size {
        e["statusSize"] = s;
    }
    if let Some(m) = messages {
        e["statusMessage"] = m;
    }
    e
}

/// Four messages, one per value of a 2-bit entry.
fn four_messages() -> Value {
    json!([
        {"status": "0x0", "message": "Valid"},
        {"status": "0x1", "message": "Under review"},
        {"status": "0x2", "message": "Transferred to the new programme"},
        {"status": "0x3", "message": "Replaced by a newer badge"}
    ])
}

/// Bitstring `message` entries and multi-bit `statusSize`: a message is shown, never revokes,
/// and does not keep a credential from `verified` once its list was read and verified.
#[test]
fn message_and_size_table() {
    const LIST_M: &str = "https://status.example.test/lists/m";
    let msg1 = |set: &[usize]| list_with(LIST_M, json!("message"), encoded_list(set), 4);
    // 2-bit entries: index 5 holds 0b10; its neighbours 4 and 6 hold 0b11 and 0b01, so an
    // off-by-one in either direction reads another value.
    let msg2 = list_with(
        LIST_M,
        json!("message"),
        values_list(2, &[(4, 3), (5, 2), (6, 1), (9, 3)]),
        4,
    );
    // 4-bit entries: index 3 holds 0b1001 (bits 12 and 15).
    let msg4 = list_with(
        LIST_M,
        json!("message"),
        values_list(4, &[(3, 9), (2, 15)]),
        4,
    );
    let two = json!([
        {"status": "0x0", "message": "Valid"},
        {"status": "0x1", "message": "Under review"}
    ]);
    let mut sixteen = Vec::new();
    for v in 0..16 {
        sixteen.push(json!({"status": format!("0x{v:X}"), "message": format!("message {v}")}));
    }
    let cases = vec![
        Case {
            name: "message, 1 bit, clear",
            status: Some(sized_entry(LIST_M, "message", 5, None, Some(two.clone()))),
            docs: vec![(LIST_M, msg1(&[4, 6]))],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &[
                "“\u{2068}Valid\u{2069}” (status 0x0)",
                "publishes no revocation status",
            ],
        },
        Case {
            name: "message, 1 bit, set: a message, not a revocation",
            status: Some(sized_entry(LIST_M, "message", 5, None, Some(two.clone()))),
            docs: vec![(LIST_M, msg1(&[5]))],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Under review", "status 0x1"],
        },
        Case {
            name: "message, 2 bits (string size), value 0b10 between 0b11 and 0b01",
            status: Some(sized_entry(
                LIST_M,
                "message",
                5,
                Some(json!("2")),
                Some(four_messages()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Transferred to the new programme", "status 0x2"],
        },
        Case {
            name: "message, 2 bits, index 4 reads 0b11",
            status: Some(sized_entry(
                LIST_M,
                "message",
                4,
                Some(json!(2)),
                Some(four_messages()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Replaced by a newer badge", "status 0x3"],
        },
        Case {
            name: "message, 2 bits, index 7 is clear",
            status: Some(sized_entry(
                LIST_M,
                "message",
                7,
                Some(json!(2)),
                Some(four_messages()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Valid", "status 0x0"],
        },
        Case {
            name: "message, 4 bits, upper-case hex statuses",
            status: Some(sized_entry(
                LIST_M,
                "message",
                3,
                Some(json!(4)),
                Some(json!(sixteen.clone())),
            )),
            docs: vec![(LIST_M, msg4.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["message 9", "status 0x9"],
        },
        Case {
            name: "message, value without a message",
            status: Some(sized_entry(
                LIST_M,
                "message",
                9,
                Some(json!(2)),
                Some(two.clone()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["status 0x3 (2 bits)", "lists no message"],
        },
        Case {
            name: "message, no statusMessage",
            status: Some(sized_entry(LIST_M, "message", 5, Some(json!(2)), None)),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["status 0x2", "lists no messages (statusMessage)"],
        },
        Case {
            name: "message, malformed statusMessage",
            status: Some(sized_entry(
                LIST_M,
                "message",
                5,
                Some(json!(2)),
                Some(json!([{"status": "2", "message": "x"}])),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["not a list of status and message pairs"],
        },
        Case {
            name: "message, two messages for one value",
            status: Some(sized_entry(
                LIST_M,
                "message",
                5,
                None,
                Some(
                    json!([{"status": "0x1", "message": "a"}, {"status": "0x01", "message": "b"}]),
                ),
            )),
            docs: vec![(LIST_M, msg1(&[5]))],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["not a list of status and message pairs"],
        },
        Case {
            name: "message list not fetched: never verified",
            status: Some(sized_entry(LIST_M, "message", 5, None, Some(two.clone()))),
            docs: vec![],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["could not be checked", "was not fetched"],
        },
        Case {
            name: "message entry on a revocation list",
            status: Some(sized_entry(LIST_A, "message", 5, None, Some(two.clone()))),
            docs: vec![(LIST_A, status_list(LIST_A, "revocation", &[], 2))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["the list is for revocation, but the credential asks about message"],
        },
        Case {
            name: "a list for several purposes",
            status: Some(sized_entry(LIST_M, "message", 5, None, Some(two.clone()))),
            docs: vec![(
                LIST_M,
                list_with(
                    LIST_M,
                    json!(["revocation", "message"]),
                    encoded_list(&[5]),
                    4,
                ),
            )],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Under review"],
        },
        Case {
            name: "2-bit index past the end of the list",
            status: Some(sized_entry(
                LIST_M,
                "message",
                65_536,
                Some(json!(2)),
                Some(four_messages()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["outside the list"],
        },
        Case {
            name: "2-bit last index of the list",
            status: Some(sized_entry(
                LIST_M,
                "message",
                65_535,
                Some(json!(2)),
                Some(four_messages()),
            )),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["Valid"],
        },
        Case {
            name: "revocation with statusSize 2: the spec requires 1",
            status: Some(sized_entry(
                LIST_A,
                "revocation",
                5,
                Some(json!(2)),
                Some(four_messages()),
            )),
            docs: vec![(LIST_A, status_list(LIST_A, "revocation", &[10], 2))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["statusSize of 2", "requires a single bit"],
        },
        Case {
            name: "revocation with statusSize 1 given",
            status: Some(sized_entry(LIST_A, "revocation", 5, Some(json!(1)), None)),
            docs: vec![(LIST_A, status_list(LIST_A, "revocation", &[5], 2))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked"],
        },
        Case {
            name: "statusSize too large",
            status: Some(sized_entry(LIST_M, "message", 5, Some(json!(40)), None)),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["statusSize of 40", "1 to 16"],
        },
        Case {
            name: "statusSize not a positive integer",
            status: Some(sized_entry(LIST_M, "message", 5, Some(json!(0)), None)),
            docs: vec![(LIST_M, msg2.clone())],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["statusSize that is not a positive integer"],
        },
        Case {
            name: "StatusList2021 has no message purpose",
            status: Some(
                json!({"type": "StatusList2021Entry", "statusPurpose": "message", "statusListIndex": "5", "statusListCredential": LIST_M}),
            ),
            docs: vec![(LIST_M, msg1(&[]))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &[
                "StatusList2021Entry with the purpose “message”",
                "not supported",
            ],
        },
        Case {
            name: "three entries: revocation and suspension clear, a message",
            status: Some(json!([
                entry(LIST_A, "revocation", 5),
                entry(LIST_B, "suspension", 7),
                sized_entry(LIST_M, "message", 5, Some(json!(2)), Some(four_messages())),
            ])),
            docs: vec![
                (LIST_A, status_list(LIST_A, "revocation", &[], 2)),
                (LIST_B, status_list(LIST_B, "suspension", &[], 3)),
                (LIST_M, msg2.clone()),
            ],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &[
                "neither revoked nor suspended",
                "Transferred to the new programme",
            ],
        },
        Case {
            name: "revoked with a message: revoked, and the message shown",
            status: Some(json!([
                entry(LIST_A, "revocation", 5),
                sized_entry(LIST_M, "message", 4, Some(json!(2)), Some(four_messages())),
            ])),
            docs: vec![
                (LIST_A, status_list(LIST_A, "revocation", &[5], 2)),
                (LIST_M, msg2.clone()),
            ],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked", "Replaced by a newer badge"],
        },
        Case {
            name: "suspended with a message",
            status: Some(json!([
                entry(LIST_B, "suspension", 7),
                sized_entry(LIST_M, "message", 5, None, Some(two.clone())),
            ])),
            docs: vec![
                (LIST_B, status_list(LIST_B, "suspension", &[7], 3)),
                (LIST_M, msg1(&[5])),
            ],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["suspended", "not revoked", "Under review"],
        },
    ];
    run_table(&cases, &[]);
}

/// A 1EdTech revocation list (1EdTech Revocation List Status Method 1.0) at `url`.
fn edtech_list(url: &str, issuer: &str, revoked: Value) -> Value {
    json!({"id": url, "issuer": issuer, "revokedCredentials": revoked})
}

fn edtech_entry(url: &str) -> Value {
    json!({"id": url, "type": "1EdTechRevocationList"})
}

/// The 1EdTech revocation list: an unsigned JSON list of revoked credential ids; what it says
/// counts only when it is the list the signed credential names and is for its issuer.
#[test]
fn edtech_revocation_list_table() {
    const RL: &str = "https://status.example.test/revocations/1";
    let issuer = TestKey::from_seed(1).did;
    let other = TestKey::from_seed(9).did;
    let clear = edtech_list(RL, &issuer, json!([{"id": "urn:uuid:someone-else"}]));
    let listed = edtech_list(
        RL,
        &issuer,
        json!([{"id": "urn:uuid:x"}, {"id": CRED_ID, "revocationReason": "Issued in error"}]),
    );
    let signed = {
        let mut l = clear.clone();
        l["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
        sign(l, 1)
    };
    let mut tampered = signed.clone();
    tampered["revokedCredentials"] = json!([]);
    let cases = vec![
        Case {
            name: "not listed, unsigned list",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, clear.clone())],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &[
                "has not revoked",
                "does not list it",
                "not signed",
                "it is the list the signed credential names",
            ],
        },
        Case {
            name: "listed with a reason",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, listed.clone())],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked", "lists it", "Issued in error"],
        },
        Case {
            name: "listed without a reason",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, edtech_list(RL, &issuer, json!([{"id": CRED_ID}])))],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["has revoked"],
        },
        Case {
            name: "list not fetched",
            status: Some(edtech_entry(RL)),
            docs: vec![],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["could not be checked", "was not fetched", RL],
        },
        Case {
            name: "a list of another issuer, even one listing it",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, edtech_list(RL, &other, json!([{"id": CRED_ID}])))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["not of this credential's issuer"],
        },
        Case {
            name: "a list that says it is another list",
            status: Some(edtech_entry(RL)),
            docs: vec![(
                RL,
                edtech_list(
                    "https://status.example.test/revocations/2",
                    &issuer,
                    json!([]),
                ),
            )],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["it says it is the list"],
        },
        Case {
            name: "no revokedCredentials",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, json!({"id": RL, "issuer": issuer}))],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["no revokedCredentials"],
        },
        Case {
            name: "an entry without id",
            status: Some(edtech_entry(RL)),
            docs: vec![(
                RL,
                edtech_list(RL, &issuer, json!([{"revocationReason": "?"}])),
            )],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["has no id"],
        },
        Case {
            name: "issuer given as a profile",
            status: Some(edtech_entry(RL)),
            docs: vec![(
                RL,
                json!({"id": RL, "issuer": {"id": issuer, "name": "x"}, "revokedCredentials": []}),
            )],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["does not list it"],
        },
        Case {
            name: "a signed list",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, signed)],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["does not list it", "the list's signature is valid"],
        },
        Case {
            name: "a signed list changed after signing",
            status: Some(edtech_entry(RL)),
            docs: vec![(RL, tampered)],
            want: Status::Unverified,
            outcome: Outcome::NotChecked,
            says: &["signature", "not valid"],
        },
        Case {
            name: "1EdTech list and a Bitstring suspension list",
            status: Some(json!([edtech_entry(RL), entry(LIST_B, "suspension", 7)])),
            docs: vec![
                (RL, clear.clone()),
                (LIST_B, status_list(LIST_B, "suspension", &[], 3)),
            ],
            want: Status::Verified,
            outcome: Outcome::Pass,
            says: &["neither revoked nor suspended", "does not list it"],
        },
        Case {
            name: "1EdTech list clear, Bitstring suspended",
            status: Some(json!([edtech_entry(RL), entry(LIST_B, "suspension", 7)])),
            docs: vec![
                (RL, clear),
                (LIST_B, status_list(LIST_B, "suspension", &[7], 3)),
            ],
            want: Status::Revoked,
            outcome: Outcome::Fail,
            says: &["suspended"],
        },
    ];
    run_table(&cases, &[OB_EXTENSIONS]);
    // The list's URL is among the documents to fetch.
    let text = credential_ctx(Some(edtech_entry(RL)), &[OB_EXTENSIONS]);
    let c = wallet_core::parse_credential(&text).unwrap();
    assert_eq!(status_documents(&c), vec![RL.to_string()]);
}

/// A credential without an `id` cannot be looked up in a 1EdTech list.
#[test]
fn edtech_list_needs_an_id() {
    const RL: &str = "https://status.example.test/revocations/1";
    let did = TestKey::from_seed(1).did;
    let mut vc = ob3_credential(CRED_ID, &did, "No id");
    vc.as_object_mut().unwrap().remove("id");
    vc["@context"]
        .as_array_mut()
        .unwrap()
        .push(json!(OB_EXTENSIONS));
    vc["credentialStatus"] = edtech_entry(RL);
    let text = serde_json::to_string(&sign(vc, 1)).unwrap();
    let r = run(&text, &[(RL, edtech_list(RL, &did, json!([])))]);
    assert_eq!(r.status, Status::Unverified);
    assert!(
        r.check("status")
            .unwrap()
            .message
            .contains("the credential has no id")
    );
}

/// An expired credential stays `expired` when its list is missing; a revoked one is `revoked`.
#[test]
fn order_of_statuses() {
    let did = TestKey::from_seed(1).did;
    let mut vc: Value =
        serde_json::from_str(&credential(Some(entry(LIST_A, "revocation", 5)))).unwrap();
    vc.as_object_mut().unwrap().remove("proof");
    vc["validUntil"] = json!("2025-01-01T00:00:00Z");
    assert_eq!(vc["issuer"]["id"], json!(did));
    let text = serde_json::to_string(&sign(vc, 1)).unwrap();
    assert_eq!(run(&text, &[]).status, Status::Expired);
    let list = status_list(LIST_A, "revocation", &[5], 2);
    assert_eq!(run(&text, &[(LIST_A, list)]).status, Status::Revoked);
}

#[test]
fn status_documents_lists_only_status_lists() {
    let text = credential(Some(json!([
        entry(LIST_A, "revocation", 5),
        entry(LIST_B, "suspension", 7),
        {"type": "Unknown2099", "statusListCredential": "https://status.example.test/z"}
    ])));
    let c = wallet_core::parse_credential(&text).unwrap();
    assert_eq!(
        status_documents(&c),
        vec![LIST_A.to_string(), LIST_B.to_string()]
    );
    let c = wallet_core::parse_credential(&credential(None)).unwrap();
    assert!(status_documents(&c).is_empty());
}

#[test]
fn freshness_table() {
    let t = |s: &str| parse_datetime(s).unwrap();
    let fetched = t("2025-11-23T12:00:00Z");
    let list = |extra: Value| {
        let mut l = json!({
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "credentialSubject": {"type": "BitstringStatusList", "encodedList": "u"}
        });
        if let Value::Object(m) = extra {
            for (k, v) in m {
                if k == "ttl" {
                    l["credentialSubject"]["ttl"] = v;
                } else {
                    l[k] = v;
                }
            }
        }
        l
    };
    let day = DEFAULT_FRESH_SECONDS;
    assert_eq!(day, 86_400);
    let cases: Vec<(&str, Value, i64)> = vec![
        (
            "DID document",
            json!({"id": "did:web:example.test", "verificationMethod": []}),
            fetched + day,
        ),
        ("not JSON object", json!("text"), fetched + day),
        ("list without hints", list(json!({})), fetched + day),
        (
            "list ttl 1 hour (ms)",
            list(json!({"ttl": 3_600_000})),
            fetched + 3600,
        ),
        ("list ttl 0", list(json!({"ttl": 0})), fetched),
        ("list negative ttl", list(json!({"ttl": -5})), fetched),
        (
            "list ttl not a number",
            list(json!({"ttl": "soon"})),
            fetched + day,
        ),
        (
            "list ttl 10 years",
            list(json!({"ttl": 315_360_000_000_i64})),
            fetched + 315_360_000,
        ),
        (
            "list validUntil in 2 h",
            list(json!({"validUntil": "2025-11-23T14:00:00Z"})),
            fetched + 7200,
        ),
        (
            "list validUntil and ttl: earliest",
            list(json!({"validUntil": "2025-11-23T14:00:00Z", "ttl": 600_000})),
            fetched + 600,
        ),
        (
            "list validUntil before ttl",
            list(json!({"validUntil": "2025-11-23T12:05:00Z", "ttl": 7_200_000})),
            fetched + 300,
        ),
        (
            "list validUntil malformed",
            list(json!({"validUntil": "tomorrow"})),
            fetched + day,
        ),
        (
            "StatusList2021 expirationDate",
            json!({"type": ["VerifiableCredential", "StatusList2021Credential"], "expirationDate": "2025-11-24T00:00:00Z"}),
            t("2025-11-24T00:00:00Z"),
        ),
        (
            "ttl on a non-list is ignored",
            json!({"credentialSubject": {"ttl": 1}}),
            fetched + day,
        ),
    ];
    for (name, doc, want) in &cases {
        assert_eq!(fresh_until(doc, fetched), *want, "{name}");
    }
    // is_fresh: the same rule on RFC 3339 times.
    let l = list(json!({"ttl": 3_600_000}));
    assert!(is_fresh(&l, "2025-11-23T12:00:00Z", "2025-11-23T12:59:59Z"));
    assert!(!is_fresh(
        &l,
        "2025-11-23T12:00:00Z",
        "2025-11-23T13:00:00Z"
    ));
    let did = json!({"id": "did:web:example.test"});
    assert!(is_fresh(
        &did,
        "2025-11-23T12:00:00Z",
        "2025-11-24T11:59:00Z"
    ));
    assert!(!is_fresh(
        &did,
        "2025-11-23T12:00:00Z",
        "2025-11-24T12:00:01Z"
    ));
    // A copy stamped in the future (clock changed) and unreadable times are not fresh.
    assert!(!is_fresh(
        &did,
        "2025-11-23T13:00:00Z",
        "2025-11-23T12:00:00Z"
    ));
    assert!(!is_fresh(&did, "yesterday", "2025-11-23T12:00:00Z"));
    assert!(!is_fresh(&did, "2025-11-23T12:00:00Z", ""));
}

/// Lists made with Digital Bazaar's `@digitalbazaar/bitstring` (`tests/interop/bitstring.mjs`:
/// statusSize 1, 2, 3, 4, 5 and 8, pseudo-random bits set through DB's `set`, encoded by DB,
/// expected values read back through DB's `get`): every value we read through a full
/// verification (a signed list, a `message` entry whose `statusMessage` names each value)
/// equals DB's, and the first index past the end is outside the list.
#[test]
fn bitstring_interop() {
    const LIST_M: &str = "https://status.example.test/lists/db";
    let Some(dir) = common::run_interop_script(
        "bitstring.mjs",
        "@digitalbazaar/bitstring",
        "Bitstring lists made by Digital Bazaar",
    ) else {
        return;
    };
    let lists: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("bitstring.json")).unwrap())
            .unwrap();
    assert_eq!(lists.len(), 6);
    let mut checked = 0;
    for l in &lists {
        let size = l["size"].as_u64().unwrap() as u32;
        let list = list_with(
            LIST_M,
            json!("message"),
            l["encodedList"].as_str().unwrap().to_string(),
            4,
        );
        let messages: Vec<Value> = (0..1u32 << size)
            .map(|v| json!({"status": format!("0x{v:x}"), "message": format!("value {v}")}))
            .collect();
        for c in l["cases"].as_array().unwrap() {
            let index = c["index"].as_u64().unwrap() as usize;
            let status = sized_entry(
                LIST_M,
                "message",
                index,
                Some(json!(size)),
                Some(json!(messages)),
            );
            let r = run(&credential(Some(status)), &[(LIST_M, list.clone())]);
            let msg = &r.check("status").unwrap().message;
            if c["outside"] == json!(true) {
                assert_eq!(r.status, Status::Unverified, "size {size} index {index}");
                assert!(
                    msg.contains("outside the list"),
                    "size {size} index {index}: {msg}"
                );
            } else {
                let v = c["value"].as_u64().unwrap();
                assert_eq!(
                    r.status,
                    Status::Verified,
                    "size {size} index {index}: {msg}"
                );
                assert!(
                    msg.contains(&format!("“\u{2068}value {v}\u{2069}” (status 0x{v:x})")),
                    "size {size} index {index}: DB reads {v}; we say: {msg}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 246);
}
