import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@/db/testing";
import { openSampleApp, sampleMap, type SampleApp } from "../testing";
import { checkLiveSchema } from "./check-live-schema";

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
});
