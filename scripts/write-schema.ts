import { writeFileSync } from "node:fs";
import { CONFIG_JSON_SCHEMA_PATH, configJsonSchemaText } from "../src/config/config-json-schema.js";

// `npm run schemas`: regenerates the committed JSON Schema from the zod schema.
writeFileSync(new URL(`../${CONFIG_JSON_SCHEMA_PATH}`, import.meta.url), configJsonSchemaText());
console.log(`wrote ${CONFIG_JSON_SCHEMA_PATH}`);
