import { and, asc, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, DENIAL_REASONS, outboxEmails, requestEvents, requestMessages, requests, type RequestStatus } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { readRequestFile } from "@/lib/files/read-request-file";
import { fileDownloadResponse } from "@/lib/files/download-response";
import { tinyPdf, tinyZip } from "@/lib/files/test-files";
import { readUploads, type AcceptedUpload } from "@/lib/files/upload-rules";
import type { RequestForm } from "@/lib/requests/types";
import { seedDeadlineData } from "../deadlines/deadline-repository";
import { fileRequest } from "../file-request";
import { getRequestStatus } from "../get-request-status";
import { postRequesterMessage } from "../post-requester-message";
import { verifyRequestByCode } from "../verify-request";
import { addInternalNote } from "./add-internal-note";
import { askRequester } from "./ask-requester";
import { assignRequest } from "./assign-request";
import { completeRequest, DATA_PACKAGE_DAYS } from "./complete-request";
import { denyRequest } from "./deny-request";
import { extendDeadline } from "./extend-deadline";
import { getStaffRequestView } from "./get-staff-request-view";
import { holdRequest } from "./hold-request";
import { reopenRequest } from "./reopen-request";
import { resumeRequest } from "./resume-request";
import { DENIAL_REASON_CODES } from "./schemas";
import { startRequest } from "./start-request";

const HOUR = 3_600_000;
const PDF: AcceptedUpload = { filename: "data-package.pdf", contentType: "application/pdf", sizeBytes: tinyPdf().byteLength, bytes: tinyPdf() };

let counter = 0;
const base = { phone: "", onBehalf: false, subjectName: "", comment: "", consent: true } as const;

type Kind = "access" | "correction" | "deletion";
function form(type: Kind, jurisdiction: "KZ" | "GDPR" | "CCPA" = "KZ"): RequestForm {
  const email = `staff-case-${++counter}@example.kz`;
  const common = { ...base, jurisdiction, name: `Айгерим ${counter}`, email };
  if (type === "access") return { ...common, type, categories: ["device"], format: "pdf" } as RequestForm;
  if (type === "correction") {
    return { ...common, type, corrections: [{ field: "Фамилия", currentValue: "Сериков", correctedValue: "Серікқызы" }] } as RequestForm;
  }
  return { ...common, type, scope: "account", categories: [], accountIdentifier: "+7 701 000 00 00", acknowledgeConsequences: true } as RequestForm;
}

describe("denial reasons", () => {
  it("the browser's copy of DENIAL_REASONS is the schema's", () => {
    expect([...DENIAL_REASON_CODES]).toEqual([...DENIAL_REASONS]);
  });
});

