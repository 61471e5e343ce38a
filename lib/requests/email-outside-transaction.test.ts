import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { outboxEmails, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import type { RequestForm } from "@/lib/requests/types";
import { fileVerifiedRequest } from "./testing";
import { fileRequest } from "./file-request";
import { sendStatusLinks } from "./send-status-links";
import { resendVerificationCode } from "./verify-request";

// Every render is recorded with whether a transaction was open at that moment.
const watch = vi.hoisted(() => ({ openTransactions: 0, renders: [] as { template: string; insideTransaction: boolean }[] }));

vi.mock("@/lib/email/render-email", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/email/render-email")>();
  return {
    ...original,
    renderEmail: async (...args: Parameters<typeof original.renderEmail>) => {
      watch.renders.push({ template: args[0], insideTransaction: watch.openTransactions > 0 });
      return original.renderEmail(...args);
    },
  };
});

/** The same database, counting the transactions open at any moment. */
function watched(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === "transaction") {
        return (work: (tx: unknown) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            watch.openTransactions += 1;
            try {
              return await work(tx);
            } finally {
              watch.openTransactions -= 1;
            }
          });
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const form = (email: string) =>
  ({ type: "access", name: "Айгерим", email, phone: "", jurisdiction: "KZ", onBehalf: false, subjectName: "", comment: "", consent: true, categories: ["device"], format: "pdf" }) as RequestForm;

describe.each(testEngines())("e-mails of the public write paths are rendered before their transaction, on %s", (engine) => {
  let database: TestDatabase;
  let db: Db;
  const ip = "203.0.113.9";

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = watched(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(() => {
    watch.renders.length = 0;
  });

  it("a submission renders its verification e-mail outside the transaction that stores it with the request", async () => {
    const filed = await fileRequest(db, { form: form("outside@example.kz"), locale: "kk", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" });
    expect(filed.ok).toBe(true);
    expect(watch.renders).toEqual([{ template: "verification_code", insideTransaction: false }]);
    const [email] = await database.db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, "outside@example.kz"), eq(outboxEmails.template, "verification_code")));
    const [request] = await database.db.select().from(requests).where(eq(requests.id, filed.ok ? filed.requestId : ""));
    // The row carries the e-mail as rendered, for the request id chosen before the transaction.
    expect(request?.status).toBe("unverified");
    expect(email?.requestId).toBe(request?.id);
    expect(email?.textBody).toMatch(/\b\d{6}\b/);
    expect(email?.htmlBody).toContain("<html");
    expect(email?.subject.length).toBeGreaterThan(0);
  });

  it("a new code and the lost-link e-mail are rendered outside their transactions too", async () => {
    const filed = await fileRequest(db, { form: form("resend@example.kz"), locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" });
    watch.renders.length = 0;
    await resendVerificationCode(db, { requestId: filed.ok ? filed.requestId : "", ip });
    expect(watch.renders).toEqual([{ template: "verification_code", insideTransaction: false }]);
    const codes = await database.db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, "resend@example.kz"), eq(outboxEmails.template, "verification_code")));
    expect(codes).toHaveLength(2);

    await fileVerifiedRequest(database.db, { email: "links@example.kz" });
    watch.renders.length = 0;
    await sendStatusLinks(db, { email: "links@example.kz", locale: "en", ip });
    expect(watch.renders).toEqual([{ template: "status_links", insideTransaction: false }]);
    const [links] = await database.db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, "links@example.kz"), eq(outboxEmails.template, "status_links")));
    expect(links?.textBody).toMatch(/\/en\/r\/[A-Za-z0-9_-]{20,}/);
  });
});
