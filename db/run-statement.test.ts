import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestEvents, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { insertsAsOneStatement, runStatement } from "./run-statement";

describe.each(testEngines())("inserts as one statement on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const request = (id: string) =>
    database.db.insert(requests).values({ id, type: "access", locale: "ru", jurisdiction: "KZ", requesterName: "Айгерим", requesterEmail: "a@example.kz", details: {}, consentAt: new Date(), verifyBy: new Date() });
  const event = (requestId: string) => database.db.insert(requestEvents).values({ requestId, kind: "submitted", actorType: "requester", data: { type: "access" } });

  it("writes the main row and the rows that point at it, foreign keys checked at the statement's end", async () => {
    const id = randomUUID();
    await runStatement(database.db, insertsAsOneStatement(request(id), event(id), event(id)));
    expect(await database.db.select({ id: requests.id }).from(requests).where(eq(requests.id, id))).toEqual([{ id }]);
    expect(await database.db.select().from(requestEvents).where(eq(requestEvents.requestId, id))).toHaveLength(2);
  });

  it("keeps nothing when one of its INSERTs fails", async () => {
    const id = randomUUID();
    await expect(runStatement(database.db, insertsAsOneStatement(request(id), event(id), event(randomUUID())))).rejects.toThrow();
    expect(await database.db.select().from(requests).where(eq(requests.id, id))).toEqual([]);
    expect(await database.db.select().from(requestEvents).where(eq(requestEvents.requestId, id))).toEqual([]);
  });
});
