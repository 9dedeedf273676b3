/**
 * Codes that describe conventions themselves: their kind, the clauses of the signed text, the
 * activities a partner reports, and who asks for a termination.
 *
 * @module
 */
import { codeList } from "./codes.js"

const kinds = codeList(
  {
    "appui-technique": "Appui technique",
    "accord-cadre": "Accord-cadre pluriannuel",
    "convention-pluriannuelle-objectifs": "Convention pluriannuelle d'objectifs (CPO)",
    "convention-objectifs-financement": "Convention d'objectifs et de financement (COF)"
  },
  "The kind of a convention"
)

/**
 * The kind of a convention: technical support, framework agreement (*accord-cadre*), multi-year
 * objectives convention (CPO), objectives-and-funding convention (COF).
 *
 * @example
 * ```ts
 * import { CONVENTION_KIND_LABELS, type ConventionKind } from "caf-conventions"
 * const kind: ConventionKind = "convention-pluriannuelle-objectifs"
 * CONVENTION_KIND_LABELS[kind] //=> "Convention pluriannuelle d'objectifs (CPO)"
 * ```
 * @category referential
 */
export type ConventionKind = (typeof CONVENTION_KINDS)[number]
/**
 * Every convention kind, in a stable order.
 *
 * @example
 * ```ts
 * import { CONVENTION_KINDS } from "caf-conventions"
 * CONVENTION_KINDS.includes("accord-cadre") //=> true
 * ```
 * @category referential
 */
export const CONVENTION_KINDS = kinds.codes
/**
 * French labels of the convention kinds.
 *
 * @example
 * ```ts
 * import { CONVENTION_KIND_LABELS } from "caf-conventions"
 * CONVENTION_KIND_LABELS["accord-cadre"] //=> "Accord-cadre pluriannuel"
 * ```
 * @category referential
 */
export const CONVENTION_KIND_LABELS = kinds.labels
/**
 * Schema of a convention kind.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ConventionKindSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ConventionKindSchema)("accord-cadre") //=> "accord-cadre"
 * ```
 * @category referential
 */
export const ConventionKindSchema = kinds.schema

const clauses = codeList(
  {
    objet: "Objet de la convention",
    montant: "Montant de la subvention",
    "modalites-versement": "Modalités de versement",
    "conditions-utilisation": "Conditions d'utilisation de la subvention",
    "controle-evaluation": "Modalités de contrôle et d'évaluation",
    "conservation-excedent": "Conditions de conservation d'un excédent non dépensé"
  },
  "A clause of the signed text"
)

/**
 * A clause that the signed text of a convention contains. Loi n° 2000-321, art. 10, requires
 * the first four above 23 000 € a year; since loi n° 2021-875 also the control and evaluation
 * terms and the conditions under which an unspent part may be kept.
 *
 * @example
 * ```ts
 * import { CLAUSE_LABELS, type Clause } from "caf-conventions"
 * const clause: Clause = "controle-evaluation"
 * CLAUSE_LABELS[clause] //=> "Modalités de contrôle et d'évaluation"
 * ```
 * @category referential
 */
export type Clause = (typeof CLAUSES)[number]
/**
 * Every clause code, in a stable order.
 *
 * @example
 * ```ts
 * import { CLAUSES } from "caf-conventions"
 * CLAUSES.length //=> 6
 * ```
 * @category referential
 */
export const CLAUSES = clauses.codes
/**
 * French labels of the clauses.
 *
 * @example
 * ```ts
 * import { CLAUSE_LABELS } from "caf-conventions"
 * CLAUSE_LABELS.objet //=> "Objet de la convention"
 * ```
 * @category referential
 */
export const CLAUSE_LABELS = clauses.labels
/**
 * Schema of a clause code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ClauseSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ClauseSchema)("montant") //=> "montant"
 * ```
 * @category referential
 */
export const ClauseSchema = clauses.schema

const activityKinds = codeList(
  {
    "accompagnement-individuel": "Séance d'accompagnement individuel",
    "action-collective": "Action collective ou journée de formation",
    "reunion-instance": "Réunion d'une instance partenariale",
    "reunion-coordination-caf": "Réunion de coordination avec la Caf",
    diagnostic: "Diagnostic"
  },
  "A kind of activity a partner reports"
)

/**
 * A kind of activity a partner reports, the raw material of the objectives' indicators: an
 * individual-support session, a collective action or training day, a meeting of a partnership
 * body, a coordination meeting with the Caf, a diagnostic.
 *
 * @example
 * ```ts
 * import { ACTIVITY_KIND_LABELS, type ActivityKind } from "caf-conventions"
 * const kind: ActivityKind = "action-collective"
 * ACTIVITY_KIND_LABELS[kind] //=> "Action collective ou journée de formation"
 * ```
 * @category referential
 */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
