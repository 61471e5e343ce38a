import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, staff, type NewRequest } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { listQueue, QUEUE_PAGE_SIZE } from "./list-queue";
import { verifiedRequestRow } from "./testing";

const now = new Date("2026-11-24T06:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

// Received "now" (createdAt left to the database, as the queue tests were written), due 100 + i hours later.
const row = (i: number, overrides: Partial<NewRequest> = {}): NewRequest => verifiedRequestRow(i, now, { createdAt: undefined, statusChangedAt: undefined, dueAt: hours(100 + i), ...overrides });

describe.each(testEngines())("staff queue on %s", (engine) => {
  let database: TestDatabase;
  let me: { id: string };
  const ids = (page: { items: { reference: string | null }[] }) => page.items.map((i) => i.reference);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const [agent] = await database.db.insert(staff).values({ email: "a@example.kz", name: "A", role: "agent" }).returning();
    me = { id: agent!.id };
    const bulk = Array.from({ length: 60 }, (_, i) => row(i + 1));
    bulk[0] = row(1, { dueAt: hours(-5) }); // overdue
    bulk[1] = row(2, { dueAt: hours(3), type: "credential_misuse", urgent: true }); // due soon
    bulk[2] = row(3, { assigneeId: me.id, jurisdiction: "GDPR" });
    bulk[3] = row(4, { status: "completed", dueAt: hours(-50) }); // closed, was due long ago
    bulk[4] = row(5, { status: "unverified", reference: null, verifiedAt: null, dueAt: null, requesterName: "Hidden Person" });
    bulk[5] = row(6, { requesterName: "Айгерим Серікқызы", requesterEmail: "aigerim@example.kz", dueAt: null });
    await database.db.insert(requests).values(bulk);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("sorts by due date with undated requests last, hides unverified, and counts per status", async () => {
    const page = await listQueue(database.db, {}, me, now);
    expect(ids(page).slice(0, 4)).toEqual(["DSR-2026-000004", "DSR-2026-000001", "DSR-2026-000002", "DSR-2026-000003"]);
    expect(page.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(page.counts).toEqual({ new: 58, completed: 1 });
    const withUnverified = await listQueue(database.db, { unverified: "1" }, me, now);
    expect(withUnverified.counts.unverified).toBe(1);
  });

  it("pages by keyset through every request exactly once", async () => {
    const seen: (string | null)[] = [];
    let after: string | undefined;
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = await listQueue(database.db, { after }, me, now);
      seen.push(...ids(page));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toHaveLength(59);
    expect(new Set(seen).size).toBe(59);
    expect(seen.at(-1)).toBe("DSR-2026-000006");
  });

  it("filters by status, type, assignee, jurisdiction, urgency and due date", async () => {
    expect(ids(await listQueue(database.db, { status: "completed" }, me, now))).toEqual(["DSR-2026-000004"]);
    expect(ids(await listQueue(database.db, { type: "credential_misuse" }, me, now))).toEqual(["DSR-2026-000002"]);
    expect(ids(await listQueue(database.db, { assignee: "mine" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect((await listQueue(database.db, { assignee: "unassigned" }, me, now)).items.map((i) => i.reference)).not.toContain("DSR-2026-000003");
    expect(ids(await listQueue(database.db, { jurisdiction: "GDPR" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect(ids(await listQueue(database.db, { urgent: "1" }, me, now))).toEqual(["DSR-2026-000002"]);
    expect(ids(await listQueue(database.db, { due: "overdue" }, me, now))).toEqual(["DSR-2026-000001"]);
    expect(ids(await listQueue(database.db, { due: "soon" }, me, now))).toEqual(["DSR-2026-000002"]);
  });

  it("searches by reference in any form, e-mail and name, and ignores malformed filters", async () => {
    expect(ids(await listQueue(database.db, { q: "dsr-2026-7" }, me, now))).toEqual(["DSR-2026-000007"]);
    expect(ids(await listQueue(database.db, { q: "2026-000008" }, me, now))).toEqual(["DSR-2026-000008"]);
    expect(ids(await listQueue(database.db, { q: "AIGERIM@" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "Серікқызы" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "Hidden" }, me, now))).toEqual([]);
    expect(ids(await listQueue(database.db, { q: "100%_" }, me, now))).toEqual([]);
    const junk = await listQueue(database.db, { status: "bogus", type: 7, after: "%%%", due: "tomorrow" }, me, now);
    expect(junk.items).toHaveLength(QUEUE_PAGE_SIZE);
  });

  it("ignores a forged cursor whose date PostgreSQL would refuse, instead of failing the page", async () => {
    const id = "4c1e7a52-7c0e-4a8b-9d1f-2b3c4d5e6f70";
    for (const due of ["0", "1", "+275760-09-13T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "0001-01-01"]) {
      const cursor = Buffer.from(JSON.stringify([due, id])).toString("base64url");
      const page = await listQueue(database.db, { after: cursor }, me, now);
      expect(page.items).toHaveLength(QUEUE_PAGE_SIZE);
    }
  });
});
