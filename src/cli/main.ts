#!/usr/bin/env node
/**
 * The `caf-conventions` command line. Exit codes: 0 success; 1 the input is invalid, a check
 * failed or data could not be exported; 2 the command was misused (unknown command or option, a
 * bad option value, a missing or extra argument, an unreadable file, a refused `--out`); 3 an
 * unexpected error. Bad input never prints a stack trace; control characters are escaped.
 *
 * @module
 */
import { packageVersion } from "../core/version.js"
import { type Locale, ValidationError } from "../index.js"
import { UsageError, describeOptions, parseCommandLine } from "./args.js"
import { COMMANDS, problemLines } from "./commands.js"
import type { Io } from "./types.js"
import { printable } from "./terminal.js"
import { unknownCommandText } from "../vocabulary/cli.js"

const HELP: Record<string, string> = {
  "": `caf-conventions — conventions de partenariat d'une Caf

Usage : caf-conventions <commande> [arguments] [options]

Commandes :
  validate <fichier…>                       vérifie des fichiers (portefeuille, convention, partenaire,
                                            activités, versements, dépenses, candidats, scénario)
  terms <fichier> --date AAAA-MM-JJ         termes d'une convention en vigueur à une date
  eligibility <conventions> <candidats> --date AAAA-MM-JJ
                                            éligibilité d'une liste de candidats, règle par règle
  check <scénario…> [--root <dossier>]      exécute des scénarios et compare les réponses attendues
  objectives <fichier> --activities <f>     objectifs d'une année (--year) ou de toutes ; les activités
                                            d'un fichier .jsonl sont lues au fil de l'eau
  report <fichier> [--year AAAA]            bilan annuel (ou de fin de convention sans --year)
  scdl <fichier…>                           export en données ouvertes (SCDL subventions, CSV)
  import <tableur> --kind <nature>          tableur CSV ou XLSX → enregistrements JSON (ou --validate)
  template --kind <nature> --out <f.xlsx>   classeur vierge à remplir (activités, versements, dépenses,
                                            compte rendu financier)
  serve [--port 8080] [--host 127.0.0.1]    service HTTP (JSON, description OpenAPI dans /openapi.json)

Options communes : --lang fr|en (langue des problèmes trouvés dans les fichiers, français par
défaut), --help, --version. Une option inconnue, une valeur invalide ou un argument
en trop est refusé. Les caractères de contrôle des données sont affichés échappés (\\u001b).
Codes de sortie : 0 succès ; 1 données invalides, vérification en échec ou export incomplet ;
2 mauvaise utilisation (commande, option, valeur, argument ou fichier illisible) ; 3 erreur
inattendue. Sur plusieurs fichiers, le code le plus grave.
Aide d'une commande : caf-conventions <commande> --help`,
  validate: `Usage : caf-conventions validate <fichier…>

Reconnaît la nature de chaque fichier JSON et les vérifie tous, en listant chaque
problème avec son chemin, la valeur trouvée et, quand il y en a une, la valeur la plus proche
qui serait acceptée (conventions[2].terms.sectors[0] : « jeunese » n'est pas un code accepté
ici : vouliez-vous dire « jeunesse » ? …). --lang en les écrit en anglais. Sortie 0 si tous
sont valides, 1 si l'un est invalide, 2 si l'un ne peut pas être lu.`,
  terms: `Usage : caf-conventions terms <fichier> --date AAAA-MM-JJ [--known-on AAAA-MM-JJ] [--convention <id>]

Affiche les termes en vigueur à la date : période, secteurs, accompagnements, montant, avenants
appliqués, objectifs, filiation et points de conformité à vérifier. Le fichier est un portefeuille
ou une convention ; sans --convention, la plus récente de la filiation.
Sans --known-on, les termes sont lus tels que connus à ce jour, d'après tout ce que le fichier
enregistre (un avenant signé ou une résiliation décidée après la date comptent, et la sortie les
nomme) ; avec --known-on, tels que connus ce jour-là : seuls les avenants signés et la résiliation
ou le retrait décidés à cette date comptent.`,
  eligibility: `Usage : caf-conventions eligibility <conventions> <candidats> --date AAAA-MM-JJ
         [--convention <id>] [--explain] [--format text|json]

Examine chaque candidat. --explain détaille chaque règle ; --format json donne le résultat complet.
Une ligne de progression s'affiche sur la sortie d'erreur pour les grands lots, dans un terminal.
Sortie 0 si tous les candidats sont lisibles (éligibles ou non), 1 si certains sont illisibles.`,
  check: `Usage : caf-conventions check <scénario…> [--root <dossier>]

Exécute des scénarios (docs/scenarios.md) et affiche, pour chacun, « ✓ » ou les différences.
Les activités, versements et dépenses d'un scénario peuvent être des fichiers CSV ou XLSX.
Un scénario ne lit que les fichiers de son propre dossier, ou du dossier que donne --root.
Sortie 1 si un scénario échoue, 2 si un fichier de scénario ne peut pas être lu.`,
  objectives: `Usage : caf-conventions objectives <fichier> [--activities <f.json|f.jsonl>] [--year AAAA]
         [--as-of AAAA-MM-JJ] [--convention <id>] [--format text|json]

Évalue les objectifs de la convention pour l'année --year, ou pour chaque année sans --year : pour
chaque objectif, atteint ou non, avec le nombre d'enregistrements retenus et écartés ; --format json
donne l'évaluation complète. Les activités sont une liste JSON, ou un fichier JSON Lines (.jsonl :
un enregistrement par ligne), lu au fil de l'eau sans être gardé en mémoire. Une ligne qui n'est pas
du JSON est signalée avec son numéro ; l'enregistrement [i] est celui de la ligne i + 1.
Sortie 1 si la convention ou les activités ont des problèmes.`,
  report: `Usage : caf-conventions report <fichier> [--year AAAA] [--activities <f>] [--payments <f>]
         [--expenses <f>] [--repayments <f>] [--financial-reports <f>] [--as-of AAAA-MM-JJ] [--reports-accepted AAAA=AAAA-MM-JJ[,…]]
         [--financial-report-received AAAA=AAAA-MM-JJ[,…]] [--partners <f>] [--convention <id>]
         [--format md|html|json|csv|pdf|xlsx] [--table <nom>] [--decimal ,|.] [--separator ;|,] [--bom] [--out <f>]

Bilan annuel de l'année --year, ou bilan de fin de convention sans --year. --activities,
--payments et --expenses lisent un fichier JSON, JSON Lines (.jsonl, lu en entier : le bilan
relit ses enregistrements pour chaque année), CSV ou XLSX (voir import). --repayments lit
les reversements reçus du partenaire, --financial-reports ses comptes rendus financiers (un
document, ou une liste : une année justifiée par le sien seul y trouve ses dépenses). --reports-accepted
donne, par année, le jour où les bilans ont été acceptés (le solde est alors exigible), et
--financial-report-received le jour où le compte rendu financier a été reçu :
--reports-accepted 2024=2025-05-20,2025=2026-05-15. Markdown par défaut ;
--format html donne une page autonome imprimable ; --format csv donne les tables du bilan pour
un tableur (avenants, objectifs, versements, depenses-non-retenues, financement-par-annee ;
--table n'en donne qu'une), « ; » entre les champs et la virgule décimale par défaut
(--separator , --decimal . pour un tableur anglais), --bom pour un tableur qui l'attend ;
--format xlsx écrit ces tables dans un classeur, une feuille par table (montants en euros,
dates, pourcentages typés), et demande --out <fichier.xlsx> ;
--partners lit les partenaires (une liste, ou un portefeuille) pour nommer les parties ;
--format pdf l'imprime en PDF (A4) avec le Chromium de la variable
d'environnement CHROMIUM_PATH, ou /usr/bin/chromium, et demande --out ;
--out écrit dans un fichier, remplacé d'un seul coup, jamais un des fichiers lus, un dossier
ou un lien symbolique.`,
  import: `Usage : caf-conventions import <fichier.csv|fichier.xlsx>
         --kind activities|payments|expenses|financial-reports
         [--validate] [--out <f>]

Lit des activités, des versements, des dépenses ou des comptes rendus financiers (une ligne
par ligne du compte rendu, regroupées par convention, année et action) dans un tableur (CSV ou
XLSX, en-têtes en français, voir docs/spreadsheets.md) et écrit les enregistrements JSON ;
--validate vérifie seulement. Chaque problème est donné avec sa ligne et sa colonne ; les lignes vides ignorées
sont signalées. Sortie 1 si le tableur a des problèmes.`,
  template: `Usage : caf-conventions template --kind activities|payments|expenses|financial-reports --out <f.xlsx>

Écrit un classeur vierge : les en-têtes, une ligne d'exemple, des listes déroulantes pour les
champs codés (secteurs, catégories, natures d'activité, financeurs…) et les formats de date et de montant.`,
  serve: `Usage : caf-conventions serve [--port 8080] [--host 127.0.0.1] [--body-limit 5mb]

Démarre le service HTTP (docs/http.md) : les mêmes calculs que les autres commandes, chacun
derrière une adresse qui reçoit un document JSON (POST /validate, /terms, /eligibility,
/objectives, /schedule, /funding-use, /report, /scdl ; GET /health, /openapi.json). Il écoute
sur 127.0.0.1 (cette machine seulement) et le port 8080 par défaut ; --port 0 laisse le système
choisir un port libre ; --body-limit refuse les corps plus grands (413), 5mb par défaut (en
octets, kb ou mb). Il tourne jusqu'à Ctrl+C (ou SIGTERM) et ne garde rien d'une requête à
l'autre. Sortie 2 si le port est déjà utilisé ou l'adresse invalide.`,
  scdl: `Usage : caf-conventions scdl <portefeuille…> [--scdl-version 2.1.1|2.0] [--out <f>]

Exporte les conventions au format SCDL subventions (CSV), version 2.1.1 du schéma par défaut ;
--scdl-version 2.0 écrit les 14 colonnes de la version 2.0 pour un éditeur qui en est resté là.
Les conventions aux données invalides ou manquantes (ni SIRET ni numéro RNA pour le bénéficiaire,
par exemple ; en 2.0, le SIRET est exigé) sont signalées sur la sortie d'erreur et écartées ; la
sortie vaut alors 1. Les partenaires d'une convention sont pris dans son propre fichier ; une
convention présente dans plusieurs fichiers est écartée. --out comme pour report.`
}

