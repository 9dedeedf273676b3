/**
 * The one way the library turns an Effect schema into a standalone JSON Schema document (draft
 * 2020-12): what `schema/*.json` ship and what the HTTP service's OpenAPI document describes.
 * The function is internal; the shape of the document, {@link JsonSchemaDocument}, is public.
 *
 * @module
 */
import * as Schema from "effect/Schema"

/**
 * A standalone JSON Schema document (draft 2020-12).
 *
 * @example
 * ```ts
 * import { conventionJsonSchema, type JsonSchemaDocument } from "caf-conventions"
 * const document: JsonSchemaDocument = conventionJsonSchema()
 * document.$schema //=> "https://json-schema.org/draft/2020-12/schema"
 * ```
 * @category decoding
 */
export interface JsonSchemaDocument {
  /** The JSON Schema dialect. */
  readonly $schema: "https://json-schema.org/draft/2020-12/schema"
  /** What the document describes. */
  readonly title: string
  /** The rest of the schema: `type`, `properties`, `required`, `$defs`… */
  readonly [keyword: string]: unknown
}

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
