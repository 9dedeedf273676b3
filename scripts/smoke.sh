#!/usr/bin/env bash
# Packs the library as npm would publish it, installs the tarball in a scratch project, and
# checks that it loads both with `import` (ESM) and with `require()` (CommonJS, Node >= 20.19).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# `npm test` has just built dist/: pack it as it is rather than building it a second time (prepare).
[ -f dist/index.js ] || { echo "smoke: run the build first (npx tsup)" >&2; exit 1; }
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$scratch" | tail -n 1)
cd "$scratch"
printf '{ "name": "smoke", "version": "1.0.0", "private": true }\n' > package.json
npm install --silent --no-audit --no-fund "./$tarball" >/dev/null

cat > esm.mjs <<'JS'
import { Euros, parseCalendarDate } from "caf-conventions"
const amount = Euros.parse("30000").times("0.5")
if (amount.toString() !== "15000.00") throw new Error(`import: got ${amount}`)
if (parseCalendarDate("2024-02-29") !== "2024-02-29") throw new Error("import: date")
console.log("import ok:", amount.format())
const { readCsv, spreadsheetTemplate, readWorkbook } = await import("caf-conventions/spreadsheet")
const read = readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,50;experts\n")
if (read.records[0]?.amount.toString() !== "1200.50") throw new Error("import: spreadsheet")
if ((await readWorkbook("expenses", await spreadsheetTemplate("expenses"))).records.length !== 1) throw new Error("import: template")
console.log("spreadsheet ok:", read.records[0].amount.format())
JS
cat > names.mjs <<'JS'
import { inspect } from "node:util"
import { Euros, ValidationError, parsePortfolio } from "caf-conventions"
// What a developer sees in a log: the amount's decimal text and the classes' own names.
if (inspect(Euros.parse("50000")) !== "Euros(50000.00)") throw new Error(`inspect: got ${inspect(Euros.parse("50000"))}`)
try { parsePortfolio({}) } catch (error) {
  if (!(error instanceof ValidationError) || error.constructor.name !== "ValidationError") throw new Error(`error name: ${error?.constructor?.name}`)
}
// A resolved convention is recognised by the evaluators of the built package (its mark survives bundling).
const { readFileSync } = await import("node:fs")
const lib = await import("caf-conventions")
const founding = lib.parsePortfolio(JSON.parse(readFileSync(process.env.PORTFOLIO, "utf8"))).conventions.at(-1)
const resolved = lib.resolveConvention(founding)
if (!lib.isResolvedConvention(resolved)) throw new Error("a resolved convention is not recognised by the built package")
if (lib.paymentSchedule(resolved, { year: 2024 }).instalments.length === 0) throw new Error("no schedule from a resolved convention")
console.log("names ok:", inspect(Euros.parse("50000")))
JS
cat > consoles.mjs <<'JS'
// What Node's console shows of the built package's values and errors, and their JSON forms (docs/values.md).
import { inspect } from "node:util"
import { readFileSync } from "node:fs"
import * as lib from "caf-conventions"
import { readCsv } from "caf-conventions/spreadsheet"
const same = (what, got, want) => { if (got !== want) throw new Error(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`) }
const thrown = (run) => { try { run() } catch (error) { return error } throw new Error("nothing thrown") }
const head = (error) => inspect(error).split("\n")[0]
same("date", inspect(lib.parseCalendarDate("2024-02-29")), "'2024-02-29'")
same("period", inspect(lib.parsePeriod({ start: "2024-01-01", end: "2024-12-31" })), "{ start: '2024-01-01', end: '2024-12-31' }")
const invalid = inspect(thrown(() => lib.parsePortfolio({}))).split("\n")
same("ValidationError", invalid.slice(0, 3).join(" | "), "ValidationError: Invalid portfolio (2 issues): |   partners: Missing key |   conventions: Missing key")
if (!invalid.at(-1).endsWith("{ subject: 'portfolio', issues: [ [Object], [Object] ] }")) throw new Error(`ValidationError fields: ${invalid.at(-1)}`)
same("InvalidAmountError", head(thrown(() => lib.Euros.parse("1.001"))), 'InvalidAmountError: amount "1.001" has more than 2 decimals')
same("InvalidArgumentError", head(thrown(() => lib.prorate(lib.Euros.parse("100"), 5, 4))).split(":")[0], "InvalidArgumentError")
same("InvalidDateError", head(new lib.InvalidDateError({ input: "x", path: [], message: "no such day", frenchMessage: "" })), "InvalidDateError: no such day")
same("LineageError", head(thrown(() => lib.lineage([], "cpo-2023-2025"))), "LineageError: there is no convention cpo-2023-2025")
same("SpreadsheetError", head(thrown(() => readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,505;experts\n"))).split(":")[0], "SpreadsheetError")
// JSON.stringify of a decoded document is its documented JSON form, what encodePortfolio gives back.
const json = JSON.parse(readFileSync(process.env.PORTFOLIO, "utf8"))
const portfolio = lib.parsePortfolio(json)
same("JSON of a portfolio", JSON.stringify(portfolio), JSON.stringify(lib.encodePortfolio(portfolio)))
same("JSON of a schedule's amount", JSON.stringify(lib.yearAmounts(portfolio.conventions.at(-1))[1].amount), '"30000.00"')
same("JSON of an error", Object.keys(JSON.parse(JSON.stringify(thrown(() => lib.parsePortfolio({}))))).join(","), "subject,issues,message,_tag")
console.log("consoles ok:", head(thrown(() => lib.Euros.parse("1.001"))))
JS
cat > cjs.cjs <<'JS'
const { Euros, allocate } = require("caf-conventions")
const parts = allocate(Euros.parse("100"), [1, 1, 1]).map(String).join(" ")
const schema = require("caf-conventions/schema/convention.schema.json")
if (schema.$schema !== "https://json-schema.org/draft/2020-12/schema") throw new Error("require: schema")
if (parts !== "33.34 33.33 33.33") throw new Error(`require: got ${parts}`)
console.log("require ok:", parts)
JS
cat > server.mjs <<'JS'
// The HTTP service's entry point resolves from the tarball, starts, answers and stops.
import { readFileSync } from "node:fs"
import { openApiDocument, startServer } from "caf-conventions/server"
if (openApiDocument().openapi !== "3.1.1") throw new Error("server: OpenAPI document")
const server = await startServer({ port: 0 })
try {
  const health = await (await fetch(`${server.url}/health`)).json()
  if (health.status !== "ok") throw new Error(`server: health ${JSON.stringify(health)}`)
  const portfolio = JSON.parse(readFileSync(process.env.PORTFOLIO, "utf8"))
  const response = await fetch(`${server.url}/schedule`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ portfolio, year: 2024 })
  })
  const schedule = await response.json()
  if (response.status !== 200 || schedule.amount !== "30000.00") throw new Error(`server: schedule ${response.status}`)
  const missing = await fetch(`${server.url}/nowhere`)
  if (missing.status !== 404 || missing.headers.get("content-type") !== "application/problem+json; charset=utf-8")
    throw new Error(`server: 404 ${missing.status}`)
  console.log(`server ok: ${server.url}, schedule 2024 ${schedule.amount}`)
} finally {
  await server.close()
}
JS
node esm.mjs
PORTFOLIO="$root/examples/data/portfolio.json" node server.mjs
# Only the server's modules load Hono: the core and the command's other modules do not.
loaders=$(cd node_modules/caf-conventions && grep -rlE --include='*.js' "from *['\"](hono|@hono/)" dist | sort | tr '\n' ' ')
outside=$(printf '%s' "$loaders" | tr ' ' '\n' | grep -v '^dist/server/' || true)
[ -n "$loaders" ] && [ -z "$outside" ] || { echo "smoke: hono is imported by ${loaders:-nothing}, expected dist/server/ only" >&2; exit 1; }
echo "hono ok: imported by $loaders"
PORTFOLIO="$root/examples/data/portfolio.json" node names.mjs
PORTFOLIO="$root/examples/data/portfolio.json" node consoles.mjs
node --no-warnings cjs.cjs
version=$(npx --no-install caf-conventions --version)
echo "bin ok: caf-conventions $version"
npx --no-install caf-conventions validate "$root/examples/data/portfolio.json" >/dev/null
# The command starts the service and stops on SIGTERM with exit code 0.
# (the installed bin itself, not through npx, so that the signal reaches the service's own process)
node_modules/.bin/caf-conventions serve --port 0 2> serve.log &
serving=$!
for _ in $(seq 1 50); do grep -q "à l'écoute sur" serve.log && break; sleep 0.2; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' serve.log | head -n 1)
[ -n "$url" ] || { echo "smoke: caf-conventions serve did not start: $(cat serve.log)" >&2; kill "$serving"; exit 1; }
node -e 'fetch(process.argv[1] + "/health").then((r) => r.json()).then((h) => { if (h.status !== "ok") process.exit(1) })' "$url"
kill -TERM "$serving"
wait "$serving"
echo "serve ok: $url"
# Every guide the README links to is in the tarball, so that its links work where it is installed.
installed=node_modules/caf-conventions
for link in $(grep -o '(docs/[a-z-]*\.md' "$installed/README.md" | tr -d '(' | sort -u); do
  [ -f "$installed/$link" ] || { echo "smoke: the README links to $link, missing from the tarball" >&2; exit 1; }
done
echo "links ok: $(grep -o '(docs/[a-z-]*\.md' "$installed/README.md" | sort -u | wc -l) guides"
cd "$root"
