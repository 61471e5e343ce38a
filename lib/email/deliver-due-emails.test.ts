import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outboxEmails, type OutboxEmail } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { backoffMs, deliverDueEmails, LEASE_MS, MAX_ATTEMPTS } from "./deliver-due-emails";
import { enqueueEmail } from "./enqueue-email";
import { startSmtpSink } from "./testing/smtp-sink";
import { createSmtpTransport, type MailTransport } from "./transports";

const STATUS_URL = "https://privacy.example.com/ru/r/token";

async function enqueue(db: TestDatabase["db"], to = "anna@example.com", reference = "DSR-2026-000123"): Promise<OutboxEmail> {
  return db.transaction((tx) =>
    enqueueEmail(tx, {
      template: "acknowledgement",
      locale: "ru",
      to,
      variables: { name: "Анна", reference, requestType: "Доступ к данным", dueDate: "15 мая 2026 г.", statusUrl: STATUS_URL },
    }),
  );
}

async function row(db: TestDatabase["db"], id: string): Promise<OutboxEmail> {
  const [found] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return found!;
}

const later = (ms: number) => new Date(Date.now() + ms);

describe.each(testEngines())("deliverDueEmails on %s", (engine) => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let transport: MailTransport;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startSmtpSink();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.delete(outboxEmails);
  });
  afterEach(() => smtp.reset());

  it("delivers a queued email once, with its Message-ID, Auto-Submitted header and subject", async () => {
    const queued = await enqueue(database.db);
    expect(queued.status).toBe("pending");

    expect(await deliverDueEmails(database.db, transport)).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["anna@example.com"]);
    expect(mail.headers.get("message-id")).toBe(queued.messageId);
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@smart-lift\.kz>$/);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.headers.get("subject")).toBe("Запрос принят [DSR-2026-000123]");
    expect(mail.headers.get("from")).toContain("<info@smart-lift.kz>");
    expect(mail.headers.get("from")).toContain("Либерти Астана");
    expect(mail.headers.get("content-type")).toMatch(/^multipart\/alternative/);

    const sent = await row(database.db, queued.id);
    expect(sent).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    expect(await deliverDueEmails(database.db, transport, { now: later(2 * 3600_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries a 451 after the back-off and then delivers it once", async () => {
    const queued = await enqueue(database.db);
    smtp.replies.push(451);
    const start = new Date(Date.now() + 1000);

    expect(await deliverDueEmails(database.db, transport, { now: start })).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const waiting = await row(database.db, queued.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("451");
    expect(waiting.nextAttemptAt.getTime()).toBe(start.getTime() + backoffMs(1));
    expect(smtp.received).toHaveLength(0);

    // Not due yet: nothing happens before the back-off has passed.
    expect(await deliverDueEmails(database.db, transport, { now: new Date(start.getTime() + backoffMs(1) - 1000) })).toMatchObject({ claimed: 0 });

    const retryAt = new Date(start.getTime() + backoffMs(1) + 1000);
    expect(await deliverDueEmails(database.db, transport, { now: retryAt })).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.headers.get("message-id")).toBe(queued.messageId);
    expect(await row(database.db, queued.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    expect(await deliverDueEmails(database.db, transport, { now: later(2 * 3600_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("a worker that dies after the server took the mail: sent again after the lease, with the same Message-ID", async () => {
    const queued = await enqueue(database.db);
    // This worker hands the mail to the server and then never comes back (it died before recording "sent").
    const dying: MailTransport = { name: "smtp", send: async (email, attachments) => {
      await transport.send(email, attachments);
      await new Promise<never>(() => {});
    } };
    void deliverDueEmails(database.db, dying);
    await expect.poll(() => smtp.received.length).toBe(1);
    // Another worker leaves it alone while the lease holds, then takes it over.
    expect(await deliverDueEmails(database.db, transport, { now: later(LEASE_MS / 2) })).toMatchObject({ claimed: 0 });
    expect(await deliverDueEmails(database.db, transport, { now: later(LEASE_MS + 1_000) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.headers.get("message-id"))).toEqual([queued.messageId, queued.messageId]);
    expect(await row(database.db, queued.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("marks a 550 failed at once and never tries it again", async () => {
    const queued = await enqueue(database.db);
    smtp.replies.push(550);

    expect(await deliverDueEmails(database.db, transport)).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const failed = await row(database.db, queued.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, sentAt: null });
    expect(failed.lastError).toContain("550");

    expect(await deliverDueEmails(database.db, transport, { now: later(24 * 3600_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.dataCommands()).toBe(1);
    expect(smtp.received).toHaveLength(0);
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures`, async () => {
    const queued = await enqueue(database.db);
    smtp.replies.push(...Array.from({ length: MAX_ATTEMPTS }, () => 421));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counts = await deliverDueEmails(database.db, transport, { now: later(attempt * 2 * 3600_000) });
      expect(counts).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
    }
    expect(await row(database.db, queued.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverDueEmails(database.db, transport, { now: later(100 * 3600_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.dataCommands()).toBe(MAX_ATTEMPTS);
  });

  it("never sends the same row twice when two workers run at the same time", async () => {
    const count = 24;
    for (let i = 0; i < count; i++) await enqueue(database.db, `person${i}@example.com`, `DSR-2026-${String(i).padStart(6, "0")}`);
    // Two workers, each with its own connection pool, as two processes would have.
    const other = createSmtpTransport(smtp.url);
    try {
      const claimedBy = [0, 0];
      for (let round = 0; round < count; round++) {
        const results = await Promise.all([
          deliverDueEmails(database.db, transport, { batchSize: 4 }),
          deliverDueEmails(database.db, other, { batchSize: 4 }),
        ]);
        results.forEach((r, worker) => (claimedBy[worker]! += r.claimed));
        if (results.every((r) => r.claimed === 0)) break;
      }
      expect(claimedBy[0]! + claimedBy[1]!).toBe(count);
      // Both really took part: each claimed a share of the rows.
      expect(claimedBy[0]).toBeGreaterThan(0);
      expect(claimedBy[1]).toBeGreaterThan(0);
    } finally {
      other.close?.();
    }
    const ids = smtp.received.map((mail) => mail.headers.get("message-id"));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const rows = await database.db.select().from(outboxEmails);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("treats a refused connection as temporary and loses nothing while the server is down", async () => {
    const queued = await enqueue(database.db);
    const closed = await startSmtpSink();
    await closed.close();
    const unreachable = createSmtpTransport(`${closed.url}?connectionTimeout=2000`);
    try {
      expect(await deliverDueEmails(database.db, unreachable)).toMatchObject({ retried: 1 });
    } finally {
      unreachable.close?.();
    }
    expect(await row(database.db, queued.id)).toMatchObject({ status: "pending", attempts: 1 });
    // Still down at the next attempt, then back: delivered once, with the Message-ID it always had.
    const down = createSmtpTransport(`${closed.url}?connectionTimeout=2000`);
    try {
      expect(await deliverDueEmails(database.db, down, { now: later(backoffMs(1) + 1_000) })).toMatchObject({ retried: 1 });
    } finally {
      down.close?.();
    }
    expect(await deliverDueEmails(database.db, transport, { now: later(backoffMs(1) + backoffMs(2) + 2_000) })).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.headers.get("message-id")).toBe(queued.messageId);
    expect(await row(database.db, queued.id)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("records what was sent and releases the rest at once when the database comes back after being lost mid-batch", async () => {
    const queued = [await enqueue(database.db, "a@example.com"), await enqueue(database.db, "b@example.com"), await enqueue(database.db, "c@example.com")];
    let down = false;
    // The same database, but writes outside a transaction fail while it is "down", as after a lost connection.
    const losing = new Proxy(database.db, {
      get(target, property) {
        if (property === "update" && down) {
          return () => {
            throw Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const start = new Date();
    // The claim goes through, the first mail is sent, then its outcome cannot be written.
    const claimedAndLost = deliverDueEmails(losing, transport, { now: start });
    down = true;
    await expect(claimedAndLost).rejects.toThrow(/CONNECTION_CLOSED/);
    expect(smtp.received).toHaveLength(1);
    for (const email of queued) expect((await row(database.db, email.id)).nextAttemptAt.getTime()).toBe(start.getTime() + LEASE_MS);

    down = false;
    // Seconds later, long before the lease would run out: nothing sent twice, nothing left waiting.
    expect(await deliverDueEmails(losing, transport, { now: new Date(start.getTime() + 5_000) })).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    for (const email of queued) expect(await row(database.db, email.id)).toMatchObject({ status: "sent", attempts: 1 });
  });
});
