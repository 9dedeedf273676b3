/**
 * The one way the library turns an Effect schema into a standalone JSON Schema document (draft
 * 2020-12): what `schema/*.json` ship and what the HTTP service's OpenAPI document describes.
 *
 * @internal
 * @module
 */
import * as Schema from "effect/Schema"
import type { JsonSchemaDocument } from "./json-schema.js"

/**
 * @internal The JSON Schema of what `schema` decodes from (its encoded side: amounts as strings,
 * dates as `yyyy-MM-dd`, unknown properties refused), titled `title`.
 */
export function jsonSchemaDocument(schema: Schema.Top, title: string): JsonSchemaDocument {
  const generated = Schema.toJsonSchemaDocument(Schema.toEncoded(schema), { onExcessProperty: "error" })
  const definitions = generated.definitions ?? {}
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    ...generated.schema,
    ...(Object.keys(definitions).length > 0 ? { $defs: definitions } : {})
  }
}
