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

echo "== 3. check: the draft against last year's plan and summary (findings are expected: the example has slips)"
"$DRAFTER" check "$OUT/2024要点.docx" --prior "$HERE/prior-2023.txt" --summary "$HERE/summary-2023.txt" \
    --annotate "$OUT/2024要点-批注.docx" --force --fail-on never
"$DRAFTER" check "$OUT/2024要点.docx" --prior "$HERE/prior-2023.txt" --summary "$HERE/summary-2023.txt" \
    --format sarif --fail-on never > "$OUT/check.sarif"

echo "== 4. compare: 2023 plan → 2024 draft, item by item"
"$DRAFTER" compare "$HERE/prior-2023.txt" "$OUT/2024要点.docx" --summary "$HERE/summary-2023.txt" > "$OUT/compare.txt"
grep -v '\[沿用\]' "$OUT/compare.txt" | cat -s   # carried items left out here; all of them are in compare.txt
"$DRAFTER" compare "$HERE/prior-2023.txt" "$OUT/2024要点.docx" --summary "$HERE/summary-2023.txt" \
    --format html -o "$OUT/compare.html" --force
"$DRAFTER" compare "$HERE/prior-2023.txt" "$OUT/2024要点.docx" --format docx -o "$OUT/2024要点-修订.docx" --force

echo "== outputs in $OUT"
ls -l "$OUT"
