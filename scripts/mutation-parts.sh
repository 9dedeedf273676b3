#!/usr/bin/env bash
# Mutation testing of src/ in five runs, one group of folders each, so that a long session keeps
# each group's report (reports/parts/<group>.json) even if it stops early; then the merged score.
# Usage: bash scripts/mutation-parts.sh [group…]   (groups: funding core-values rules-and-reports conventions core)
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports/parts
declare -A MUTATE=(
  [funding]="src/funding/**/*.ts"
  [core-values]="src/money/**/*.ts,src/calendar/**/*.ts,src/identifiers/**/*.ts,src/eligibility/**/*.ts"
  [rules-and-reports]="src/objectives/**/*.ts,src/reports/**/*.ts,src/scenarios/**/*.ts"
  [conventions]="src/conventions/**/*.ts,src/partners/**/*.ts,src/portfolio/**/*.ts,src/referential/**/*.ts"
  [core]="src/core/**/*.ts"
)
ORDER=(funding core-values rules-and-reports conventions core)
for group in "${@:-${ORDER[@]}}"; do
  echo "== $group: ${MUTATE[$group]}"
  npx stryker run --mutate "${MUTATE[$group]}" --reporters json,progress > "reports/parts/$group.log" 2>&1 && cp reports/mutation/mutation.json "reports/parts/$group.json"
  tail -n 3 "reports/parts/$group.log"
done
npx tsx scripts/mutation-summary.ts reports/parts/*.json
