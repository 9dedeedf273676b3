/// <reference lib="dom" />
/**
 * Part of `npm run test:browser`: the library in a browser page. Builds the browser bundle of the
 * public entry point (scripts/build-browser.ts, which refuses a bundle that any Node.js built-in
 * reaches), serves `examples/` on a loopback port (examples/browser/serve.ts), opens
 * `examples/browser/index.html` in headless Chromium (/usr/bin/chromium or CHROMIUM_PATH), and
 * checks what the page shows: the screening of the example candidates on 1 June 2024 (2 eligible,
 * 4 not, each with its failed rule), and the founding convention's 2024 yearly review, rendered in
 * the page byte for byte as Node renders it (the reviewed golden file tests/reports/golden/bilan-2024.html),
 * its amounts in euros and cents. No console error, no page error, no request outside the page's
 * own origin. Then serves a broken portfolio in place of the example and checks that the page shows
 * the ValidationError with its paths. Saves a screenshot as out/screenshots/page.png.
 */
import { mkdirSync, readFileSync } from "node:fs"
import { chromium } from "playwright-core"
import { CHROMIUM_FLAGS } from "../src/cli/pdf.js"
import { buildBrowser } from "../scripts/build-browser.js"
import { serveExamples } from "../examples/browser/serve.js"

let passed = 0
let failed = 0
function expect(condition: boolean, what: string): void {
  if (condition) {
    passed++
    console.log(`✓ ${what}`)
  } else {
    failed++
    console.error(`✗ ${what}`)
  }
}

/** Text with every run of spaces (no-break and narrow no-break ones included) as one space. */
const spaced = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, " ").trim()

const bundle = await buildBrowser()
expect(bundle.bytes > 100_000, `the bundle is built: ${bundle.modules} modules, ${bundle.bytes} bytes`)
const { server, page: address } = await serveExamples(0)
const origin = new URL(address).origin
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  args: CHROMIUM_FLAGS
})

