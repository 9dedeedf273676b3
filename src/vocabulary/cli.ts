/**
 * What the command line says in French: its refusals of arguments and options, of files it
 * cannot read or write, of the HTTP service it cannot start, and its lines of results. Each
 * function takes the facts (an option's name, the value given, a path, a count) and returns the
 * sentence, so that `src/cli/` assembles no French itself.
 *
 * @module
 * @internal
 */
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
