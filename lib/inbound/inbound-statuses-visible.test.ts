import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INBOUND_STATUSES, inboundEmails } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { INBOUND_LIST_FILTERS, INBOUND_STATUS_ACTIONS, INBOUND_STATUS_CODES } from "./inbound-staff-schemas";
import { listInboundEmails, NEEDS_ATTENTION } from "./list-inbound-emails";

const LOCALES = ["ru", "kk", "en"] as const;
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "i18n", "messages", locale, "mail.json"), "utf8")) as { mail: { statuses: Record<string, string> } };

/**
 * No inbound e-mail may sit in a state no screen shows: every status value has a name in each
 * language, a filter on the mail page that lists it, and — unless the e-mail has been dealt with —
 * a place in the default "needs attention" view and an action staff can take on it.
 */
describe.each(testEngines())("every inbound_emails.status is listed where staff can act on %s", (engine) => {
  let database: TestDatabase;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const status of INBOUND_STATUSES) {
      const [row] = await database.db
        .insert(inboundEmails)
        .values({ sourceKey: `test:${status}:${randomUUID()}`, raw: Buffer.from("x"), rawSize: 1, status })
        .returning({ id: inboundEmails.id });
      ids.set(status, row!.id);
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("the browser's list of statuses is the database's", () => {
    expect([...INBOUND_STATUS_CODES]).toEqual([...INBOUND_STATUSES]);
    expect(Object.keys(INBOUND_STATUS_ACTIONS).sort()).toEqual([...INBOUND_STATUSES].sort());
  });

  it.each([...INBOUND_STATUSES])("%s: named in ru, kk and en, listed under its own filter and under all", async (status) => {
    for (const locale of LOCALES) expect(catalogue(locale).mail.statuses[status]?.trim()).toBeTruthy();
    expect(INBOUND_LIST_FILTERS).toContain(status);
    const own = await listInboundEmails(database.db, { status });
    expect(own.items.map((item) => item.id)).toContain(ids.get(status));
    const all = await listInboundEmails(database.db, { status: "all" });
    expect(all.items.map((item) => item.id)).toContain(ids.get(status));
  });

  it.each([...INBOUND_STATUSES])("%s: shown by default with an action, unless it has been dealt with", async (status) => {
    const attention = await listInboundEmails(database.db, {});
    const shownByDefault = attention.items.some((item) => item.id === ids.get(status));
    const dealtWith = ["processed", "duplicate", "attached", "dismissed"].includes(status);
    expect(shownByDefault).toBe(!dealtWith);
    expect(NEEDS_ATTENTION.includes(status)).toBe(!dealtWith);
    expect(INBOUND_STATUS_ACTIONS[status].length > 0).toBe(!dealtWith);
  });
});
