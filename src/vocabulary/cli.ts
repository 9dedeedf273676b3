/**
 * What the command line says in French: its refusals of arguments and options, of files it
 * cannot read or write, of the HTTP service it cannot start, and its lines of results. Each
 * function takes the facts (an option's name, the value given, a path, a count) and returns the
 * sentence, so that `src/cli/` assembles no French itself.
 *
 * @module
 * @internal
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Euros } from "../money/euros.js"
import type { Bilingual, TextPosition } from "./doors.js"

// Arguments and options.

/** @internal A value that is not one of an option's choices. */
export const notAmongText = (values: ReadonlyArray<string>, value: string): string =>
  `valeurs possibles : ${values.join(", ")} ; reçu « ${value} »`

/** @internal A day that is not written AAAA-MM-JJ. */
export const notADateText = (value: string): string => `« ${value} » n'est pas une date AAAA-MM-JJ`

/** @internal A year not written with four digits. */
export const notAYearText = (value: string): string =>
  `une année s'écrit avec quatre chiffres (2024) ; reçu « ${value} »`

/** @internal An entry of a day per year not written AAAA=AAAA-MM-JJ. */
export const notAYearDateText = (entry: string): string =>
  `« ${entry} » ne s'écrit pas AAAA=AAAA-MM-JJ (2024=2025-05-20)`

/** @internal A year given twice in a day per year. */
export const yearTwiceText = (year: string): string => `l'année ${year} est donnée plusieurs fois`

/** @internal A folder that does not exist. */
export const notAFolderText = (value: string): string => `« ${value} » n'est pas un dossier existant`

/** @internal An option the command does not know, with those it knows. */
export const unknownOptionText = (given: string, command: string, options: string): string =>
  `option inconnue « ${given} » ; options de ${command} : ${options}`

/** @internal A value given to an option that takes none. */
export const takesNoValueText = (name: string): string => `l'option --${name} ne prend pas de valeur`

/** @internal An option given without its value (`shape`: how the value is written). */
export const needsValueText = (name: string, shape: string): string => `l'option --${name} attend une valeur (${shape})`

/** @internal An option followed by another option where its value should be. */
export const valueLikeOptionText = (name: string, shape: string, value: string): string =>
  `l'option --${name} attend une valeur (${shape}), pas « ${value} » ; pour une valeur qui commence par « - », écrivez --${name}=${value}`

/** @internal Arguments refused for no reason found. */
export const invalidArgumentsText = (command: string, options: string): string =>
  `arguments invalides ; options de ${command} : ${options}`

/** @internal An option given twice. */
export const optionTwiceText = (name: string): string => `l'option --${name} est donnée plusieurs fois`

/** @internal An argument more than the command takes. */
export const extraArgumentText = (command: string, extra: string): string =>
  `argument en trop pour ${command} : « ${extra} »`

/** @internal An option given without the value it needs. */
export const optionWithoutValueText = (name: string): string => `l'option --${name} attend une valeur`

/** @internal A required option left out. */
export const requiredOptionText = (name: string): string => `l'option --${name} est obligatoire`

// Files.

/** @internal Why a file operation failed, for an error code the command line has no word for (or none). */
export const unknownReasonText = (code: string | undefined): string =>
  code === undefined ? "erreur inconnue" : `erreur ${code}`

/** @internal A file that cannot be read, and why. */
export const cannotReadText = (path: string, reason: string): string =>
  `impossible de lire le fichier ${path} (${reason})`

/** @internal A file that cannot be written, and why. */
export const cannotWriteText = (out: string, reason: string): string => `impossible d'écrire ${out} (${reason})`

/** Where reading a file stopped being JSON, after a colon: empty, at a line and a column, or "" when not known. */
function stoppedAt(empty: boolean, at: TextPosition | undefined): Bilingual {
  if (empty) return { fr: " : le fichier est vide", en: ": the file is empty" }
  return at === undefined
    ? { fr: "", en: "" }
    : { fr: ` : erreur ligne ${at.line}, colonne ${at.column}`, en: `: error at line ${at.line}, column ${at.column}` }
}

