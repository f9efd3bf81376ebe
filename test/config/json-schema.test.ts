import { describe, expect, it } from "@jest/globals";
import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { CONFIG_JSON_SCHEMA_PATH, configJsonSchemaText } from "../../src/config/config-json-schema.js";
import { fixtureConfig } from "../fixtures/configs.js";

const root = new URL("../../", import.meta.url);
const committed = readFileSync(new URL(CONFIG_JSON_SCHEMA_PATH, root), "utf8");
const fixture = (name: string): unknown => parse(fixtureConfig(name));
// Formats are left to zod's own patterns, which the schema carries ("date" comes with one).
const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(JSON.parse(committed));

describe("schema/handoff.schema.json", () => {
  it("is what `npm run schemas` generates from the zod schema (run it after changing src/config/schema.ts)", () => {
    expect(committed).toBe(configJsonSchemaText());
  });

  it("accepts valid configs, with and without the optional keys", () => {
    for (const name of ["acme", "night-shift", "anchors"]) {
      expect([name, validate(fixture(name)), validate.errors]).toEqual([name, true, null]);
    }
  });

  it("rejects unknown keys, malformed times and missing required keys, as editors will show them", () => {
    expect(validate(fixture("unknown-keys"))).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${JSON.stringify(e.params)}`).sort()).toEqual([
      ' {"additionalProperty":"reviewers"}',
      '/contractors/0 {"additionalProperty":"hour"}',
      '/digest {"additionalProperty":"close_previos"}',
      '/team {"additionalProperty":"digest_tme"}',
    ]);
    expect(validate(fixture("times"))).toBe(false);
    expect(validate.errors?.filter((e) => e.keyword === "pattern").map((e) => e.instancePath)).toEqual([
      "/team/digest_time",
      "/contractors/0/hours",
      "/contractors/0/day_boundary",
      "/contractors/1/days_off/0",
      "/contractors/1/days_off/1",
    ]);
    expect(validate(fixture("missing-required"))).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${JSON.stringify(e.params)}`).sort()).toEqual([
      ' {"missingProperty":"contractors"}',
      ' {"missingProperty":"digest"}',
      '/team {"missingProperty":"timezone"}',
    ]);
  });

  it("carries the doc comment of every key as its description", () => {
    const schema = JSON.parse(committed) as JsonSchema;
    const undocumented: string[] = [];
    const visit = (node: JsonSchema, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undocumented.push(`${path}${key}`);
        visit(child, `${path}${key}.`);
      }
      if (node.items) visit(node.items, path.replace(/\.$/, "[]."));
    };
    visit(schema, "");
    expect(undocumented).toEqual([]);
    expect(schema.properties?.contractors?.items?.properties?.day_boundary?.description).toMatch(/night shift/);
  });
});

interface JsonSchema {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}
