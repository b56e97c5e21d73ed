//! QR reading (`wallet_core::qr::read_codes`, the rqrr crate) on arbitrary pictures. Random
//! bytes rarely look like a QR code, so besides the raw buffer the input is drawn as a QR
//! symbol: the three finder patterns of a version 1–40 symbol placed correctly, every other
//! module taken from the input's bits, so detection succeeds and the decoder (format and
//! version info, error correction, segments) reads hostile data.
//!
//! rqrr 0.11 panics within seconds here (first finding: tests/fixtures/qr/rqrr-panic.png,
//! kept as a test in core/tests/qr.rs), so the wallet reads QR codes only in its worker, where
//! a panic ends the worker and not the page. This target is therefore not in fuzz/run.sh; run
//! it by hand to see whether a newer rqrr still panics. `qr_total` fuzzes the QR code that
//! must never panic (sizes, classification, offers, scaling).
#![no_main]
use libfuzzer_sys::fuzz_target;
use wallet_core::qr::{classify, read_codes};

fn finder(grid: &mut [bool], n: usize, left: usize, top: usize) {
    for y in 0..7 {
        for x in 0..7 {
            let ring = x == 0 || y == 0 || x == 6 || y == 6;
            let core = (2..=4).contains(&x) && (2..=4).contains(&y);
            grid[(top + y) * n + left + x] = ring || core;
        }
        // The separator around it stays light.
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    // Raw: width from the first byte, the rest as rows.
    let w = usize::from(first) + 1;
    let h = rest.len() / w;
    for text in read_codes(w, h, &rest[..w * h]) {
        let _ = classify(&text);
    }

    // Drawn as a symbol.
    let version = usize::from(first % 40) + 1;
    let n = 17 + 4 * version;
    let mut grid = vec![false; n * n];
    let bits = rest.iter().flat_map(|b| (0..8).map(move |i| b >> i & 1 == 1));
    for (cell, bit) in grid.iter_mut().zip(bits.cycle()) {
        *cell = bit;
    }
    if rest.is_empty() {
        grid.fill(false);
    }
    for (x, y) in [(0, 7), (n - 8, 7), (0, n - 8)] {
        for i in 0..8 {
            grid[y * n + (x + i).min(n - 1)] = false;
        }
    }
    finder(&mut grid, n, 0, 0);
    finder(&mut grid, n, n - 7, 0);
    finder(&mut grid, n, 0, n - 7);
    let px = 2;
    let side = (n + 8) * px;
    let mut luma = vec![255u8; side * side];
    for y in 0..n {
        for x in 0..n {
            if grid[y * n + x] {
                for dy in 0..px {
                    for dx in 0..px {
                        luma[((y + 4) * px + dy) * side + (x + 4) * px + dx] = 0;
                    }
                }
            }
        }
    }
    for text in read_codes(side, side, &luma) {
        let _ = classify(&text);
    }
});
