//! The verifier's verdict becomes the wallet's one status type (`wallet_core::status::Status`)
//! without changing its stored text.
use wallet_verify::Status;

#[test]
fn every_verdict_keeps_its_text() {
    for s in [
        Status::Verified,
        Status::Invalid,
        Status::Expired,
        Status::NotYetValid,
        Status::Revoked,
        Status::Unverified,
    ] {
        let card = wallet_core::status::Status::from(s);
        assert_eq!(card.as_str(), s.as_str());
        assert_eq!(wallet_core::status::Status::parse(s.as_str()), card);
    }
}
