#!/usr/bin/env bash
# Every check the project makes, in order, stopping at the first failure (`npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$1"; }

step "formatting (Biome; npm run format rewrites)"
npx biome format .
step "type check"
npx tsc --noEmit -p .
step "unit and property tests"
npx vitest run
step "fuzzing (npm run fuzz: 300 generated inputs per public function; a call over 5 s fails)"
FUZZ_SLOW_MS=5000 npx tsx fuzz/run.ts >/dev/null
step "build (ESM + .d.ts)"
npx tsup
step "doc examples: every @example of src/ type-checked against dist/, those with //=> results run"
npx tsx scripts/check-doc-examples.ts
step "package lint (publint)"
npx publint --strict
step "types as consumers see them (attw, ESM-only)"
npx attw --pack . --profile esm-only
step "API reference (typedoc, warnings are errors)"
npx typedoc --logLevel Warn
step "examples"
npx tsx scripts/run-examples.ts
step "scenario files (examples/scenarios), through the built command line"
node dist/cli/main.js check --root examples examples/scenarios/*.json
step "packed tarball installs, imports and requires"
bash scripts/smoke.sh
printf '\nAll checks passed.\n'
