/**
 * The wording of an explanation's lines (`explanationLines`): a node's label, its sentence and,
 * for a rule, the legal text or clause it rests on. A leaf of the vocabulary: it imports nothing,
 * so that core's explanation can read it without an import circle.
 *
 * @module
 * @internal
 */

/**
 * One line of an explanation: the mark of its outcome, the label, the sentence and, when given,
 * the source in brackets ("✓ Secteur couvert : … (source : Convention : secteurs couverts)").
 *
 * @internal
 */
export function explanationLineText(line: {
  readonly indent: string
  readonly mark: string
  readonly label: string
  readonly sentence: string
  readonly source: string | undefined
}): string {
  const source = line.source === undefined ? "" : ` (source : ${line.source})`
  return `${line.indent}${line.mark} ${line.label} : ${line.sentence}${source}`
}
