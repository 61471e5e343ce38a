import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@/db/testing";
import { readFileSync } from "node:fs";
import { openSampleApp, sampleMap, SAMPLE_MAP_PATH, type SampleApp } from "../testing";
import { checkLiveSchema } from "./check-live-schema";
import { lineOfPath } from "./parse-data-map";

describe.each(testEngines())("the connection test against the live schema on %s", (engine) => {
  let app: SampleApp;
  beforeAll(async () => {
    app = await openSampleApp(engine);
  }, 120_000);
  afterAll(async () => {
    await app?.drop();
  });

  it("finds nothing wrong with the sample map", async () => {
    expect(await app.client.read((query) => checkLiveSchema(query, sampleMap().sources[0]!))).toEqual([]);
  });

  it("names a missing column and a missing table", async () => {
    const source = sampleMap().sources[0]!;
    const users = source.collections[0]!;
    const broken = {
      ...source,
      collections: [{ ...users, fields: [...users.fields, { column: "phone_number", category: "identity_contacts" as const }] }, { ...source.collections[1]!, table: "gadgets" }],
    };
    expect(await app.client.read((query) => checkLiveSchema(query, broken))).toEqual(["column `users.phone_number` does not exist", "table `public.gadgets` does not exist"]);
  });

  it("refuses mask and hash on a column that is not text, naming the map's line", async () => {
    const text = readFileSync(SAMPLE_MAP_PATH, "utf8").replace("          - column: birth_date\n            category: identity_contacts\n            erase: set_null", "          - column: birth_date\n            category: identity_contacts\n            erase: hash");
    const source = sampleMap().sources[0]!;
    const users = source.collections[0]!;
    const broken = { ...source, collections: [{ ...users, fields: users.fields.map((field) => (field.column === "birth_date" ? { ...field, erase: "hash" as const } : field)) }, ...source.collections.slice(1)] };
    const rows = text.split("\n");
    const line = rows.findIndex((row, i) => row.includes("erase: hash") && rows[i - 2]?.includes("column: birth_date")) + 1;
    expect(line).toBeGreaterThan(0);
    const problems = await app.client.read((query) => checkLiveSchema(query, broken, (path) => lineOfPath(text, ["sources", 0, ...path])));
    expect(problems).toEqual([`line ${line} (sources[0].collections[0].fields[4].erase): column \`users.birth_date\` is date: hash writes text, so it works only on text columns (use set_null or keep, or delete the row)`]);
    // mask and hash on text columns (email, full_name) pass.
    expect(await app.client.read((query) => checkLiveSchema(query, source))).toEqual([]);
  });
});
