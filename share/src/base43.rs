//! Base-43 text for share links.
//!
//! Why this alphabet: a QR code stores `0-9A-Z $%*+-./:` in *alphanumeric* mode at
//! 5.5 bits a character, against 8 in byte mode. Of those 45 characters, space and
//! `%` are not valid unescaped in a URL fragment, which leaves exactly these 43,
//! all of them `pchar`s (RFC 3986), so a link is copied, typed into a QR code and
//! pasted into a browser without any escaping. Two bytes (≤ 65535 < 43³ = 79507)
//! become three characters, a trailing odd byte two: 1.5 characters and
//! 8.25 QR bits per byte, better than uppercase base32 (1.6 characters, 8.8 bits).
//! (RFC 9285 base45 would be 8.25 too but needs space and `%`.) No maintained
//! crate implements a base-43 with this alphabet, and it is 40 lines, so it is here.

pub const ALPHABET: &[u8; 43] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:";

/// The value of an alphabet character.
pub fn digit(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'A'..=b'Z' => Some((c - b'A') as u32 + 10),
        b'$' => Some(36),
        b'*' => Some(37),
        b'+' => Some(38),
        b'-' => Some(39),
        b'.' => Some(40),
        b'/' => Some(41),
        b':' => Some(42),
        _ => None,
    }
}

/// Number of characters for `n` bytes.
pub fn encoded_len(n: usize) -> usize {
    n / 2 * 3 + (n % 2) * 2
}

pub fn encode(bytes: &[u8], out: &mut String) {
    let a = |v: u32| ALPHABET[v as usize] as char;
    let mut chunks = bytes.chunks_exact(2);
    for ch in &mut chunks {
        let v = (ch[0] as u32) << 8 | ch[1] as u32;
        out.push(a(v / 1849));
        out.push(a(v / 43 % 43));
        out.push(a(v % 43));
    }
    if let [b] = chunks.remainder() {
        out.push(a(*b as u32 / 43));
        out.push(a(*b as u32 % 43));
    }
}

/// Why a text is not valid base-43.
#[derive(Debug, PartialEq, Eq)]
pub enum Bad {
    /// A group of characters whose value does not fit its bytes, or a character
    /// outside the alphabet (index of the first such character).
    Invalid,
    /// One character left over at the end: the text was cut inside a group.
    Partial,
}

pub fn decode(text: &[u8]) -> Result<Vec<u8>, Bad> {
    let mut out = Vec::with_capacity(text.len() / 3 * 2 + 1);
    let mut chunks = text.chunks_exact(3);
    for ch in &mut chunks {
        let v = digit(ch[0]).ok_or(Bad::Invalid)? * 1849
            + digit(ch[1]).ok_or(Bad::Invalid)? * 43
            + digit(ch[2]).ok_or(Bad::Invalid)?;
        if v > 0xFFFF {
            return Err(Bad::Invalid);
        }
        out.push((v >> 8) as u8);
        out.push(v as u8);
    }
    match chunks.remainder() {
        [] => {}
        [c] => {
            digit(*c).ok_or(Bad::Invalid)?;
            return Err(Bad::Partial);
        }
        [c, d] => {
            let v = digit(*c).ok_or(Bad::Invalid)? * 43 + digit(*d).ok_or(Bad::Invalid)?;
            if v > 0xFF {
                return Err(Bad::Invalid);
            }
            out.push(v as u8);
        }
        _ => unreachable!("chunks_exact(3) leaves at most two"),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_pair_and_single() {
        let mut s = String::new();
        for v in 0..=0xFFFFu32 {
            s.clear();
            let b = [(v >> 8) as u8, v as u8];
            encode(&b, &mut s);
            assert_eq!(decode(s.as_bytes()).unwrap(), b);
        }
        for v in 0..=255u8 {
            s.clear();
            encode(&[v], &mut s);
            assert_eq!(s.len(), 2);
            assert_eq!(decode(s.as_bytes()).unwrap(), [v]);
        }
        assert_eq!(decode(b"::::"), Err(Bad::Invalid));
        assert_eq!(decode(b"0000"), Err(Bad::Partial));
        assert_eq!(decode(b"0a0"), Err(Bad::Invalid));
        assert_eq!(encoded_len(5), 8);
    }
}
