#!/usr/bin/env bash
# Whole-process time of `medel report --format docx`: on the demo, and on
# a grant with 1 000 recipients (one grant of a generated database).
#
#   bash benches/report_docx.sh
#
# Uses hyperfine when installed, otherwise times 11 runs with bash's clock.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin medel --example generate
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/medel demo --db "$dir/demo.sqlite" >/dev/null
target/release/examples/generate --db "$dir/big.sqlite" --grants 1 --recipients 1000 >/dev/null

run() {
    local name=$1 db=$2
    local cmd="target/release/medel report --db $db --lang sv --format docx -o $dir/out.docx"
    echo "== $name"
    if command -v hyperfine >/dev/null; then
        rm -f "$dir/out.docx"
        hyperfine -N --warmup 2 --runs 11 --prepare "rm -f $dir/out.docx" "$cmd" | grep -E "Time|Range"
    else
        local best=999999 i start end ms
        for i in $(seq 11); do
            rm -f "$dir/out.docx"
            start=$(date +%s%N)
            $cmd
            end=$(date +%s%N)
            ms=$(( (end - start) / 1000000 ))
            (( ms < best )) && best=$ms
        done
        echo "best of 11: ${best} ms"
    fi
    ls -l "$dir/out.docx" | awk '{print "file size: " $5 " bytes"}'
}

run "demo (15 recipients)" "$dir/demo.sqlite"
run "1 000 recipients" "$dir/big.sqlite"
