import { eq } from "drizzle-orm";
import { accessRequestForm } from "@/lib/requests/testing";
import PostalMime from "postal-mime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { files, outboxEmails, requestEvents, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import { deliverDueEmails } from "@/lib/email/deliver-due-emails";
import { getDevMailboxEmail } from "@/lib/email/dev-mailbox";
import { startSmtpSink } from "@/lib/email/testing/smtp-sink";
import { createSmtpTransport, type MailTransport } from "@/lib/email/transports";
import { readRequestFile } from "@/lib/files/read-request-file";
import { getFileStorage } from "@/lib/files/storage";
import { tinyPdf, tinyPng, windowsExecutable } from "@/lib/files/test-files";
import { validateUploads, type AcceptedUpload } from "@/lib/files/upload-rules";
import { completeVerification } from "@/lib/requests/complete-verification";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { fileRequest } from "@/lib/requests/file-request";
import { getRequestStatus } from "@/lib/requests/get-request-status";
import { getStaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestForm } from "@/lib/requests/types";
import { anonymiseRequest } from "@/lib/retention/anonymise-request";
import { sendStaffReply } from "./send-staff-reply";
import type { StaffActor } from "./templates";

// A weekday morning in Almaty; each step a minute after the one before.
const T0 = new Date("2026-11-23T05:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let counter = 0;
const accessForm = (): RequestForm => accessRequestForm(`attachments${++counter}@example.kz`);

async function accepted(...uploads: { name: string; bytes: Uint8Array }[]): Promise<AcceptedUpload[]> {
  const result = await validateUploads(uploads);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.files;
}

describe.each(testEngines())("a staff reply's attachments on %s", (engine) => {
  let database: TestDatabase;
  let agent: StaffActor;
  let agentAsStaff: Parameters<typeof getStaffRequestView>[2];
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let transport: MailTransport;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
    const created = await createStaff(database.db, { email: "asel.agent@desk.test", name: "Asel Agent", role: "agent" }, SYSTEM_ACTOR);
    agent = { id: created.id, role: created.role };
    agentAsStaff = { id: created.id, email: "asel.agent@desk.test", name: "Asel Agent", role: created.role, locale: "ru" };
    smtp = await startSmtpSink();
    transport = createSmtpTransport(smtp.url);
  });
  afterEach(() => smtp.reset());
  afterAll(async () => {
    transport?.close?.();
    await smtp?.close();
    await database?.drop();
  });

  /** A verified request, its status-page token, and the outbox emptied of its verification mail. */
  async function verifiedRequest() {
    const filed = await fileRequest(database.db, { form: accessForm(), locale: "ru", ip: "203.0.113.9", proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, T0);
    if (!filed.ok) throw new Error("filing failed");
    const statusUrl = await database.db.transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, filed.requestId));
      return (await completeVerification(tx, request!, T0)).statusUrl;
    });
    await deliverDueEmails(database.db, transport);
    smtp.reset();
    return { requestId: filed.requestId, token: statusUrl.split("/r/")[1]! };
  }

  async function reply(requestId: string, attachments: AcceptedUpload[], minute: number) {
    return sendStaffReply(database.db, { requestId, body: "Высылаем выписку.", loadedAt: at(minute), lastSeenMessageId: null, attachments }, agent, at(minute));
  }

  it("e-mails the files with the reply, and shows them on the message for staff and on the status page", async () => {
    const { requestId, token } = await verifiedRequest();
    const pdf = tinyPdf();
    const png = tinyPng(3, 2);
    // The browser's names are cleaned and follow the detected type (the PNG was sent as .pdf).
    const sent = await reply(requestId, await accepted({ name: "выписка.pdf", bytes: pdf }, { name: "screen.pdf", bytes: png }), 2);
    expect(sent.fileIds).toHaveLength(2);

    const saved = await database.db.select().from(files).where(eq(files.messageId, sent.messageId));
    expect(saved.map((file) => [file.purpose, file.contentType, file.uploadedBy, file.requestId]).sort()).toEqual([
      ["attachment", "application/pdf", agent.id, requestId],
      ["attachment", "image/png", agent.id, requestId],
    ]);
    const [event] = await database.db.select().from(requestEvents).where(eq(requestEvents.kind, "message_sent"));
    expect((event!.data as { files?: string[] }).files?.sort()).toEqual([...sent.fileIds].sort());
    const status = await getRequestStatus(database.db, token, at(3));
    expect(status.ok && status.view.messages.find((m) => m.id === sent.messageId)?.files.map((f) => f.filename).sort()).toEqual(["screen.png", "выписка.pdf"]);
    const mailbox = await getDevMailboxEmail(database.db, sent.outboxEmailId);
    expect(mailbox?.attachments.map((file) => file.contentType).sort()).toEqual(["application/pdf", "image/png"]);

    // The mail the SMTP server received carries both files, byte for byte, with their names and types.
    expect(await deliverDueEmails(database.db, transport)).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const parsed = await PostalMime.parse(smtp.received[0]!.raw);
    expect(parsed.text?.trim()).toContain("Высылаем выписку.");
    const attachments = parsed.attachments.map((a) => ({ filename: a.filename, mimeType: a.mimeType, bytes: Buffer.from(a.content as ArrayBuffer) }));
    attachments.sort((a, b) => a.mimeType.localeCompare(b.mimeType));
    expect(attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ["выписка.pdf", "application/pdf"],
      ["screen.png", "image/png"],
    ]);
    expect(attachments[0]!.bytes.equals(Buffer.from(pdf))).toBe(true);
    expect(attachments[1]!.bytes.equals(Buffer.from(png))).toBe(true);
  });

  it("keeps the files in the order they were attached, not by name, on the thread, the status page and in the mail", async () => {
    const { requestId, token } = await verifiedRequest();
    // Saved in one transaction, so the rows share created_at: only their position keeps this order.
    const order = ["zapros.pdf", "akt.png", "mezhdu.pdf"];
    const sent = await reply(requestId, await accepted({ name: order[0]!, bytes: tinyPdf() }, { name: order[1]!, bytes: tinyPng(2, 2) }, { name: order[2]!, bytes: tinyPdf() }), 2);
    const rows = await database.db.select().from(files).where(eq(files.messageId, sent.messageId));
    expect(new Set(rows.map((file) => file.createdAt.getTime())).size).toBe(1);

    const staffView = await getStaffRequestView(database.db, { requestId }, agentAsStaff, at(3));
    expect(staffView.messages.find((m) => m.id === sent.messageId)?.files.map((f) => f.filename)).toEqual(order);
    expect(staffView.files.map((f) => f.filename)).toEqual(order);
    const status = await getRequestStatus(database.db, token, at(3));
    expect(status.ok && status.view.messages.find((m) => m.id === sent.messageId)?.files.map((f) => f.filename)).toEqual(order);
    expect((await getDevMailboxEmail(database.db, sent.outboxEmailId))?.attachments.map((file) => file.filename)).toEqual(order);
    await deliverDueEmails(database.db, transport);
    expect((await PostalMime.parse(smtp.received[0]!.raw)).attachments.map((a) => a.filename)).toEqual(order);
  });

  it("a reply without files is a mail without attachments", async () => {
    const { requestId } = await verifiedRequest();
    await reply(requestId, [], 2);
    await deliverDueEmails(database.db, transport);
    expect(smtp.received).toHaveLength(1);
    expect((await PostalMime.parse(smtp.received[0]!.raw)).attachments).toEqual([]);
  });

  it("refuses a file by its content before anything is written; over five files is refused by the schema", async () => {
    expect((await validateUploads([{ name: "invoice.pdf", bytes: windowsExecutable() }])).ok).toBe(false);
    const { requestId } = await verifiedRequest();
    const six = await accepted(...Array.from({ length: 5 }, (_, i) => ({ name: `${i}.pdf`, bytes: tinyPdf() })));
    await expect(reply(requestId, [...six, six[0]!], 2)).rejects.toThrow();
    expect(await database.db.select().from(files).where(eq(files.requestId, requestId))).toEqual([]);
  });

  it("a file whose bytes went missing fails the mail for good instead of sending it without the file", async () => {
    const { requestId } = await verifiedRequest();
    const sent = await reply(requestId, await accepted({ name: "a.pdf", bytes: tinyPdf() }), 2);
    const [file] = await database.db.select().from(files).where(eq(files.id, sent.fileIds[0]!));
    await getFileStorage().delete(file!.storageKey, database.db);
    expect(await deliverDueEmails(database.db, transport)).toMatchObject({ sent: 0, failed: 1 });
    expect(smtp.received).toHaveLength(0);
    const [email] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.id, sent.outboxEmailId));
    expect(email!.lastError).toContain("attachment");
  });

  it("anonymisation removes the reply's files like the request's other files", async () => {
    const { requestId } = await verifiedRequest();
    const sent = await reply(requestId, await accepted({ name: "выписка.pdf", bytes: tinyPdf() }), 2);
    await deliverDueEmails(database.db, transport);
    await database.db.update(requests).set({ status: "completed", closedAt: at(4) }).where(eq(requests.id, requestId));

    const counts = await database.db.transaction((tx) => anonymiseRequest(tx, { requestId, closedBefore: at(5), now: at(6) }));
    expect(counts).not.toBeNull();
    const [file] = await database.db.select().from(files).where(eq(files.id, sent.fileIds[0]!));
    expect(file!.deletedAt).not.toBeNull();
    expect(file!.filename).not.toContain("выписка");
    expect(await readRequestFile(database.db, { requestId, fileId: file!.id })).toBeNull();
    expect(await getFileStorage().get(file!.storageKey, database.db)).toBeNull();
    expect((await getDevMailboxEmail(database.db, sent.outboxEmailId))?.attachments).toEqual([]);
  });
});