try {
  const tab = await browser.newPage({ viewport: { width: 1100, height: 1400 } })
  const errors: string[] = []
  const outside: string[] = []
  const requested: string[] = []
  tab.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(`${message.type()}: ${message.text()}`)
  })
  tab.on("pageerror", (error) => errors.push(`page error: ${error.message}`))
  tab.on("request", (request) => {
    requested.push(new URL(request.url()).pathname)
    if (new URL(request.url()).origin !== origin) outside.push(request.url())
  })
  await tab.goto(address)
  await tab.waitForFunction(() => /Calculé|Échec/u.test(document.getElementById("etat")?.textContent ?? ""))

  expect(
    spaced(await tab.locator("#etat").innerText()) ===
      "Calculé dans la page : éligibilité au 01/06/2024, bilan arrêté au 15/07/2025.",
    "the page says it computed the screening and the review"
  )
  expect((await tab.locator("#erreur").innerText()) === "", "no error shown")
  const summary = spaced(await tab.locator("#synthese").innerText())
  expect(summary === "6 candidats : 2 éligibles, 4 non éligibles, 0 illisible.", `the screening's counts: "${summary}"`)
  const rows = await tab
    .locator("#candidats tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells).map((td) => td.textContent ?? ""))
    )
  const verdicts = rows.map(
    ([id, , verdict, reason]) => `${id}: ${verdict}${reason ? ` — ${reason.split(" : ")[0]}` : ""}`
  )
  const expected = [
    "viry-2024-individuel: éligible",
    "viry-2024-individuel-fpt: non éligible — Pas de double financement",
    "exemple-parentalite-2024-collectif: éligible",
    "exemple-stable-2024-individuel: non éligible — Structure en difficulté ou en développement",
    "exemple-melun-2024: non éligible — Territoire de la convention",
    "exemple-logement-2024: non éligible — Secteur couvert"
  ]
  expect(
    JSON.stringify(verdicts) === JSON.stringify(expected),
    `one row per candidate, with its verdict and its failed rule: ${verdicts.join(" | ")}`
  )
  expect(
    (rows[1]?.[3] ?? "").includes("déjà financée par Fonds publics et territoires (FPT) sur l'exercice 2024"),
    "the failed rule's sentence, in French"
  )

  const srcdoc = await tab.locator("#bilan").getAttribute("srcdoc")
  const golden = readFileSync(new URL("../tests/reports/golden/bilan-2024.html", import.meta.url), "utf8")
  expect(srcdoc === golden, "the review rendered in the page is, byte for byte, the golden file Node renders")
  const frame = tab.frameLocator("#bilan")
  await frame.locator("h1").waitFor()
  const title = spaced(await frame.locator("h1").innerText())
  expect(title.startsWith("Bilan annuel 2024 — Convention pluriannuelle d'objectifs 2023-2025"), `its title: ${title}`)
  const text = spaced(await frame.locator("body").innerText())
  for (const line of [
    "Montant 2024 : 30 000,00 € (30 000,00 € × 366/366)",
    "Montant accordé : 30 000,00 €",
    "Reçu : 30 000,00 €",
    "Dépenses éligibles : 29 250,00 € (taux de consommation 97,5 %)",
    "Part non dépensée : 750,00 €",
    "Reste à verser : 0,00 €",
    "À reverser : 750,00 €",
    "4 objectifs atteints sur 4 au 15/07/2025."
  ]) {
    expect(text.includes(line), `the review shows "${line}"`)
  }
  const instalments = await frame
    .locator("table")
    .filter({ hasText: "Versement" })
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from((tr as HTMLTableRowElement).cells)
          .slice(0, 2)
          .map((td) => td.textContent)
      )
    )
  expect(
    JSON.stringify(instalments.map((cells) => cells.map((cell) => spaced(cell ?? "")))) ===
      JSON.stringify([
        ["Avance", "15 000,00 €"],
        ["Solde", "15 000,00 €"]
      ]),
    `the schedule's instalments: ${JSON.stringify(instalments)}`
  )
  expect(errors.length === 0, `no console error, no page error${errors.length > 0 ? `: ${errors.join(" | ")}` : ""}`)
  expect(outside.length === 0, `no request outside ${origin}${outside.length > 0 ? `: ${outside.join(", ")}` : ""}`)
  const wanted = [
    "/browser/",
    "/browser/main.js",
    "/browser/caf-conventions.js",
    "/data/portfolio.json",
    "/data/candidates.json"
  ]
  expect(
    wanted.every((path) => requested.includes(path)),
    `the page loaded its modules and fetched the data from its origin: ${[...new Set(requested)].join(", ")}`
  )
  mkdirSync("out/screenshots", { recursive: true })
  await tab.screenshot({ path: "out/screenshots/page.png", fullPage: true })
  await tab.close()

  // A portfolio that cannot be read: the page shows the ValidationError and every problem's path.
  const broken = await browser.newPage()
  const brokenErrors: string[] = []
  broken.on("pageerror", (error) => brokenErrors.push(error.message))
  await broken.route(`${origin}/data/portfolio.json`, (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ partners: [{ id: 42 }], conventions: "none" })
    })
  )
  await broken.goto(address)
  await broken.waitForFunction(() => /Calculé|Échec/u.test(document.getElementById("etat")?.textContent ?? ""))
  const shown = await broken.locator("#erreur").innerText()
  expect(
    (await broken.locator("#etat").innerText()) === "Échec." &&
      shown.startsWith("Invalid portfolio") &&
      shown.includes("partners[0].id") &&
      shown.includes("conventions"),
    `a broken portfolio shows its ValidationError with the paths: ${JSON.stringify(shown.split("\n").slice(0, 3))}`
  )
  expect(
    brokenErrors.length === 1 && brokenErrors[0]?.startsWith("Invalid portfolio") === true,
    `the error reaches the console as a ValidationError: ${brokenErrors.join(" | ")}`
  )
  await broken.close()
} finally {
  await browser.close()
  server.close()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
