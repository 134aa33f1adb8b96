#!/usr/bin/env bash
# Draws a template as LibreOffice Calc prints it, for the README:
# screenshots/template.png. Needs soffice (libreoffice-calc-nogui) and
# pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet -- --db "$work/demo.sqlite" demo >/dev/null
cargo run --quiet -- --db "$work/demo.sqlite" --lang sv template --recipient Älvsjö -o "$work/t" >/dev/null
soffice "-env:UserInstallation=file://$work/lo" --headless --convert-to pdf --outdir "$work" "$work/t/Älvsjö.xlsx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -x 30 -y 30 -W 610 -H 520 -singlefile "$work/Älvsjö.pdf" screenshots/template
echo screenshots/template.png
