import { and, asc, count, eq } from "drizzle-orm";
import { accessRequestForm } from "@/lib/requests/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auditLog, outboxEmails, replyTemplates, requestEvents, requestMessages, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createStaff } from "@/lib/auth/create-staff";
import type { Locale } from "@/lib/i18n/locales";
import { completeVerification } from "@/lib/requests/complete-verification";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { fileRequest } from "@/lib/requests/file-request";
import { getRequestStatus } from "@/lib/requests/get-request-status";
import { postRequesterMessage } from "@/lib/requests/post-requester-message";
import type { RequestForm } from "@/lib/requests/types";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { loadReplyComposer } from "./load-reply-composer";
import { sendStaffReply } from "./send-staff-reply";
import { readReplyTemplateSeed, seedReplyTemplates } from "./template-seed";
import { listReplyTemplates, previewReplyTemplate, saveReplyTemplate, type StaffActor } from "./templates";

const ip = "203.0.113.9";
// A weekday morning in Almaty; every step of a test happens a minute after the previous one.
const T0 = new Date("2026-11-23T05:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let counter = 0;
const accessForm = (): RequestForm => accessRequestForm(`replies${++counter}@example.kz`);

async function expectRejection(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(testEngines())("reply templates and staff replies on %s", (engine) => {
  let database: TestDatabase;
  let admin: StaffActor;
  let agent: StaffActor;
  let secondAgent: StaffActor;
  let compliance: StaffActor;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
    const make = async (role: StaffActor["role"], name: string) => {
      const created = await createStaff(database.db, { email: `${name.toLowerCase().replace(/\s+/g, ".")}@desk.test`, name, role }, SYSTEM_ACTOR);
      return { id: created.id, role: created.role };
    };
    admin = await make("admin", "Ada Admin");
    agent = await make("agent", "Asel Agent");
    secondAgent = await make("agent", "Bolat Agent");
    compliance = await make("compliance", "Cora Compliance");
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** A verified request in `locale`, with its status-page token. */
  async function verifiedRequest(locale: Locale = "ru", unverified = false) {
    const filed = await fileRequest(database.db, { form: accessForm(), locale, ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, T0);
    if (!filed.ok) throw new Error("filing failed");
    if (unverified) return { requestId: filed.requestId, token: "", reference: "" };
    const statusUrl = await database.db.transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, filed.requestId));
      return (await completeVerification(tx, request!, T0)).statusUrl;
    });
    const [row] = await database.db.select().from(requests).where(eq(requests.id, filed.requestId));
    return { requestId: filed.requestId, token: statusUrl.split("/r/")[1]!, reference: row!.reference! };
  }

  async function outboundMessages(requestId: string) {
    return database.db
      .select()
      .from(requestMessages)
      .where(and(eq(requestMessages.requestId, requestId), eq(requestMessages.direction, "outbound")))
      .orderBy(asc(requestMessages.createdAt));
  }

  async function staffReplyEmails(requestId: string) {
    return database.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.requestId, requestId), eq(outboxEmails.template, "staff_reply")))
      .orderBy(asc(outboxEmails.createdAt));
  }

  describe("default templates", () => {
    it("seeds every key in ru, kk and en once, and keeps an admin's edit on the next start", async () => {
      const expected = readReplyTemplateSeed().length;
      expect(expected).toBe(15);
      expect(await seedReplyTemplates(database.db)).toEqual({ added: expected });
      expect(await seedReplyTemplates(database.db)).toEqual({ added: 0 });

      const [ru] = await database.db
        .select()
        .from(replyTemplates)
        .where(and(eq(replyTemplates.key, "acknowledge_progress"), eq(replyTemplates.locale, "ru")));
      await saveReplyTemplate(database.db, { ...ru!, locale: "ru", body: "Изменено администратором: {{request.ref}}" }, admin);
      expect(await seedReplyTemplates(database.db)).toEqual({ added: 0 });

      const rows = await database.db.select().from(replyTemplates);
      expect(rows).toHaveLength(expected);
      expect(new Set(rows.map((row) => row.locale))).toEqual(new Set(["ru", "kk", "en"]));
      expect(rows.find((row) => row.id === ru!.id)?.body).toBe("Изменено администратором: {{request.ref}}");
      const [{ seeded }] = (await database.db.select({ seeded: count() }).from(auditLog).where(eq(auditLog.action, "reply_template.defaults_seeded"))) as [{ seeded: number }];
      expect(seeded).toBe(1);
    });

    it("puts back only a missing (key, language) pair", async () => {
      await database.db.delete(replyTemplates).where(and(eq(replyTemplates.key, "deletion_done"), eq(replyTemplates.locale, "kk")));
      expect(await seedReplyTemplates(database.db)).toEqual({ added: 1 });
    });

    it("refuses a seed with an unknown variable or a language missing a key", () => {
      const file = (locale: string, body = "{{request.ref}}", key = "a_key") => ({ locale, templates: [{ key, name: "N", subject: "S", body }] });
      expect(() => readReplyTemplateSeed([file("ru", "{{request.reff}}"), file("kk"), file("en")])).toThrow(ZodError);
      expect(() => readReplyTemplateSeed([file("ru"), file("kk", "{{request.ref}}", "other_key"), file("en")])).toThrow(/not the same keys/);
      expect(() => readReplyTemplateSeed([file("ru"), file("kk")])).toThrow(/one file per language/);
    });
  });

  describe("editing templates", () => {
    it("lets an admin create and change a template, with an audit row for each", async () => {
      const created = await saveReplyTemplate(database.db, { key: "extension_notice", locale: "en", name: "Extension", subject: "More time needed", body: "Due: {{request.dueAt}}" }, admin);
      expect(created).toMatchObject({ key: "extension_notice", locale: "en", updatedBy: admin.id });
      const changed = await saveReplyTemplate(database.db, { id: created.id, key: "extension_notice", locale: "en", name: "Extension", subject: "We need more time", body: "Due: {{request.dueAt}}" }, admin);
      expect(changed.subject).toBe("We need more time");

      const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(asc(auditLog.id));
      expect(audit.map((row) => [row.action, row.actorId])).toEqual([
        ["reply_template.created", admin.id],
        ["reply_template.updated", admin.id],
      ]);
      expect(audit[1]!.data).toMatchObject({ changed: ["subject"] });
      const listed = await listReplyTemplates(database.db, agent, { locale: "en" });
      expect(listed.find((row) => row.id === created.id)).toMatchObject({ subject: "We need more time", updatedByName: "Ada Admin" });
    });

    it("refuses an agent and a compliance officer, changing nothing", async () => {
      const [template] = await listReplyTemplates(database.db, admin, { locale: "ru" });
      for (const actor of [agent, compliance]) {
        await expectRejection(saveReplyTemplate(database.db, { ...template!, locale: "ru", body: "взлом" }, actor), "forbidden");
      }
      const [after] = await database.db.select().from(replyTemplates).where(eq(replyTemplates.id, template!.id));
      expect(after!.body).toBe(template!.body);
    });

    it("refuses a second template with the same key and language, and unknown variables", async () => {
      await expectRejection(saveReplyTemplate(database.db, { key: "access_ready", locale: "kk", name: "x", subject: "x", body: "x" }, admin), "exists");
      const invalid = await saveReplyTemplate(database.db, { key: "typo", locale: "ru", name: "x", subject: "x", body: "Срок: {{request.due}}" }, admin).catch((caught: unknown) => caught);
      expect(invalid).toBeInstanceOf(ZodError);
      if (!(invalid instanceof ZodError)) return;
      expect(invalid.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["body", "unknownVariables"]]);
    });

    it("previews a template on a real request in the template's language, and a draft with an unknown variable", async () => {
      const { requestId, reference } = await verifiedRequest("kk");
      const [ru] = await listReplyTemplates(database.db, admin, { locale: "ru" });
      const preview = await previewReplyTemplate(database.db, { templateId: ru!.id, sampleRequestId: requestId }, admin, T0);
      expect(preview.sample).toEqual({ id: requestId, reference });
      expect(preview.body).toContain(reference);
      expect(preview.unknownVariables).toEqual([]);

      const draft = await previewReplyTemplate(database.db, { draft: { locale: "en", subject: "{{request.type}}", body: "{{requester.name}} {{oops}}" } }, admin, T0);
      expect(draft).toMatchObject({ subject: "Show my data", body: "Aigerim Serikkyzy {{oops}}", unknownVariables: ["oops"], sample: null });
      await expectRejection(previewReplyTemplate(database.db, { templateId: ru!.id }, agent), "forbidden");
    });
  });

  describe("sending replies", () => {
    it("loads templates in the requester's language, filled in", async () => {
      const { requestId, reference } = await verifiedRequest("kk");
      const composer = await loadReplyComposer(database.db, { requestId }, agent, at(1));
      expect(composer?.request).toMatchObject({ reference, locale: "kk" });
      expect(composer?.lastSeenMessageId).toBeNull();
      const progress = composer?.templates.find((template) => template.key === "acknowledge_progress");
      expect(progress?.body).toContain(`(${reference})`);
      expect(progress?.body).toContain("Деректерімді көрсету");
      expect(progress?.body).not.toContain("{{");
      expect(composer?.templates.every((template) => template.unknownVariables.length === 0)).toBe(true);
    });

    it("writes the message and the threaded e-mail in the requester's language, with the reference in the subject", async () => {
      const { requestId, reference, token } = await verifiedRequest("kk");
      const loaded = await loadReplyComposer(database.db, { requestId }, agent, at(1));
      const first = await sendStaffReply(
        database.db,
        { requestId, body: "Бірінші жауап", loadedAt: loaded!.loadedAt, lastSeenMessageId: loaded!.lastSeenMessageId },
        agent,
        at(2),
      );

      const [message] = await outboundMessages(requestId);
      expect(message).toMatchObject({ id: first.messageId, body: "Бірінші жауап", authorType: "staff", authorId: agent.id, outboxEmailId: first.outboxEmailId });
      const [firstEmail] = await staffReplyEmails(requestId);
      expect(firstEmail).toMatchObject({ id: first.outboxEmailId, locale: "kk", subject: `Сұрауыңызға жауап [${reference}]` });
      expect(firstEmail!.toAddress).toMatch(/^replies\d+@example\.kz$/);
      expect(firstEmail!.textBody).toContain("Бірінші жауап");
      expect(firstEmail!.headers["In-Reply-To"]).toBeUndefined();
      expect(firstEmail!.headers["Auto-Submitted"]).toBeUndefined();

      // The second reply, with its own subject, answers the first e-mail.
      const second = await sendStaffReply(database.db, { requestId, subject: "Деректеріңіз <дайын> $&", body: "Екінші жауап", loadedAt: at(3), lastSeenMessageId: first.messageId }, agent, at(3));
      const [, secondEmail] = await staffReplyEmails(requestId);
      expect(second.subject).toBe(`Деректеріңіз <дайын> $& [${reference}]`);
      expect(secondEmail!.subject).toBe(second.subject);
      expect(secondEmail!.htmlBody).toContain(`<title>Деректеріңіз &lt;дайын&gt; $&amp; [${reference}]</title>`);
      expect(secondEmail!.htmlBody).toMatch(new RegExp(`<h1[^>]*>Деректеріңіз &lt;дайын&gt; \\$&amp; \\[${reference}\\]</h1>`));
      expect(secondEmail!.htmlBody).not.toContain("Сұрауыңызға жауап [");
      expect(secondEmail!.headers).toMatchObject({ "In-Reply-To": firstEmail!.messageId, References: firstEmail!.messageId });

      const third = await sendStaffReply(database.db, { requestId, subject: `Re [${reference}]`, body: "Үшінші", loadedAt: at(4), lastSeenMessageId: second.messageId }, admin, at(4));
      const [, , thirdEmail] = await staffReplyEmails(requestId);
      expect(third.subject).toBe(`Re [${reference}]`);
      expect(thirdEmail!.headers).toMatchObject({ "In-Reply-To": secondEmail!.messageId, References: `${firstEmail!.messageId} ${secondEmail!.messageId}` });

      const events = await database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "message_sent")));
      expect(events.map((event) => event.data.messageId)).toEqual([first.messageId, second.messageId, third.messageId]);
      const audited = await database.db.select().from(auditLog).where(and(eq(auditLog.requestId, requestId), eq(auditLog.action, "request.message_sent")));
      expect(audited.map((row) => row.actorId)).toEqual([agent.id, agent.id, admin.id]);

      // The requester sees the replies on the status page.
      const status = await getRequestStatus(database.db, token, at(5));
      expect(status.ok && status.view.messages.map((m) => [m.direction, m.body])).toEqual([
        ["outbound", "Бірінші жауап"],
        ["outbound", "Екінші жауап"],
        ["outbound", "Үшінші"],
      ]);
    });

    it("refuses a reply written before the requester's new message, writes nothing, and shows the message", async () => {
      const { requestId, token } = await verifiedRequest("ru");
      const loaded = await loadReplyComposer(database.db, { requestId }, agent, at(1));
      expect(await postRequesterMessage(database.db, { token, body: "Я передумала, удалите всё", attachments: [], ip }, at(2))).toEqual({ ok: true });

      const stale = await expectRejection(
        sendStaffReply(database.db, { requestId, body: "Ответ", loadedAt: loaded!.loadedAt, lastSeenMessageId: loaded!.lastSeenMessageId }, agent, at(3)),
        "stale",
      );
      expect(stale.messages!.map((m) => [m.direction, m.authorType, m.body])).toEqual([["inbound", "requester", "Я передумала, удалите всё"]]);
      expect(await outboundMessages(requestId)).toEqual([]);
      expect(await staffReplyEmails(requestId)).toEqual([]);

      // Having seen it, the agent can send the same draft.
      const sent = await sendStaffReply(database.db, { requestId, body: "Ответ", loadedAt: at(3), lastSeenMessageId: stale.messages![0]!.id }, agent, at(4));
      expect((await outboundMessages(requestId)).map((m) => m.id)).toEqual([sent.messageId]);
    });

    it("refuses a second agent's reply after the first one's, naming who answered", async () => {
      const { requestId, token } = await verifiedRequest("en");
      await postRequesterMessage(database.db, { token, body: "Any news?", attachments: [], ip }, at(1));
      const first = await loadReplyComposer(database.db, { requestId }, agent, at(2));
      const second = await loadReplyComposer(database.db, { requestId }, secondAgent, at(2));
      expect(second!.lastSeenMessageId).toBe(first!.lastSeenMessageId);
      expect(first!.lastSeenMessageId).not.toBeNull();

      const sent = await sendStaffReply(database.db, { requestId, body: "First answer", loadedAt: first!.loadedAt, lastSeenMessageId: first!.lastSeenMessageId }, agent, at(3));
      const stale = await expectRejection(
        sendStaffReply(database.db, { requestId, body: "Second answer", loadedAt: second!.loadedAt, lastSeenMessageId: second!.lastSeenMessageId }, secondAgent, at(4)),
        "stale",
      );
      expect(stale.messages!.map((m) => [m.id, m.direction, m.authorName, m.body])).toEqual([[sent.messageId, "outbound", "Asel Agent", "First answer"]]);
      expect((await outboundMessages(requestId)).map((m) => m.body)).toEqual(["First answer"]);
    });

    it("counts a message as unseen when the composer saw none, or names one it never showed", async () => {
      const { requestId, token } = await verifiedRequest("ru");
      await postRequesterMessage(database.db, { token, body: "Первое", attachments: [], ip }, at(1));
      const noneSeen = await expectRejection(sendStaffReply(database.db, { requestId, body: "x", loadedAt: at(5), lastSeenMessageId: null }, agent, at(5)), "stale");
      expect(noneSeen.messages!.map((m) => m.body)).toEqual(["Первое"]);
      const elsewhere = await expectRejection(
        sendStaffReply(database.db, { requestId, body: "x", loadedAt: at(5), lastSeenMessageId: "7b0c0c8e-1111-4222-8333-944455556666" }, agent, at(5)),
        "stale",
      );
      expect(elsewhere.messages!).toHaveLength(1);
    });

    it("catches a message stamped before the composer loaded but committed after it, and ignores internal notes", async () => {
      const { requestId, token } = await verifiedRequest("ru");
      await postRequesterMessage(database.db, { token, body: "Первое", attachments: [], ip }, at(1));
      const loaded = await loadReplyComposer(database.db, { requestId }, agent, at(5));
      // Written by a slow transaction: its time is before the load, its commit after.
      await postRequesterMessage(database.db, { token, body: "Запоздалое", attachments: [], ip }, at(3));
      await database.db.insert(requestMessages).values({ requestId, direction: "internal", authorType: "staff", authorId: agent.id, body: "заметка", createdAt: at(6) });
      const stale = await expectRejection(
        sendStaffReply(database.db, { requestId, body: "x", loadedAt: loaded!.loadedAt, lastSeenMessageId: loaded!.lastSeenMessageId }, agent, at(7)),
        "stale",
      );
      expect(stale.messages!.map((m) => m.body)).toEqual(["Запоздалое"]);
      const sent = await sendStaffReply(database.db, { requestId, body: "x", loadedAt: at(7), lastSeenMessageId: stale.messages![0]!.id }, agent, at(8));
      expect(sent.messageId).toBeTruthy();
    });

    it("lets neither a compliance officer reply nor anyone reply to an unverified request", async () => {
      const { requestId } = await verifiedRequest("ru");
      await expectRejection(sendStaffReply(database.db, { requestId, body: "x", loadedAt: at(1), lastSeenMessageId: null }, compliance, at(1)), "forbidden");
      await expectRejection(loadReplyComposer(database.db, { requestId }, compliance, at(1)), "forbidden");
      const unverified = await verifiedRequest("ru", true);
      await expectRejection(sendStaffReply(database.db, { requestId: unverified.requestId, body: "x", loadedAt: at(1), lastSeenMessageId: null }, admin, at(1)), "not_repliable");
      expect(await loadReplyComposer(database.db, { requestId: unverified.requestId }, admin, at(1))).toBeNull();
      expect(await outboundMessages(requestId)).toEqual([]);
    });

    it("refuses a reply with a template gap left in it", async () => {
      const { requestId } = await verifiedRequest("ru");
      const invalid = await sendStaffReply(database.db, { requestId, body: "Срок: {{request.dueAt}}", loadedAt: at(1), lastSeenMessageId: null }, agent, at(1)).catch((caught: unknown) => caught);
      expect(invalid).toBeInstanceOf(ZodError);
      if (!(invalid instanceof ZodError)) return;
      expect(invalid.issues[0]?.message).toBe("leftoverVariables");
    });

    it("keeps the audit chain intact", async () => {
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });
  });
});
