//! Encrypted backups (`wallet_core::sealed`) against vectors made by an independent
//! implementation (tests/fixtures/backup/make-sealed.py: argon2-cffi + `cryptography`), and
//! every way a file can be wrong, damaged or hostile.

use serde_json::Value;
use wallet_core::backup::read_backup;
use wallet_core::sealed::{DEFAULT_KDF, Kdf, OpenError, is_sealed, open, seal};
use wallet_i18n::Lang;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/backup/");
const SMALL: Kdf = Kdf {
    memory_kib: 64,
    passes: 1,
    lanes: 1,
};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}{name}")).unwrap()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// (file, passphrase, salt, nonce, kdf) as make-sealed.py used them.
type Vector = (&'static str, &'static str, [u8; 16], [u8; 12], Kdf);

fn vectors() -> Vec<Vector> {
    let mut salt = [0u8; 16];
    salt.iter_mut().enumerate().for_each(|(i, b)| *b = i as u8);
    let mut nonce = [0u8; 12];
    nonce
        .iter_mut()
        .enumerate()
        .for_each(|(i, b)| *b = 100 + i as u8);
    vec![
        (
            "sealed-v1-default.json",
            "correct horse battery staple — été",
            salt,
            nonce,
            DEFAULT_KDF,
        ),
        (
            "sealed-v1-small.json",
            "pass",
            *b"saltsaltsaltsalt",
            [0; 12],
            SMALL,
        ),
    ]
}

#[test]
fn independent_vectors_open_and_seal_identically() {
    let plain = fixture("plain-v1.json");
    for (file, pass, salt, nonce, kdf) in vectors() {
        let sealed = fixture(file);
        assert!(is_sealed(&sealed), "{file}");
        assert_eq!(open(&sealed, pass).as_deref(), Ok(plain.as_str()), "{file}");
        let ours = seal(&plain, pass, salt, nonce, kdf).unwrap();
        assert_eq!(json(&ours), json(&sealed), "{file}: our file differs");
        let entries = read_backup(&open(&ours, pass).unwrap()).unwrap();
        assert_eq!(entries.len(), 1);
    }
}

#[test]
fn wrong_passphrase_and_altered_files_are_refused() {
    let sealed = fixture("sealed-v1-small.json");
    let base = json(&sealed);
    let altered = |path: &[&str], value: Value| {
        let mut v = base.clone();
        let mut at = &mut v;
        for p in &path[..path.len() - 1] {
            at = at.get_mut(*p).unwrap();
        }
        at[*path.last().unwrap()] = value;
        v.to_string()
    };
    let flipped_ct = {
        let ct = base["ciphertext"].as_str().unwrap();
        let c = if ct.starts_with('A') { "B" } else { "A" };
        format!("{c}{}", &ct[1..])
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("wrong passphrase", sealed.clone(), "Pass"),
        ("empty passphrase", sealed.clone(), ""),
        (
            "passes changed",
            altered(&["kdf", "passes"], 2.into()),
            "pass",
        ),
        (
            "memory changed",
            altered(&["kdf", "memoryKiB"], 128.into()),
            "pass",
        ),
        (
            "salt changed",
            altered(&["kdf", "salt"], "d2FsdHNhbHRzYWx0c2FsdA".into()),
            "pass",
        ),
        (
            "nonce changed",
            altered(&["cipher", "nonce"], "AAAAAAAAAAAAAAAB".into()),
            "pass",
        ),
        (
            "ciphertext changed",
            altered(&["ciphertext"], flipped_ct.into()),
            "pass",
        ),
    ];
    for (what, text, pass) in cases {
        assert_eq!(open(&text, pass), Err(OpenError::WrongPassphrase), "{what}");
    }
}

