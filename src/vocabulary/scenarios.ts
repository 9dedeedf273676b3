/**
 * The French wording of a scenario's differences and of the reasons it cannot run: each function
 * takes the facts (the expected field's path, the key, the values expected and computed, the
 * keys known) and returns the line, so that the scenarios assemble no French themselves.
 *
 * @module
 * @internal
 */

/** @internal A computed value as a scenario's difference shows it: its JSON, or "rien" when absent. */
export const shownValue = (value: unknown): string => (value === undefined ? "rien" : JSON.stringify(value))

/** @internal An expected entry that is not an object (`field`: its path under `expected`). */
export const notAnObjectText = (field: string): string => `« expected.${field} » doit être un objet`

/**
 * @internal An entry whose computed value differs from the expected one: `prefix` names the entry
 * it lies in (`année « 2024 », `), `what` the kind of entry (`montant`, `versement`), `shownKey`
 * the entry's key as {@link quotedKey} or {@link labelledKey} writes it.
 */
export const differenceText = (
  prefix: string,
  what: string,
  shownKey: string,
  expected: unknown,
  actual: unknown
): string => `${prefix}${what} ${shownKey} : attendu ${JSON.stringify(expected)}, obtenu ${shownValue(actual)}`

/** @internal A key of a scenario as a difference names it: « toRepay ». */
export const quotedKey = (key: string): string => `« ${key} »`

/** @internal A key with its French name, when it has one: « à reverser » (toRepay). */
export const labelledKey = (key: string, label: string | undefined): string =>
  label === undefined ? quotedKey(key) : `« ${label} » (${key})`

/** @internal A key of `expected` that the question does not know, and the keys it knows. */
export const unknownKeyText = (key: string, known: ReadonlyArray<string>): string =>
  `« expected.${key} » : clé inconnue ; clés possibles : ${known.join(", ")}`

/** @internal Where a field of an expected instalment lies. */
export const instalmentFieldWhere = (prefix: string, key: string, field: string): string =>
  `${prefix}versement « ${key} », champ « ${field} »`

/** @internal A field of an instalment that the question does not know, and the fields it knows. */
export const unknownFieldText = (where: string, fields: ReadonlyArray<string>): string =>
  `${where} : champ inconnu ; champs possibles : ${fields.join(", ")}`

/** @internal A field of an instalment whose computed value differs from the expected one. */
export const fieldDifferenceText = (where: string, expected: unknown, actual: unknown): string =>
  `${where} : attendu ${JSON.stringify(expected)}, obtenu ${shownValue(actual)}`

/** @internal How the entry of a year prefixes its differences. */
export const yearPrefix = (year: string): string => `année « ${year} », `

/** @internal A portfolio without the convention the scenario names. */
export const conventionNotInPortfolioText = (file: string, id: string): string =>
  `le portefeuille ${file} ne contient pas la convention ${id}`

/** @internal A question that needs a year. */
export const yearRequiredText = (question: string): string => `la question « ${question} » demande une année (year)`

/** @internal A question that needs a day (the eligibility is screened on one day). */
export const dateRequiredText = (question: string): string => `la question « ${question} » demande une date (date)`

/** @internal The ledger given one year: it covers every year of the convention. */
export const ledgerYearRefusedText = (question: string): string =>
  `la question « ${question} » porte sur toutes les années de la convention : indiquez les années dans expected.years, pas dans year`

/** @internal A one-year question given a date per year. */
export const oneDateExpectedText = (question: string, key: string): string =>
  `pour la question « ${question} », ${key} est une date ("2025-05-20"), pas une date par année`

/** @internal The ledger given one date where it reads one per year. */
export const datesByYearExpectedText = (key: string): string =>
  `pour la question « ledger », ${key} donne une date par année ({ "2024": "2025-05-20" }), pas une seule date`

/** @internal A scenario that cannot run, and why. */
export const cannotRunText = (message: string): string => `le scénario ne peut pas être exécuté : ${message}`