/** @internal A file that is not JSON (the issue's message): empty, or where reading stopped when it is known. */
export function notJsonFileText(empty: boolean, at: TextPosition | undefined): Bilingual {
  const where = stoppedAt(empty, at)
  return { fr: `pas un document JSON${where.fr}`, en: `not a JSON document${where.en}` }
}

/** @internal The whole message of a file that is not JSON, with the same facts as {@link notJsonFileText}. */
export const invalidJsonFileText = (path: string, empty: boolean, at: TextPosition | undefined): string =>
  `${path} n'est pas un fichier JSON valide${stoppedAt(empty, at).fr}`

/** @internal A line of a JSON Lines file that is empty, or not JSON (with the column where reading stopped). */
export function badJsonLineText(line: number, empty: boolean, column: number | undefined): Bilingual {
  if (empty)
    return {
      fr: `ligne ${line} : ligne vide ; un fichier JSON Lines donne un enregistrement par ligne`,
      en: `line ${line}: empty line; a JSON Lines file gives one record a line`
    }
  return {
    fr: `ligne ${line} : pas un document JSON${column === undefined ? "" : ` (erreur colonne ${column})`}`,
    en: `line ${line}: not a JSON document${column === undefined ? "" : ` (error at column ${column})`}`
  }
}

/** @internal The whole message of a JSON Lines file with a bad line (`problem`: {@link badJsonLineText}'s French). */
export const invalidJsonLinesText = (path: string, problem: string): string =>
  `${path} n'est pas un fichier JSON Lines valide : ${problem}`

/** @internal A file a scenario names outside the folder it may read. */
export const outsideFolderText = (path: string, folder: string): string =>
  `le fichier ${path} est hors du dossier autorisé ${folder} ; un scénario ne lit que les fichiers de son dossier, ou de celui que donne --root`

/** @internal Why `--out` is refused: a symbolic link, a folder, a missing folder, not a folder, or one of the inputs. */
export type OutRefusal =
  | { readonly refused: "symbolic-link" | "folder"; readonly out: string }
  | { readonly refused: "missing-folder" | "not-a-folder"; readonly folder: string }
  | { readonly refused: "input"; readonly out: string; readonly input: string }

/** @internal The refusal of an `--out`. */
export function outRefusalText(refusal: OutRefusal): string {
  switch (refusal.refused) {
    case "symbolic-link":
      return `--out : ${refusal.out} est un lien symbolique ; indiquez le fichier lui-même`
    case "folder":
      return `--out : ${refusal.out} est un dossier ; indiquez un fichier`
    case "missing-folder":
      return `--out : le dossier ${refusal.folder} n'existe pas`
    case "not-a-folder":
      return `--out : ${refusal.folder} n'est pas un dossier`
    case "input":
      return `--out : ${refusal.out} est le fichier d'entrée ${refusal.input} ; il ne sera pas écrasé, choisissez un autre fichier`
  }
}

// The PDF.

/** @internal Chromium not found: at the default path (`given` false), or at the one `CHROMIUM_PATH` gives. */
export const chromiumMissingText = (path: string, given: boolean): string =>
  given
    ? `Chromium introuvable : la variable d'environnement CHROMIUM_PATH vaut ${path}, qui n'est pas un programme exécutable`
    : `Chromium introuvable à ${path} : --format pdf imprime la page avec Chromium ; installez-le (apt-get install chromium) ou donnez son chemin dans la variable d'environnement CHROMIUM_PATH`

/** @internal Chromium that did not start, with the first line of its error. */
export const chromiumFailedText = (path: string, reason: string): string =>
  `Chromium (${path}) n'a pas démarré : ${reason} ; vérifiez la variable d'environnement CHROMIUM_PATH`

// The HTTP service.

/** @internal A port that is not a number from 0 to 65535. */
export const notAPortText = (value: string): string =>
  `un port est un nombre de 0 à 65535 (0 : un port libre choisi par le système) ; reçu « ${value} »`