#[test]
fn damaged_unsupported_and_hostile_files_say_why_before_any_work() {
    let base = json(&fixture("sealed-v1-small.json"));
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        f(&mut v);
        v.to_string()
    };
    type Check = fn(&Result<String, OpenError>) -> bool;
    let cases: Vec<(&str, String, Check)> = vec![
        ("not JSON", "{".into(), |e| {
            matches!(e, Err(OpenError::Malformed("not JSON")))
        }),
        ("a plain backup", fixture("plain-v1.json"), |e| {
            matches!(e, Err(OpenError::Malformed(_)))
        }),
        ("version 2", with(&|v| v["version"] = 2.into()), |e| {
            *e == Err(OpenError::UnsupportedVersion(2))
        }),
        (
            "no version",
            with(&|v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "argon2i",
            with(&|v| v["kdf"]["name"] = "argon2i".into()),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        (
            "argon2 v16",
            with(&|v| v["kdf"]["version"] = 16.into()),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        (
            "4 GiB of memory",
            with(&|v| v["kdf"]["memoryKiB"] = (4u64 << 20).into()),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        (
            "memory beyond u32",
            with(&|v| v["kdf"]["memoryKiB"] = (1u64 << 40).into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "1000 passes",
            with(&|v| v["kdf"]["passes"] = 1000.into()),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        (
            "256 MiB × 10 passes",
            with(&|v| {
                v["kdf"]["memoryKiB"] = (256u64 * 1024).into();
                v["kdf"]["passes"] = 10.into();
            }),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        ("4 lanes", with(&|v| v["kdf"]["lanes"] = 4.into()), |e| {
            matches!(e, Err(OpenError::UnsupportedParameters(_)))
        }),
        ("0 passes", with(&|v| v["kdf"]["passes"] = 0.into()), |e| {
            matches!(e, Err(OpenError::UnsupportedParameters(_)))
        }),
        (
            "ChaCha",
            with(&|v| v["cipher"]["name"] = "C20P".into()),
            |e| matches!(e, Err(OpenError::UnsupportedParameters(_))),
        ),
        (
            "short salt",
            with(&|v| v["kdf"]["salt"] = "c2FsdA".into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "salt not base64url",
            with(&|v| v["kdf"]["salt"] = "*".into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "short nonce",
            with(&|v| v["cipher"]["nonce"] = "AAAA".into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "short ciphertext",
            with(&|v| v["ciphertext"] = "AAAA".into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "no ciphertext",
            with(&|v| {
                v.as_object_mut().unwrap().remove("ciphertext");
            }),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
        (
            "ciphertext a number",
            with(&|v| v["ciphertext"] = 7.into()),
            |e| matches!(e, Err(OpenError::Malformed(_))),
        ),
    ];
    for (what, text, check) in cases {
        let got = open(&text, "pass");
        assert!(check(&got), "{what}: {got:?}");
        if let Err(e) = got {
            assert!(!e.to_string().is_empty(), "{what}");
            assert_eq!(e.to_string(), e.message(Lang::En), "{what}");
            let fr = e.message(Lang::Fr);
            assert!(!fr.is_empty() && fr != e.to_string(), "{what}: {fr}");
        }
    }
}

#[test]
fn errors_in_english_and_french() {
    use wallet_core::sealed::Refused;
    let cases: Vec<(OpenError, &str, &str)> = vec![
        (
            OpenError::WrongPassphrase,
            "the passphrase is wrong, or the file was changed after it was written",
            "la phrase de passe est incorrecte, ou le fichier a été modifié après son enregistrement",
        ),
        (
            OpenError::UnsupportedVersion(2),
            "unsupported encrypted backup version 2 (this wallet reads version 1)",
            "version de sauvegarde chiffrée 2 non prise en charge (ce portefeuille lit la version 1)",
        ),
        (
            OpenError::Malformed("not JSON"),
            "this encrypted backup file is damaged (not JSON)",
            "ce fichier de sauvegarde chiffrée est endommagé (ce n\u{2019}est pas du JSON)",
        ),
        (
            OpenError::Malformed("kdf salt"),
            "this encrypted backup file is damaged (kdf salt)",
            "ce fichier de sauvegarde chiffrée est endommagé (champ \u{ab}\u{202f}kdf salt\u{202f}\u{bb})",
        ),
        (
            OpenError::UnsupportedParameters(Refused::Passes(1000)),
            "this encrypted backup asks for something this wallet refuses: 1000 Argon2 passes (at most 10)",
            "cette sauvegarde chiffrée demande des paramètres que ce portefeuille refuse\u{a0}: 1000 passes Argon2 (10 au maximum)",
        ),
        (
            OpenError::UnsupportedParameters(Refused::Work {
                memory_kib: 262144,
                passes: 10,
            }),
            "this encrypted backup asks for something this wallet refuses: 262144 KiB × 10 passes of Argon2 work (at most 524288 KiB-passes)",
            "cette sauvegarde chiffrée demande des paramètres que ce portefeuille refuse\u{a0}: 262144 Kio × 10 passes de calcul Argon2 (524288 Kio-passes au maximum)",
        ),
        (
            OpenError::UnsupportedParameters(Refused::Lanes(4)),
            "this encrypted backup asks for something this wallet refuses: 4 Argon2 lanes (this wallet uses 1)",
            "cette sauvegarde chiffrée demande des paramètres que ce portefeuille refuse\u{a0}: 4 voies Argon2 (ce portefeuille en utilise 1)",
        ),
    ];
    for (e, en, fr) in cases {
        assert_eq!(e.to_string(), en);
        assert_eq!(e.message(Lang::En), en);
        assert_eq!(e.message(Lang::Fr), fr);
    }
}

#[test]
fn seal_refuses_parameters_open_would_refuse() {
    let plain = fixture("plain-v1.json");
    for kdf in [
        Kdf { lanes: 2, ..SMALL },
        Kdf { passes: 0, ..SMALL },
        Kdf {
            memory_kib: 4,
            ..SMALL
        },
    ] {
        assert!(matches!(
            seal(&plain, "p", [0; 16], [0; 12], kdf),
            Err(OpenError::UnsupportedParameters(_))
        ));
    }
}

#[test]
fn sniffing_tells_sealed_from_everything_else() {
    let cases = [
        (fixture("sealed-v1-small.json"), true),
        (format!("\u{feff}{}", fixture("sealed-v1-small.json")), true),
        (fixture("plain-v1.json"), false),
        ("".to_string(), false),
        ("[]".to_string(), false),
        (
            r#"{"type":["LearnerWalletEncryptedBackup"]}"#.to_string(),
            false,
        ),
        ("eyJhbGciOiJFZERTQSJ9.e30.AA".to_string(), false),
    ];
    for (text, sealed) in cases {
        assert_eq!(is_sealed(&text), sealed, "{text:.40}");
    }
}

#[test]
fn round_trips_any_text_and_passphrase() {
    for (plain, pass) in [
        ("", "x"),
        ("{}", ""),
        (
            "ünïcödé \u{202e} text",
            "🔑 long passphrase with spaces and ünïcödé",
        ),
    ] {
        let sealed = seal(plain, pass, [7; 16], [9; 12], SMALL).unwrap();
        assert_eq!(open(&sealed, pass).as_deref(), Ok(plain));
    }
}
