import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_NOW, seedQueue } from "@/bench/support/queue-seed";
import { REQUEST_STATUSES, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { listQueue } from "./list-queue";
import { forgetSearchStatistics, rareGrams, searchStatistics } from "./search-grams";

// The search inside names and addresses through their 6-character pieces (migration 0025) finds exactly
// what ilike '%term%' on either column found before, in the queue's order, page after page.
describe.each(testEngines())("queue search by pieces on %s", (engine) => {
  let database: TestDatabase;
  let me: { id: string };

  /** Every request the search finds, page by page, any status. */
  async function searched(q: string): Promise<string[]> {
    const found: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 400; page++) {
      const result = await listQueue(database.db, { view: "all", status: REQUEST_STATUSES.join(","), q, after }, me, QUEUE_NOW);
      found.push(...result.items.map((item) => item.id));
      if (!result.nextCursor) return found;
      after = result.nextCursor;
    }
    throw new Error("more pages than expected");
  }

  /** What the search found before: ilike on the address or the name, in the queue's order. */
  async function before(q: string): Promise<string[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from requests where requester_email ilike ${pattern} or requester_name ilike ${pattern}
        order by coalesce(due_at, 'infinity'::timestamptz), id`),
    );
    return rows.map((row) => row.id);
  }

  async function analyse() {
    await database.db.execute(sql`analyze requests`);
    forgetSearchStatistics(database.db);
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    me = await seedQueue(database.db, 3000, "realistic").then(({ me: id }) => ({ id }));
    // Beside the seed's names: a term inside a longer word, several spaces, mixed case, Kazakh letters, LIKE's own characters.
    const [template] = await database.db.select().from(requests).limit(1);
    const { id: _id, reference: _reference, ...rest } = template!;
    void _id;
    void _reference;
    const extra = [
      ["Ардаурен Морозова", "ardauren.morozova@mail.ru"],
      ["Даурен  Морозов", "dauren.morozov_1980@gmail.com"],
      ["ДАУРЕН МОРОЗОВ-Ким", "d.morozov+queue@inbox.kz"],
      ["Нұрсұлтан Жақсылықов", "nursultan%_zh@mail.kz"],
      ["Anna\\Smith 100%", "anna.smith100@icloud.com"],
    ].map(([requesterName, requesterEmail]) => ({ ...rest, requesterName: requesterName!, requesterEmail: requesterEmail! }));
    await database.db.insert(requests).values(extra);
    await analyse();
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  const terms = async () => {
    const rows = rowsOf<{ name: string; email: string }>(
      await database.db.execute(sql`select requester_name as name, requester_email as email from requests order by created_at limit 6 offset 1500`),
    );
    return [
      ...rows.flatMap((row) => [row.name, row.name.toUpperCase(), row.email.split("@")[0]!, row.name.split(" ")[1]!, row.name.slice(2, 9)]),
      "Даурен Морозов",
      "даурен морозов",
      "аурен Морозов",
      "Даурен Мороз",
      "Даурен  Морозов",
      "рен Морозова",
      "Морозов",
      "МОРОЗОВ-КИМ",
      "dauren.morozov",
      "morozov+queue",
      "Нұрсұлтан Жақсылықов",
      "ЖАҚСЫЛЫҚОВ",
      "nursultan%_zh",
      "ursultan%",
      "anna\\smith 100%",
      "@gmail.com",
      "gmail.com",
      ".ru",
      "1987",
      "abilova",
      "Несуществующий Человек",
    ];
  };

  it("finds the same requests in the same order as ilike did, for each kind of term", async () => {
    const statistics = await searchStatistics(database.db);
    // The pieces are read for full names and address parts here (3,000 rows: every piece is rare).
    expect(rareGrams("Даурен Морозов", statistics.name)).not.toBeNull();
    expect(rareGrams("tatianasatpayeva66", statistics.email)).not.toBeNull();
    let nonEmpty = 0;
    for (const q of await terms()) {
      const expected = await before(q);
      if (expected.length) nonEmpty++;
      expect({ q, found: await searched(q) }).toEqual({ q, found: expected });
    }
    expect(nonEmpty).toBeGreaterThan(30);
    // Found by pieces where a word of the term is inside a longer one, and with LIKE's characters taken literally.
    expect((await before("аурен Морозов")).length).toBeGreaterThan(1);
    expect(await before("nursultan%_zh")).toHaveLength(1);
    expect(await before("anna\\smith 100%")).toHaveLength(1);
  }, 120_000);

  it("stays exact after a name and address are rewritten (anonymisation) and after a delete", async () => {
    const [victim] = rowsOf<{ id: string; name: string; email: string }>(
      await database.db.execute(sql`select id, requester_name as name, requester_email as email from requests where requester_name = 'Ардаурен Морозова'`),
    );
    await database.db.update(requests).set({ requesterName: "Anonymised 7f3a9c", requesterEmail: "anonymised-7f3a9c@invalid" }).where(eq(requests.id, victim!.id));
    expect(await searched("Ардаурен")).toEqual([]);
    expect(await searched("ardauren.morozova")).toEqual([]);
    expect(await searched("Anonymised 7f3a9c")).toEqual([victim!.id]);
    expect(await searched("anonymised-7f3a9c@inv")).toEqual([victim!.id]);
    expect(await searched("d-7f3a9c")).toEqual([victim!.id]);
    const [gone] = rowsOf<{ id: string; name: string }>(await database.db.execute(sql`select id, requester_name as name from requests where requester_email = 'd.morozov+queue@inbox.kz'`));
    await database.db.delete(requests).where(eq(requests.id, gone!.id));
    expect(await searched("МОРОЗОВ-КИМ")).toEqual([]);
    for (const q of ["Даурен Морозов", "аурен Морозов", "morozov"]) expect({ q, found: await searched(q) }).toEqual({ q, found: await before(q) });
    // Statistics read again after the change: the same answers.
    await analyse();
    for (const q of ["Даурен Морозов", "Anonymised 7f3a9c"]) expect({ q, found: await searched(q) }).toEqual({ q, found: await before(q) });
  }, 120_000);
});
