#!/usr/bin/env bash
# Sets up what is missing and runs every test: native (cargo), then the release app in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
bash scripts/setup.sh
if [ ! -d ../shared/vectors ]; then
  echo "WARNING: ../shared/vectors not found: tests on published vectors will be SKIPPED" >&2
fi
(cd tests/interop && [ -d node_modules/jose ] || npm ci --no-audit --no-fund --loglevel=error) && node tests/interop/verify-demo.mjs
echo "== differential harness: 300 seeded mutations, Digital Bazaar (safe mode) vs wallet-verify"
node tests/interop/mutate.mjs --seed 1 --count 300
echo "== format and lints: cargo fmt --check; clippy -D warnings on the pure crates, the demo issuer and the browser shell"
cargo fmt --all --check
cargo clippy --locked -q -p wallet-core -p wallet-verify -p wallet-pathways -p wallet-share -p wallet-i18n -p demo-issuer --all-targets -- -D warnings
cargo clippy --locked -q --target wasm32-unknown-unknown -p learner-wallet -- -D warnings
echo "== native tests (pure crates: core, verify, pathways, share, i18n with its catalogue check; the demo issuer)"
cargo test --locked -p wallet-core -p wallet-verify -p wallet-pathways -p wallet-share -p wallet-i18n -p demo-issuer
echo "== the pure core in WebAssembly (wasm-bindgen-test-runner, node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked -p wallet-core -p wallet-pathways --target wasm32-unknown-unknown --test wasm
echo "== release build"
SKIP_SETUP=1 bash scripts/build.sh
echo "== end-to-end tests (Playwright + Chromium)"
cd tests/e2e
node --test --test-concurrency=1 specs/