describe.each(testEngines())("staff request actions on %s", (engine) => {
  let database: TestDatabase;
  let admin: CurrentStaff;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  // Monday 23 November 2026, 10:00 in Almaty: due dates are easy to reason about.
  const t0 = new Date("2026-11-23T05:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
    const make = async (role: CurrentStaff["role"], name: string) => {
      const row = await createStaff(database.db, { email: `${role}@privacy-desk.test`, name, role }, SYSTEM_ACTOR);
      return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
    };
    admin = await make("admin", "Ada Admin");
    agent = await make("agent", "Arman Agent");
    compliance = await make("compliance", "Cora Compliance");
  });
  afterAll(async () => {
    await database?.drop();
  });

  const db = () => database.db;

  async function emailsTo(to: string, template: string) {
    return db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, to), eq(outboxEmails.template, template))).orderBy(desc(outboxEmails.createdAt));
  }

  async function fileAndVerify(type: Kind, jurisdiction: "KZ" | "GDPR" | "CCPA" = "KZ", when = t0) {
    const f = form(type, jurisdiction);
    const ip = `198.51.100.${counter % 250}`;
    const filed = await fileRequest(db(), { form: f, locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, when);
    if (!filed.ok) throw new Error("filing failed");
    const [codeEmail] = await emailsTo(f.email, "verification_code");
    const code = /\b(\d{6})\b/.exec(codeEmail?.textBody ?? "")?.[1] ?? "";
    const verified = await verifyRequestByCode(db(), { requestId: filed.requestId, code, ip }, when);
    if (!verified.ok) throw new Error(`verification failed: ${verified.error}`);
    return { requestId: filed.requestId, token: verified.statusUrl.split("/r/")[1]!, email: f.email };
  }

  async function row(requestId: string) {
    const [found] = await db().select().from(requests).where(eq(requests.id, requestId));
    return found!;
  }

  /** A verified request driven by the admin to the given status. */
  async function requestIn(status: RequestStatus, type: Kind = "deletion", jurisdiction: "KZ" | "GDPR" | "CCPA" = "KZ") {
    const filed = await fileAndVerify(type, jurisdiction);
    const id = filed.requestId;
    if (status !== "new") await startRequest(db(), { requestId: id }, admin, t0);
    if (status === "awaiting_requester") await askRequester(db(), { requestId: id, message: "Пришлите, пожалуйста, копию удостоверения." }, admin, t0);
    if (status === "on_hold") await holdRequest(db(), { requestId: id }, admin, t0);
    if (status === "completed") await completeRequest(db(), { requestId: id, note: "Аккаунт удалён.", files: [] }, admin, t0);
    if (status === "denied") await denyRequest(db(), { requestId: id, reason: "no_match", note: "Данных не нашли." }, admin, t0);
    expect((await row(id)).status).toBe(status);
    return filed;
  }

  /** Timeline events and audit rows of a request, to show that a refusal wrote nothing. */
  async function trail(requestId: string) {
    const [events] = await db().select({ n: count() }).from(requestEvents).where(eq(requestEvents.requestId, requestId));
    const [audits] = await db().select({ n: count() }).from(auditLog).where(eq(auditLog.requestId, requestId));
    const [messages] = await db().select({ n: count() }).from(requestMessages).where(eq(requestMessages.requestId, requestId));
    return { events: events!.n, audits: audits!.n, messages: messages!.n };
  }

  async function expectRecorded(requestId: string, kind: string, actor: CurrentStaff) {
    const events = await db().select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, kind)));
    expect(events.map((e) => [e.actorType, e.actorId]), `timeline event ${kind}`).toContainEqual(["staff", actor.id]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.requestId, requestId), eq(auditLog.action, `request.${kind}`)));
    expect(audits.map((a) => [a.actorType, a.actorId]), `audit row request.${kind}`).toContainEqual(["staff", actor.id]);
  }

  type Case = {
    name: string;
    from: RequestStatus;
    /** A status the lifecycle table does not allow this action from (none for notes). */
    wrongFrom: RequestStatus | null;
    type?: Kind;
    jurisdiction?: "KZ" | "GDPR" | "CCPA";
    to: RequestStatus;
    kind: string;
    run: (requestId: string, actor: CurrentStaff) => Promise<unknown>;
  };

  const cases: Case[] = [
    { name: "assignRequest", from: "new", wrongFrom: "completed", to: "new", kind: "assigned", run: (requestId, actor) => assignRequest(db(), { requestId, assigneeId: agent.id }, actor) },
    { name: "startRequest", from: "new", wrongFrom: "in_progress", to: "in_progress", kind: "status_changed", run: (requestId, actor) => startRequest(db(), { requestId }, actor, t0) },
    {
      name: "askRequester",
      from: "in_progress",
      wrongFrom: "new",
      to: "awaiting_requester",
      kind: "message_sent",
      run: (requestId, actor) => askRequester(db(), { requestId, message: "Уточните, пожалуйста, номер телефона." }, actor, t0),
    },
    { name: "holdRequest", from: "in_progress", wrongFrom: "new", to: "on_hold", kind: "status_changed", run: (requestId, actor) => holdRequest(db(), { requestId }, actor, t0) },
    { name: "resumeRequest", from: "on_hold", wrongFrom: "in_progress", to: "in_progress", kind: "status_changed", run: (requestId, actor) => resumeRequest(db(), { requestId }, actor, t0) },
    {
      name: "extendDeadline",
      from: "in_progress",
      wrongFrom: "completed",
      jurisdiction: "GDPR",
      to: "in_progress",
      kind: "deadline_extended",
      run: (requestId, actor) => extendDeadline(db(), { requestId, reason: "Большой объём данных в нескольких системах." }, actor, t0),
    },
    {
      name: "denyRequest",
      from: "in_progress",
      wrongFrom: "completed",
      to: "denied",
      kind: "denied",
      run: (requestId, actor) => denyRequest(db(), { requestId, reason: "insufficient_verification", note: "Не удалось подтвердить личность." }, actor, t0),
    },
    {
      name: "completeRequest",
      from: "in_progress",
      wrongFrom: "denied",
      to: "completed",
      kind: "completed",
      run: (requestId, actor) => completeRequest(db(), { requestId, note: "Аккаунт и связанные данные удалены.", files: [] }, actor, t0),
    },
    { name: "reopenRequest", from: "denied", wrongFrom: "completed", to: "in_progress", kind: "status_changed", run: (requestId, actor) => reopenRequest(db(), { requestId }, actor, t0) },
    { name: "addInternalNote", from: "new", wrongFrom: null, to: "new", kind: "note_added", run: (requestId, actor) => addInternalNote(db(), { requestId, body: "Проверить в CRM." }, actor, t0) },
  ];

  it.each(cases)("$name works from $from for an agent and writes the timeline and the audit log", async (c) => {
    const { requestId } = await requestIn(c.from, c.type, c.jurisdiction);
    const before = await trail(requestId);
    await c.run(requestId, agent);
    expect((await row(requestId)).status).toBe(c.to);
    await expectRecorded(requestId, c.kind, agent);
    const after = await trail(requestId);
    expect(after.events).toBeGreaterThan(before.events);
    expect(after.audits).toBe(after.events);
  });

  it.each(cases.filter((c) => c.wrongFrom !== null))("$name is refused from $wrongFrom, writing nothing", async (c) => {
    const { requestId } = await requestIn(c.wrongFrom!, c.type, c.jurisdiction);
    const before = await trail(requestId);
    await expect(c.run(requestId, agent)).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    expect((await row(requestId)).status).toBe(c.wrongFrom);
    expect(await trail(requestId)).toEqual(before);
  });

  it.each(cases)("$name is refused for the compliance role (read-only), writing nothing", async (c) => {
    const { requestId } = await requestIn(c.from, c.type, c.jurisdiction);
    const before = await trail(requestId);
    await expect(c.run(requestId, compliance)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect((await row(requestId)).status).toBe(c.from);
    expect(await trail(requestId)).toEqual(before);
  });

  it("assigns only to active agents and admins, and can take a request off anyone's desk", async () => {
    const { requestId } = await requestIn("new");
    await expect(assignRequest(db(), { requestId, assigneeId: compliance.id }, admin)).rejects.toMatchObject({ reason: "bad_assignee" });
    await assignRequest(db(), { requestId, assigneeId: admin.id }, admin);
    expect((await row(requestId)).assigneeId).toBe(admin.id);
    await assignRequest(db(), { requestId, assigneeId: null }, admin);
    expect((await row(requestId)).assigneeId).toBeNull();
    await expect(assignRequest(db(), { requestId: "not-a-uuid", assigneeId: null }, admin)).rejects.toMatchObject({ name: "AppError", code: "invalid" });
  });

  it("askRequester pauses a KZ correction's clock; the requester's reply resumes it and moves dueAt by the working days stopped", async () => {
    const { requestId, token, email } = await fileAndVerify("correction", "KZ");
    const verified = await row(requestId);
    // 1 working day from Monday 23 Nov → end of Tuesday 24 Nov in Almaty.
    expect(verified.dueAt?.toISOString()).toBe("2026-11-24T18:59:59.999Z");
    await startRequest(db(), { requestId }, agent, new Date(t0.getTime() + HOUR));
    const askedAt = new Date(t0.getTime() + 2 * HOUR);
    await askRequester(db(), { requestId, message: "Приложите, пожалуйста, скан документа <b>с новой фамилией</b>." }, agent, askedAt);

    const waiting = await row(requestId);
    expect(waiting).toMatchObject({ status: "awaiting_requester", pausedMs: 0 });
    expect(waiting.pausedAt?.toISOString()).toBe(askedAt.toISOString());
    expect(waiting.dueAt?.toISOString()).toBe("2026-11-24T18:59:59.999Z");
    const [asked] = await emailsTo(email, "information_requested");
    expect(asked?.textBody).toContain("Приложите, пожалуйста, скан документа <b>с новой фамилией</b>.");
    expect(asked?.textBody).toMatch(/\/ru\/r\/[A-Za-z0-9_-]{43}/);
    expect(asked?.subject).toContain(verified.reference!);

    // While paused, time left stands still.
    const later = new Date(askedAt.getTime() + 20 * HOUR);
    const frozen = await getStaffRequestView(db(), { requestId }, agent, later);
    expect(frozen.deadline).toMatchObject({ paused: true, msLeft: verified.dueAt!.getTime() - askedAt.getTime(), overdue: false });
    const waitingStatus = await getRequestStatus(db(), token, later);
    expect(waitingStatus.ok && waitingStatus.view.clock).toEqual({ pausedNow: true, stopped: null });

    const repliedAt = new Date(askedAt.getTime() + 26 * HOUR);
    expect(await postRequesterMessage(db(), { token, body: "Скан во вложении.", attachments: [PDF], ip: "192.0.2.10" }, repliedAt)).toEqual({ ok: true });
    const resumed = await row(requestId);
    expect(resumed.status).toBe("in_progress");
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedMs).toBe(26 * HOUR);
    // Stopped Monday noon, restarted Tuesday 14:00: one working day (Tuesday), so end of Wednesday.
    expect(resumed.pausedDays).toBe(1);
    expect(resumed.dueAt?.toISOString()).toBe("2026-11-25T18:59:59.999Z");
    const resumedView = await getStaffRequestView(db(), { requestId }, agent, repliedAt);
    expect(resumedView.deadline).toMatchObject({ pausedDays: 1, paused: false });
    expect(resumedView.deadline.rule?.unit).toBe("working_days");
    expect(resumed.originalDueAt?.toISOString()).toBe(verified.dueAt!.toISOString());
    const kinds = (await db().select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["clock_paused", "clock_resumed"]));
    // The clock's bookkeeping is staff-only.
    const status = await getRequestStatus(db(), token, repliedAt);
    expect(status.ok && status.view.timeline.map((e) => e.kind)).not.toContain("clock_resumed");
    // …but the requester is told how far the pause moved their date, in working days.
    expect(status.ok && status.view.clock).toEqual({ pausedNow: false, stopped: { amount: 1, unit: "working_days" } });
  });

  it("does not pause a clock whose rule keeps running (CCPA)", async () => {
    const { requestId } = await requestIn("in_progress", "access", "CCPA");
    await askRequester(db(), { requestId, message: "Please confirm your address." }, agent, t0);
    expect(await row(requestId)).toMatchObject({ status: "awaiting_requester", pausedAt: null });
  });

  it("closing a paused request counts the pause first", async () => {
    const { requestId } = await requestIn("in_progress", "correction", "KZ");
    await askRequester(db(), { requestId, message: "Нужен документ." }, agent, t0);
    const dueAt = (await row(requestId)).dueAt!;
    await denyRequest(db(), { requestId, reason: "insufficient_verification", note: "Документы не поступили." }, agent, new Date(t0.getTime() + 5 * HOUR));
    const closed = await row(requestId);
    expect(closed).toMatchObject({ status: "denied", pausedAt: null, pausedMs: 5 * HOUR, pausedDays: 0 });
    // Five hours on one day stop no working day: a working-day deadline does not move by wall-clock time.
    expect(closed.dueAt).toEqual(dueAt);
  });

  it("refuses an extension without a reason, beyond the rule, twice, or where the rule has none", async () => {
    const gdpr = await requestIn("in_progress", "access", "GDPR");
    const before = await row(gdpr.requestId);
    await expect(extendDeadline(db(), { requestId: gdpr.requestId, reason: "  " }, agent, t0)).rejects.toMatchObject({ fieldErrors: { reason: "required" } });
    await expect(extendDeadline(db(), { requestId: gdpr.requestId, reason: "Нужно время", amount: 3 }, agent, t0)).rejects.toMatchObject({ reason: "beyond_extension" });
    expect((await row(gdpr.requestId)).dueAt).toEqual(before.dueAt);

    await extendDeadline(db(), { requestId: gdpr.requestId, reason: "Запрос охватывает архивные системы." }, agent, t0);
    const extended = await row(gdpr.requestId);
    // One month from Monday 23 Nov → 23 Dec; two more months → 23 Feb 2027, end of day in Almaty.
    expect(before.dueAt?.toISOString()).toBe("2026-12-23T18:59:59.999Z");
    expect(extended.dueAt?.toISOString()).toBe("2027-02-23T18:59:59.999Z");
    expect(extended).toMatchObject({ extensionReason: "Запрос охватывает архивные системы." });
    expect(extended.originalDueAt).toEqual(before.dueAt);
    const [notice] = await emailsTo(gdpr.email, "deadline_extended");
    expect(notice?.textBody).toContain("Запрос охватывает архивные системы.");
    expect(notice?.textBody).toContain("2027");
    await expect(extendDeadline(db(), { requestId: gdpr.requestId, reason: "Ещё раз" }, agent, t0)).rejects.toMatchObject({ reason: "already_extended" });

    const kz = await requestIn("in_progress", "access", "KZ");
    await expect(extendDeadline(db(), { requestId: kz.requestId, reason: "Нужно время" }, agent, t0)).rejects.toMatchObject({ reason: "no_extension" });

    const late = await requestIn("in_progress", "deletion", "GDPR");
    await expect(extendDeadline(db(), { requestId: late.requestId, reason: "Поздно" }, agent, new Date("2027-01-10T00:00:00Z"))).rejects.toMatchObject({ reason: "deadline_passed" });
  });

  it("denial e-mails the reason, the explanation and where to complain", async () => {
    const { requestId, token, email } = await requestIn("in_progress", "access", "KZ");
    await denyRequest(db(), { requestId, reason: "no_match", note: "По указанному адресу учётных записей нет." }, agent, t0);
    expect(await row(requestId)).toMatchObject({ status: "denied", denialReason: "no_match", outcomeNote: "По указанному адресу учётных записей нет." });
    const [mail] = await emailsTo(email, "request_denied");
    expect(mail?.textBody).toContain("мы не нашли персональных данных");
    expect(mail?.textBody).toContain("По указанному адресу учётных записей нет.");
    expect(mail?.textBody).toContain("info@smart-lift.kz");
    expect(mail?.textBody).toContain("Министерстве цифрового развития");
    await expect(denyRequest(db(), { requestId, reason: "other", note: "" }, agent, t0)).rejects.toMatchObject({ name: "AppError", code: "invalid" });
    // @ts-expect-error -- a reason the form does not offer (a forged post): refused at run time
    await expect(denyRequest(db(), { requestId, reason: "bogus", note: "x" }, agent, t0)).rejects.toMatchObject({ fieldErrors: { reason: "chooseOne" } });
    const status = await getRequestStatus(db(), token, t0);
    if (!status.ok) throw new Error("status page missing");
    expect(status.view.request.status).toBe("denied");
    expect(status.view.timeline.map((e) => e.kind)).toContain("denied");
    expect(status.view.messages.map((m) => m.body)).toContain("По указанному адресу учётных записей нет.");
    expect(mail?.textBody).toContain("Правовое основание: Закон Республики Казахстан");

    // The e-mail says "reply to disagree": the thread takes the reply, and the denial stands until staff act.
    expect(mail?.textBody).toContain("ответьте на это письмо");
    expect(status.view).toMatchObject({ canMessage: true, canWithdraw: false });
    expect(await postRequesterMessage(db(), { token, body: "Не согласен: учётная запись есть.", attachments: [], ip: "192.0.2.11" }, t0)).toEqual({ ok: true });
    const contested = await getRequestStatus(db(), token, t0);
    if (!contested.ok) throw new Error("status page missing");
    expect(contested.view.request.status).toBe("denied");
    expect(contested.view.messages.map((m) => m.body)).toContain("Не согласен: учётная запись есть.");

    // Staff see the denial contested and take the request up again: open, no closing date or reason left.
    const staffView = await getStaffRequestView(db(), { requestId }, agent, t0);
    expect(staffView).toMatchObject({ contested: true, allowedActions: ["reopen", "add_note"] });
    await reopenRequest(db(), { requestId }, agent, new Date(t0.getTime() + HOUR));
    expect(await row(requestId)).toMatchObject({ status: "in_progress", closedAt: null, denialReason: null, outcomeNote: null });
    await expectRecorded(requestId, "status_changed", agent);
    // The requester, told the denial was the answer, hears that it is being looked at again.
    const [reopenedMail] = await emailsTo(email, "request_reopened");
    expect(reopenedMail?.subject).toBe(`Запрос снова на рассмотрении [${(await row(requestId)).reference}]`);
    expect(reopenedMail?.textBody).toContain("/r/");
    expect((await getStaffRequestView(db(), { requestId }, agent, t0)).contested).toBe(false);
  });

  it("completing an access request delivers a data package the requester can download for 30 days", async () => {
    const { requestId, token, email } = await requestIn("in_progress", "access", "KZ");
    await expect(completeRequest(db(), { requestId, note: "", files: [] }, agent, t0)).rejects.toMatchObject({ fieldErrors: { files: "fileRequired" } });
    const { fileIds } = await completeRequest(db(), { requestId, note: "", files: [PDF] }, agent, t0);
    expect(fileIds).toHaveLength(1);
    expect(await row(requestId)).toMatchObject({ status: "completed" });
    expect((await row(requestId)).closedAt?.toISOString()).toBe(t0.toISOString());

    const status = await getRequestStatus(db(), token, t0);
    if (!status.ok) throw new Error("status page missing");
    expect(status.view.deliveries).toEqual([
      { id: fileIds[0], filename: "data-package.pdf", sizeBytes: PDF.sizeBytes, availableUntil: new Date(t0.getTime() + DATA_PACKAGE_DAYS * 86_400_000), available: true },
    ]);
    const after = await getRequestStatus(db(), token, new Date(t0.getTime() + (DATA_PACKAGE_DAYS + 1) * 86_400_000));
    expect(after.ok && after.view.deliveries[0]!.available).toBe(false);
    const stored = await readRequestFile(db(), { requestId, fileId: fileIds[0]! });
    expect(Uint8Array.from(stored!.bytes)).toEqual(PDF.bytes);
    expect(stored?.file.purpose).toBe("data_package");

    const [mail] = await emailsTo(email, "request_completed");
    expect(mail?.textBody).toMatch(/\/ru\/r\/[A-Za-z0-9_-]{43}/);
  });

  it("a data package in the format the requester chose (JSON, CSV, ZIP) is checked by content, stored and downloaded with its type", async () => {
    const { requestId } = await requestIn("in_progress", "access", "KZ");
    expect(await readUploads([new File(['{"name": '], "data.json")], "data_package")).toMatchObject({ ok: false, problems: [{ code: "bad_type" }] });
    const uploads = await readUploads(
      [new File(['{"name":"Айгерім"}'], "мои данные.json"), new File(["поле,значение\nимя,Айгерім\n"], "data.csv"), new File([Buffer.from(tinyZip())], "archive.zip")],
      "data_package",
    );
    if (!uploads.ok) throw new Error(JSON.stringify(uploads.problems));
    const { fileIds } = await completeRequest(db(), { requestId, note: "", files: uploads.files }, agent, t0);
    const downloads = [];
    for (const fileId of fileIds) {
      const stored = await readRequestFile(db(), { requestId, fileId });
      const response = fileDownloadResponse(stored!.file, stored!.bytes);
      downloads.push([stored!.file.purpose, stored!.file.filename, response.headers.get("content-type"), response.headers.get("content-disposition")?.split(";")[0]]);
    }
    expect(downloads).toEqual([
      ["data_package", "мои данные.json", "application/json", "attachment"],
      ["data_package", "data.csv", "text/csv; charset=utf-8", "attachment"],
      ["data_package", "archive.zip", "application/zip", "attachment"],
    ]);
  });

  it("completing a correction needs a note of what was done, which the requester is sent", async () => {
    const { requestId, email } = await requestIn("in_progress", "correction", "KZ");
    await expect(completeRequest(db(), { requestId, note: " ", files: [] }, agent, t0)).rejects.toMatchObject({ fieldErrors: { note: "required" } });
    await completeRequest(db(), { requestId, note: "Фамилия исправлена на «Серікқызы» во всех системах.", files: [] }, agent, t0);
    const [mail] = await emailsTo(email, "request_completed");
    expect(mail?.textBody).toContain("Фамилия исправлена на «Серікқызы» во всех системах.");
  });

  it("never shows internal notes to the requester", async () => {
    const { requestId, token } = await requestIn("in_progress", "access", "KZ");
    const mailCount = async () => (await db().select({ n: count() }).from(outboxEmails).where(eq(outboxEmails.requestId, requestId)))[0]!.n;
    const mailsBefore = await mailCount();
    const { messageId } = await addInternalNote(db(), { requestId, body: "СЕКРЕТ: проверить совпадение с делом №42" }, agent, t0);
    const status = await getRequestStatus(db(), token, t0);
    if (!status.ok) throw new Error("status page missing");
    const seen = JSON.stringify(status.view);
    expect(seen).not.toContain("СЕКРЕТ");
    expect(seen).not.toContain(messageId);
    expect(status.view.timeline.map((e) => e.kind)).not.toContain("note_added");
    const staffView = await getStaffRequestView(db(), { requestId }, compliance, t0);
    expect(staffView.messages.find((m) => m.id === messageId)).toMatchObject({ direction: "internal", authorName: "Arman Agent" });
    // Internal notes send nothing.
    expect(await mailCount()).toBe(mailsBefore);
  });

  it("gives any staff role the full request view, with the rule, the correction table and the allowed actions", async () => {
    const { requestId } = await requestIn("new", "correction", "KZ");
    await assignRequest(db(), { requestId, assigneeId: agent.id }, admin);
    const view = await getStaffRequestView(db(), { requestId }, compliance, t0);
    expect(view.details).toEqual({ type: "correction", corrections: [{ field: "Фамилия", currentValue: "Сериков", correctedValue: "Серікқызы" }] });
    expect(view.deadline.rule).toMatchObject({ id: "kz-correction-2026", pausesWhile: "awaiting_requester" });
    expect(view.deadline.rule?.source).toContain("94-V");
    expect(view.deadline.msLeft).toBe(view.deadline.dueAt!.getTime() - t0.getTime());
    expect(view.assignee).toMatchObject({ id: agent.id, name: "Arman Agent" });
    expect(view.verification.verified).toBe(true);
    expect(view.timeline.map((e) => e.kind)).toEqual(["submitted", "verified", "assigned"]);
    expect(view.timeline.at(-1)).toMatchObject({ actorName: "Ada Admin", visibleToRequester: false });
    expect(view.assignableStaff.map((s) => s.name)).toEqual(["Ada Admin", "Arman Agent"]);
    expect(view.allowedActions).toEqual([]);
    expect((await getStaffRequestView(db(), { requestId }, agent, t0)).allowedActions).toEqual(["assign", "start", "add_note"]);

    const gdpr = await requestIn("awaiting_requester", "access", "GDPR");
    expect((await getStaffRequestView(db(), { requestId: gdpr.requestId }, admin, t0)).allowedActions).toEqual(["assign", "complete", "deny", "extend_deadline", "add_note"]);
    const closed = await requestIn("completed");
    expect((await getStaffRequestView(db(), { requestId: closed.requestId }, admin, t0)).allowedActions).toEqual(["add_note"]);
  });

  it("does not show staff a request whose address was never verified", async () => {
    const f = form("access");
    const filed = await fileRequest(db(), { form: f, locale: "ru", ip: "192.0.2.99", proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
    if (!filed.ok) throw new Error("filing failed");
    await expect(getStaffRequestView(db(), { requestId: filed.requestId }, admin, t0)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(startRequest(db(), { requestId: filed.requestId }, admin, t0)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
