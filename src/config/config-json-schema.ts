import { z } from "zod";
import { configSchema } from "./schema.js";

/** Where `npm run schemas` writes the JSON Schema, relative to the package root. */
export const CONFIG_JSON_SCHEMA_PATH = "schema/handoff.schema.json";

/**
 * The JSON Schema of `handoff.yml` for editors, as committed at CONFIG_JSON_SCHEMA_PATH. It describes the
 * input (defaults make keys optional); checks JSON Schema cannot express (IANA zones, day_boundary
 * against hours, duplicate logins) are left to `handoff validate` and the config check.
 */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(configSchema, { io: "input" }), null, 2)}\n`;
}
