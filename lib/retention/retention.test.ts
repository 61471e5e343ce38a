import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  auditLog,
  fileContents,
  files,
  inboundEmails,
  outboxEmails,
  requestAccessTokens,
  requestEvents,
  requestMessages,
  requests,
  verificationChallenges,
  type Request,
} from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { deliverDueEmails } from "@/lib/email/deliver-due-emails";
import { createDatabaseFileStorage } from "@/lib/files/database-storage";
import { createDiskFileStorage } from "@/lib/files/disk-storage";
import { recordStagedFiles, transactionWithStagedFiles } from "@/lib/files/staged-files";
import { fileStorageFor, newStorageKey, type FileStorage, type FileStorageKind } from "@/lib/files/storage";
import { tinyPdf, tinyPng } from "@/lib/files/test-files";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { readFixtureBytes } from "@/lib/inbound/fixtures";
import { ingestEmail } from "@/lib/inbound/ingest-email";
import { completeVerification } from "@/lib/requests/complete-verification";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { fileRequest } from "@/lib/requests/file-request";
import { addInternalNote } from "@/lib/requests/staff/add-internal-note";
import { askRequester } from "@/lib/requests/staff/ask-requester";
import { completeRequest } from "@/lib/requests/staff/complete-request";
import { denyRequest } from "@/lib/requests/staff/deny-request";
import { extendDeadline } from "@/lib/requests/staff/extend-deadline";
import { startRequest } from "@/lib/requests/staff/start-request";
import type { RequestForm } from "@/lib/requests/types";
import { anonymiseExpiredRequests } from "./anonymise-expired-requests";
import { ANONYMISED_TEXT, anonymisedEmail } from "./anonymise-request";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { getLegalHold } from "./get-legal-hold";
import { getRetentionOverview } from "./get-retention-overview";
import { getRetentionPolicy, retentionCutoff, updateRetentionPolicy } from "./retention-policy";
import { setLegalHold } from "./set-legal-hold";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PDF: AcceptedUpload = { filename: "Доверенность Ахметов.pdf", contentType: "application/pdf", sizeBytes: tinyPdf().byteLength, bytes: tinyPdf() };
const PNG: AcceptedUpload = { filename: "selfie-ruslan.png", contentType: "image/png", sizeBytes: tinyPng().byteLength, bytes: tinyPng() };

