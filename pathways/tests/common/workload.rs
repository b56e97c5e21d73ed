//! A synthetic workload shared by `examples/bench.rs` and `tests/wasm.rs`:
//! 100 pathways (about 15 leaves each, nested groups, references) against
//! 1,000 credentials. Deterministic (a tiny LCG), no dependencies.

use serde_json::{Value, json};
use wallet_pathways::{Item, ItemAlignment, Pathway, Status, parse_pathways};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub fn items(n: usize) -> Vec<Item> {
    let mut r = Lcg(42);
    (0..n)
        .map(|i| {
            let status = match r.next(20) {
                0 => Status::Unverified,
                1 => Status::Pending,
                2 => Status::Invalid,
                _ => Status::Verified,
            };
            let expires = (r.next(10) == 0).then(|| format!("2024-0{}-15", 1 + r.next(9)));
            Item {
                local_id: format!("urn:uuid:{i}"),
                name: format!("Credential {i}"),
                achievement_ids: vec![format!("https://demo.example.org/ach/{}", r.next(400))],
                achievement_type: Some(
                    ["Badge", "Course", "Certificate"][r.next(3) as usize].to_string(),
                ),
                issuer_id: Some(format!("did:example:issuer{}", r.next(20))),
                issuer_name: Some(format!("Issuer {}", r.next(20))),
                alignments: (0..3)
                    .map(|_| ItemAlignment {
                        target_code: Some(format!("DDS-{}", r.next(200))),
                        target_framework: Some("Demo Digital Skills Framework".into()),
                        target_url: None,
                        target_name: None,
                    })
                    .collect(),
                tags: (0..3).map(|_| format!("tag{}", r.next(60))).collect(),
                issued: Some(format!("202{}-0{}-10", 2 + r.next(3), 1 + r.next(9))),
                expires,
                status,
                copy_of: None,
            }
        })
        .collect()
}

pub fn pathways(n: usize) -> Vec<Pathway> {
    let mut r = Lcg(7);
    let list: Vec<Value> = (0..n)
        .map(|p| {
            let ach = |r: &mut Lcg| json!({"match": {"achievementId": format!("https://demo.example.org/ach/{}", r.next(400))}});
            let mut core: Vec<Value> = (0..4).map(|_| ach(&mut r)).collect();
            let electives: Vec<Value> = (0..6)
                .map(|j| {
                    if j % 2 == 0 {
                        json!({"match": {"tag": format!("tag{}", r.next(60))}})
                    } else {
                        json!({"match": {"alignment": {"targetCode": format!("DDS-{}", r.next(200)), "targetFramework": "Demo Digital Skills Framework"}},
                               "conditions": {"issuedAfter": "2023-01-01"}})
                    }
                })
                .collect();
            core.push(json!({"label": "Electives", "nOf": 3, "of": electives}));
            core.push(json!({"any": [
                {"match": {"issuer": format!("Issuer {}", r.next(20)), "achievementType": "Certificate"}},
                {"match": {"alignment": {"targetCode": format!("DDS-{}", r.next(200))}}},
                {"match": {"tag": format!("tag{}", r.next(60))}}
            ]}));
            if p >= 10 && p % 5 == 0 {
                core.push(json!({"pathway": format!("urn:bench:{}", r.next(p as u64 / 2))}));
                core.push(json!({"nOf": 1, "of": [
                    {"pathway": format!("urn:bench:{}", p / 2 + r.next(p as u64 / 2) as usize)},
                    {"pathway": format!("urn:bench:{}", p - 1)}
                ]}));
            }
            json!({
                "id": format!("urn:bench:{p}"),
                "name": format!("Pathway {p}"),
                "goal": {"kind": "certificate", "issuer": {"name": "Bench"}},
                "requirements": {"all": core}
            })
        })
        .collect();
    let text = json!({"type": "LearnerPathway", "version": 1, "pathways": list}).to_string();
    parse_pathways(&text).expect("bench pathways are valid")
}
