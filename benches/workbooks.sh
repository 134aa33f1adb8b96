#!/usr/bin/env bash
# Whole-process figures for the workbooks (issue 11): `medel template` of
# the demo's 15 recipients, `medel import` of the 15 filled templates,
# `medel export --format xlsx` of the demo, and template and import of
# one grant with 1 000 recipients. Targets: 150 ms, 150 ms, 100 ms; the
# 1 000-recipient figures should be about 1000/15 times the first two.
#
#   bash benches/workbooks.sh [RUNS]      (default 10; the median is printed)
#
# Uses a release build and python3 (to change the amounts of a CSV).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet --bin medel --example generate
medel=$PWD/target/release/medel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The median wall time of a command, in milliseconds; `prepare` runs
# before each run, untimed.
median() {
    local prepare=$1
    shift
    local times=()
    for _ in $(seq "$runs"); do
        eval "$prepare"
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null || { echo "failed: $1 $2 $3 $4 …" >&2; exit 1; }
        end=$(date +%s%N)
        times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms\n", a[int((NR+1)/2)]/1000}'
}

# Templates as the districts send them back: written from a copy of the
# database where every amount is one krona more, imported into the
# database as it was, so that every value changes. The templates come from
# a history the database does not have, which the stale-workbook check
# refuses: `--replace` takes them, after the same check.
filled() {
    local db=$1 dir=$2
    cp "$db" "$work/changed.sqlite"
    "$medel" --db "$db" export --format csv --csv-style plain --grant "$3" |
        python3 -c 'import csv, sys
rows = list(csv.reader(sys.stdin))
for r in rows[1:]:
    r[5] = "%.2f" % (float(r[5]) + 1)
csv.writer(sys.stdout, lineterminator="\n").writerows(rows)' >"$work/changed.csv"
    "$medel" --db "$work/changed.sqlite" import "$work/changed.csv" >/dev/null
    "$medel" --db "$work/changed.sqlite" template --grant "$3" -o "$dir" >/dev/null
    cp "$db" "${db%.sqlite}-base.sqlite"
}

"$medel" --db "$work/demo.sqlite" demo >/dev/null
filled "$work/demo.sqlite" "$work/demo" 1
# 17 grants (2010–2026) so that the last is open; 1 000 recipients in each.
target/release/examples/generate --db "$work/big.sqlite" --grants 17 --recipients 1000 >/dev/null
open=$("$medel" --db "$work/big.sqlite" status --json | grep -m1 '"id"' | tr -dc 0-9)
filled "$work/big.sqlite" "$work/big" "$open"

echo "template, demo (15 workbooks):    $(median "rm -rf $work/out" "$medel" --db "$work/demo.sqlite" template -o "$work/out")"
echo "import, demo (15 workbooks):      $(median "cp $work/demo-base.sqlite $work/demo.sqlite" "$medel" --db "$work/demo.sqlite" import --replace "$work"/demo/*.xlsx)"
echo "export --format xlsx, demo:       $(median "" "$medel" --db "$work/demo.sqlite" export --format xlsx -o "$work/demo.xlsx")"
echo "template, 1 000 recipients:       $(median "rm -rf $work/out" "$medel" --db "$work/big.sqlite" template --grant "$open" -o "$work/out")"
echo "import, 1 000 workbooks:          $(median "cp $work/big-base.sqlite $work/big.sqlite" "$medel" --db "$work/big.sqlite" import --replace --today 2030-12-31 "$work"/big/*.xlsx)"
