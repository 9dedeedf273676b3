/**
 * No French sentence is assembled outside src/vocabulary/ (issue 17, docs/vocabulary.md): no
 * template literal with `${…}` whose literal parts are French, no `+` concatenation and no `.join`
 * of an array of French literals. Whole constant labels ("Montant accordé") may stay where they are.
 *
 * The files are read with the TypeScript parser, so comments (doc examples included) are left out
 * and a string is told from a comment or a regular expression exactly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, sep } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"

/**
 * Folders whose French sentences are still being moved to the vocabulary: their files are not
 * scanned. A folder leaves the list once it is clean, and the test fails if a clean folder stays
 * listed, so the list can only shrink.
 */
const PENDING: ReadonlyArray<string> = []

/**
 * Assembled text that is allowed outside the vocabulary, by file, with the reason. Each entry is
 * the start of the offending literal text as the scanner reports it.
 */
const ALLOWED: Readonly<Record<string, ReadonlyArray<{ readonly text: string; readonly reason: string }>>> = {
  "src/core/errors.ts": [
    {
      text: 'expected "fr" or "en", got',
      reason:
        "an English message to the developer who passed a wrong locale; `en` is the code of English, not the French word"
    }
  ]
}

/** Letters that English code never writes and French does. */
const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœæ«»]/iu

/** Short French words, as whole words (a letter, digit, `_` or `-` on neither side). */
const FRENCH_WORDS =
  /(?<![\p{L}\p{N}_-])(?:le|la|les|des|du|au|aux|une|est|pas|pour|sur|dans|avec|sans|entre|de|ni|et|ou|en|un|ne|non|par|que|qui|ce|cette|aucun|aucune|soit)(?![\p{L}\p{N}_-])/iu

/** Elisions (`l'année`, `d'objectifs`, `n'est`, `qu'il`): a word of their own, then a letter. */
const FRENCH_ELISION = /(?<![\p{L}\p{N}_-])(?:l|d|n|qu|s|j|c)'\p{L}/iu

/** True when a piece of literal text reads as French. */
const isFrench = (text: string): boolean =>
  FRENCH_LETTERS.test(text) || FRENCH_WORDS.test(text) || FRENCH_ELISION.test(text)

/** A French word of its own (`la`, `n'est`), not only a French letter (`département` in English). */
const hasFrenchWord = (text: string): boolean => FRENCH_WORDS.test(text) || FRENCH_ELISION.test(text)

/**
 * Verbs a French sentence of the library says (`est`, `n'est`, `peut`, `doit`, `demande`,
 * `figure`…), and any imperative in `-ez` (`indiquez`, `donnez`, `enregistrez-le`).
 */
const FRENCH_VERB =
  /(?<![\p{L}\p{N}_-])(?:(?:n'|s'|l'|qu')?(?:est|sont|a|ont|peut|peuvent|doit|doivent|faut|manque|manquent|contient|figure|pourra|sera|serait|demande|porte|concerne|emploie|donne|reste|vaut|attend|accepte|lit|écrit|besoin|trouve|existe|compte|couvre|dépasse))(?![\p{L}\p{N}_-])|\p{L}{3,}ez(?![\p{L}\p{N}_-])/iu

/** The words of a text: the runs of characters between spaces that hold a letter. */
const wordCount = (text: string): number => text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length

/**
 * True when a constant text is a French sentence rather than a label: it holds a French word and
 * at least three words, and either ends as a sentence ends (`.`, `!`, `?`) or has four words or
 * more with a verb. "Montant accordé", "Respect des symboles de la République" and "la convention
 * écrite" are labels; "La structure emploie des salariés." and "indiquez au moins un fichier à
 * valider" are sentences.
 */
const isFrenchSentence = (text: string): boolean =>
  hasFrenchWord(text) &&
  wordCount(text) >= 3 &&
  (/[.!?]\s*$/u.test(text) || (wordCount(text) >= 4 && FRENCH_VERB.test(text)))

/** One constant French sentence written as a literal. */
interface ConstantSentence {
  readonly line: number
  readonly text: string
}

/**
 * Every string literal (and template without `${…}`) of a source text that is a French sentence;
 * the modules' names of imports and exports are left out.
 */
const constantSentences = (source: string, fileName = "sample.ts"): Array<ConstantSentence> => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Array<ConstantSentence> = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isExportDeclaration(node.parent) &&
      isFrenchSentence(node.text)
    )
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.text })
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/**
 * Files and folders whose constant French sentences are data, not the library's wording: they
 * are not scanned for constant sentences (assembled French is still looked for everywhere).
 */
const SENTENCES_ARE_DATA: ReadonlyArray<{ readonly path: string; readonly reason: string }> = [
  { path: "src/referential/", reason: "the referentials' names and descriptions of codes, data the Caf reads" },
  {
    path: "src/spreadsheet/columns.ts",
    reason: "the columns of a spreadsheet: headers, the help of each column and the example row of a template"
  },
  { path: "src/server/openapi.ts", reason: "the OpenAPI description of the service, read by developers" },
  { path: "src/server/routes.ts", reason: "each route's summary and description in the OpenAPI document" },
  { path: "src/conventions/json-schema.ts", reason: "the titles and descriptions of the published JSON Schemas" }
]

