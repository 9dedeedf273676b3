/**
 * The names of the French départements, by code, as the Code officiel géographique (COG) of
 * INSEE writes them (its file of départements, column `LIBELLE`: the name with its article and
 * its accents): metropolitan départements 01 to 95 (Corsica as 2A and 2B, no 20) and the
 * overseas départements 971 to 974 and 976. The 101 names were compared, one by one, with that
 * file as data.gouv.fr's `decoupage-administratif` keeps it (`sources/departements.csv`): they
 * are the same, character for character (the apostrophe of `Côte-d'Or`, `Côtes-d'Armor` and
 * `Val-d'Oise` is the straight one; `La Réunion` has its article).
 *
 * 975, Saint-Pierre-et-Miquelon, is not a département: the COG lists it among the overseas
 * collectivities (*collectivités d'outre-mer*). The library accepts its code all the same, named
 * `Saint-Pierre-et-Miquelon`: there is no Caf there, but its *caisse de prévoyance sociale*
 * pays the family benefits and, since ordonnance n° 2013-1150 du 11 décembre 2013, carries out
 * the family social action of a Caf with a yearly allocation from the Cnaf's Fonds national
 * d'action sociale; it signs conventions of the same kind, on that territory (see
 * docs/conventions.md). The other collectivities (977 and over) are refused.
 *
 * @module
 */
import { InvalidArgumentError } from "../core/errors.js"
import type { Departement } from "../identifiers/identifiers.js"

/**
 * Names of the départements, by code (Code officiel géographique, INSEE), and of
 * Saint-Pierre-et-Miquelon (975), an overseas collectivity the library accepts as a territory.
 *
 * @example
 * ```ts
 * import { DEPARTEMENT_NAMES } from "caf-conventions"
 * DEPARTEMENT_NAMES["91"] //=> "Essonne"
 * ```
 * @category referential
 */
export const DEPARTEMENT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  "01": "Ain",
  "02": "Aisne",
  "03": "Allier",
  "04": "Alpes-de-Haute-Provence",
  "05": "Hautes-Alpes",
  "06": "Alpes-Maritimes",
  "07": "Ardèche",
  "08": "Ardennes",
  "09": "Ariège",
  "10": "Aube",
  "11": "Aude",
  "12": "Aveyron",
  "13": "Bouches-du-Rhône",
  "14": "Calvados",
  "15": "Cantal",
  "16": "Charente",
  "17": "Charente-Maritime",
  "18": "Cher",
  "19": "Corrèze",
  "2A": "Corse-du-Sud",
  "2B": "Haute-Corse",
  "21": "Côte-d'Or",
  "22": "Côtes-d'Armor",
  "23": "Creuse",
  "24": "Dordogne",
  "25": "Doubs",
  "26": "Drôme",
  "27": "Eure",
  "28": "Eure-et-Loir",
  "29": "Finistère",
  "30": "Gard",
  "31": "Haute-Garonne",
  "32": "Gers",
  "33": "Gironde",
  "34": "Hérault",
  "35": "Ille-et-Vilaine",
  "36": "Indre",
  "37": "Indre-et-Loire",
  "38": "Isère",
  "39": "Jura",
  "40": "Landes",
  "41": "Loir-et-Cher",
  "42": "Loire",
  "43": "Haute-Loire",
  "44": "Loire-Atlantique",
  "45": "Loiret",
  "46": "Lot",
  "47": "Lot-et-Garonne",
  "48": "Lozère",
  "49": "Maine-et-Loire",
  "50": "Manche",
  "51": "Marne",
  "52": "Haute-Marne",
  "53": "Mayenne",
  "54": "Meurthe-et-Moselle",
  "55": "Meuse",
  "56": "Morbihan",
  "57": "Moselle",
  "58": "Nièvre",
  "59": "Nord",
  "60": "Oise",
  "61": "Orne",
  "62": "Pas-de-Calais",
  "63": "Puy-de-Dôme",
  "64": "Pyrénées-Atlantiques",
  "65": "Hautes-Pyrénées",
  "66": "Pyrénées-Orientales",
  "67": "Bas-Rhin",
  "68": "Haut-Rhin",
  "69": "Rhône",
  "70": "Haute-Saône",
  "71": "Saône-et-Loire",
  "72": "Sarthe",
  "73": "Savoie",
  "74": "Haute-Savoie",
  "75": "Paris",
  "76": "Seine-Maritime",
  "77": "Seine-et-Marne",
  "78": "Yvelines",
  "79": "Deux-Sèvres",
  "80": "Somme",
  "81": "Tarn",
  "82": "Tarn-et-Garonne",
  "83": "Var",
  "84": "Vaucluse",
  "85": "Vendée",
  "86": "Vienne",
  "87": "Haute-Vienne",
  "88": "Vosges",
  "89": "Yonne",
  "90": "Territoire de Belfort",
  "91": "Essonne",
  "92": "Hauts-de-Seine",
  "93": "Seine-Saint-Denis",
  "94": "Val-de-Marne",
  "95": "Val-d'Oise",
  "971": "Guadeloupe",
  "972": "Martinique",
  "973": "Guyane",
  "974": "La Réunion",
  "975": "Saint-Pierre-et-Miquelon",
  "976": "Mayotte"
})

/**
 * A département written for a reader: its name and its code, `Pas-de-Calais (62)`; the code
 * alone when it has no name in the list.
 *
 * @example
 * ```ts
 * import { departementText, parseDepartement } from "caf-conventions"
 * departementText(parseDepartement("62")) //=> "Pas-de-Calais (62)"
 * ```
 * @category referential
 */
export function departementText(code: Departement | string): string {
  if (typeof code !== "string")
    throw new InvalidArgumentError({ argument: "code", message: 'expected a département code, such as "91"' })
  const name = Object.hasOwn(DEPARTEMENT_NAMES, code) ? DEPARTEMENT_NAMES[code] : undefined
  return name === undefined ? code : `${name} (${code})`
}
