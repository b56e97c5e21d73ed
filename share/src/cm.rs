//! Format 2's entropy coder: a small bitwise context-mixing model (in the
//! style of lpaq1, much reduced) driving a binary arithmetic coder, *primed*
//! with a fixed text before every use.
//!
//! Why not DEFLATE: a share link body is a few hundred bytes. DEFLATE spends
//! tens of bytes on Huffman tables, codes the random bytes of a signature or a
//! key at about 9 bits each, and a match into a preset dictionary costs 2–3
//! bytes however predictable the text is. A context-mixing model that has
//! already read typical credential wording and the binary skeletons of typical
//! credentials predicts each next bit from the last 1–6 bytes and the current
//! words, and the arithmetic coder pays only −log2 p per bit: no tables, no
//! block overhead, random bytes at ~8 bits.
//!
//! Why hand-written: the crates that exist are general compressors with their
//! own framing and no way to prime the model (or they are bindings to C, or
//! unmaintained); priming is what makes small inputs compress. This coder is
//! about 450 lines, integer-only (so the wasm and native builds produce
//! identical bits: the wasm build decodes the golden links), and FROZEN with
//! format 2: any change to the model, its parameters or the priming text
//! changes every link and needs a new format number. The golden format-2
//! links (`tests/format1_golden.rs`) pin its output.

// ---------------------------------------------------------------- squash/stretch

/// Logistic function on fixed point: `d` in −2047..=2047 (stretch domain,
/// 8 fractional bits) → probability in 1..=4095 (12 bits).
const fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

/// Inverse of [`squash`].
const fn stretch_table() -> [i16; 4096] {
    let mut t = [0i16; 4096];
    let mut pi = 0usize;
    let mut x = -2047;
    while x <= 2047 {
        let v = squash(x) as usize;
        while pi <= v {
            t[pi] = x as i16;
            pi += 1;
        }
        x += 1;
    }
    while pi < 4096 {
        t[pi] = 2047;
        pi += 1;
    }
    t
}
static STRETCH: [i16; 4096] = stretch_table();

// ---------------------------------------------------------------- the model

/// log2 of the slots per context table.
const BITS: u32 = 16;
const MASK: u32 = (1 << BITS) - 1;
/// Context orders (bytes of history) hashed into a table each, then two word
/// contexts (the current word; the previous and current word).
const ORDERS: [usize; 5] = [1, 2, 3, 4, 6];
const N_CTX: usize = ORDERS.len() + 2;
/// Inputs to the mixer: order 0, the contexts, the match model, a bias.
const N_IN: usize = 1 + N_CTX + 1 + 1;
/// Adaptation limit of the probability counters.
const LIMIT: u32 = 30;
/// Mixer learning rate.
const LR: i32 = 24;
/// Mixer weight sets (times the 256 partial bytes).
const SETS: usize = 1;

#[derive(Clone)]
pub struct Model {
    /// Per context table: probability (upper 22 bits) and count (lower 10 bits).
    t: Vec<u32>,
    order0: Vec<u32>,
    /// Mixer weights (16.16 fixed point), one set per partial byte.
    w: Vec<i32>,
    /// Final adaptive probability map on (order-1 byte, partial byte, stretched p).
    apm: Vec<u16>,
    hist: Vec<u8>,
    /// Context hashes at the last byte boundary.
    h: [u32; N_CTX],
    word: u32,
    prev_word: u32,
    /// Slots used for the current bit.
    idx: [usize; N_CTX],
    /// Bucket of each context for the current half byte, and the bits of it seen (with a leading 1).
    base: [usize; N_CTX],
    nib: u32,
    c0: u32,
    /// Match model: where the current context last occurred, and its length.
    match_ptr: usize,
    match_len: usize,
    match_table: Vec<u32>,
    x: [i32; N_IN],
    /// Mixer weight set of the current bit.
    set: usize,
    pr_mix: i32,
    apm_idx: usize,
    apm_w: i32,
    pr: i32,
}