/** @internal A size not written in bytes, kb or mb. */
export const notASizeText = (value: string): string =>
  `une taille s'écrit en octets, en kb ou en mb (5mb, 512kb, 1048576), de 1 octet à 1024mb ; reçu « ${value} »`

/** @internal Why the service could not listen: the port taken, a port reserved, an address not this machine's. */
export function listenProblemText(problem: "in-use" | "reserved" | "not-here", host: string, port: number): string {
  switch (problem) {
    case "in-use":
      return `le port ${port} est déjà utilisé sur ${host} : choisissez-en un autre (--port)`
    case "reserved":
      return `permission refusée pour écouter sur le port ${port} (les ports sous 1024 sont réservés)`
    case "not-here":
      return `impossible d'écouter sur l'adresse ${host} : elle n'est pas celle de cette machine`
  }
}

/** @internal The service listening (`limit`: the body limit as the option gave it). */
export const listeningText = (url: string, limit: string): string =>
  `caf-conventions : service HTTP à l'écoute sur ${url} (corps limités à ${limit}, description dans ${url}/openapi.json) ; Ctrl+C pour l'arrêter`

// The commands' lines.

/**
 * @internal A count and its noun, with the plural French takes from 2 on (0 and 1 are singular):
 * « 1 partenaire », « 6 partenaires », « 0 ligne exportée », « 2 lignes exportées ».
 */
