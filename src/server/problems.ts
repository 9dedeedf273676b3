/**
 * Errors of the HTTP service as RFC 9457 problem details (`application/problem+json`): a type,
 * a title, the status, a detail in the reader's language and the request's path as `instance`;
 * for a document that is not valid, every issue with its path from the root of the request body,
 * its code and its message.
 *
 * @internal
 * @module
 */
import { type Issue, type Locale, ValidationError, formatPath, issueMessage } from "../core/errors.js"
import { invalidRequestText } from "../vocabulary/doors.js"

/** @internal The kinds of problems the service answers with, each with its status and its titles. */
export const PROBLEM_KINDS = {
  "invalid-json": { status: 400, fr: "Corps de requête illisible", en: "Unreadable request body" },
  "not-found": { status: 404, fr: "Ressource introuvable", en: "Not found" },
  "method-not-allowed": { status: 405, fr: "Méthode non permise", en: "Method not allowed" },
  "body-too-large": { status: 413, fr: "Corps de requête trop grand", en: "Request body too large" },
  "unsupported-media-type": {
    status: 415,
    fr: "Type de contenu non pris en charge",
    en: "Unsupported media type"
  },
  "invalid-request": { status: 422, fr: "Requête invalide", en: "Invalid request" },
  "internal-error": { status: 500, fr: "Erreur interne", en: "Internal error" }
} as const

/** @internal */
type ProblemKind = keyof typeof PROBLEM_KINDS

/** @internal The URI of a kind of problem (RFC 9457 `type`). */
export const problemType = (kind: ProblemKind): string => `urn:caf-conventions:problem:${kind}`

/** @internal One issue of a problem: where it is in the request body, its code and its message. */
interface ProblemIssue {
  readonly path: ReadonlyArray<string | number>
  readonly pointer: string
  readonly location: string
  readonly code: string
  readonly message: string
  readonly found?: string
  readonly expected?: string
  readonly suggestions?: ReadonlyArray<string>
}

/** @internal A problem details object (RFC 9457), with the issues when a document was invalid. */
interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance: string
  readonly issues?: ReadonlyArray<ProblemIssue>
  readonly omittedIssues?: number
}

/** A JSON Pointer (RFC 6901) to the value at `path`. */
function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")
}

/** @internal An issue of the library as the service shows it, in `locale`. */
export function problemIssue(issue: Issue, locale: Locale): ProblemIssue {
  return {
    path: issue.path,
    pointer: pointerOf(issue.path),
    location: formatPath(issue.path),
    code: issue.code ?? "invalid",
    message: issueMessage(issue, locale),
    ...(issue.found === undefined ? {} : { found: issue.found }),
    ...(issue.expected === undefined ? {} : { expected: issue.expected }),
    ...(issue.suggestions === undefined ? {} : { suggestions: issue.suggestions })
  }
}

/** @internal A problem of `kind` about the request to `instance`, told in `locale`. */
export function problem(kind: ProblemKind, detail: string, instance: string, locale: Locale): Problem {
  const { status, fr, en } = PROBLEM_KINDS[kind]
  return { type: problemType(kind), title: locale === "en" ? en : fr, status, detail, instance }
}

/** @internal The problem of a request whose body does not describe valid documents: every issue, with its path. */
export function invalidRequest(error: ValidationError, instance: string, locale: Locale): Problem {
  const total = error.issues.length + (error.omittedIssues ?? 0)
  return {
    ...problem("invalid-request", invalidRequestText(total)[locale], instance, locale),
    issues: error.issues.map((issue) => problemIssue(issue, locale)),
    ...(error.omittedIssues === undefined ? {} : { omittedIssues: error.omittedIssues })
  }
}

/** @internal The response carrying a problem, with `application/problem+json`. */
export function problemResponse(body: Problem, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers }
  })
}

/**
 * @internal The language asked for by `Accept-Language`: English when an English tag comes
 * before any French one (by weight, then order), French otherwise.
 */
export function localeOf(header: string | null | undefined): Locale {
  if (header === null || header === undefined) return "fr"
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().toLowerCase().split(";")
      const weight = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/u.exec(p)?.[1]).find((q) => q !== undefined)
      return { tag: tag.trim(), q: weight === undefined ? 1 : Number(weight), index }
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  const first = ranked.find((entry) => /^(fr|en)(-|$)/u.test(entry.tag))
  return first?.tag.startsWith("en") === true ? "en" : "fr"
}

/** @internal A validation error about the request body, its issues given with both messages. */
export function requestError(
  issues: ReadonlyArray<{
    readonly path: ReadonlyArray<string | number>
    readonly code: Issue["code"]
    readonly fr: string
    readonly en: string
    readonly suggestions?: ReadonlyArray<string>
  }>
): ValidationError {
  return ValidationError.of(
    "request",
    issues.map((issue) => ({
      path: issue.path,
      message: issue.en,
      ...(issue.code === undefined ? {} : { code: issue.code }),
      messages: { fr: issue.fr, en: issue.en },
      ...(issue.suggestions === undefined ? {} : { suggestions: issue.suggestions })
    }))
  )
}
