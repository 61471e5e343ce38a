import { randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, INBOUND_KINDS, INBOUND_STATUSES, inboundEmails, outboxEmails, requestMessages, type InboundStatus, type Request } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { listQueue } from "@/lib/requests/list-queue";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { getStaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { fileVerifiedRequest } from "@/lib/requests/testing";
import { attachInboundEmail } from "./attach-inbound-email";
import { countInboundNeedingAttention } from "./count-inbound-needing-attention";
import { dismissInboundEmail } from "./dismiss-inbound-email";
import { getInboundEmail } from "./get-inbound-email";
import { INBOUND_KIND_CODES, INBOUND_STATUS_CODES } from "./inbound-staff-schemas";
import { listInboundEmails } from "./list-inbound-emails";
import { AUTO_REPLY_CHANNEL } from "./message-channels";
import { processInboundEmail } from "./process-inbound-email";
import { readInboundRaw } from "./read-inbound-raw";
import { retryInboundEmail } from "./retry-inbound-email";

let counter = 0;

/** A simple RFC 822 message from someone no rule can tie to a request (unknown sender, no reference, no thread). */
function rawEmail({ from = "stranger@example.org", subject = "Вопрос про мои данные", body = "Здравствуйте! Это Айгерим, пишу с рабочей почты.", headers = [] as string[] } = {}): Buffer {
  const lines = [
    `From: Someone <${from}>`,
    "To: info@smart-lift.kz",
    `Subject: ${subject}`,
    `Message-ID: <staff-test-${++counter}-${randomUUID()}@mail.example.org>`,
    "Date: Mon, 23 Nov 2026 10:00:00 +0500",
    ...headers,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/** A reply with one attachment the portal refuses (an executable named .pdf). */
function rawWithBadAttachment(): Buffer {
  const exe = Buffer.alloc(256);
  exe.write("MZ", 0, "latin1");
  exe.write("This program cannot be run in DOS mode.", 78, "latin1");
  const lines = [
    "From: Someone <stranger@example.org>",
    "To: info@smart-lift.kz",
    "Subject: Документы",
    `Message-ID: <staff-test-${++counter}-${randomUUID()}@mail.example.org>`,
    "Date: Mon, 23 Nov 2026 10:05:00 +0500",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Прикладываю счёт.",
    "--b1",
    'Content-Type: application/pdf; name="invoice.pdf"',
    'Content-Disposition: attachment; filename="invoice.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    exe.toString("base64"),
    "--b1--",
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/** Bytes that are no e-mail at all: processing fails on them. */
const GARBAGE = Buffer.from("\u0000\u0001 this is not an e-mail \u0002", "latin1");

async function expectInboundError(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("inbound mail codes for the browser", () => {
  it("repeat the schema's statuses and kinds", () => {
    expect([...INBOUND_STATUS_CODES]).toEqual([...INBOUND_STATUSES]);
    expect([...INBOUND_KIND_CODES]).toEqual([...INBOUND_KINDS]);
  });
});

describe.each(testEngines())("staff handling of inbound mail on %s", (engine) => {
  let database: TestDatabase;
  let admin: CurrentStaff;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  let request: Request;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(db());
    const make = async (role: CurrentStaff["role"], name: string) => {
      const row = await createStaff(db(), { email: `${role}@privacy-desk.test`, name, role }, SYSTEM_ACTOR);
      return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
    };
    admin = await make("admin", "Ada Admin");
    agent = await make("agent", "Arman Agent");
    compliance = await make("compliance", "Cora Compliance");
    ({ request } = await fileVerifiedRequest(db(), { email: "aigerim@example.kz" }));
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  /** Stores a message as an adapter would and processes it. */
  async function receive(raw: Buffer): Promise<{ id: string; status: InboundStatus }> {
    const [row] = await db()
      .insert(inboundEmails)
      .values({ sourceKey: `test:${randomUUID()}`, raw, rawSize: raw.byteLength })
      .returning({ id: inboundEmails.id });
    return { id: row!.id, status: await processInboundEmail(db(), row!.id) };
  }

  /** A stored message marked failed by hand, as if processing had crashed before parsing. */
  async function failedByHand(raw: Buffer): Promise<string> {
    const [row] = await db()
      .insert(inboundEmails)
      .values({ sourceKey: `test:${randomUUID()}`, raw, rawSize: raw.byteLength, status: "failed", error: "database went away", attempts: 1 })
      .returning({ id: inboundEmails.id });
    return row!.id;
  }

  async function inbound(id: string) {
    const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.id, id));
    return row!;
  }

  async function audits(entityId: string) {
    return db().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));
  }

  async function messageCount(requestId: string) {
    const [row] = await db().select({ n: count() }).from(requestMessages).where(eq(requestMessages.requestId, requestId));
    return row!.n;
  }

  it("an agent attaches an unmatched reply by its reference typed in lower case: the requester's message is on the request, audited", async () => {
    const { id, status } = await receive(rawEmail({ body: "Здравствуйте! Это Айгерим, пишу с рабочей почты.\n\n> Старое письмо\n> с цитатой" }));
    expect(status).toBe("unmatched");
    const before = await messageCount(request.id);

    const attached = await attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference!.toLowerCase(), note: "  Та же заявительница, рабочий адрес.  " }, agent);
    expect(attached).toMatchObject({ requestId: request.id, reference: request.reference });
    expect(attached.requestMessageId).toBeTruthy();

    const row = await inbound(id);
    expect(row).toMatchObject({
      status: "attached",
      requestId: request.id,
      requestMessageId: attached.requestMessageId,
      matchedBy: "staff",
      resolvedById: agent.id,
      resolutionNote: "Та же заявительница, рабочий адрес.",
    });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(await messageCount(request.id)).toBe(before + 1);
    const [message] = await db().select().from(requestMessages).where(eq(requestMessages.id, attached.requestMessageId!));
    expect(message).toMatchObject({ direction: "inbound", authorType: "requester", channel: "email" });
    expect(message!.body).toContain("пишу с рабочей почты");

    const trail = await audits(id);
    expect(trail.map((a) => a.action)).toEqual(["inbound_email.processed", "inbound_email.attached"]);
    expect(trail[1]).toMatchObject({ actorType: "staff", actorId: agent.id, requestId: request.id, entityType: "inbound_email" });
    expect(trail[1]!.data).toMatchObject({ reference: request.reference, kind: "reply", previousStatus: "unmatched" });
    const onRequest = await db().select().from(auditLog).where(eq(auditLog.requestId, request.id)).orderBy(asc(auditLog.id));
    const received = onRequest.find((a) => a.action === "request.message_received" && a.data.inboundEmailId === id);
    expect(received?.data).toMatchObject({ channel: "email", matchedBy: "staff", from: "stranger@example.org", fromOtherAddress: true });
    const tied = onRequest.find((a) => a.action === "request.inbound_email_attached");
    expect(tied).toMatchObject({ actorType: "staff", actorId: agent.id });
    expect(tied!.data).toMatchObject({ inboundEmailId: id, messageId: attached.requestMessageId });
    expect((await verifyAuditChain(db())).ok).toBe(true);

    // The request page shows it as an e-mail from another address, with the whole original text.
    const view = await getStaffRequestView(db(), { requestId: request.id }, agent);
    const shown = view.messages.find((m) => m.id === attached.requestMessageId);
    expect(shown?.inbound).toMatchObject({ inboundEmailId: id, from: "stranger@example.org", fromOtherAddress: true, rejectedAttachments: [] });
    expect(shown?.inbound?.fullText).toContain("> Старое письмо");
    expect(shown?.body).not.toContain("Старое письмо");
  });

  it("attachments the portal refuses are named on the message with their reason", async () => {
    const { id } = await receive(rawWithBadAttachment());
    const attached = await attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference! }, admin);
    const view = await getStaffRequestView(db(), { requestId: request.id }, admin);
    const shown = view.messages.find((m) => m.id === attached.requestMessageId);
    expect(shown?.inbound?.rejectedAttachments).toEqual([{ name: "invoice.pdf", code: "bad_type" }]);
    expect(shown?.files).toEqual([]);
    expect((await inbound(id)).resolutionNote).toBeNull();
  });

  it("an auto-reply is tied to the request (reference without DSR-); its text goes on the thread as an automatic reply", async () => {
    const { id, status } = await receive(rawEmail({ subject: "Автоответ: нет на месте", body: "Я в отпуске до понедельника.", headers: ["Auto-Submitted: auto-replied"] }));
    expect(status).toBe("unmatched");
    expect((await inbound(id)).kind).toBe("auto_reply");
    const before = await messageCount(request.id);
    const attached = await attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference!.replace(/^DSR-/, "") }, agent);
    expect(attached.requestMessageId).not.toBeNull();
    expect(await inbound(id)).toMatchObject({ status: "attached", requestId: request.id, requestMessageId: attached.requestMessageId, matchedBy: "staff" });
    expect(await messageCount(request.id)).toBe(before + 1);
    const [message] = await db().select().from(requestMessages).where(eq(requestMessages.id, attached.requestMessageId!));
    expect(message).toMatchObject({ channel: AUTO_REPLY_CHANNEL, body: "Я в отпуске до понедельника." });
  });

  it("a failed message whose bytes parse now can be attached: what parsing found is written on the row", async () => {
    const id = await failedByHand(rawEmail({ subject: "Ответ после сбоя", body: "Повторяю свой ответ." }));
    expect((await inbound(id)).fromAddress).toBeNull();
    const attached = await attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference! }, agent);
    const row = await inbound(id);
    expect(row).toMatchObject({ status: "attached", fromAddress: "stranger@example.org", subject: "Ответ после сбоя", kind: "reply", error: null, requestMessageId: attached.requestMessageId });
    expect(row.messageId).toMatch(/^<staff-test-/);
    expect(row.textBody).toContain("Повторяю свой ответ.");
  });

  it("a failed copy of a message already stored is not attached a second time", async () => {
    const raw = rawEmail({ subject: "Дважды доставлено" });
    const original = await receive(raw);
    expect(original.status).toBe("unmatched");
    const copy = await failedByHand(raw);
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: copy, reference: request.reference! }, agent), "duplicate");
    expect(await inbound(copy)).toMatchObject({ status: "failed", messageId: null, requestId: null });
  });

  it("refuses what it cannot attach: unknown reference, wrong status, unreadable bytes, no such e-mail, compliance", async () => {
    const { id } = await receive(rawEmail());
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: id, reference: "DSR-1999-000001" }, agent), "unknown_reference");
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: id, reference: "not a reference" }, agent), "unknown_reference");
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: randomUUID(), reference: request.reference! }, agent), "not_found");
    await expect(attachInboundEmail(db(), { inboundEmailId: id, reference: "" }, agent)).rejects.toMatchObject({ fieldErrors: { reference: "required" } });
    await expect(attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference! }, compliance)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await inbound(id)).toMatchObject({ status: "unmatched", requestId: null, resolvedById: null });
    expect((await audits(id)).map((a) => a.action)).toEqual(["inbound_email.processed"]);

    const garbage = await receive(GARBAGE);
    expect(garbage.status).toBe("failed");
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: garbage.id, reference: request.reference! }, agent), "unparseable");
    expect((await inbound(garbage.id)).status).toBe("failed");
    // Unreadable and already dismissed: what stops it is that it was handled, not its bytes.
    await dismissInboundEmail(db(), { inboundEmailId: garbage.id, reason: "Спам" }, agent);
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: garbage.id, reference: request.reference! }, agent), "wrong_status");

    // Already attached: a second attach (a double click, a colleague) changes nothing.
    const again = await receive(rawEmail());
    await attachInboundEmail(db(), { inboundEmailId: again.id, reference: request.reference! }, agent);
    const count = await messageCount(request.id);
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: again.id, reference: request.reference! }, admin), "wrong_status");
    expect(await messageCount(request.id)).toBe(count);
  });

  it("dismissing needs a reason (1–500 characters), records it, and only applies to unmatched or failed mail", async () => {
    const { id } = await receive(rawEmail({ subject: "Скидки недели!" }));
    await expect(dismissInboundEmail(db(), { inboundEmailId: id, reason: "   " }, agent)).rejects.toMatchObject({ fieldErrors: { reason: "required" } });
    await expect(dismissInboundEmail(db(), { inboundEmailId: id, reason: "x".repeat(501) }, agent)).rejects.toMatchObject({ name: "AppError", code: "invalid" });
    await expect(dismissInboundEmail(db(), { inboundEmailId: id, reason: "Рассылка" }, compliance)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect((await inbound(id)).status).toBe("unmatched");

    await dismissInboundEmail(db(), { inboundEmailId: id, reason: " Рекламная рассылка " }, agent);
    expect(await inbound(id)).toMatchObject({ status: "dismissed", resolvedById: agent.id, resolutionNote: "Рекламная рассылка" });
    const trail = await audits(id);
    expect(trail.at(-1)).toMatchObject({ action: "inbound_email.dismissed", actorType: "staff", actorId: agent.id });
    expect(trail.at(-1)!.data).toMatchObject({ reason: "Рекламная рассылка", previousStatus: "unmatched" });

    await expectInboundError(dismissInboundEmail(db(), { inboundEmailId: id, reason: "Ещё раз" }, agent), "wrong_status");
    await expectInboundError(attachInboundEmail(db(), { inboundEmailId: id, reference: request.reference! }, agent), "wrong_status");

    const failed = await receive(GARBAGE);
    await dismissInboundEmail(db(), { inboundEmailId: failed.id, reason: "Мусор" }, admin);
    expect((await inbound(failed.id)).status).toBe("dismissed");
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("retry processes a failed message again and says where it ended up; only failed mail, only agents and admins", async () => {
    const parseable = await failedByHand(rawEmail({ subject: "После сбоя базы" }));
    await expect(retryInboundEmail(db(), { inboundEmailId: parseable }, compliance)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect((await inbound(parseable)).status).toBe("failed");
    expect(await retryInboundEmail(db(), { inboundEmailId: parseable }, agent)).toBe("unmatched");
    expect(await inbound(parseable)).toMatchObject({ status: "unmatched", error: null, attempts: 2, subject: "После сбоя базы" });
    expect((await audits(parseable)).map((a) => [a.action, a.actorType])).toEqual([
      ["inbound_email.retried", "staff"],
      ["inbound_email.processed", "email"],
    ]);
    await expectInboundError(retryInboundEmail(db(), { inboundEmailId: parseable }, agent), "wrong_status");

    // Still unreadable: failed again, with the error kept and the attempt counted.
    const garbage = await receive(GARBAGE);
    expect(await retryInboundEmail(db(), { inboundEmailId: garbage.id }, admin)).toBe("failed");
    const row = await inbound(garbage.id);
    expect(row.attempts).toBe(2);
    expect(row.error).toMatch(/malformed/);
    await expectInboundError(retryInboundEmail(db(), { inboundEmailId: randomUUID() }, admin), "not_found");
  });

  it("a bounced or failed e-mail of a request shows in the queue as a delivery problem and on the request with its detail", async () => {
    const { request: other } = await fileVerifiedRequest(db(), { email: "ivan@example.kz", name: "Иван Петров" });
    const problem = (page: Awaited<ReturnType<typeof listQueue>>, id: string) => page.items.find((item) => item.id === id)?.deliveryProblem;
    let page = await listQueue(db(), {}, agent);
    expect(problem(page, other.id)).toBe(false);

    const [email] = await db().select().from(outboxEmails).where(and(eq(outboxEmails.requestId, other.id), eq(outboxEmails.toAddress, other.requesterEmail)));
    await db()
      .update(outboxEmails)
      .set({ status: "bounced", bouncedAt: new Date(), bounceDetail: "ivan@example.kz — 5.1.1 — user unknown" })
      .where(eq(outboxEmails.id, email!.id));
    page = await listQueue(db(), {}, agent);
    expect(problem(page, other.id)).toBe(true);
    expect(problem(page, request.id)).toBe(false);

    const view = await getStaffRequestView(db(), { requestId: other.id }, compliance);
    expect(view.emails.find((e) => e.id === email!.id)).toMatchObject({ status: "bounced", bounceDetail: "ivan@example.kz — 5.1.1 — user unknown" });
    await db().update(outboxEmails).set({ status: "failed", lastError: "connection refused" }).where(eq(outboxEmails.id, email!.id));
    expect(problem(await listQueue(db(), {}, agent), other.id)).toBe(true);
  });

  it("the raw bytes are kept exactly as received, for download", async () => {
    const raw = rawEmail({ subject: "Сырое письмо" });
    const { id } = await receive(raw);
    expect(Buffer.compare((await readInboundRaw(db(), id))!, raw)).toBe(0);
    expect(await readInboundRaw(db(), randomUUID())).toBeNull();
    expect(await readInboundRaw(db(), "not-a-uuid")).toBeNull();
    const view = await getInboundEmail(db(), { inboundEmailId: id });
    expect(view).not.toHaveProperty("raw");
    expect(view).toMatchObject({ id, subject: "Сырое письмо", status: "unmatched", request: null });
  });
});

describe.each(testEngines())("the inbound mail list on %s", (engine) => {
  let database: TestDatabase;
  const db = () => database.db;
  const t0 = new Date("2026-11-23T05:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("filters by what needs attention, by one status or none, newest first, page by page, never with the raw bytes", async () => {
    const statuses: InboundStatus[] = ["unmatched", "failed", "processed", "dismissed", "unmatched", "attached", "failed", "duplicate", "unmatched"];
    const ids: string[] = [];
    for (const [index, status] of statuses.entries()) {
      // Three share one received time (to the microsecond): the id breaks the tie and no row is skipped.
      const receivedAt = index < 3 ? new Date(t0.getTime() + 60_000) : new Date(t0.getTime() - index * 60_000);
      const raw = Buffer.from(`Subject: message ${index}\r\n\r\nbody ${index}\r\n`);
      const [row] = await db()
        .insert(inboundEmails)
        .values({ sourceKey: `list:${index}`, raw, rawSize: raw.byteLength, status, receivedAt, subject: `message ${index}`, fromAddress: `sender${index}@example.org` })
        .returning({ id: inboundEmails.id });
      ids.push(row!.id);
    }
    // One more with a microsecond part, which a millisecond Date in the cursor would lose.
    await db().execute(sql`update inbound_emails set received_at = received_at + interval '0.000417 seconds' where id = ${ids[4]!}`);

    const walk = async (status: string, pageSize: number) => {
      const seen: { id: string; receivedAt: Date; status: string }[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await listInboundEmails(db(), { status, cursor }, pageSize);
        for (const item of page.items) {
          expect(item).not.toHaveProperty("raw");
          seen.push(item);
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return seen;
    };

    const attention = await walk("needs_attention", 2);
    expect(new Set(attention.map((i) => i.status))).toEqual(new Set(["unmatched", "failed"]));
    expect(attention.map((i) => i.id).sort()).toEqual(ids.filter((_, index) => ["unmatched", "failed"].includes(statuses[index]!)).sort());
    const everything = await walk("all", 2);
    expect(everything.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(new Set(everything.map((i) => i.id)).size).toBe(ids.length);
    // Newest first.
    const times = everything.map((i) => i.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect((await walk("dismissed", 50)).map((i) => i.id)).toEqual([ids[3]]);
    // The default is what needs attention; a malformed filter or cursor falls back rather than failing.
    expect((await listInboundEmails(db(), {})).filter).toBe("needs_attention");
    expect((await listInboundEmails(db(), { status: "nonsense", cursor: "%%%" })).items).toHaveLength(attention.length);
    // A cursor of the right shape with an impossible date is ignored too, not sent to the database.
    for (const badDate of ["2026-02-30T10:00:00.000000Z", "2026-13-45T25:61:61.000000Z"]) {
      const cursor = Buffer.from(JSON.stringify([badDate, ids[0]])).toString("base64url");
      expect((await listInboundEmails(db(), { cursor })).items).toHaveLength(attention.length);
    }
    expect(await countInboundNeedingAttention(db())).toBe(attention.length);
  });
});
