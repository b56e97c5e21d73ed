#!/usr/bin/env bash
# Runs every fuzz target for N executions (default 1,000,000), seeded with the fixtures and
# demo credentials, and prints libFuzzer's figures. cargo-fuzz needs nightly flags; on the
# stable toolchain RUSTC_BOOTSTRAP=1 enables them (this machine has no nightly).
#   bash fuzz/run.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUNS="${1:-1000000}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in parse_credential jws unbake verify jsonld_safe; do
  mkdir -p "corpus/$target"
  cp ../tests/fixtures/* ../public/demo/* "corpus/$target/" 2>/dev/null || true
  [ "$target" != jsonld_safe ] || find ../../shared/vectors -name "*.json*" -size -64k -exec cp {} "corpus/$target/" \; 2>/dev/null || true
  echo "== $target ($RUNS runs)"
  cargo fuzz run "$target" --release -- -runs="$RUNS" -max_len=65536 -print_final_stats=1 2>&1 \
    | grep -E "^(stat::|Done|INFO: -max_len|==[0-9]+==ERROR|SUMMARY)" || true
done
