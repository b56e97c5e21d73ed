pub mod jsonld;