/** The same streams, with every control character of the data escaped (see `printable`). */
function printableIo(io: Io): Io {
  const progress = io.progress
  return {
    out: (text) => io.out(printable(text)),
    err: (text) => io.err(printable(text)),
    ...(progress === undefined
      ? {}
      : { progress: { update: (line: string) => progress.update(printable(line)), end: progress.end } })
  }
}

function runCommand(argv: ReadonlyArray<string>, io: Io): number | Promise<number> {
  const [command = "", ...rest] = argv
  if (command === "--version") {
    io.out(packageVersion())
    return 0
  }
  if (command === "" || command === "--help" || command === "help") {
    io.out(HELP[""] as string)
    return command === "" ? 2 : 0
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (handler === undefined) throw new UsageError(unknownCommandText(command, Object.keys(COMMANDS)))
  const args = parseCommandLine(command, rest, handler.options, handler.positionals)
  if (args.options.has("help")) {
    io.out(`${HELP[command] as string}\n\nOptions : ${describeOptions(handler.options)}`)
    return 0
  }
  if (args.options.has("version")) {
    io.out(packageVersion())
    return 0
  }
  return handler.run(args, { ...io, locale: args.options.get("lang") === "en" ? "en" : "fr" })
}

/** The language `--lang` asked for (`--lang en` or `--lang=en`), French otherwise. */
function localeOf(argv: ReadonlyArray<string>): Locale {
  const at = argv.indexOf("--lang")
  return argv.includes("--lang=en") || (at >= 0 && argv[at + 1] === "en") ? "en" : "fr"
}

/**
 * What to call the document an evaluator refused: the file given for its records
 * (`--activities f.json` when the subject is `activities`), or the subject itself.
 */
function recordFileOf(argv: ReadonlyArray<string>, subject: string): string {
  const option = `--${subject}`
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string
    if (argument === option && argv[index + 1] !== undefined) return argv[index + 1] as string
    if (argument.startsWith(`${option}=`)) return argument.slice(option.length + 1)
  }
  return subject
}

