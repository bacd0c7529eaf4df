#!/usr/bin/env bash
# Runs the UI's unit tests, rebuilds the web UI from the committed lock
# file and fails when the committed assets (../assets) differ from what the
# sources build.
#   bash crates/dyads-server/ui/check.sh          check
#   bash crates/dyads-server/ui/check.sh --write  rebuild ../assets
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
    echo "ui/check.sh: npm not found (Node.js 18 or later is needed)" >&2
    exit 1
fi
# npm ci again only when the lock file changed since the last install.
stamp=node_modules/.dyads-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
fi
node --test test/ >/dev/null || { node --test test/; exit 1; }
if [ "${1:-}" = "--write" ]; then
    node build.mjs
else
    node build.mjs --check
fi
