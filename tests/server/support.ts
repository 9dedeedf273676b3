/** Shared helpers of the HTTP service's tests: the founding case's files and a JSON POST. */
import { readFileSync } from "node:fs"
import { Ajv2020 } from "ajv/dist/2020.js"
import { openApiDocument } from "caf-conventions/server"

/** A file of examples/data/, parsed. */
export function data(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), "utf8"))
}

/** What a call answered: its status, its media type, its headers and its body as text. */
export interface Reply {
  readonly status: number
  readonly type: string
  readonly headers: Headers
  readonly text: string
  readonly json: () => any
}

/** POSTs `body` as JSON (or as the text given) to `url`. */
export async function post(url: string, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body)
  })
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    headers: response.headers,
    text,
    json: () => JSON.parse(text)
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addSchema(openApiDocument() as object, "openapi.json")

/** The errors of `value` against the component `name` of the OpenAPI document (an empty list when it matches). */
export function schemaErrors(name: string, value: unknown): Array<string> {
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`)
  if (validate === undefined) throw new Error(`no component ${name}`)
  return validate(value)
    ? []
    : (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath} ${error.message ?? ""}`)
}