#[inline(always)]
fn hash(a: u32, b: u32) -> u32 {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77);
    h ^ (h >> 15)
}

fn counter_p(t: u32) -> i32 {
    (t >> 20) as i32
}

/// 2^16 / (n + 1.5): the adaptation rate of a counter that has seen n bits.
const fn rates() -> [i32; LIMIT as usize + 1] {
    let mut t = [0i32; LIMIT as usize + 1];
    let mut n = 0;
    while n <= LIMIT as usize {
        t[n] = (2 << 16) / (2 * n as i32 + 3);
        n += 1;
    }
    t
}
const RATE: [i32; LIMIT as usize + 1] = rates();

#[inline(always)]
fn counter_update(t: &mut u32, y: u32) {
    let n = *t & 1023;
    let p = (*t >> 10) as i32; // 22 bits
    let target = (y as i32) << 22;
    // Adaptation rate 1/(n + 1.5), never slower than 1/(LIMIT + 1.5).
    let delta = (((target - p) as i64 * RATE[n as usize] as i64) >> 16) as i32;
    let p = (p + delta).clamp(0, (1 << 22) - 1) as u32;
    *t = p << 10 | (n + 1).min(LIMIT);
}

const HALF: u32 = 1 << 31;
const MATCH_BITS: u32 = 16;
const MIN_MATCH: usize = 5;

impl Model {
    fn new() -> Self {
        let mut apm = vec![0u16; 256 * 33];
        for (i, a) in apm.iter_mut().enumerate() {
            *a = (squash(((i % 33) as i32 - 16) * 128) * 16) as u16;
        }
        let mut m = Model {
            t: vec![0; N_CTX << BITS],
            order0: vec![HALF; 256],
            w: vec![0; SETS * 256 * N_IN],
            set: 0,
            apm,
            hist: Vec::new(),
            h: [0; N_CTX],
            word: 0,
            prev_word: 0,
            idx: [0; N_CTX],
            base: [0; N_CTX],
            nib: 1,
            c0: 1,
            match_ptr: 0,
            match_len: 0,
            match_table: vec![0; 1 << MATCH_BITS],
            x: [0; N_IN],
            pr_mix: 2048,
            apm_idx: 0,
            apm_w: 0,
            pr: 2048,
        };
        for ws in m.w.chunks_mut(N_IN) {
            ws.fill(1 << 14);
        }
        m.byte_boundary();
        m.predict();
        m
    }

    /// A fresh model that has read `prime` (callers keep it and clone it per use).
    pub fn primed(prime: &[u8]) -> Self {
        let mut m = Model::new();
        for &b in prime {
            for i in (0..8).rev() {
                m.update((b >> i) as u32 & 1);
            }
        }
        m
    }

    fn byte_boundary(&mut self) {
        let n = self.hist.len();
        for (k, &o) in ORDERS.iter().enumerate() {
            let mut h = (k as u32 + 1).wrapping_mul(0x3C6E_F372);
            for i in 0..o.min(n) {
                h = hash(h, self.hist[n - 1 - i] as u32 + 1);
            }
            self.h[k] = h;
        }
        if let Some(&c) = self.hist.last() {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || c >= 0x80 {
                self.word = hash(self.word.wrapping_add(0x1234_5678), c as u32);
            } else if self.word != 0 {
                self.prev_word = self.word;
                self.word = 0;
            }
        }
        self.h[ORDERS.len()] = hash(self.word, 0x6A09_E667);
        self.h[ORDERS.len() + 1] = hash(hash(self.word, self.prev_word), 0xBB67_AE85);
        // Match model: find the last occurrence of the last MIN_MATCH bytes.
        if self.match_len > 0 && self.match_ptr < n {
            // Extended by the byte just read (checked in `update`).
        } else {
            self.match_len = 0;
        }
        if n >= MIN_MATCH {
            let mut h = 0u32;
            for i in 0..MIN_MATCH {
                h = hash(h, self.hist[n - 1 - i] as u32);
            }
            let slot = (h >> (32 - MATCH_BITS)) as usize;
            if self.match_len == 0 {
                let p = self.match_table[slot] as usize;
                if p > 0 {
                    // Count how far back the match really goes (at most 32).
                    let mut len = 0;
                    while len < 32 && len < p && self.hist[p - 1 - len] == self.hist[n - 1 - len] {
                        len += 1;
                    }
                    if len >= MIN_MATCH {
                        self.match_len = len;
                        self.match_ptr = p;
                    }
                }
            }
            self.match_table[slot] = n as u32;
        }
    }