export const countText = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n} ${n >= 2 ? plural : singular}`

/** @internal The kinds of records read from spreadsheets. */
export type SheetKind = "activities" | "payments" | "expenses" | "financial-reports"

/** Each kind's noun in the singular and the plural, whether it is feminine, and its blank workbook's name. */
const SHEET_WORDS: Readonly<Record<SheetKind, readonly [string, string, boolean, string]>> = {
  activities: ["activité", "activités", true, "modèle d'activités"],
  payments: ["versement", "versements", false, "modèle de versements"],
  expenses: ["dépense", "dépenses", true, "modèle de dépenses"],
  "financial-reports": [
    "compte rendu financier",
    "comptes rendus financiers",
    false,
    "modèle de compte rendu financier"
  ]
}

/** `n` records of a kind: « 1 dépense », « 2 comptes rendus financiers ». */
const recordsText = (kind: SheetKind, n: number): string => countText(n, SHEET_WORDS[kind][0], SHEET_WORDS[kind][1])

/** @internal `n` records of a kind read and valid (`import --validate`). */
export const recordsValidText = (kind: SheetKind, n: number): string =>
  `${recordsText(kind, n)}, ${n >= 2 ? "valides" : "valide"}`

/** @internal `n` records of a kind written to `out`, the participle agreeing (« 2 versements écrits », « 1 dépense écrite »). */
export const recordsWrittenText = (kind: SheetKind, n: number, out: string): string =>
  `${recordsText(kind, n)} écrit${SHEET_WORDS[kind][2] ? "e" : ""}${n >= 2 ? "s" : ""} dans ${out}`

/** @internal A blank workbook of a kind written to `out`. */
export const templateWrittenText = (kind: SheetKind, out: string): string => `${SHEET_WORDS[kind][3]} écrit dans ${out}`

/** @internal The empty rows of a spreadsheet that were skipped. */
export const skippedRowsText = (rows: ReadonlyArray<number>): string =>
  `${rows.length === 1 ? "ligne vide ignorée" : "lignes vides ignorées"} : ${rows.join(", ")}`

/** @internal A file found valid, with the kind of document and what it holds. */
export const validFileText = (file: string, kind: string, summary: string): string =>
  `${file} : ${kind}, valide (${summary})`

/** @internal The problems of a file, counted. */
export const fileProblemsText = (file: string, n: number): string => `${file} : ${n} problème${n === 1 ? "" : "s"}`

/** @internal A `--convention` the file does not hold, with those it holds. */
export const conventionNotInFileText = (file: string, id: string, ids: ReadonlyArray<string>): string =>
  `${file} ne contient pas la convention ${id} (conventions : ${ids.join(", ")})`

/** @internal A file of several latest conventions, and no `--convention`. */
export const severalConventionsInFileText = (file: string, ids: ReadonlyArray<string>): string =>
  `${file} contient plusieurs conventions : précisez --convention (${ids.join(", ")})`

/** @internal The facts `terms` prints: labels already chosen for the codes, amounts, days. */
export interface TermsFacts {
  readonly title: string
  readonly kind: string
  readonly funder: string
  readonly partner: string
  readonly date: CalendarDate
  readonly status: string
  readonly period: { readonly start: CalendarDate; readonly end: CalendarDate }
  readonly territory: ReadonlyArray<string>
  readonly sectors: ReadonlyArray<string>
  readonly accompaniments: ReadonlyArray<string>
  readonly scheme: string
  readonly excludedSchemes: ReadonlyArray<string>
  readonly amounts?:
    | { readonly kind: "constant"; readonly yearlyAmount: Euros }
    | { readonly kind: "by-year"; readonly byYear: ReadonlyArray<readonly [string, Euros]> }
  readonly applied: ReadonlyArray<{ readonly number: number; readonly effectiveDate: CalendarDate }>
  readonly objectives: ReadonlyArray<string>
  /** The ids of the lineage, when the file holds several conventions. */
  readonly lineage?: ReadonlyArray<string>
  readonly findings: ReadonlyArray<{ readonly severity: string; readonly message: string }>
  /** The day of knowledge (`--known-on`); absent: everything the file records. */
  readonly knownOn?: CalendarDate
  /**
   * The decisions that the day of knowledge sets apart: without `knownOn`, those taken after
   * `date` and read all the same; with it, those taken after `knownOn` and left out.
   */
  readonly decidedLater: ReadonlyArray<LaterDecision>
}

/** @internal A decision of a convention dated after a day of knowledge. */
export type LaterDecision =
  | { readonly kind: "amendment"; readonly number: number; readonly signedOn: CalendarDate }
  | { readonly kind: "termination"; readonly last: CalendarDate; readonly decidedOn: CalendarDate }
  | { readonly kind: "withdrawal"; readonly from: CalendarDate; readonly decidedOn: CalendarDate }

const laterDecisionText = (decision: LaterDecision): string =>
  decision.kind === "amendment"
    ? `avenant n° ${decision.number} signé le ${formatFrenchDate(decision.signedOn)}`
    : decision.kind === "termination"
      ? `résiliation au ${formatFrenchDate(decision.last)} décidée le ${formatFrenchDate(decision.decidedOn)}`
      : `retrait de la subvention à compter du ${formatFrenchDate(decision.from)} décidé le ${formatFrenchDate(decision.decidedOn)}`

/** @internal The line of `terms` that names what is known: as known on a day, or from everything the file records. */
function knowledgeLines(facts: TermsFacts): Array<string> {
  if (facts.decidedLater.length === 0) return []
  const list = facts.decidedLater.map(laterDecisionText).join(", ")
  return facts.knownOn === undefined
    ? [
        `- Décidé après le ${formatFrenchDate(facts.date)}, mais pris en compte : ${list} (--known-on ${facts.date} donne la convention telle que connue ce jour-là)`
      ]
    : [`- Pas encore connu au ${formatFrenchDate(facts.knownOn)}, donc écarté : ${list}`]
}

/** @internal What `terms` prints, line by line. */
export function termsLines(facts: TermsFacts): Array<string> {
  const amounts = facts.amounts
  return [
    `${facts.title} (${facts.kind})`,
    `${facts.funder} × ${facts.partner}`,
    `Au ${formatFrenchDate(facts.date)}, tel que connu ${facts.knownOn === undefined ? "à ce jour" : `au ${formatFrenchDate(facts.knownOn)}`} : ${facts.status}`,
    ...knowledgeLines(facts),
    `- Période : du ${formatFrenchDate(facts.period.start)} au ${formatFrenchDate(facts.period.end)}`,
    `- Territoire : ${facts.territory.join(", ")}`,
    `- Secteurs : ${facts.sectors.join(", ")}`,
    `- Accompagnements : ${facts.accompaniments.join(", ")}`,
    `- Financement : ${facts.scheme}${facts.excludedSchemes.length === 0 ? "" : `, hors ${facts.excludedSchemes.join(", ")}`}`,
    ...(amounts === undefined
      ? []
      : [
          `- Montant : ${
            amounts.kind === "constant"
              ? `${amounts.yearlyAmount.format()} par an`
              : amounts.byYear.map(([year, amount]) => `${year} : ${amount.format()}`).join(", ")
          }`
        ]),
    `- Avenants appliqués : ${facts.applied.length === 0 ? "aucun" : facts.applied.map((amendment) => `n° ${amendment.number} (${formatFrenchDate(amendment.effectiveDate)})`).join(", ")}`,
    ...facts.objectives.map((title) => `- Objectif : ${title}`),
    ...(facts.lineage === undefined ? [] : [`Filiation : ${facts.lineage.join(" → ")}`]),
    ...facts.findings.map((finding) => `- Conformité (${finding.severity}) : ${finding.message}`)
  ]
}

/** @internal How many candidates were screened so far. */
export const screenedText = (done: number, total: number): string => `${done} / ${total} candidats examinés`

/** @internal A candidate that could not be read, with each problem at its place. */
export const unreadableCandidateText = (
  index: number,
  problems: ReadonlyArray<{ readonly location: string; readonly message: string }>
): string =>
  `[${index}] illisible : ${problems.map((problem) => `${problem.location} : ${problem.message}`).join(" ; ")}`

/** @internal A candidate's verdict (`unmet`: the conditions not met, already worded). */
export const verdictText = (candidateId: string, eligible: boolean, unmet: string): string =>
  `${candidateId} : ${eligible ? "éligible" : `non éligible (${unmet})`}`

/** @internal The counts of a screening. */
export const screeningCountsText = (eligible: number, ineligible: number, unreadable: number): string =>
  `${countText(eligible, "éligible")}, ${countText(ineligible, "non éligible")}, ${countText(unreadable, "illisible")}`

/** @internal A report written to `out`; `tables`: only its tables, as a workbook. */
export const reportWrittenText = (out: string, tables = false): string =>
  `${tables ? "tables du rapport écrites" : "rapport écrit"} dans ${out}`

/** @internal An `--out` of the wrong kind for `--format xlsx` (the report's tables) or `template` (a blank workbook). */
export const notAWorkbookText = (what: "tables" | "template", out: string): string =>
  what === "tables"
    ? `--out : les tables du rapport s'écrivent dans un classeur .xlsx, pas ${out}`
    : `--out : le modèle est un classeur .xlsx, pas ${out}`

