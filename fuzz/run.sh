#!/usr/bin/env bash
# Runs every fuzz target for N executions (default 1,000,000), seeded with the fixtures and
# demo credentials (share_decode: with the golden share links and a few token bodies), and
# prints libFuzzer's figures. cargo-fuzz needs nightly flags; on the stable toolchain
# RUSTC_BOOTSTRAP=1 enables them (this machine has no nightly).
#   bash fuzz/run.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUNS="${1:-1000000}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in parse_credential jws unbake verify share_decode jsonld_safe qr_total; do
  mkdir -p "corpus/$target"
  if [ "$target" = share_decode ]; then
    # The golden links as text, and a few bodies (the target frames its input as a link):
    # mode byte, then flags, credential count, kind, value tokens (share/src/wire.rs).
    i=0
    grep -o '"link":"[^"]*"' ../share/tests/data/*.golden.jsonl | sed 's/.*"link":"//; s/"$//' |
      while read -r link; do i=$((i + 1)); printf '%s' "$link" > "corpus/$target/golden-$i"; done
    printf '\x00\x00\x01\x00\xd1\x16\xa1x' > "corpus/$target/object"
    printf '\x00\x03\xa1t\xa1h\x02\x03\xe0\xe1\xe2\x03\xe3\x05\xe4\x05\xe9ABCDEFGHIJKLMNOP' > "corpus/$target/mixed"
    printf '\x01\x00\x01\x00\xcf\x10\x16\x16\x16\x16\xe6\x02\x01\x02\xe7\x01\x05\xe8\x00\xea\x04\xef\xa5data:\x01\x00' > "corpus/$target/tokens"
  else
    cp ../tests/fixtures/* ../public/demo/* "corpus/$target/" 2>/dev/null || true
    [ "$target" != jsonld_safe ] || find ../../shared/vectors -name "*.json*" -size -64k -exec cp {} "corpus/$target/" \; 2>/dev/null || true
  fi
  echo "== $target ($RUNS runs)"
  # No AddressSanitizer (the crates are safe Rust; it made share_decode 7x slower), but
  # debug assertions and overflow checks on.
  cargo fuzz run "$target" --release --debug-assertions --sanitizer none -- \
    -runs="$RUNS" -max_len=65536 -print_final_stats=1 2>&1 \
    | grep -E "^(stat::|Done|INFO: -max_len|==[0-9]+==ERROR|SUMMARY)" || true
done
