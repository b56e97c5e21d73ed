#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/
# The empty wallet shows a "Load demo badges" button.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/build.sh
PORT="${PORT:-8080}"
echo "Serving the wallet at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec node tests/e2e/lib/serve.js dist "$PORT"
