import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testEngines } from "@/db/testing";
import { isMalformedInputError } from "./malformed-input";

describe("isMalformedInputError", () => {
  it.each(testEngines())("recognises %s refusing a NUL or a malformed uuid, also when wrapped by drizzle", async (engine) => {
    const database = await createTestDatabase(engine, { migrate: false });
    try {
      const nul = await database.db.execute(sql`select ${"a\u0000b"}::text`).catch((error: unknown) => error);
      const uuid = await database.db.execute(sql`select ${"not-a-uuid"}::uuid`).catch((error: unknown) => error);
      expect(isMalformedInputError(nul)).toBe(true);
      expect(isMalformedInputError(uuid)).toBe(true);
    } finally {
      await database.drop();
    }
  }, 120_000);

  it("leaves other failures alone", () => {
    expect(isMalformedInputError(new Error("connection refused"))).toBe(false);
    expect(isMalformedInputError(Object.assign(new Error("deadlock"), { code: "40P01" }))).toBe(false);
    expect(isMalformedInputError(new DrizzleQueryError("select 1", [], Object.assign(new Error("bad"), { code: "22021" })))).toBe(true);
  });
});
