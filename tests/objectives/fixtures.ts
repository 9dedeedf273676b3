import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type Activity, parseActivities, parseActivity } from "caf-conventions"

/** The example activity records of the founding convention (mostly 2024). */
export function exampleActivities(): ReadonlyArray<Activity> {
  return parseActivities(
    JSON.parse(readFileSync(fileURLToPath(new URL("../../examples/data/activities.json", import.meta.url)), "utf8"))
  )
}

/** One individual-support session with one structure, with changes. */
export function session(id: string, date: string, changes: Record<string, unknown> = {}): Activity {
  const json: Record<string, unknown> = {
    id,
    date,
    kind: "accompagnement-individuel",
    sector: "jeunesse",
    structures: [{ id: `s-${id}`, legalForm: "association-loi-1901", departement: "91", situation: "en-difficulte" }],
    hours: 2,
    ...changes
  }
  // A change to undefined removes the field.
  return parseActivity(Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined)))
}