    /// Probability (12 bits) that the next bit is 1.
    pub fn p(&self) -> i32 {
        self.pr
    }

    /// The bucket (16 slots; slot 0 holds a tag) of context `k` with hash `h`:
    /// one of two candidates, the one tagged `h` or else the less used one,
    /// cleared. A collision so gives a fresh context, not a wrong one.
    fn bucket(&mut self, k: usize, h: u32) -> usize {
        let tag = h >> 8 | 1;
        let b0 = ((h & MASK) as usize & !15) + (k << BITS);
        let b1 = b0 ^ 16;
        for b in [b0, b1] {
            if self.t[b] == tag {
                return b;
            }
        }
        let used = |b: usize| self.t[b + 1] & 1023;
        let b = if self.t[b0] == 0 || used(b0) <= used(b1) && self.t[b1] != 0 {
            b0
        } else {
            b1
        };
        self.t[b] = tag;
        self.t[b + 1..b + 16].fill(HALF);
        b
    }

    fn predict(&mut self) {
        let st = &STRETCH;
        let c0 = self.c0;
        // Slots of a context and a half byte share one 16-slot bucket (one cache line).
        if c0 == 1 || (16..32).contains(&c0) {
            for k in 0..N_CTX {
                self.base[k] = self.bucket(k, hash(self.h[k], c0));
            }
            self.nib = 1;
        }
        for k in 0..N_CTX {
            let i = self.base[k] + self.nib as usize;
            self.idx[k] = i;
            let t = self.t[i];
            self.x[1 + k] = st[(t >> 20) as usize] as i32;
        }
        self.x[0] = st[counter_p(self.order0[c0 as usize]) as usize] as i32;
        // Match model: the predicted bit, more confident for longer matches.
        let mut xm = 0;
        if self.match_len > 0 {
            let b = self.hist[self.match_ptr] as u32 | 0x100;
            let bitpos = 31 - c0.leading_zeros(); // bits of this byte seen
            if (b >> (8 - bitpos)) == c0 {
                let conf = (self.match_len as i32 * 64).min(1024);
                xm = if (b >> (7 - bitpos)) & 1 == 1 {
                    conf
                } else {
                    -conf
                };
            }
        }
        self.x[1 + N_CTX] = xm;
        self.x[N_IN - 1] = 256;
        self.set = c0 as usize * N_IN;
        let w = &self.w[self.set..self.set + N_IN];
        let mut dot = 0i64;
        for (&w, &x) in w.iter().zip(&self.x) {
            dot += w as i64 * x as i64;
        }
        let d = (dot >> 16).clamp(-2047, 2047) as i32;
        self.pr_mix = squash(d);
        // APM: interpolate between the two nearest of 33 buckets.
        let s = d + 2048; // 1..4095
        let lo = (s >> 7) as usize;
        self.apm_w = s & 127;
        self.apm_idx = c0 as usize * 33 + lo;
        let a = self.apm[self.apm_idx] as i32;
        let b = self.apm[self.apm_idx + 1] as i32;
        let pa = (a * (128 - self.apm_w) + b * self.apm_w) >> 11;
        self.pr = ((self.pr_mix + 3 * pa) >> 2).clamp(1, 4095);
    }

