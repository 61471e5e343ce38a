import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, staff, type NewRequest } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { seedDeadlineData } from "./deadlines/deadline-repository";
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
    // Awaiting the requester since before its due date: the clock stopped in time.
    bulk[6] = row(7, { status: "awaiting_requester", dueAt: hours(-2), pausedAt: hours(-30) });
    bulk[7] = row(8, { type: "correction" });
    await database.db.insert(requests).values(bulk);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("shows open requests by due date with undated ones last, and counts every view", async () => {
    const page = await listQueue(database.db, {}, me, now);
    expect(page.filters.view).toBe("open");
    expect(ids(page).slice(0, 3)).toEqual(["DSR-2026-000001", "DSR-2026-000007", "DSR-2026-000002"]);
    expect(page.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(page.viewCounts).toEqual({ open: 58, mine: 1, unassigned: 57, due_today: 1, overdue: 1, urgent: 1, awaiting: 1, all: 59 });
    // "All" adds the closed ones; unconfirmed only when the status filter asks for them.
    expect(ids(await listQueue(database.db, { view: "all" }, me, now)).slice(0, 2)).toEqual(["DSR-2026-000004", "DSR-2026-000001"]);
    expect(ids(await listQueue(database.db, { view: "all", status: "unverified" }, me, now))).toEqual([null]);
  });

  it("narrows each view to its requests: mine, unassigned, due today, overdue, urgent, awaiting the requester", async () => {
    expect(ids(await listQueue(database.db, { view: "mine" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect(ids(await listQueue(database.db, { view: "unassigned" }, me, now))).not.toContain("DSR-2026-000003");
    expect(ids(await listQueue(database.db, { view: "due_today" }, me, now))).toEqual(["DSR-2026-000002"]);
    // The paused request was not late when its clock stopped: not overdue, though its due date has passed.
    expect(ids(await listQueue(database.db, { view: "overdue" }, me, now))).toEqual(["DSR-2026-000001"]);
    expect(ids(await listQueue(database.db, { view: "urgent" }, me, now))).toEqual(["DSR-2026-000002"]);
    expect(ids(await listQueue(database.db, { view: "awaiting" }, me, now))).toEqual(["DSR-2026-000007"]);
    // The status filter narrows a view, never widens it.
    expect(ids(await listQueue(database.db, { view: "awaiting", status: "new" }, me, now))).toEqual(["DSR-2026-000007"]);
    expect(ids(await listQueue(database.db, { status: "completed" }, me, now))).not.toContain("DSR-2026-000004");
    expect(ids(await listQueue(database.db, { status: "completed,in_progress" }, me, now))).toEqual([]);
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
    expect(seen).toHaveLength(58);
    expect(new Set(seen).size).toBe(58);
    expect(seen.at(-1)).toBe("DSR-2026-000006");
  });

  it("filters by several statuses, types and jurisdictions at once, and by assignee", async () => {
    expect(ids(await listQueue(database.db, { view: "all", status: "completed,awaiting_requester" }, me, now))).toEqual(["DSR-2026-000004", "DSR-2026-000007"]);
    expect(ids(await listQueue(database.db, { type: "credential_misuse" }, me, now))).toEqual(["DSR-2026-000002"]);
    expect(ids(await listQueue(database.db, { type: ["credential_misuse", "correction"] }, me, now))).toEqual(["DSR-2026-000002", "DSR-2026-000008"]);
    expect(ids(await listQueue(database.db, { assignee: "mine" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect(ids(await listQueue(database.db, { jurisdiction: "GDPR" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect(ids(await listQueue(database.db, { jurisdiction: "GDPR,CCPA,bogus" }, me, now))).toEqual(["DSR-2026-000003"]);
  });

  it("searches by reference in any form, e-mail and name, and ignores malformed filters", async () => {
    expect(ids(await listQueue(database.db, { q: "dsr-2026-7" }, me, now))).toEqual(["DSR-2026-000007"]);
    expect(ids(await listQueue(database.db, { q: "2026-000008" }, me, now))).toEqual(["DSR-2026-000008"]);
    // An address (a term with "@" after its first character) by its beginning, case aside: whole, or as far as typed.
    expect(ids(await listQueue(database.db, { q: "Aigerim@Example.kz" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "AIGERIM@" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "igerim@example.kz" }, me, now))).toEqual([]);
    // Anything else inside the address or the name, case aside, Cyrillic too.
    expect(ids(await listQueue(database.db, { q: "GERIM" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "@example.kz", view: "mine" }, me, now))).toEqual(["DSR-2026-000003"]);
    expect(ids(await listQueue(database.db, { q: "Серікқызы" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "айгерим серік" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "ҚЫЗЫ" }, me, now))).toEqual(["DSR-2026-000006"]);
    expect(ids(await listQueue(database.db, { q: "Hidden" }, me, now))).toEqual([]);
    // A search looks through closed requests too, unless a view is chosen.
    expect(ids(await listQueue(database.db, { q: "DSR-2026-000004" }, me, now))).toEqual(["DSR-2026-000004"]);
    expect(ids(await listQueue(database.db, { q: "DSR-2026-000004", view: "open" }, me, now))).toEqual([]);
    expect(ids(await listQueue(database.db, { q: "100%_" }, me, now))).toEqual([]);
    const junk = await listQueue(database.db, { view: "bogus", status: "bogus", type: 7, after: "%%%", jurisdiction: {} }, me, now);
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

  it("counts the working days left under a working-day rule on its jurisdiction's calendar, and none under another rule", async () => {
    await seedDeadlineData(database.db);
    const due = new Date("2026-12-18T12:00:00Z"); // a Friday; Wednesday 16 December is a holiday in Kazakhstan
    await database.db.insert(requests).values([
      row(70, { requesterName: "Clock Working", deadlineRuleId: "kz-access-2026", dueAt: due }),
      row(71, { requesterName: "Clock Calendar", jurisdiction: "GDPR", deadlineRuleId: "gdpr-access-2026", dueAt: due }),
      // Overdue: due at the end of Wednesday 18 November in Almaty; by Tuesday 24 Thursday, Friday and Monday are lost.
      row(72, { requesterName: "Clock Overdue", deadlineRuleId: "kz-access-2026", dueAt: new Date("2026-11-18T18:59:59.999Z") }),
    ]);
    const page = await listQueue(database.db, { q: "Clock" }, me, now);
    const left = Object.fromEntries(page.items.map((item) => [item.requesterName, item.workingDaysOnClock]));
    // 25 November to 18 December: 18 weekdays, less the holiday.
    expect(left).toEqual({ "Clock Working": 17, "Clock Calendar": null, "Clock Overdue": 3 });
  });
});
