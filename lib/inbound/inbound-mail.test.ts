import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { files, inboundEmails, outboxEmails, requestEvents, requestMessages, requests, type Request } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { createStaff } from "@/lib/auth/create-staff";
import { deliverDueEmails } from "@/lib/email/deliver-due-emails";
import { startSmtpSink } from "@/lib/email/testing/smtp-sink";
import { createSmtpTransport } from "@/lib/email/transports";
import type { ImapSettings } from "@/lib/env";
import { sendStaffReply } from "@/lib/replies/send-staff-reply";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { assignRequest } from "@/lib/requests/staff/assign-request";
import { askRequester } from "@/lib/requests/staff/ask-requester";
import { startRequest } from "@/lib/requests/staff/start-request";
import { fileVerifiedRequest } from "@/lib/requests/testing";
import { readFixture } from "./fixtures";
import { AUTO_REPLY_CHANNEL } from "./message-channels";
import { pollImapMailbox } from "./poll-imap-mailbox";
import { startDovecot, type DovecotServer } from "./testing/dovecot";

// Subject matching trusts our own mail server's Authentication-Results only (match-inbound-email.ts).
vi.stubEnv("INBOUND_TRUSTED_AUTHSERV_ID", "mx.smart-lift.kz");

/**
 * The inbound path end to end against real servers: mail written the way real clients write it is
 * appended to a real IMAP mailbox (Dovecot), the poller reads it, and each message must end where
 * it should — on its request, as a bounce, as an auto-reply, as a duplicate, unmatched or failed.
 */
