// conventionJsonSchema(): the JSON Schema other languages can validate documents with.
import { conventionJsonSchema, portfolioJsonSchema } from "caf-conventions"

const schema = conventionJsonSchema()
console.log(schema.$schema)
console.log(`Convention : champs requis ${JSON.stringify(schema["required"])}`)
console.log(`Portefeuille : champs requis ${JSON.stringify(portfolioJsonSchema()["required"])}`)
console.log(
  "Fichiers livrés : caf-conventions/schema/convention.schema.json, caf-conventions/schema/portfolio.schema.json"
)