/**
 * Every activity kind, in a stable order.
 *
 * @example
 * ```ts
 * import { ACTIVITY_KINDS } from "caf-conventions"
 * ACTIVITY_KINDS[0] //=> "accompagnement-individuel"
 * ```
 * @category referential
 */
export const ACTIVITY_KINDS = activityKinds.codes
/**
 * French labels of the activity kinds.
 *
 * @example
 * ```ts
 * import { ACTIVITY_KIND_LABELS } from "caf-conventions"
 * ACTIVITY_KIND_LABELS.diagnostic //=> "Diagnostic"
 * ```
 * @category referential
 */
export const ACTIVITY_KIND_LABELS = activityKinds.labels
/**
 * Schema of an activity kind.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActivityKindSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ActivityKindSchema)("diagnostic") //=> "diagnostic"
 * ```
 * @category referential
 */
export const ActivityKindSchema = activityKinds.schema

const requesters = codeList(
  {
    caf: "La Caf",
    partenaire: "Le partenaire",
    "commun-accord": "D'un commun accord"
  },
  "Who asked for the termination of a convention"
)

/**
 * Who asked for an early termination (*résiliation*) of a convention.
 *
 * @example
 * ```ts
 * import { TERMINATION_REQUESTER_LABELS, type TerminationRequester } from "caf-conventions"
 * const by: TerminationRequester = "commun-accord"
 * TERMINATION_REQUESTER_LABELS[by] //=> "D'un commun accord"
 * ```
 * @category referential
 */
export type TerminationRequester = (typeof TERMINATION_REQUESTERS)[number]
/**
 * Every termination requester code, in a stable order.
 *
 * @example
 * ```ts
 * import { TERMINATION_REQUESTERS } from "caf-conventions"
 * TERMINATION_REQUESTERS //=> ["caf", "partenaire", "commun-accord"]
 * ```
 * @category referential
 */
export const TERMINATION_REQUESTERS = requesters.codes
/**
 * French labels of who may ask for a termination.
 *
 * @example
 * ```ts
 * import { TERMINATION_REQUESTER_LABELS } from "caf-conventions"
 * TERMINATION_REQUESTER_LABELS.caf //=> "La Caf"
 * ```
 * @category referential
 */
export const TERMINATION_REQUESTER_LABELS = requesters.labels
/**
 * Schema of who asked for a termination.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TerminationRequesterSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(TerminationRequesterSchema)("caf") //=> "caf"
 * ```
 * @category referential
 */
export const TerminationRequesterSchema = requesters.schema

const expenseCategories = codeList(
  {
    personnel: "Frais de personnel",
    experts: "Intervenants et experts extérieurs",
    formation: "Formation",
    deplacements: "Déplacements",
    "frais-generaux": "Frais généraux",
    materiel: "Matériel",
    autre: "Autres dépenses"
  },
  "A category of expense"
)

/**
 * A category of expense in the partner's financial report (*compte rendu financier*): staff,
 * outside experts, training, travel, overheads, equipment, other.
 *
 * @example
 * ```ts
 * import { EXPENSE_CATEGORY_LABELS, type ExpenseCategory } from "caf-conventions"
 * const category: ExpenseCategory = "experts"
 * EXPENSE_CATEGORY_LABELS[category] //=> "Intervenants et experts extérieurs"
 * ```
 * @category referential
 */
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]
/**
 * Every expense category, in a stable order.
 *
 * @example
 * ```ts
 * import { EXPENSE_CATEGORIES } from "caf-conventions"
 * EXPENSE_CATEGORIES[0] //=> "personnel"
 * ```
 * @category referential
 */
export const EXPENSE_CATEGORIES = expenseCategories.codes
/**
 * French labels of the expense categories.
 *
 * @example
 * ```ts
 * import { EXPENSE_CATEGORY_LABELS } from "caf-conventions"
 * EXPENSE_CATEGORY_LABELS["frais-generaux"] //=> "Frais généraux"
 * ```
 * @category referential
 */
export const EXPENSE_CATEGORY_LABELS = expenseCategories.labels
/**
 * Schema of an expense category.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ExpenseCategorySchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ExpenseCategorySchema)("formation") //=> "formation"
 * ```
 * @category referential
 */
export const ExpenseCategorySchema = expenseCategories.schema