/**
 * Files whose constant French sentences are still to be moved to the vocabulary, by path. A file
 * leaves the list once it is clean, and the test fails if a clean file stays listed, so the list
 * can only shrink.
 */
const SENTENCES_PENDING: ReadonlyArray<string> = []

/** One place where French text is assembled. */
interface Assembly {
  readonly line: number
  readonly kind: "template" | "concatenation" | "join"
  /** The literal parts, `${…}` standing for each expression. */
  readonly text: string
}

const literalText = (node: ts.Node): string | undefined =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("${…}")
      : undefined

/**
 * The string literals an expression inside `${…}` may print as they are: the branches of a
 * condition (`${n > 1 ? "Conditions non remplies" : "Condition non remplie"}`) and the sides of
 * `??` and `||`.
 */
const printedLiterals = (node: ts.Expression): Array<string> => {
  if (ts.isParenthesizedExpression(node)) return printedLiterals(node.expression)
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
  if (ts.isConditionalExpression(node)) return [...printedLiterals(node.whenTrue), ...printedLiterals(node.whenFalse)]
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return [...printedLiterals(node.left), ...printedLiterals(node.right)]
  return []
}

/** The operands of a chain of `+` (`a + b + c`), parentheses removed. */
const operands = (node: ts.Expression): Array<ts.Expression> => {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node
  return ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken
    ? [...operands(inner.left), ...operands(inner.right)]
    : [inner]
}

/**
 * Every place a source text assembles French: a template literal with at least one `${…}` whose
 * literal parts, or the literals its expressions print as they are, are French; a `+` whose operands include a French literal; an array literal with a
 * French literal, joined with `.join`.
 */
const assemblies = (source: string, fileName = "sample.ts"): Array<Assembly> => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Array<Assembly> = []
  const at = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node)) {
      const text = literalText(node) ?? ""
      const printed = node.templateSpans.flatMap((span) => printedLiterals(span.expression))
      if ([text.replaceAll("${…}", " "), ...printed].some(isFrench))
        found.push({ line: at(node), kind: "template", text })
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      !(ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)
    ) {
      const texts = operands(node).map(literalText)
      if (texts.some((text) => text !== undefined && isFrench(text.replaceAll("${…}", " "))))
        found.push({ line: at(node), kind: "concatenation", text: texts.map((text) => text ?? "${…}").join("") })
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "join" &&
      ts.isArrayLiteralExpression(node.expression.expression)
    ) {
      const texts = node.expression.expression.elements.map(literalText)
      if (texts.some((text) => text !== undefined && isFrench(text.replaceAll("${…}", " "))))
        found.push({ line: at(node), kind: "join", text: texts.map((text) => text ?? "${…}").join(" | ") })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

const files = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : []
  })

const posix = (path: string): string => path.split(sep).join("/")
const inFolder = (path: string, folder: string): boolean => posix(path).startsWith(`${folder}/`)

describe("the scanner of assembled French", () => {
  it("finds a template literal whose literal parts are French", () => {
    expect(assemblies("const s = `La convention ${id} est en vigueur.`")).toEqual([
      { line: 1, kind: "template", text: "La convention ${…} est en vigueur." }
    ])
    expect(assemblies("const s = `Montant accordé : ${amount}`")).toHaveLength(1)
    expect(assemblies("const s = `l'exercice ${year}`")).toHaveLength(1)
    expect(
      assemblies('const s = `${n > 1 ? "Conditions non remplies" : "Condition non remplie"} : ${list}.`')
    ).toHaveLength(1)
  })

  it("finds a + concatenation and a .join of French literals", () => {
    expect(assemblies('const s = "Charges prévues : " + total + "."')).toEqual([
      { line: 1, kind: "concatenation", text: "Charges prévues : ${…}." }
    ])
    expect(assemblies('const s = ["pas de budget", reason].join(" ; ")')).toEqual([
      { line: 1, kind: "join", text: "pas de budget | ${…}" }
    ])
  })

  it("finds a French template nested in another expression, on its own line", () => {
    const source = ["const a = 1", "const s = f(x ? `au-dessus de ${t}` : `pas au-dessus de ${t}`)"].join("\n")
    expect(assemblies(source).map((found) => found.line)).toEqual([2, 2])
  })

  it("leaves comments, English messages, keys and whole labels alone", () => {
    const source = [
      "/** `La convention ${id} est en vigueur.` */",
      "// const s = `Le secteur ${label}`",
      "const m = `the year ${year} is outside the period ${start}..${end}`",
      "const k = `${year};${payment.advanceRate}`",
      "const id = `instalment-${index + 1}`",
      'const label = "Montant accordé"',
      "const n = 1 + 2",
      'const u = "https://example.org/" + path'
    ].join("\n")
    expect(assemblies(source)).toEqual([])
  })

  it("tells French words from parts of identifiers and English words", () => {
    expect(isFrench("la-convention")).toBe(false)
    expect(isFrench("the year's amount")).toBe(false)
    expect(isFrench("don't")).toBe(false)
    expect(isFrench("the tables are used for")).toBe(false)
    expect(isFrench("prévu")).toBe(true)
    expect(isFrench("pas encore")).toBe(true)
    expect(isFrench("Le partenaire")).toBe(true)
  })
})

