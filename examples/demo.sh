#!/usr/bin/env bash
# make demo: bash examples/demo.sh .venv/bin/drafter build/demo
# Last year's plan (prior-2023.txt) → next year's outline → a GB/T 9704 draft → check → compare.
set -euo pipefail
DRAFTER=${1:-drafter}
OUT=${2:-build/demo}
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$OUT"

echo "== 1. init: 2024 outline from the 2023 plan (every item marked 'from: 2023 …', notes where to look)"
"$DRAFTER" init --from "$HERE/prior-2023.txt" -o "$OUT/outline-2024.yaml" --force
grep -c "请核对" "$OUT/outline-2024.yaml" | sed 's/^/   items to review: /'

echo "== 2. draft: the edited outline (examples/outline-2024.yaml) as .docx, .txt and .md"
"$DRAFTER" draft "$HERE/outline-2024.yaml" -o "$OUT/2024要点.docx" --force
"$DRAFTER" draft "$HERE/outline-2024.yaml" -o "$OUT/2024要点.txt" --format txt --force
"$DRAFTER" draft "$HERE/outline-2024.yaml" -o "$OUT/2024要点.md" --format md --force

# ---- CHECK step (to be filled in by the check owner) -------------------------------------------
# "$DRAFTER" check "$OUT/2024要点.docx" --prior "$HERE/prior-2023.txt" --summary "$HERE/summary-2023.txt" --fail-on never
# -------------------------------------------------------------------------------------------------

# ---- COMPARE step (to be filled in by the compare owner) ---------------------------------------
# "$DRAFTER" compare "$HERE/prior-2023.txt" "$OUT/2024要点.docx" --summary "$HERE/summary-2023.txt" -o "$OUT/compare.html" --format html --force
# -------------------------------------------------------------------------------------------------

echo "== outputs in $OUT"
ls -l "$OUT"