/** The exit code of an error a command threw, after saying why on standard error. */
function failure(error: unknown, argv: ReadonlyArray<string>, io: Io): number {
  if (error instanceof UsageError) {
    const command = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? `${argv[0]} ` : ""
    io.err(`caf-conventions : ${error.message}\nAide : caf-conventions ${command}--help`)
    return 2
  }
  if (error instanceof ValidationError) {
    for (const line of problemLines({ ...io, locale: localeOf(argv) }, recordFileOf(argv, error.subject), error))
      io.err(line)
    return 1
  }
  if (error instanceof Error && "_tag" in error) {
    io.err(
      `✗ ${"frenchMessage" in error && typeof error.frenchMessage === "string" ? error.frenchMessage : error.message}`
    )
    return 1
  }
  io.err(`caf-conventions : erreur inattendue : ${error instanceof Error ? error.message : String(error)}`)
  return 3
}

/**
 * Runs the command line with the given arguments and returns the exit code, or a promise of it
 * for the commands that read or write spreadsheets (`import`, `template`, and `report` or
 * `check` given a `.csv` or `.xlsx` file) or wait on another program (`report --format pdf`).
 * Everything printed goes through `io`, control characters escaped.
 *
 * @internal
 */
export function run(argv: ReadonlyArray<string>, rawIo: Io): number | Promise<number> {
  const io = printableIo(rawIo)
  try {
    const code = runCommand(argv, io)
    return typeof code === "number" ? code : code.catch((error: unknown) => failure(error, argv, io))
  } catch (error) {
    return failure(error, argv, io)
  }
}

const isMain =
  process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.(?:ts|js)|cli\.js|caf-conventions)$/.test(process.argv[1])
if (isMain) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0)
    throw error
  })
  const code = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    ...(process.stderr.isTTY === true
      ? {
          progress: {
            update: (line: string) => process.stderr.write(`\r${line}`),
            end: () => process.stderr.write("\n")
          }
        }
      : {})
  })
  if (typeof code === "number") process.exitCode = code
  else void code.then((value) => (process.exitCode = value))
}
