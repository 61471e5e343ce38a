import { count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, requestStatusCounts } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { listQueue, searchCondition } from "./list-queue";
import { VIEW_COUNT_CAP } from "./staff/queue-views";
import { startRequest } from "./staff/start-request";
import { compactStatusCounts, readStatusCounts } from "./status-counts";
import { fileVerifiedRequest, verifiedRequestRow } from "./testing";

const now = new Date("2026-11-24T06:00:00Z");
// Rows put in directly use 2025 references: the 2026 ones come from the sequence (fileVerifiedRequest).
const manual = (i: number, overrides: Parameters<typeof verifiedRequestRow>[2] = {}) =>
  verifiedRequestRow(i, now, { reference: `DSR-2025-${String(i).padStart(6, "0")}`, ...overrides });

describe.each(testEngines())("status counts and queue search on %s", (engine) => {
  let database: TestDatabase;
  let admin: CurrentStaff;
  const db = () => database.db;

  /** What the counter must say: counted the slow way. */
  async function countedByScan() {
    const rows = await db().select({ status: requests.status, n: count() }).from(requests).groupBy(requests.status);
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const row = await createStaff(db(), { email: "admin@privacy-desk.test", name: "Ada Admin", role: "admin" }, SYSTEM_ACTOR);
    admin = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("follows inserts, status changes, deletes and bulk updates, and survives compaction", async () => {
    expect(await readStatusCounts(db())).toEqual({});
    await db().insert(requests).values(Array.from({ length: 30 }, (_, i) => manual(i + 1)));
    await db().insert(requests).values(manual(31, { status: "unverified", reference: null, verifiedAt: null }));
    expect(await readStatusCounts(db())).toEqual({ new: 30, unverified: 1 });

    await db().update(requests).set({ status: "completed" }).where(inArray(requests.reference, ["DSR-2025-000001", "DSR-2025-000002"]));
    // An update that leaves the status alone changes nothing.
    await db().update(requests).set({ urgent: true }).where(eq(requests.reference, "DSR-2025-000003"));
    await db().delete(requests).where(eq(requests.reference, "DSR-2025-000004"));
    // A change rolled back leaves no trace in the counter either.
    await db()
      .transaction(async (tx) => {
        await tx.update(requests).set({ status: "denied" }).where(eq(requests.reference, "DSR-2025-000005"));
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await readStatusCounts(db())).toEqual({ new: 27, completed: 2, unverified: 1 });
    expect(await readStatusCounts(db())).toEqual(await countedByScan());

    const before = (await db().select({ n: count() }).from(requestStatusCounts))[0]!.n;
    await compactStatusCounts(db());
    const after = (await db().select({ n: count() }).from(requestStatusCounts))[0]!.n;
    expect(before).toBeGreaterThan(3);
    expect(after).toBe(3);
    expect(await readStatusCounts(db())).toEqual({ new: 27, completed: 2, unverified: 1 });
  });

  it("stays exact under concurrent status changes, submissions and compactions", { timeout: 120_000 }, async () => {
    const filed = [];
    for (let i = 0; i < 8; i++) filed.push(await fileVerifiedRequest(db(), { email: `concurrent${i}@example.kz`, at: now }));
    await Promise.all([
      ...filed.map(({ request }) => startRequest(db(), { requestId: request.id }, admin, now)),
      ...Array.from({ length: 6 }, (_, i) => db().insert(requests).values(manual(100 + i))),
      compactStatusCounts(db()),
      compactStatusCounts(db()),
    ]);
    const counted = await countedByScan();
    expect(counted.in_progress).toBe(8);
    expect(await readStatusCounts(db())).toEqual(counted);
    await compactStatusCounts(db());
    expect(await readStatusCounts(db())).toEqual(counted);
  });

  it("gives the queue's tabs counts: the status views from the counter, the others counted", async () => {
    const me = { id: admin.id };
    const page = await listQueue(db(), {}, me, now);
    const scanned = await countedByScan();
    const open = (scanned.new ?? 0) + (scanned.in_progress ?? 0) + (scanned.awaiting_requester ?? 0) + (scanned.on_hold ?? 0);
    expect(page.viewCounts.open).toBe(open);
    expect(page.viewCounts.all).toBe(open + (scanned.completed ?? 0) + (scanned.denied ?? 0) + (scanned.withdrawn ?? 0));
    expect(page.viewCounts.urgent).toBe(1);
    expect(page.viewCounts.mine).toBe(0);
    expect(page.viewCounts.unassigned).toBe(open);
  });

  it("caps the counted views when more requests match than the cap", { timeout: 120_000 }, async () => {
    const me = { id: admin.id };
    await db().execute(sql`
      insert into requests (reference, type, status, locale, jurisdiction, requester_name, requester_email, details, consent_at, verify_by, verified_at, due_at)
      select 'DSR-2027-' || lpad(g::text, 6, '0'), 'deletion', case when g % 2 = 0 then 'new' else 'completed' end, 'ru', 'GDPR',
             'Bulk ' || g, 'bulk' || g || '@example.kz', '{}'::jsonb, now(), now(), now(), now() + interval '30 days'
      from generate_series(1, ${VIEW_COUNT_CAP * 2 + 10}) as g`);
    const page = await listQueue(db(), {}, me, now);
    expect(page.viewCounts.unassigned).toBe(VIEW_COUNT_CAP);
    // Exact from the counter however many.
    expect(page.viewCounts.open).toBeGreaterThan(VIEW_COUNT_CAP);
    expect(page.viewCounts.all - page.viewCounts.open).toBe(VIEW_COUNT_CAP + 5 + 2);
  });

  it("searches an address by its beginning through the btree, a part of an address or a name through the pg_trgm indexes", async () => {
    // Tiny tables are scanned whatever the indexes; forbidding that shows the search can use them.
    const plan = (condition: SQL) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const query = tx.select({ id: requests.id }).from(requests).where(condition);
        const explained = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${query.getSQL()}`));
        return explained.map((row) => Object.values(row)[0]).join("\n");
      });
    const address = searchCondition("Concurrent3@exa");
    expect(Object.keys(address)).toEqual(["one"]);
    expect(await plan((address as { one: SQL }).one)).toContain("requests_email_type_idx");
    const part = searchCondition("concurrent3");
    expect(Object.keys(part)).toEqual(["either"]);
    const [inAddress, inName] = (part as { either: [SQL, SQL] }).either;
    expect(await plan(inAddress)).toContain("requests_email_trgm_idx");
    expect(await plan(inName)).toContain("requests_name_trgm_idx");
    const found = await listQueue(db(), { q: "CONCURRENT3@exa" }, { id: admin.id }, now);
    expect(found.items.map((item) => item.requesterEmail)).toEqual(["concurrent3@example.kz"]);
  });
});
