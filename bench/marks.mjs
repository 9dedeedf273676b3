// Micro-benchmark of the mark of decoded values: a WeakSet against a private class field stamped
// on each object before freezing it, at N keys. Usage: node bench/marks.mjs 3000000 weakset|private
const N = Number(process.argv[2] ?? 3_000_000)
const kind = process.argv[3]
class Stamp {
  constructor(v) {
    return v
  }
}
class Marked extends Stamp {
  #m = true
  static has(v) {
    return v !== null && typeof v === "object" && #m in v
  }
}
const ws = new WeakSet()
const add =
  kind === "weakset"
    ? (o) => ws.add(o)
    : (o) => {
        new Marked(o)
      }
const has = kind === "weakset" ? (o) => ws.has(o) : Marked.has
const objs = new Array(N)
let t = performance.now()
for (let i = 0; i < N; i++) {
  const o = { id: "r" + i, date: "2024-01-01", kind: "x", hours: 2 }
  add(o)
  Object.freeze(o)
  objs[i] = o
}
const addMs = performance.now() - t
// time `has` over the last 100k keys
let hits = 0
t = performance.now()
for (let i = N - 100_000; i < N; i++) if (has(objs[i])) hits++
const hasLast = ((performance.now() - t) / 100_000) * 1e6
t = performance.now()
for (let i = 0; i < N; i++) if (has(objs[i])) hits++
const hasAll = ((performance.now() - t) / N) * 1e6
console.log(
  JSON.stringify({
    kind,
    N,
    addPerKeyNs: Math.round((addMs / N) * 1e6),
    hasLastNs: Math.round(hasLast),
    hasAllNs: Math.round(hasAll),
    hits,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20)
  })
)
