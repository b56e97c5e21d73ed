#!/usr/bin/env bash
# Builds the size-optimized release app into dist/ (plain static files, any host, any sub-path).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
start=$(date +%s)
trunk build --release
echo "[build] trunk build --release took $(( $(date +%s) - start )) s" >&2
