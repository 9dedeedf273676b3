/**
 * The French names of the kinds of funder. The table imports nothing, so that the budget's schema
 * (src/budget/budget.ts), which publishes it as `FUNDER_KIND_LABELS` typed by its codes, and the
 * vocabulary can both read it without an import circle.
 *
 * @module
 * @internal
 */

/** @internal French names of the kinds of funder, by code (`FunderKind`). */
export const FUNDER_NAMES = {
  caf: "Caf",
  "caf-fpt": "Caf – Fonds publics et territoires",
  etat: "État",
  region: "Région",
  departement: "Département",
  commune: "Commune",
  epci: "Intercommunalité (EPCI)",
  europe: "Union européenne",
  "autre-public": "Autre financeur public",
  prive: "Financeur privé",
  "ressources-propres": "Ressources propres"
}