/** @internal An option of the CSV (`--table`…) given with `--format xlsx`. */
export const csvOnlyInWorkbookText = (option: string): string =>
  `--${option} ne va qu'avec --format csv : le classeur donne toutes les tables, une feuille chacune, avec des nombres typés`

/** @internal A file of repayments given as a spreadsheet or as JSON Lines. */
export const repaymentsNotJsonText = (path: string, as: "spreadsheet" | "json-lines"): string =>
  `--repayments : les reversements se lisent en JSON, pas ${as === "spreadsheet" ? "dans un tableur" : "en JSON Lines"} (${path})`

/** @internal A spreadsheet given to `objectives --activities`. */
export const activitiesNotSpreadsheetText = (path: string): string =>
  `--activities : la commande objectives lit du JSON ou du JSON Lines, pas un tableur (${path})`

/** @internal The head of a year's objectives: its label, the convention, the sentence. */
export const yearObjectivesHead = (label: string, conventionId: string, sentence: string): string =>
  `${label} — convention ${conventionId} : ${sentence}`

/** @internal A convention found in several files of `scdl`, left out. */
export const conventionInSeveralFilesText = (id: string, files: ReadonlyArray<string>): string =>
  `${id} : la convention figure dans plusieurs fichiers (${files.join(", ")}) ; écartée`