describe.each(testEngines())("inbound support mail on %s", (engine) => {
  let database: TestDatabase;
  let dovecot: DovecotServer;
  let imap: ImapSettings;
  let agent: CurrentStaff;
  let request: Request;
  /** Message-ID of the staff e-mail asking the requester for information. */
  let askedMessageId: string;
  let replyAddress: string;
  let counter = 0;

  const db = () => database.db;
  const poll = () => pollImapMailbox(db(), imap);
  const messageId = (label: string) => `<${label}-${++counter}@mail.example.kz>`;

  async function deliver(raw: string | Buffer) {
    await dovecot.appendMessage(raw);
    return poll();
  }

  async function inbound(id: string) {
    const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.messageId, id)).orderBy(asc(inboundEmails.receivedAt));
    return row!;
  }

  async function messagesOn(requestId: string) {
    return db().select().from(requestMessages).where(and(eq(requestMessages.requestId, requestId), eq(requestMessages.direction, "inbound"))).orderBy(asc(requestMessages.createdAt));
  }

  async function currentRequest() {
    const [row] = await db().select().from(requests).where(eq(requests.id, request.id));
    return row!;
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(db());
    dovecot = await startDovecot();
    imap = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password, mailbox: "INBOX" };
    const row = await createStaff(db(), { email: "agent@privacy-desk.test", name: "Arman Agent", role: "agent" }, SYSTEM_ACTOR);
    agent = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };

    ({ request } = await fileVerifiedRequest(db(), { email: "aigerim@example.kz" }));
    await assignRequest(db(), { requestId: request.id, assigneeId: agent.id }, agent);
    await startRequest(db(), { requestId: request.id }, agent);
    await askRequester(db(), { requestId: request.id, message: "Пришлите, пожалуйста, модель телефона." }, agent);
    const [asked] = await db()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.requestId, request.id), eq(outboxEmails.template, "information_requested")));
    askedMessageId = asked!.messageId;
    replyAddress = asked!.replyTo!;
  }, 60_000);

  afterAll(async () => {
    await dovecot?.stop();
    await database?.drop();
  });

  it("mail to the requester carries the request's own reply address", async () => {
    expect(replyAddress).toMatch(/^info\+[a-z2-7]{24}@smart-lift\.kz$/);
    expect((await currentRequest()).status).toBe("awaiting_requester");
  });

  it("a Gmail reply to the reply address lands on the request, trimmed, resumes the clock and tells the assignee", async () => {
    const id = messageId("gmail");
    const counts = await deliver(readFixture("gmail-reply.eml", { REPLY_TO: replyAddress, IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! }));
    expect(counts).toMatchObject({ fetched: 1, ingested: 1 });

    const email = await inbound(id);
    expect(email).toMatchObject({ status: "processed", kind: "reply", matchedBy: "reply_token", requestId: request.id });
    const [message] = await messagesOn(request.id);
    expect(message).toMatchObject({ channel: "email", authorType: "requester", id: email.requestMessageId });
    // Only what they wrote; the quoted history stays in the stored original.
    expect(email.textBody!.length).toBeGreaterThan(message!.body.length);
    expect(message!.body).not.toMatch(/^>/m);

    const after = await currentRequest();
    expect(after.status).toBe("in_progress");
    expect(after.pausedAt).toBeNull();
    const notes = await db().select().from(outboxEmails).where(and(eq(outboxEmails.template, "requester_replied"), eq(outboxEmails.toAddress, agent.email)));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.subject).toContain(request.reference!);
  });

  it("an Outlook reply to the plain support address is matched by its thread", async () => {
    const id = messageId("outlook");
    await deliver(readFixture("outlook-reply.eml", { REPLY_TO: "info@smart-lift.kz", IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! }));
    const email = await inbound(id);
    expect(email).toMatchObject({ status: "processed", kind: "reply", matchedBy: "thread", requestId: request.id });
    const message = (await messagesOn(request.id)).find((m) => m.id === email.requestMessageId)!;
    expect(message.body).not.toMatch(/Отправлено:|From:/);
  });

  it("an Apple Mail reply and a reply with its subject changed are matched by the reply token", async () => {
    for (const fixture of ["apple-mail-reply.eml", "subject-changed.eml"]) {
      const id = messageId("token");
      await deliver(readFixture(fixture, { REPLY_TO: replyAddress, IN_REPLY_TO: "<unknown@elsewhere.example>", MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: "no reference here" }));
      expect(await inbound(id), fixture).toMatchObject({ status: "processed", matchedBy: "reply_token", requestId: request.id });
    }
  });

  it("a reply with In-Reply-To but no References is matched by its thread", async () => {
    const id = messageId("no-references");
    await deliver(readFixture("no-references.eml", { REPLY_TO: "info@smart-lift.kz", IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: "" }));
    const email = await inbound(id);
    expect(email.references).toEqual([]);
    expect(email).toMatchObject({ status: "processed", matchedBy: "thread", requestId: request.id });
  });

  it("the reference in the subject counts only from the requester's own address, verified by our mail server", async () => {
    const fromRequester = messageId("subject");
    const fromStranger = messageId("stranger");
    const unverified = messageId("unverified");
    const verified = "Authentication-Results: mx.smart-lift.kz; spf=pass smtp.mailfrom=example.kz; dmarc=pass header.from=example.kz";
    const plain = (id: string, from: string, auth = verified) =>
      [auth, `From: ${from}`, "To: info@smart-lift.kz", `Subject: Вопрос по ${request.reference}`, `Message-ID: ${id}`, "Content-Type: text/plain; charset=utf-8", "", "Когда будет ответ?", ""].join("\r\n");
    await deliver(plain(fromRequester, "Aigerim <AIGERIM@example.kz>"));
    await deliver(plain(fromStranger, "someone@evil.example"));
    await deliver(plain(unverified, "Aigerim <aigerim@example.kz>", "Authentication-Results: mx.smart-lift.kz; spf=fail; dmarc=fail header.from=example.kz"));
    expect(await inbound(fromRequester)).toMatchObject({ status: "processed", matchedBy: "subject", requestId: request.id });
    expect(await inbound(fromStranger)).toMatchObject({ status: "unmatched", requestId: null, unmatchedReason: null });
    expect(await inbound(unverified)).toMatchObject({ status: "unmatched", requestId: null, unmatchedReason: "sender_not_verified" });
  });

  it("a delivery-status report marks the outgoing e-mail bounced and tells staff on the request", async () => {
    const raw = readFixture("dsn-bounce.eml").replaceAll("<orig-1@smart-lift.kz>", askedMessageId);
    await deliver(raw);
    const [bounced] = await db().select().from(outboxEmails).where(eq(outboxEmails.messageId, askedMessageId));
    expect(bounced).toMatchObject({ status: "bounced" });
    expect(bounced!.bounceDetail).toMatch(/5\.1\.1/);
    const events = await db().select().from(requestEvents).where(and(eq(requestEvents.requestId, request.id), eq(requestEvents.kind, "email_bounced")));
    expect(events).toHaveLength(1);
    expect(events[0]!.visibleToRequester).toBe(false);
  });

  it("an out-of-office reply goes on the thread as an automatic reply and changes nothing else", async () => {
    const before = await currentRequest();
    const messages = (await messagesOn(request.id)).length;
    const id = messageId("ooo");
    await deliver(readFixture("out-of-office.eml", { REPLY_TO: replyAddress, IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! }));
    const email = await inbound(id);
    expect(email).toMatchObject({ status: "processed", kind: "auto_reply", requestId: request.id });
    const after = await messagesOn(request.id);
    expect(after.length).toBe(messages + 1);
    expect(after.find((message) => message.id === email.requestMessageId)).toMatchObject({ channel: AUTO_REPLY_CHANNEL });
    expect((await currentRequest()).statusChangedAt).toEqual(before.statusChangedAt);
  });

  it("the same message delivered twice is applied once", async () => {
    const id = messageId("twice");
    const raw = readFixture("gmail-reply.eml", { REPLY_TO: replyAddress, IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! });
    const messages = (await messagesOn(request.id)).length;
    await deliver(raw);
    await deliver(raw);
    const copies = await db().select().from(inboundEmails).where(eq(inboundEmails.messageId, id)).orderBy(asc(inboundEmails.receivedAt));
    expect(copies.map((c) => c.status)).toEqual(["processed", "duplicate"]);
    expect(copies[1]!.duplicateOfId).toBe(copies[0]!.id);
    expect((await messagesOn(request.id)).length).toBe(messages + 1);
  });

  it("a message without a Message-ID gets a stable made-up one, so a second copy is still a duplicate", async () => {
    const raw = readFixture("no-message-id.eml", { REPLY_TO: replyAddress, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! });
    expect(raw).not.toMatch(/^Message-ID:/im);
    await deliver(raw);
    await deliver(raw);
    const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageIdSynthesized, true)).orderBy(asc(inboundEmails.receivedAt));
    expect(rows.map((r) => r.status)).toEqual(["processed", "duplicate"]);
    expect(rows[0]!.messageId).toMatch(/^<[0-9a-f]{64}@synthesized\.privacy-desk\.invalid>$/);
  });

  it("a malformed message is kept with its error and does not stop the next one", async () => {
    await dovecot.appendMessage(readFixture("malformed.eml"));
    const next = messageId("after-malformed");
    await dovecot.appendMessage(readFixture("no-references.eml", { REPLY_TO: replyAddress, IN_REPLY_TO: askedMessageId, MESSAGE_ID: next, FROM: "aigerim@example.kz", SUBJECT_REF: "" }));
    expect(await poll()).toMatchObject({ fetched: 2, ingested: 2 });
    const [failed] = await db().select().from(inboundEmails).where(eq(inboundEmails.status, "failed"));
    expect(failed!.error).toMatch(/malformed/);
    expect(failed!.raw.byteLength).toBeGreaterThan(0);
    expect(await inbound(next)).toMatchObject({ status: "processed", requestId: request.id });
  });

  it("a 30 MB attachment: the message is kept whole, the reply applied, the oversized file named but not saved", async () => {
    const id = messageId("big");
    const big = Buffer.alloc(30 * 1024 * 1024, 7);
    const raw = [
      "From: aigerim@example.kz",
      `To: ${replyAddress}`,
      `Subject: Re: [${request.reference}] видео`,
      `Message-ID: ${id}`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Видео с экрана приложения во вложении.",
      "--b1",
      'Content-Type: video/mp4; name="screen.mp4"',
      'Content-Disposition: attachment; filename="screen.mp4"',
      "Content-Transfer-Encoding: base64",
      "",
      big.toString("base64").replace(/.{76}/g, "$&\r\n"),
      "--b1--",
      "",
    ].join("\r\n");
    await deliver(raw);
    const email = await inbound(id);
    expect(email).toMatchObject({ status: "processed", requestId: request.id, attachmentCount: 1 });
    expect(email.rawSize).toBe(Buffer.byteLength(raw));
    expect(createHash("sha256").update(email.raw).digest("hex")).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(await db().select().from(files).where(eq(files.messageId, email.requestMessageId!))).toEqual([]);
    const [event] = await db()
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, request.id), eq(requestEvents.kind, "message_received")))
      .orderBy(asc(requestEvents.id))
      .then((rows) => rows.filter((row) => row.data.messageId === email.requestMessageId));
    expect(event!.data.rejectedAttachments).toEqual([{ name: "screen.mp4", code: "too_large" }]);
  }, 120_000);

  it("a restarted poller neither skips nor repeats: nothing new, nothing fetched", async () => {
    const total = await db().$count(inboundEmails);
    expect(await poll()).toMatchObject({ fetched: 0, ingested: 0 });
    const id = messageId("after-restart");
    expect(await deliver(readFixture("gmail-reply.eml", { REPLY_TO: replyAddress, IN_REPLY_TO: askedMessageId, MESSAGE_ID: id, FROM: "aigerim@example.kz", SUBJECT_REF: request.reference! }))).toMatchObject({ fetched: 1, ingested: 1 });
    expect(await db().$count(inboundEmails)).toBe(total + 1);
  });

  it("the next staff reply threads under the requester's e-mails and goes out with the reply address", async () => {
    const smtp = await startSmtpSink();
    const transport = createSmtpTransport(smtp.url);
    try {
      const reply = await sendStaffReply(db(), { requestId: request.id, body: "Спасибо, получили.", subject: "", lastSeenMessageId: (await messagesOn(request.id)).at(-1)!.id, loadedAt: new Date() }, agent);
      while ((await deliverDueEmails(db(), transport)).claimed > 0);
      const [outbox] = await db().select().from(outboxEmails).where(eq(outboxEmails.id, reply.outboxEmailId));
      const sent = smtp.received.find((mail) => mail.headers.get("message-id") === outbox!.messageId)!;
      expect(sent).toBeDefined();
      const latestInbound = await db()
        .select()
        .from(inboundEmails)
        .where(and(eq(inboundEmails.requestId, request.id), eq(inboundEmails.kind, "reply"), eq(inboundEmails.status, "processed")))
        .orderBy(asc(inboundEmails.receivedAt));
      expect(sent.headers.get("in-reply-to")).toBe(latestInbound.at(-1)!.messageId);
      const references = sent.headers.get("references")!.split(/\s+/);
      expect(references[0]).toBe(askedMessageId);
      expect(references).toContain(latestInbound.at(-1)!.messageId);
      expect(references.length).toBeLessThanOrEqual(10);
      expect(sent.headers.get("reply-to")).toBe(replyAddress);
      expect(sent.headers.get("subject")).toMatch(new RegExp(`^Re: .*\\[${request.reference}\\]$`));
      expect(reply.subject).toBe(sent.headers.get("subject"));
    } finally {
      transport.close?.();
      await smtp.close();
    }
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
