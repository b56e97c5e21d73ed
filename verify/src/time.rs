//! RFC 3339 / xsd:dateTime parsing to Unix seconds (no clock here): the one parser and
//! calendar of `wallet_core::time`, under the name the verifier's modules and tests use.

pub use wallet_core::time::parse_datetime;