    pub fn update(&mut self, y: u32) {
        // Mixer.
        let err = ((y as i32) << 12) - self.pr_mix;
        let w = &mut self.w[self.set..self.set + N_IN];
        for (w, &x) in w.iter_mut().zip(&self.x) {
            *w += (x * err * LR) >> 16;
        }
        // APM: move both buckets towards the bit.
        let target = (y as i32) << 16;
        let (i, wt) = (self.apm_idx, self.apm_w);
        let a = self.apm[i] as i32;
        self.apm[i] = (a + ((target - a) >> 6) * (128 - wt) / 128).clamp(0, 65535) as u16;
        let a = self.apm[i + 1] as i32;
        self.apm[i + 1] = (a + ((target - a) >> 6) * wt / 128).clamp(0, 65535) as u16;
        for k in 0..N_CTX {
            counter_update(&mut self.t[self.idx[k]], y);
        }
        counter_update(&mut self.order0[self.c0 as usize], y);
        // Match model: does the predicted bit still agree?
        if self.match_len > 0 {
            let b = self.hist[self.match_ptr] as u32 | 0x100;
            let bitpos = 31 - self.c0.leading_zeros();
            if (b >> (7 - bitpos)) & 1 != y {
                self.match_len = 0;
            }
        }
        self.c0 = self.c0 << 1 | y;
        self.nib = self.nib << 1 | y;
        if self.c0 >= 256 {
            self.hist.push(self.c0 as u8);
            self.c0 = 1;
            if self.match_len > 0 {
                self.match_len = (self.match_len + 1).min(64);
                self.match_ptr += 1;
            }
            self.byte_boundary();
        }
        self.predict();
    }
}

// ---------------------------------------------------------------- the coder

/// Carry-less binary arithmetic coder (32-bit range, 12-bit probabilities).
pub struct Encoder {
    x1: u32,
    x2: u32,
    pub out: Vec<u8>,
}

impl Encoder {
    pub fn new() -> Self {
        Encoder {
            x1: 0,
            x2: u32::MAX,
            out: Vec::new(),
        }
    }

    /// Codes bit `y` with probability `p` (of a 1, 12 bits).
    pub fn bit(&mut self, y: u32, p: i32) {
        let xmid = self.x1 + ((self.x2 - self.x1) >> 12) * p as u32;
        if y == 1 {
            self.x2 = xmid;
        } else {
            self.x1 = xmid + 1;
        }
        while (self.x1 ^ self.x2) & 0xFF00_0000 == 0 {
            self.out.push((self.x2 >> 24) as u8);
            self.x1 <<= 8;
            self.x2 = self.x2 << 8 | 255;
        }
    }

    /// The fewest bytes that, followed by zeros (what [`Decoder`] reads past
    /// the end), stay inside the final range; trailing zero bytes dropped.
    pub fn finish(mut self) -> Vec<u8> {
        for k in 0..=4u32 {
            let unit: u64 = 1 << (32 - 8 * k);
            let v = (self.x1 as u64).div_ceil(unit) * unit;
            if v <= self.x2 as u64 {
                for i in 0..k {
                    self.out.push((v >> (24 - 8 * i)) as u8);
                }
                break;
            }
        }
        while self.out.last() == Some(&0) {
            self.out.pop();
        }
        self.out
    }
}

pub struct Decoder<'a> {
    x1: u32,
    x2: u32,
    x: u32,
    data: &'a [u8],
    i: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        let mut d = Decoder {
            x1: 0,
            x2: u32::MAX,
            x: 0,
            data,
            i: 0,
        };
        for _ in 0..4 {
            d.x = d.x << 8 | d.next() as u32;
        }
        d
    }

    fn next(&mut self) -> u8 {
        let b = self.data.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        b
    }

    pub fn bit(&mut self, p: i32) -> u32 {
        let xmid = self.x1 + ((self.x2 - self.x1) >> 12) * p as u32;
        let y = (self.x <= xmid) as u32;
        if y == 1 {
            self.x2 = xmid;
        } else {
            self.x1 = xmid + 1;
        }
        while (self.x1 ^ self.x2) & 0xFF00_0000 == 0 {
            self.x1 <<= 8;
            self.x2 = self.x2 << 8 | 255;
            self.x = self.x << 8 | self.next() as u32;
        }
        y
    }

    /// Bytes read beyond the data (zeros); more than 4 means the data ended early.
    pub fn overrun(&self) -> usize {
        self.i.saturating_sub(self.data.len())
    }
}

