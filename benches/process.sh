#!/usr/bin/env bash
# Whole-process figures on a large database: process start to the first
# complete frame, `medel status --json`, the list of grants, the check of
# every open grant, and peak memory.
#
#   bash benches/process.sh [DB]     (default: target/big.sqlite, generated once)
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-target/big.sqlite}

cargo build --release --quiet --bin medel --example first_frame --example generate
if [ ! -f "$db" ]; then
    # 200 grants × 1 120 recipients × 6 focus areas: about 1.2 million spending rows.
    target/release/examples/generate --db "$db" --grants 200 --recipients 1120
fi

echo "== process start to first complete frame (120×40, pseudo-terminal)"
target/release/examples/first_frame "$db" 21 | tail -3

echo "== medel status --json"
hyperfine -N --warmup 3 --runs 21 "target/release/medel status --json --db $db" | grep -E "Time|Range"

echo "== medel grants (the open grants)"
hyperfine -N --warmup 3 --runs 21 "target/release/medel grants --db $db" | grep -E "Time|Range"

echo "== medel grants --all --json (every grant)"
hyperfine -N --warmup 3 --runs 21 "target/release/medel grants --all --json --db $db" | grep -E "Time|Range"

echo "== medel status --check (every open grant; exit code 1 is expected)"
hyperfine -N -i --warmup 3 --runs 21 "target/release/medel status --check --db $db" | grep -E "Time|Range"

echo "== peak memory of medel status --json"
/usr/bin/time -v target/release/medel status --json --db "$db" 2>&1 >/dev/null | grep "Maximum resident"