describe("retentionCutoff", () => {
  it("counts calendar months and years back from now", () => {
    const now = new Date("2029-06-01T00:00:00Z");
    expect(retentionCutoff({ amount: 3, unit: "years" }, now).toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(retentionCutoff({ amount: 18, unit: "months" }, now).toISOString()).toBe("2027-12-01T00:00:00.000Z");
  });
});

async function expectRefusal(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe.each(testEngines())("retention on %s", (engine) => {
  let database: TestDatabase;
  let diskRoot: string;
  let disk: FileStorage;
  let admin: CurrentStaff;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  /** Rules are valid from 2026; everything old happens in February 2026, "now" is June 2029. */
  const t0 = new Date("2026-02-02T05:00:00Z");
  const now = new Date("2029-06-01T00:00:00Z");
  let ip = 0;

  /** The case with everything: on behalf of someone, e-mail in and out, a bounce, files in both storages. */
  const full = {
    id: "",
    name: "Руслан Ахметов",
    email: "ruslan.akhmetov@example.kz",
    phone: "+7 701 555 44 33",
    subjectName: "Алия Ахметова",
    comment: "Мой логин ruslan_a",
    ask: "Пришлите, пожалуйста, свидетельство о рождении Алии.",
    extension: "Ждём выгрузку от подрядчика по делу Ахметовых",
    note: "Звонил Руслан с номера +7 701 555 44 33",
    outcome: "Данные Алии Ахметовой во вложении.",
  };
  /** Closed as long ago, but under legal hold. */
  let heldId = "";
  /** Closed a month ago. */
  let recentId = "";
  /** Filed long ago and still open. */
  let openId = "";
  /** Never verified, expired long ago. */
  let expiredId = "";

  const db = () => database.db;
  const storageFor = (kind: FileStorageKind) => (kind === "disk" ? disk : fileStorageFor(kind));
  const anonymise = (at = now) => anonymiseExpiredRequests(db(), at, { storageFor, batchSize: 2 });

  async function file(form: RequestForm, at: Date, proofOfAuthority: AcceptedUpload[] = []): Promise<string> {
    const filed = await fileRequest(db(), { form, locale: "ru", ip: `198.51.100.${++ip}`, proofOfAuthority, supportingDocuments: [], honeypot: "" }, at);
    if (!filed.ok) throw new Error("filing failed");
    return filed.requestId;
  }

  async function verify(requestId: string, at: Date) {
    await db().transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, requestId));
      await completeVerification(tx, request!, at);
    });
  }

  function accessForm(email: string, name: string, jurisdiction: "KZ" | "GDPR" = "KZ"): RequestForm {
    return { type: "access", name, email, phone: "", jurisdiction, onBehalf: false, subjectName: "", comment: "", consent: true, categories: ["device"], format: "pdf" } as RequestForm;
  }

  async function row(requestId: string): Promise<Request> {
    const [found] = await db().select().from(requests).where(eq(requests.id, requestId));
    return found!;
  }

  async function bytesOf(storage: string, key: string) {
    return storage === "disk" ? disk.get(key) : createDatabaseFileStorage(() => db()).get(key, db());
  }

  /** Every row that belongs to a request, outside the audit log, and the bytes of its files. */
  async function snapshot(requestId: string) {
    const request = await row(requestId);
    const fileRows = await db().select().from(files).where(eq(files.requestId, requestId)).orderBy(asc(files.id));
    const own = await db().select({ id: inboundEmails.id }).from(inboundEmails).where(eq(inboundEmails.requestId, requestId));
    const ownIds = own.map((e) => e.id);
    return {
      request,
      messages: await db().select().from(requestMessages).where(eq(requestMessages.requestId, requestId)).orderBy(asc(requestMessages.id)),
      files: fileRows,
      bytes: await Promise.all(fileRows.map((f) => bytesOf(f.storage, f.storageKey))),
      inbound:
        ownIds.length === 0
          ? []
          : await db()
              .select()
              .from(inboundEmails)
              .where(or(inArray(inboundEmails.id, ownIds), inArray(inboundEmails.duplicateOfId, ownIds)))
              .orderBy(asc(inboundEmails.id)),
      outbox: await db().select().from(outboxEmails).where(eq(outboxEmails.requestId, requestId)).orderBy(asc(outboxEmails.id)),
      tokens: await db().select().from(requestAccessTokens).where(eq(requestAccessTokens.requestId, requestId)).orderBy(asc(requestAccessTokens.id)),
      challenges: await db().select().from(verificationChallenges).where(eq(verificationChallenges.requestId, requestId)).orderBy(asc(verificationChallenges.id)),
      events: await db().select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.id)),
    };
  }

  async function auditRows() {
    return db().select().from(auditLog).orderBy(asc(auditLog.id));
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    diskRoot = await mkdtemp(path.join(tmpdir(), "pd-retention-"));
    disk = createDiskFileStorage(diskRoot);
    await seedDeadlineData(db());
    const make = async (role: CurrentStaff["role"], name: string) => {
      const created = await createStaff(db(), { email: `${role}@privacy-desk.test`, name, role }, SYSTEM_ACTOR);
      return { id: created.id, email: created.email, name: created.name, role: created.role, locale: created.locale };
    };
    admin = await make("admin", "Ada Admin");
    agent = await make("agent", "Arman Agent");
    compliance = await make("compliance", "Cora Compliance");

    // The full case: a GDPR access request filed by a parent, with proof of authority.
    full.id = await file(
      {
        type: "access",
        name: full.name,
        email: full.email,
        phone: full.phone,
        jurisdiction: "GDPR",
        onBehalf: true,
        representativeRelation: "parent_guardian",
        subjectName: full.subjectName,
        comment: full.comment,
        consent: true,
        categories: ["device"],
        format: "pdf",
      } as RequestForm,
      t0,
      [PDF],
    );
    await verify(full.id, t0);
    const verified = await row(full.id);
    await startRequest(db(), { requestId: full.id }, admin, t0);
    await askRequester(db(), { requestId: full.id, message: full.ask }, admin, new Date(t0.getTime() + HOUR));
    await deliverDueEmails(db(), { name: "test", send: async () => {} }, { now: new Date(t0.getTime() + HOUR) });
    const [asked] = await db()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.requestId, full.id), eq(outboxEmails.template, "information_requested")));
    // Their answer by e-mail (with a PDF), the same message delivered a second time, and a bounce.
    const reply = readFixtureBytes("gmail-reply.eml", {
      REPLY_TO: asked!.replyTo!,
      IN_REPLY_TO: asked!.messageId,
      MESSAGE_ID: "<retention-reply@mail.example.kz>",
      FROM: full.email,
      SUBJECT_REF: verified.reference!,
    });
    expect((await ingestEmail(db(), { raw: reply, sourceKey: "webhook:retention-1" }, new Date(t0.getTime() + 2 * HOUR))).status).toBe("processed");
    expect((await ingestEmail(db(), { raw: reply, sourceKey: "webhook:retention-2" }, new Date(t0.getTime() + 2 * HOUR))).status).toBe("duplicate");
    const bounce = readFixtureBytes("dsn-bounce.eml", { ORIGINAL_MESSAGE_ID: asked!.messageId, FROM: full.email, REPLY_TO: asked!.replyTo!, SUBJECT_REF: verified.reference! });
    await ingestEmail(db(), { raw: bounce, sourceKey: "webhook:retention-3" }, new Date(t0.getTime() + 2 * HOUR));
    await extendDeadline(db(), { requestId: full.id, reason: full.extension }, admin, new Date(t0.getTime() + 3 * HOUR));
    await addInternalNote(db(), { requestId: full.id, body: full.note }, admin, new Date(t0.getTime() + 4 * HOUR));
    await transactionWithStagedFiles(db(), [PNG], (tx, staged) => recordStagedFiles(tx, { requestId: full.id, purpose: "supporting_document", uploadedBy: admin.id, files: staged }), disk);
    await completeRequest(db(), { requestId: full.id, note: full.outcome, files: [PDF] }, admin, new Date(t0.getTime() + 5 * HOUR));

    heldId = await file(accessForm("held@example.kz", "Берик Холдов"), t0);
    await verify(heldId, t0);
    await startRequest(db(), { requestId: heldId }, admin, new Date(t0.getTime() + DAY));
    await denyRequest(db(), { requestId: heldId, reason: "no_match", note: "Данных Берика не нашли." }, admin, new Date(t0.getTime() + DAY));

    recentId = await file(accessForm("recent@example.kz", "Гульнар Недавняя"), new Date("2029-04-01T05:00:00Z"));
    await verify(recentId, new Date("2029-04-01T05:00:00Z"));
    await startRequest(db(), { requestId: recentId }, admin, new Date("2029-05-01T05:00:00Z"));
    await denyRequest(db(), { requestId: recentId, reason: "no_match", note: "Данных не нашли." }, admin, new Date("2029-05-01T05:00:00Z"));

    openId = await file(accessForm("open@example.kz", "Олжас Открытый"), t0);
    await verify(openId, t0);
    await startRequest(db(), { requestId: openId }, admin, t0);
    await addInternalNote(db(), { requestId: openId, body: "Ждём ответа от ИТ." }, admin, t0);

    expiredId = await file(accessForm("expired@example.kz", "Ерлан Неподтверждённый"), t0);
    await expireUnverifiedRequests(db(), new Date(t0.getTime() + 15 * DAY));
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
    if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
  });

  it("sets up a case with every kind of personal data", async () => {
    const s = await snapshot(full.id);
    expect(s.request).toMatchObject({ status: "completed", requesterPhone: full.phone, subjectName: full.subjectName, representativeRelation: "parent_guardian" });
    expect(s.request.extensionReason).toBe(full.extension);
    expect(s.messages.map((m) => m.direction).sort()).toEqual(["inbound", "internal", "outbound", "outbound"]);
    expect(new Set(s.files.map((f) => f.storage))).toEqual(new Set(["database", "disk"]));
    expect(s.files.map((f) => f.purpose).sort()).toEqual(["attachment", "data_package", "proof_of_authority", "supporting_document"]);
    expect(s.bytes.every((b) => b !== null && b.byteLength > 0)).toBe(true);
    expect(s.inbound.map((e) => e.status).sort()).toEqual(["duplicate", "processed", "processed"]);
    expect(s.outbox.map((e) => e.status)).toContain("pending");
    expect(s.outbox.map((e) => e.status)).toContain("bounced");
    expect(s.tokens.length).toBeGreaterThan(0);
    expect(s.challenges.length).toBeGreaterThan(0);
    expect(s.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["message_received", "message_sent", "deadline_extended", "email_bounced", "note_added", "completed"]));
    expect((await row(expiredId)).status).toBe("expired");
  });

  it("starts at three years; only admins change the period, within limits, audited", async () => {
    expect(await getRetentionPolicy(db())).toEqual({ amount: 3, unit: "years", updatedAt: null, updatedBy: null });

    await expectRefusal(updateRetentionPolicy(db(), { amount: 5, unit: "years" }, agent), "forbidden");
    await expectRefusal(updateRetentionPolicy(db(), { amount: 5, unit: "years" }, compliance), "forbidden");
    for (const bad of [
      { amount: 0, unit: "years" },
      { amount: 11, unit: "years" },
      { amount: 3, unit: "months" },
      { amount: 1.5, unit: "years" },
      { amount: 2, unit: "weeks" },
    ]) {
      // @ts-expect-error -- periods the form cannot send (a forged post): refused at run time
      await expect(updateRetentionPolicy(db(), bad, admin), JSON.stringify(bad)).rejects.toBeInstanceOf(ZodError);
    }
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "retention.policy_updated"))).toEqual([]);

    const updated = await updateRetentionPolicy(db(), { amount: 10, unit: "years" }, admin);
    expect(updated).toMatchObject({ amount: 10, unit: "years", updatedBy: admin.id });
    expect(await getRetentionPolicy(db())).toMatchObject({ amount: 10, unit: "years", updatedBy: admin.id });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "retention.policy_updated"));
    expect(audit).toMatchObject({ actorType: "staff", actorId: admin.id, entityType: "app_setting", entityId: "retention" });
    expect(audit!.data).toEqual({ before: { amount: 3, unit: "years", isDefault: true }, after: { amount: 10, unit: "years" } });
  });

  it("anonymises nothing while the period is longer than the requests are old", async () => {
    const before = await snapshot(full.id);
    expect(await anonymise()).toBe(0);
    expect(await snapshot(full.id)).toEqual(before);
    await updateRetentionPolicy(db(), { amount: 36, unit: "months" }, admin);
  });

  it("legal holds: compliance officers and admins place them with a reason; agents may not", async () => {
    await expectRefusal(setLegalHold(db(), { requestId: heldId, hold: true, reason: "Иск" }, agent), "forbidden");
    await expect(setLegalHold(db(), { requestId: heldId, hold: true, reason: "  " }, compliance)).rejects.toBeInstanceOf(ZodError);
    await expectRefusal(setLegalHold(db(), { requestId: "00000000-0000-4000-8000-000000000000", hold: true, reason: "Иск" }, compliance), "not_found");
    await expectRefusal(setLegalHold(db(), { requestId: expiredId, hold: true, reason: "Иск" }, compliance), "not_found");
    expect((await row(heldId)).legalHold).toBe(false);

    const placedAt = new Date("2029-05-20T09:00:00Z");
    await setLegalHold(db(), { requestId: heldId, hold: true, reason: "Запрос суда № 2-118/2029" }, compliance, placedAt);
    expect(await getLegalHold(db(), heldId)).toEqual({ legalHold: true, reason: "Запрос суда № 2-118/2029", setAt: placedAt, setByName: compliance.name, anonymisedAt: null });
    const [event] = await db().select().from(requestEvents).where(and(eq(requestEvents.requestId, heldId), eq(requestEvents.kind, "legal_hold_placed")));
    expect(event).toMatchObject({ actorType: "staff", actorId: compliance.id, visibleToRequester: false, data: { reason: "Запрос суда № 2-118/2029" } });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.requestId, heldId), eq(auditLog.action, "request.legal_hold_placed")));
    expect(audit).toMatchObject({ actorType: "staff", actorId: compliance.id });

    await expectRefusal(setLegalHold(db(), { requestId: heldId, hold: true, reason: "Ещё раз" }, admin), "already_on_hold");
    await expectRefusal(setLegalHold(db(), { requestId: openId, hold: false }, admin), "not_on_hold");

    const overview = await getRetentionOverview(db(), admin, now);
    expect(overview).toMatchObject({ policy: { amount: 36, unit: "months" }, updatedByName: admin.name, dueCount: 2, onHoldCount: 1, anonymisedCount: 0 });
    expect(overview.held).toEqual([expect.objectContaining({ id: heldId, reason: "Запрос суда № 2-118/2029", setByName: compliance.name, pastRetention: true })]);
    await expectRefusal(getRetentionOverview(db(), compliance, now), "forbidden");
  });

  it("anonymises exactly the expired requests' personal data, and nothing under legal hold, recent or open", async () => {
    const untouched = { held: await snapshot(heldId), recent: await snapshot(recentId), open: await snapshot(openId) };
    const before = await snapshot(full.id);
    const expiredBefore = await snapshot(expiredId);
    const auditBefore = await auditRows();

    expect(await anonymise()).toBe(2);

    // Untouched, row for row and byte for byte.
    expect({ held: await snapshot(heldId), recent: await snapshot(recentId), open: await snapshot(openId) }).toEqual(untouched);

    const after = await snapshot(full.id);
    // The request: contact details and free text gone; type, dates, status and outcome kept.
    expect(after.request).toEqual({
      ...before.request,
      requesterName: ANONYMISED_TEXT,
      requesterEmail: anonymisedEmail(full.id),
      requesterPhone: null,
      representativeRelation: null,
      subjectName: null,
      details: {},
      outcomeNote: null,
      extensionReason: null,
      replyToken: null,
      anonymisedAt: now,
    });
    // Messages stay as a record of who wrote when, without the words.
    expect(after.messages).toEqual(before.messages.map((m) => ({ ...m, body: "" })));
    // Files: bytes deleted in both storages, names gone, the record of size and checksum kept.
    expect(after.files).toEqual(before.files.map((f) => ({ ...f, filename: ANONYMISED_TEXT, deletedAt: now })));
    expect(after.bytes).toEqual(before.files.map(() => null));
    expect(await db().select().from(fileContents).where(inArray(fileContents.storageKey, before.files.map((f) => f.storageKey)))).toEqual([]);
    // E-mails in (with the duplicate copy) and out: contents and addresses gone, ids and statuses kept.
    expect(after.inbound).toEqual(
      before.inbound.map((e) => ({
        ...e,
        raw: Buffer.alloc(0),
        rawSize: 0,
        fromAddress: null,
        fromName: null,
        toAddresses: [],
        subject: null,
        textBody: null,
        visibleText: null,
        htmlSanitized: null,
        bounce: null,
        error: null,
        resolutionNote: null,
      })),
    );
    expect(after.outbox).toEqual(
      before.outbox.map((e) => ({
        ...e,
        toAddress: "",
        replyTo: null,
        subject: "",
        textBody: "",
        htmlBody: "",
        headers: {},
        lastError: null,
        bounceDetail: null,
        status: e.status === "pending" ? "failed" : e.status,
      })),
    );
    expect(after.tokens).toEqual([]);
    expect(after.challenges).toEqual([]);
    // The timeline keeps every event; free text and addresses leave their data, the rest stays.
    const scrubbed: Record<string, string[]> = { message_received: ["from"], message_sent: ["subject"], deadline_extended: ["reason"], email_bounced: ["to", "detail"] };
    expect(after.events.slice(0, before.events.length)).toEqual(
      before.events.map((e) => ({ ...e, data: Object.fromEntries(Object.entries(e.data).filter(([key]) => !(scrubbed[e.kind] ?? []).includes(key))) })),
    );
    expect(before.events.find((e) => e.kind === "deadline_extended")!.data).toHaveProperty("to");
    expect(after.events.at(-1)).toMatchObject({ kind: "anonymised", actorType: "system", visibleToRequester: false });

    // Nothing personal is left anywhere outside the audit log.
    const left = JSON.stringify(after).toLowerCase();
    for (const text of [full.name, full.email, full.phone, full.subjectName, full.comment, full.ask, full.extension, full.note, full.outcome, "Ахметов", "Кабанбай", "aigerim.nurlanova@corp.example.kz", PDF.filename, PNG.filename]) {
      expect(left, text).not.toContain(text.toLowerCase());
    }

    // The expired, never verified request: its contact details and verification code go too.
    const expiredAfter = await snapshot(expiredId);
    expect(expiredAfter.request).toMatchObject({ status: "expired", type: "access", requesterName: ANONYMISED_TEXT, requesterEmail: anonymisedEmail(expiredId), details: {}, anonymisedAt: now });
    expect(expiredAfter.request.createdAt).toEqual(expiredBefore.request.createdAt);
    expect(expiredBefore.challenges).toHaveLength(1);
    expect(expiredAfter.challenges).toEqual([]);

    // The audit log: every earlier row exactly as it was, one "request.anonymised" per request with counts only, chain intact.
    const auditAfter = await auditRows();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    const added = auditAfter.slice(auditBefore.length);
    expect(added.map((a) => [a.action, a.actorType, a.requestId]).sort()).toEqual(
      [
        ["request.anonymised", "system", full.id],
        ["request.anonymised", "system", expiredId],
      ].sort(),
    );
    const fullAudit = added.find((a) => a.requestId === full.id)!;
    expect(fullAudit.data).toEqual({ messages: 4, files: 4, inboundEmails: 3, outboxEmails: before.outbox.length, accessTokens: before.tokens.length, verificationChallenges: 1, events: before.events.filter((e) => e.kind in scrubbed).length });
    await sealAuditLog(db(), { wait: true });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: auditAfter.length, pending: 0 });
  });

  it("a second run finds nothing more to do", async () => {
    const before = { full: await snapshot(full.id), held: await snapshot(heldId) };
    const audit = await auditRows();
    expect(await anonymise()).toBe(0);
    expect({ full: await snapshot(full.id), held: await snapshot(heldId) }).toEqual(before);
    expect(await auditRows()).toEqual(audit);
  });

  it("refuses a hold on an anonymised request; once a hold is lifted, retention goes ahead", async () => {
    await expectRefusal(setLegalHold(db(), { requestId: full.id, hold: true, reason: "Поздно" }, compliance), "anonymised");
    await expectRefusal(setLegalHold(db(), { requestId: heldId, hold: false }, agent), "forbidden");

    await setLegalHold(db(), { requestId: heldId, hold: false, reason: "Дело закрыто" }, admin);
    expect(await getLegalHold(db(), heldId)).toEqual({ legalHold: false, reason: null, setAt: null, setByName: null, anonymisedAt: null });
    const [lifted] = await db().select().from(requestEvents).where(and(eq(requestEvents.requestId, heldId), eq(requestEvents.kind, "legal_hold_lifted")));
    expect(lifted).toMatchObject({ actorType: "staff", actorId: admin.id, visibleToRequester: false });

    expect(await anonymise()).toBe(1);
    const held = await snapshot(heldId);
    expect(held.request).toMatchObject({ requesterName: ANONYMISED_TEXT, status: "denied", denialReason: "no_match", outcomeNote: null, anonymisedAt: now });
    // The reasons are staff's free text: they leave the timeline (the audit log keeps its copy).
    expect(held.events.filter((e) => e.kind.startsWith("legal_hold_")).map((e) => [e.kind, e.data])).toEqual([
      ["legal_hold_placed", {}],
      ["legal_hold_lifted", { placedAt: "2029-05-20T09:00:00.000Z" }],
    ]);
    expect((await getRetentionOverview(db(), admin, now)).anonymisedCount).toBe(3);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("a request that cannot be anonymised is rolled back and retried later; the others go ahead", async () => {
    const broken = await file(accessForm("broken@example.kz", "Бауыржан Сломанный"), t0);
    await verify(broken, t0);
    await startRequest(db(), { requestId: broken }, admin, new Date(t0.getTime() + DAY));
    await denyRequest(db(), { requestId: broken, reason: "no_match", note: "Нет данных." }, admin, new Date(t0.getTime() + DAY));
    // A file in a storage this installation does not know.
    await db().insert(files).values({ requestId: broken, purpose: "attachment", filename: "scan.pdf", contentType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storage: "tape", storageKey: newStorageKey(), uploadedBy: "requester" });
    const good = await file(accessForm("good@example.kz", "Гаухар Обычная"), t0);
    await verify(good, t0);
    await startRequest(db(), { requestId: good }, admin, new Date(t0.getTime() + DAY));
    await denyRequest(db(), { requestId: good, reason: "no_match", note: "Нет данных." }, admin, new Date(t0.getTime() + DAY));
    const before = await snapshot(broken);

    expect(await anonymise()).toBe(1);
    expect((await row(good)).anonymisedAt).toEqual(now);
    expect(await snapshot(broken)).toEqual(before);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
