/**
 * The nearest valid words to a mistyped one, for the suggestions of a validation issue
 * (`"sprot"` → `"sport"`, `"sector"` → `"sectors"`, `"parentalité"` → `"parentalite"`).
 *
 * A dozen lines of our own rather than a dependency: the lists compared are short (the codes of
 * an enumeration, the keys of an object), so the textbook dynamic programme is fast enough, and
 * the core stays free of packages that would also run in the browser.
 *
 * @internal
 * @module
 */

/** Lower case, without accents (`"Parentalité"` → `"parentalite"`), so that they cost nothing. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
}

/**
 * The Damerau-Levenshtein distance, in its "optimal string alignment" form: how many letters
 * inserted, removed, replaced, or two neighbours swapped, turn `a` into `b` (`"sprot"` and
 * `"sport"`: 1). Stops early and returns `limit + 1` once the distance is sure to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: Array<number> = []
  let previous: Array<number> = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] as number) + 1)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    before = previous
    previous = current
  }
  return previous[b.length] as number
}

/** The initials of a code of several words (`"convention-pluriannuelle-objectifs"` → `"cpo"`), or `""` for a single word. */
function initials(code: string): string {
  const words = code.split(/[-_ ]+/u).filter((word) => word !== "")
  return words.length < 2 ? "" : words.map((word) => word[0]).join("")
}

/** How far a word may be from a candidate to be suggested: a third of its letters, at least 2. */
function tolerance(word: string): number {
  return Math.max(2, Math.floor(word.length / 3))
}

/**
 * The candidates nearest to `word` (at most `max`, nearest first, ties in the candidates' order),
 * compared without accents or case; none when every candidate is too far to be a typing mistake.
 * A candidate that starts or ends with the word (`"sector"` in `"sectors"`), or whose words'
 * initials it is (`"cpo"` for `"convention-pluriannuelle-objectifs"`), is near as well.
 */
export function nearest(word: string, candidates: ReadonlyArray<string>, max = 3): Array<string> {
  const folded = fold(word)
  if (folded === "") return []
  const limit = tolerance(folded)
  const scored: Array<{ readonly candidate: string; readonly distance: number; readonly index: number }> = []
  candidates.forEach((candidate, index) => {
    const other = fold(candidate)
    if (other === folded) return scored.push({ candidate, distance: 0, index })
    const distance = editDistance(folded, other, limit)
    const affix =
      (folded.length >= 4 && (other.startsWith(folded) || other.endsWith(folded))) || initials(other) === folded
        ? 1
        : limit + 1
    const best = Math.min(distance, affix)
    if (best <= limit) scored.push({ candidate, distance: best, index })
    return undefined
  })
  scored.sort((x, y) => x.distance - y.distance || x.index - y.index)
  return scored.slice(0, max).map((entry) => entry.candidate)
}
