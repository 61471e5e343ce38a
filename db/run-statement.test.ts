import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, requestEvents, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { builtStatement, insertsAsOneStatement, rowInsert, runStatement, runStatementIn, statementTemplate } from "./run-statement";

describe.each(testEngines())("inserts as one statement on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const request = (id: string, extra: Partial<typeof requests.$inferInsert> = {}) =>
    rowInsert(requests, { id, type: "access", locale: "ru", jurisdiction: "KZ", requesterName: "Айгерим", requesterEmail: "a@example.kz", details: {}, consentAt: new Date(), verifyBy: new Date(), ...extra });
  const event = (requestId: string, data: Record<string, unknown> = { type: "access" }) => rowInsert(requestEvents, { requestId, kind: "submitted", actorType: "requester", data });

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

  it("stores each run's own values through one template: text, numbers, null, JSON and times", async () => {
    const rows = [
      { id: randomUUID(), phone: "+7 701 000 00 01", name: "Айгерим", details: { comment: "Прошу", categories: ["device"] }, at: new Date("2026-11-30T10:00:00.123Z") },
      { id: randomUUID(), phone: null, name: "O'Brien; drop table requests", details: { comment: null, nested: { n: 1 } }, at: new Date("2026-12-01T23:59:59.999Z") },
    ];
    for (const row of rows) {
      const statement = insertsAsOneStatement(
        request(row.id, { requesterPhone: row.phone, requesterName: row.name, details: row.details, consentAt: row.at }),
        event(row.id, { files: 2, note: row.name }),
      );
      await runStatement(database.db, statement);
    }
    for (const row of rows) {
      const [stored] = await database.db.select().from(requests).where(eq(requests.id, row.id));
      expect(stored).toMatchObject({ requesterPhone: row.phone, requesterName: row.name, details: row.details, consentAt: row.at, status: "unverified" });
      expect((await database.db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id)))[0]!.data).toEqual({ files: 2, note: row.name });
    }
  });

  it("runs inside a transaction, rolled back with it", async () => {
    const id = randomUUID();
    await expect(
      database.db.transaction(async (tx) => {
        await runStatementIn(tx, insertsAsOneStatement(request(id), event(id)));
        expect(await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, id))).toEqual([{ id }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await database.db.select().from(requests).where(eq(requests.id, id))).toEqual([]);
  });
});

describe("statement templates", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite", { migrate: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  const statement = (phone: string | null | undefined, data: Record<string, unknown>) => {
    const id = randomUUID();
    return insertsAsOneStatement(
      rowInsert(requests, { id, type: "access", locale: "kk", jurisdiction: "KZ", requesterName: "Ä", requesterEmail: "a@example.kz", requesterPhone: phone, details: data, consentAt: new Date(), verifyBy: new Date() }),
      rowInsert(requestEvents, { requestId: id, kind: "submitted", actorType: "requester", data }),
      rowInsert(auditLog, { occurredAt: new Date(), actorType: "requester", actorId: null, action: "request.submitted", entityType: "request", entityId: id, requestId: id, data }),
    );
  };

  it("gives the text and parameters drizzle builds, whatever the values", () => {
    for (const [phone, data] of [
      ["+7 701", { a: 1 }],
      [null, { a: null, b: ["x"] }],
      [undefined, {}],
    ] as const) {
      const rows = statement(phone, data);
      const template = statementTemplate(database.db, rows.rows);
      const built = builtStatement(database.db, rows);
      expect(template.text).toBe(built.sql);
      expect(template.values(rows.rows)).toEqual(built.params);
    }
  });

  it("keeps one template per shape: a column left to its default is another shape", () => {
    const first = statementTemplate(database.db, statement("1", {}).rows);
    expect(statementTemplate(database.db, statement(null, { other: true }).rows)).toBe(first);
    const withDefault = statementTemplate(database.db, statement(undefined, {}).rows);
    expect(withDefault).not.toBe(first);
    // drizzle names every column and writes `default` for the ones left out.
    expect(withDefault.text.split("default").length).toBe(first.text.split("default").length + 1);
  });
});
