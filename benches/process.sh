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
# A file of an older schema is migrated once, before anything is timed.
target/release/medel status --json --db "$db" >/dev/null

# The median of 21 runs (hyperfine prints the mean), and the CPU time:
# on a loaded machine the wall time says more about the others.
median() {
    local out
    out=$(mktemp)
    hyperfine -N -i --warmup 3 --runs 21 --export-json "$out" "$1" >/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("median of %d runs %.1f ms, user %.1f ms, system %.1f ms (min %.1f, max %.1f)" % (len(r["times"]), r["median"]*1e3, r["user"]*1e3, r["system"]*1e3, r["min"]*1e3, r["max"]*1e3))' "$out"
    rm -f "$out"
}

echo "== where the time goes, inside one process"
cargo bench --quiet --bench grants_phases -- "$db"

echo "== process start to first complete frame (120×40, pseudo-terminal)"
target/release/examples/first_frame "$db" 21 | tail -3

echo "== medel status --json"
median "target/release/medel status --json --db $db"

echo "== medel grants (the open grants)"
median "target/release/medel grants --db $db"

echo "== medel grants --all --json (every grant)"
median "target/release/medel grants --all --json --db $db"

echo "== medel status --check (every open grant; exit code 1 is expected)"
median "target/release/medel status --check --db $db"

echo "== peak memory of medel status --json"
/usr/bin/time -v target/release/medel status --json --db "$db" 2>&1 >/dev/null | grep "Maximum resident"