describe("the scanner of constant French sentences", () => {
  it("finds a sentence ending in a period and a refusal with a verb", () => {
    expect(constantSentences('const s = "La structure emploie des salariés."')).toEqual([
      { line: 1, text: "La structure emploie des salariés." }
    ])
    expect(constantSentences('throw new Error("indiquez au moins un fichier à valider")')).toHaveLength(1)
    expect(
      constantSentences(
        ["const a = 1", 'const m = { message: "le portefeuille ne contient aucune convention" }'].join("\n")
      )
    ).toEqual([{ line: 2, text: "le portefeuille ne contient aucune convention" }])
    expect(
      constantSentences("const u = `Usage : caf-conventions check <scénario…>\n\nExécute des scénarios.`")
    ).toHaveLength(1)
  })

  it("leaves labels, English messages, comments and module names alone", () => {
    const source = [
      "// La structure emploie des salariés.",
      "/** Le partenaire n'est pas renseigné. */",
      'const a = "Montant accordé"',
      'const b = "Respect des symboles de la République"',
      'const c = "la convention écrite"',
      'const d = "Part de la Caf"',
      'const e = "expected a département code, such as 91."',
      'const f = "the year is outside the period."',
      'import { x } from "./la-convention est.js"'
    ].join("\n")
    expect(constantSentences(source)).toEqual([])
    expect(isFrenchSentence("Coût nul : la part de la Caf ne peut pas être calculée.")).toBe(true)
    expect(isFrenchSentence("Structure en difficulté ou en développement")).toBe(false)
  })
})

describe("the constant sentences outside src/vocabulary/", () => {
  const scanned = files("src").filter(
    (path) =>
      !inFolder(path, "src/vocabulary") &&
      !SENTENCES_ARE_DATA.some((entry) => posix(path).startsWith(entry.path)) &&
      !SENTENCES_PENDING.includes(posix(path))
  )

  it("are in the vocabulary: no evaluator or door writes a French sentence as a literal", () => {
    expect(scanned.length).toBeGreaterThan(50)
    const offenders = scanned.flatMap((path) =>
      constantSentences(readFileSync(path, "utf8"), path).map((found) => `${posix(path)}:${found.line}: ${found.text}`)
    )
    expect(offenders).toEqual([])
  })

  it("leave out as data only paths that exist, each for a reason", () => {
    for (const entry of SENTENCES_ARE_DATA) {
      expect(entry.reason.length, entry.path).toBeGreaterThan(20)
      expect(existsSync(entry.path), entry.path).toBe(true)
    }
  })

  it("list as pending only files that still write a constant sentence", () => {
    const clean = SENTENCES_PENDING.filter((path) => constantSentences(readFileSync(path, "utf8"), path).length === 0)
    expect(clean, "remove these files from SENTENCES_PENDING").toEqual([])
  })
})

describe("the sources outside src/vocabulary/", () => {
  const scanned = files("src").filter(
    (path) => !inFolder(path, "src/vocabulary") && !PENDING.some((folder) => inFolder(path, folder))
  )

  it("assemble no French sentence", () => {
    expect(scanned.length).toBeGreaterThan(50)
    const offenders: Array<string> = []
    for (const path of scanned) {
      const allowed = ALLOWED[posix(path)] ?? []
      for (const found of assemblies(readFileSync(path, "utf8"), path)) {
        if (!allowed.some((entry) => found.text.startsWith(entry.text)))
          offenders.push(`${posix(path)}:${found.line}: ${found.kind} ${found.text}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it("list each allowed assembly for a reason, and only ones that are still there", () => {
    for (const [path, entries] of Object.entries(ALLOWED)) {
      const found = assemblies(readFileSync(path, "utf8"), path)
      for (const entry of entries) {
        expect(entry.reason.length, `${path}: ${entry.text}`).toBeGreaterThan(20)
        expect(
          found.some((assembly) => assembly.text.startsWith(entry.text)),
          `${path}: ${entry.text}`
        ).toBe(true)
      }
    }
  })

  it("list as pending only folders that still assemble French", () => {
    const clean = PENDING.filter((folder) =>
      files(folder).every((path) => assemblies(readFileSync(path, "utf8"), path).length === 0)
    )
    expect(clean, "remove these folders from PENDING").toEqual([])
  })
})
