import { readFileSync } from "node:fs";
import { and, asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, type RequestStatus } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { OPEN_STATUSES } from "../lifecycle";
import { statusIn, viewCondition, viewWhere, type QueueView } from "./queue-views";

const now = new Date("2026-11-24T06:00:00Z");
const me = { id: "4c1e7a52-7c0e-4a8b-9d1f-2b3c4d5e6f70" };

describe("the open requests' partial indexes", () => {
  it("name exactly the open statuses, written as statusIn writes them", () => {
    const migration = readFileSync("db/migrations/0019_queue_views.sql", "utf8");
    const literal = `in (${OPEN_STATUSES.map((status) => `'${status}'`).join(", ")})`;
    expect(migration.split(literal)).toHaveLength(3);
    // 0021: the open requests again (with type and jurisdiction), by assignee, their due dates; the unconfirmed attempts, as statusIn writes them too.
    const filters = readFileSync("db/migrations/0021_queue_filter_indexes.sql", "utf8");
    expect(filters.split(literal)).toHaveLength(4);
    expect(filters).toContain(`in ('unverified', 'expired')`);
  });
});

describe.each(testEngines())("queue views' plans on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The plan of a view's first page, with sequential scans forbidden (tiny tables are scanned whatever the indexes). */
  async function planOf(view: QueueView, { statuses, ordered = false }: { statuses?: RequestStatus[]; ordered?: boolean } = {}): Promise<string> {
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      // Sorting forbidden too: which index serves the queue's order for this view (the choice at scale).
      if (ordered) await tx.execute(sql`set local enable_sort = off`);
      const query = tx
        .select({ id: requests.id })
        .from(requests)
        .where(statuses ? and(statusIn(statuses), viewCondition(view, me, now)) : viewWhere(view, me, now))
        .orderBy(asc(sql`coalesce(${requests.dueAt}, 'infinity'::timestamptz)`), asc(requests.id))
        .limit(26);
      const explained = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${query.getSQL()}`));
      return explained.map((row) => Object.values(row)[0]).join("\n");
    });
  }

  it("reads the default and urgent views from the partial indexes of open requests, the overdue one by index too", async () => {
    // On an empty table the planner may as well take the open requests' due dates and sort: open requests alone either way.
    expect(await planOf("open")).toMatch(/requests_open_queue_idx|requests_open_due_idx/);
    // The open requests' order, or the due dates by status: a bounded range either way.
    expect(await planOf("overdue")).toMatch(/requests_open_queue_idx|requests_open_due_idx|requests_status_due_idx/);
    expect(await planOf("urgent")).toContain("requests_open_urgent_idx");
  });

  it("reads one person's open requests, and the unconfirmed attempts, from their own indexes (migration 0021)", async () => {
    expect(await planOf("mine", { ordered: true })).toContain("requests_open_assignee_queue_idx");
    expect(await planOf("all", { statuses: ["unverified"], ordered: true })).toContain("requests_unconfirmed_queue_idx");
  });
});
