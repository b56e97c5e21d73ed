#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent.
# Used by scripts/serve.sh and scripts/test.sh (and so by .ci/run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { echo "[setup] $*" >&2; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy (the test command checks formatting and lints).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rustup component $component"
    rustup component add "$component"
  fi
done

# 2. Trunk 0.21 (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "installing trunk 0.21 (about 10 minutes on 2 cores)"
  cargo install trunk --version '^0.21' --locked
fi

# 3. wasm-bindgen-cli: exactly the version in Cargo.lock.
WBG="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG\$"; then
  log "installing wasm-bindgen-cli $WBG"
  cargo install wasm-bindgen-cli --version "$WBG" --locked --force \
    || cargo install wasm-bindgen-cli --version "$WBG" --force  # a locked dependency may be yanked
fi

# 4. Chromium (headless browser tests), zbarimg (decodes QR codes from screenshots), qrencode
#    (makes the QR pictures the QR-import tests give the wallet) and pdftoppm (poppler-utils: the
#    printed certificate's PDF as an image).
if [ ! -x /usr/bin/chromium ] || ! command -v zbarimg >/dev/null || ! command -v qrencode >/dev/null || ! command -v pdftoppm >/dev/null; then
  log "installing chromium, chromium-driver, zbar-tools, qrencode, poppler-utils"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver zbar-tools qrencode poppler-utils >/dev/null
fi

# 5. npm packages: playwright-core (drives Debian's Chromium), binaryen (a wasm-opt that works) and axe-core (accessibility checks).
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
  log "installing npm packages in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ok: $(trunk --version), wasm-bindgen $WBG, $(tests/e2e/node_modules/.bin/wasm-opt --version)"