// ---------------------------------------------------------------- bytes in, bytes out

fn put_byte(m: &mut Model, e: &mut Encoder, b: u8) {
    for i in (0..8).rev() {
        let y = (b >> i) as u32 & 1;
        e.bit(y, m.p());
        m.update(y);
    }
}

fn get_byte(m: &mut Model, d: &mut Decoder) -> u8 {
    let mut c = 0u32;
    for _ in 0..8 {
        let y = d.bit(m.p());
        m.update(y);
        c = c << 1 | y;
    }
    c as u8
}

/// Codes `data` (its length first, as a varint) with a copy of the `primed` model.
pub fn compress(data: &[u8], primed: &Model) -> Vec<u8> {
    let mut m = primed.clone();
    let mut e = Encoder::new();
    let mut len = Vec::new();
    crate::wire::put_varint(&mut len, data.len() as u64);
    for &b in len.iter().chain(data) {
        put_byte(&mut m, &mut e, b);
    }
    e.finish()
}

/// Inverse of [`compress`]; `None` when the declared length exceeds `limit`
/// (a crafted link cannot make the wallet work without bound).
pub fn decompress(coded: &[u8], primed: &Model, limit: usize) -> Option<Vec<u8>> {
    let mut m = primed.clone();
    let mut d = Decoder::new(coded);
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let c = get_byte(&mut m, &mut d);
        n |= ((c & 0x7F) as u64) << shift;
        if c & 0x80 == 0 {
            break;
        }
        if shift >= 56 {
            return None;
        }
    }
    if n > limit as u64 {
        return None;
    }
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        out.push(get_byte(&mut m, &mut d));
        if d.overrun() > 8 {
            return None; // far past the end: not data this coder wrote
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIME: &[u8] =
        b"the quick brown fox jumps over the lazy dog; the learner completed the course";

    #[test]
    fn round_trips() {
        let prime = Model::primed(PRIME);
        let mut seed = 7u64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        };
        let random: Vec<u8> = (0..300).map(|_| rnd()).collect();
        for data in [
            &b""[..],
            b"a",
            b"\0",
            b"\0\0\0\0\0\0",
            b"the learner completed the course",
            &[0xFFu8; 100],
            &random,
            &[0u8; 5000],
        ] {
            let c = compress(data, &prime);
            assert_eq!(decompress(&c, &prime, usize::MAX).unwrap(), data);
            assert!(
                c.len() <= data.len() + data.len() / 10 + 8,
                "{} {}",
                c.len(),
                data.len()
            );
        }
        assert!(compress(b"the learner completed the course", &prime).len() < 8);
        // Garbage never panics.
        for n in 0..200 {
            let g: Vec<u8> = (0..n).map(|_| rnd()).collect();
            let _ = decompress(&g, &prime, 4096);
        }
    }
}

#[cfg(test)]
mod speed {
    #[test]
    #[ignore]
    fn speed() {
        let prime = super::Model::primed(crate::prime::priming());
        let data: Vec<u8> = (0..20000u32)
            .map(|i| (i * 7 % 251) as u8 ^ (i >> 5) as u8)
            .collect();
        let t = std::time::Instant::now();
        let c = super::compress(&data, &prime);
        println!("compress 20000 B: {:?} -> {}", t.elapsed(), c.len());
        let t = std::time::Instant::now();
        let _m = prime.clone();
        println!("clone: {:?}", t.elapsed());
    }
}