/** @internal What `scdl` exported, left out, and the drafts it had nothing to publish for. */
export const scdlCountsText = (version: string, rows: number, leftOut: number, unsigned: number): string =>
  `SCDL subventions ${version} : ${countText(rows, "ligne exportée", "lignes exportées")}, ${countText(leftOut, "convention écartée", "conventions écartées")}${unsigned === 0 ? "" : `, ${countText(unsigned, "projet non signé", "projets non signés")} (rien à publier avant la signature)`}`

/** @internal A draft given to `scdl`: nothing to publish before its signature. */
export const scdlUnsignedText = (id: string): string =>
  `${id} : projet de convention non signé, rien à publier avant la signature`

/** @internal A file given to `import` that is not a spreadsheet. */
export const notASpreadsheetText = (file: string): string => `import lit un fichier .csv ou .xlsx, pas ${file}`

/**
 * @internal The last line of `check`: how many scenarios were given, then how many gave what
 * they expect and how many did not ("4 scénarios : 2 conformes, 2 en échec"; the singular
 * for 0 and 1).
 */
export const checkSummaryText = (passed: number, failed: number): string =>
  `${countText(passed + failed, "scénario")} : ${countText(passed, "conforme")}, ${failed} en échec`

/** @internal A command the program does not have, and those it has. */
export const unknownCommandText = (command: string, commands: ReadonlyArray<string>): string =>
  `commande inconnue « ${command} » ; commandes : ${commands.join(", ")}`

/**
 * The help of the command line: `caf-conventions --help` (key `""`) and each command's
 * `--help`, by the command's name.
 */
export const HELP: Readonly<Record<string, string>> = {
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
un tableur (avenants, objectifs pour le bilan annuel seulement, versements,
depenses-non-retenues, financement-par-annee ; --table n'en donne qu'une), « ; » entre les
champs et la virgule décimale par défaut (--separator , --decimal . pour un tableur anglais), --bom pour un tableur qui l'attend ;
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

/** @internal `validate` given no file. */
export const NO_FILE_TO_VALIDATE = "indiquez au moins un fichier à valider"

/** @internal A command given no convention or portfolio file. */
export const NO_CONVENTION_FILE = "indiquez le fichier de la convention ou du portefeuille"

/** @internal `eligibility` given less than its two files. */
export const NO_ELIGIBILITY_FILES = "indiquez le fichier des conventions puis celui des candidats"

/** @internal `check` given no scenario. */
export const NO_SCENARIO_FILE = "indiquez au moins un fichier de scénario"

/** @internal `report --format pdf` given no `--out`. */
export const PDF_NEEDS_OUT = "--format pdf écrit un fichier : indiquez --out <fichier.pdf>"

/** @internal `report --format xlsx` given no `--out`. */
export const XLSX_NEEDS_OUT = "--format xlsx écrit un fichier : indiquez --out <fichier.xlsx>"

/** @internal `scdl` given no portfolio. */
export const NO_PORTFOLIO_FILE = "indiquez au moins un fichier de portefeuille"

/** @internal `import` given no spreadsheet. */
export const NO_SPREADSHEET_FILE = "indiquez le fichier CSV ou XLSX à importer"

/** @internal A file option given an empty path. */
export const EMPTY_PATH = "un chemin de fichier ne peut pas être vide"

/** @internal `--format pdf` without the playwright-core package. */
export const PLAYWRIGHT_MISSING =
  "--format pdf a besoin du paquet playwright-core, qui n'est pas installé : npm install playwright-core"

/** @internal `serve --host` given an empty address. */
export const EMPTY_HOST = "l'adresse ne peut pas être vide (127.0.0.1, ::1, 0.0.0.0)"

/** @internal Why a file operation failed, by the error code of Node.js. */
export const FILE_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "fichier introuvable",
  EISDIR: "c'est un dossier",
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  EACCES: "permission refusée",
  EPERM: "opération non permise",
  EROFS: "système de fichiers en lecture seule",
  ENOSPC: "plus de place sur le disque",
  ELOOP: "trop de liens symboliques",
  ENAMETOOLONG: "nom trop long",
  ERR_FS_FILE_TOO_LARGE: "fichier trop grand",
  ERR_STRING_TOO_LONG: "fichier trop grand"
}
