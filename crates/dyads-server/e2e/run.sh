#!/usr/bin/env bash
# End-to-end browser tests of the dyads web UI.
#
#   bash crates/dyads-server/e2e/run.sh
#
# Builds the release `dyads` binary, ingests examples/ into a temporary
# store, starts `dyads serve` on a free loopback port, drives Debian's
# Chromium through playwright-core (no browser download), saves a
# screenshot of each view under ${E2E_OUT:-target/e2e}/screenshots/, stops
# the server and exits non-zero when a test fails.
#
# Needs: cargo, Node.js >= 18 with npm (the registry, or a primed npm
# cache, for `npm ci`), and Chromium (/usr/bin/chromium; installed with
# apt-get when missing and running as root). Environment:
#   CHROMIUM=PATH      the browser (default: /usr/bin/chromium or chromium on PATH)
#   DYADS_BIN=PATH     use this dyads binary instead of building one
#   E2E_OUT=DIR        where screenshots and logs go (default: target/e2e)
#   E2E_DB=PATH        serve a copy of this store instead of ingesting examples/
#   E2E_SKIP_ASSET_CHECK=1  do not check that ui/ rebuilds assets/ byte for byte
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
out="${E2E_OUT:-target/e2e}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/screenshots"
mkdir -p "$out/screenshots"

say() { echo "== e2e: $*"; }

# 1. Chromium.
browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
    for c in /usr/bin/chromium "$(command -v chromium 2>/dev/null || true)" "$(command -v chromium-browser 2>/dev/null || true)"; do
        if [ -n "$c" ] && [ -x "$c" ]; then browser="$c"; break; fi
    done
fi
if [ -z "$browser" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing Debian's chromium"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
            { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
        browser=/usr/bin/chromium
    else
        echo "e2e: Chromium not found: apt-get install chromium, or set CHROMIUM=PATH" >&2
        exit 1
    fi
fi
export CHROMIUM="$browser"

# 2. Node packages (playwright-core only), from the committed lock file.
if ! command -v npm >/dev/null 2>&1; then
    echo "e2e: npm not found (Node.js 18 or later is needed)" >&2
    exit 1
fi
stamp="$here/node_modules/.dyads-lock.sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "npm ci (e2e)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
fi

# 3. The committed UI assets must be what the sources build.
if [ "${E2E_SKIP_ASSET_CHECK:-0}" != 1 ]; then
    say "checking that ui/ rebuilds assets/ byte for byte"
    bash "$root/crates/dyads-server/ui/check.sh"
fi

# 4. The binary.
bin="${DYADS_BIN:-}"
if [ -z "$bin" ]; then
    say "cargo build --release -p dyads-cli"
    cargo build --quiet --release -p dyads-cli
    bin="${CARGO_TARGET_DIR:-$root/target}/release/dyads"
fi
[ -x "$bin" ] || { echo "e2e: no dyads binary at $bin" >&2; exit 1; }

# 5. A store with the examples.
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
db="$work/examples.db"
if [ -n "${E2E_DB:-}" ]; then
    say "serving a copy of $E2E_DB"
    cp "$E2E_DB" "$db"
else
    say "ingesting examples/"
    "$bin" --db "$db" ingest examples/ >"$out/ingest.log" 2>&1 || { cat "$out/ingest.log" >&2; exit 1; }
    tail -n 1 "$out/ingest.log"
fi

# 6. The server on a free loopback port.
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
say "dyads serve on 127.0.0.1:$port"
"$bin" --db "$db" serve --bind "127.0.0.1:$port" >"$out/server.log" 2>&1 &
server_pid=$!

# 7. The tests (they wait for the server to answer).
set +e
start=$(date +%s)
DYADS_URL="http://127.0.0.1:$port" DYADS_SERVER_PID="$server_pid" E2E_OUT="$out" \
    node "$here/ui.test.mjs"
status=$?
end=$(date +%s)
set -e
say "browser tests took $((end - start)) s; screenshots in $out/screenshots"
if [ "$status" -ne 0 ]; then
    echo "e2e: FAILED (server log: $out/server.log)" >&2
fi
exit "$status"
