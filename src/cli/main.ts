#!/usr/bin/env node
/**
 * The `caf-conventions` command line. Exit codes: 0 success; 1 the input is invalid, a check
 * failed or data could not be exported; 2 the command was misused (unknown command, missing
 * argument, unreadable file); 3 an unexpected error. Bad input never prints a stack trace.
 *
 * @module
 */
import { createRequire } from "node:module"
import { ValidationError, formatPath } from "../index.js"
import { UsageError, parseArgs } from "./args.js"
import { type Io, check, eligibility, report, scdl, terms, validate } from "./commands.js"

const HELP: Record<string, string> = {
  "": `caf-conventions — conventions de partenariat d'une Caf

Usage : caf-conventions <commande> [arguments] [options]

Commandes :
  validate <fichier…>                       vérifie des fichiers (portefeuille, convention, partenaire,
                                            activités, versements, dépenses, candidats, scénario)
  terms <fichier> --date AAAA-MM-JJ         termes d'une convention en vigueur à une date
  eligibility <conventions> <candidats> --date AAAA-MM-JJ
                                            éligibilité d'une liste de candidats, règle par règle
  check <scénario…>                         exécute des scénarios et compare les réponses attendues
  report <fichier> [--year AAAA]            bilan annuel (ou de fin de convention sans --year)
  scdl <fichier…>                           export en données ouvertes (SCDL subventions, CSV)

Options communes : --help, --version
Codes de sortie : 0 succès ; 1 données invalides, vérification en échec ou export incomplet ;
2 mauvaise utilisation (commande, argument ou fichier) ; 3 erreur inattendue.
Aide d'une commande : caf-conventions <commande> --help`,
  validate: `Usage : caf-conventions validate <fichier…>

Reconnaît la nature de chaque fichier JSON et le vérifie. Sortie 0 si tous sont valides, 1 sinon,
avec chaque problème et son chemin (conventions[2].terms.amounts.yearlyAmount : …).`,
  terms: `Usage : caf-conventions terms <fichier> --date AAAA-MM-JJ [--convention <id>]

Affiche les termes en vigueur à la date : période, secteurs, accompagnements, montant, avenants
appliqués, objectifs, filiation et points de conformité à vérifier. Le fichier est un portefeuille
ou une convention ; sans --convention, la plus récente de la filiation.`,
  eligibility: `Usage : caf-conventions eligibility <conventions> <candidats> --date AAAA-MM-JJ
         [--convention <id>] [--explain] [--format text|json]

Examine chaque candidat. --explain détaille chaque règle ; --format json donne le résultat complet.
Une ligne de progression s'affiche sur la sortie d'erreur pour les grands lots, dans un terminal.
Sortie 0 si tous les candidats sont lisibles (éligibles ou non), 1 si certains sont illisibles.`,
  check: `Usage : caf-conventions check <scénario…>

Exécute des scénarios (docs/scenarios.md) et affiche, pour chacun, « ✓ » ou les différences.
Sortie 1 si un scénario échoue.`,
  report: `Usage : caf-conventions report <fichier> [--year AAAA] [--activities <f>] [--payments <f>]
         [--expenses <f>] [--as-of AAAA-MM-JJ] [--convention <id>] [--format md|html|json] [--out <f>]

Bilan annuel de l'année --year, ou bilan de fin de convention sans --year. Markdown par défaut ;
--format html donne une page autonome imprimable ; --out écrit dans un fichier.`,
  scdl: `Usage : caf-conventions scdl <portefeuille…> [--out <f>]

Exporte les conventions au format SCDL subventions (CSV). Les conventions aux données invalides
ou manquantes (un SIRET absent, par exemple) sont signalées sur la sortie d'erreur et écartées ;
la sortie vaut alors 1.`
}

/** The package's version, from the built file (`dist/cli.js`) or the sources (`src/cli/main.ts`). */
function packageVersion(): string {
  const require = createRequire(import.meta.url)
  for (const path of ["../package.json", "../../package.json"]) {
    try {
      return (require(path) as { version: string }).version
    } catch {
      // try the next location
    }
  }
  return "inconnue"
}

const FLAGS = new Set(["help", "version", "explain"])
const COMMANDS: Record<string, (args: ReturnType<typeof parseArgs>, io: Io) => number> = { validate, terms, eligibility, check, report, scdl }

/**
 * Runs the command line with the given arguments and returns the exit code.
 *
 * @internal
 */
export function run(argv: ReadonlyArray<string>, io: Io): number {
  try {
    const [command = "", ...rest] = argv
    const args = parseArgs(rest, FLAGS)
    if (command === "--version" || args.options.has("version")) {
      io.out(packageVersion())
      return 0
    }
    if (command === "" || command === "--help" || command === "help") {
      io.out(HELP[""] as string)
      return command === "" ? 2 : 0
    }
    const handler = COMMANDS[command]
    if (handler === undefined) throw new UsageError(`commande inconnue « ${command} » ; commandes : ${Object.keys(COMMANDS).join(", ")}`)
    if (args.options.has("help")) {
      io.out(HELP[command] as string)
      return 0
    }
    return handler(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`caf-conventions : ${error.message}\nAide : caf-conventions --help`)
      return 2
    }
    if (error instanceof ValidationError) {
      io.err(`✗ ${error.issues.length} problème(s) :`)
      for (const issue of error.issues) io.err(`  ${formatPath(issue.path)} : ${issue.message}`)
      return 1
    }
    if (error instanceof Error && "_tag" in error) {
      io.err(`✗ ${error.message}`)
      return 1
    }
    io.err(`caf-conventions : erreur inattendue : ${error instanceof Error ? error.message : String(error)}`)
    return 3
  }
}

const isMain = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.(?:ts|js)|cli\.js|caf-conventions)$/.test(process.argv[1])
if (isMain) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0)
    throw error
  })
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(text.startsWith("\r") || text === "\n" ? text : `${text}\n`),
    progress: process.stderr.isTTY === true
  })
}
