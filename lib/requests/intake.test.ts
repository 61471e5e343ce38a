import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files, outboxEmails, requests, verificationChallenges } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { readRequestFile } from "@/lib/files/read-request-file";
import { recordStagedFiles, transactionWithStagedFiles } from "@/lib/files/staged-files";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import type { RequestForm } from "@/lib/requests/types";
import { fileRequest } from "./file-request";
import { getRequestStatus } from "./get-request-status";
import { postRequesterMessage } from "./post-requester-message";
import { sendStatusLinks } from "./send-status-links";
import { resendVerificationCode, verifyRequestByCode, verifyRequestByLink } from "./verify-request";
import { withdrawRequest } from "./withdraw-request";
import { expireUnverifiedRequests } from "./expire-unverified";

const PDF: AcceptedUpload = {
  filename: "proof.pdf",
  contentType: "application/pdf",
  sizeBytes: 20,
  bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
};

let counter = 0;
function accessForm(email = `person${++counter}@example.kz`): RequestForm {
  return {
    type: "access",
    name: "Айгерим <b>Серікқызы</b>",
    email,
    phone: "",
    jurisdiction: "KZ",
    onBehalf: false,
    subjectName: "",
    comment: "",
    consent: true,
    categories: ["device", "geolocation"],
    format: "pdf",
  } as RequestForm;
}

describe.each(testEngines())("requester intake on %s", (engine) => {
  let database: TestDatabase;
  const ip = "203.0.113.7";
  // A weekday morning in Almaty, so due dates are easy to reason about.
  const t0 = new Date("2026-11-23T05:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function latestEmail(to: string, template: string) {
    const [row] = await database.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, to), eq(outboxEmails.template, template)))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1);
    return row;
  }

  async function codeFor(to: string): Promise<string> {
    const email = await latestEmail(to, "verification_code");
    const code = /\b(\d{6})\b/.exec(email?.textBody ?? "")?.[1];
    if (!code) throw new Error(`no code in the email to ${to}`);
    return code;
  }

  async function fileAndVerify(form = accessForm(), when = t0) {
    const filed = await fileRequest(database.db, { form, locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, when);
    if (!filed.ok) throw new Error("filing failed");
    const verified = await verifyRequestByCode(database.db, { requestId: filed.requestId, code: await codeFor(form.email), ip }, when);
    if (!verified.ok) throw new Error(`verification failed: ${verified.error}`);
    const token = verified.statusUrl.split("/r/")[1]!;
    return { requestId: filed.requestId, token, statusUrl: verified.statusUrl };
  }

  it("files an unverified request hidden from staff and e-mails a code", async () => {
    const form = accessForm();
    const filed = await fileRequest(database.db, { form, locale: "kk", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
    expect(filed.ok).toBe(true);
    const [row] = await database.db.select().from(requests).where(eq(requests.requesterEmail, form.email));
    expect(row).toMatchObject({ status: "unverified", reference: null, locale: "kk", dueAt: null });
    expect(row!.verifyBy.getTime() - t0.getTime()).toBe(14 * 86_400_000);
    const email = await latestEmail(form.email, "verification_code");
    expect(email?.locale).toBe("kk");
    expect(email?.headers["Auto-Submitted"]).toBe("auto-generated");
    expect(await codeFor(form.email)).toMatch(/^\d{6}$/);
  });

  it("verifies with the code: reference, due date, status link and acknowledgement", async () => {
    const form = accessForm();
    const { requestId, token } = await fileAndVerify(form);
    const [row] = await database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(row!.status).toBe("new");
    expect(row!.reference).toMatch(/^DSR-2026-\d{6}$/);
    // KZ access: 3 working days counted from the day after Monday 23 Nov 2026 → Thursday 26 Nov, end of day in Almaty.
    expect(row!.dueAt?.toISOString()).toBe("2026-11-26T18:59:59.999Z");
    const ack = await latestEmail(form.email, "acknowledgement");
    expect(ack?.subject).toContain(row!.reference!);
    expect(ack?.textBody).toContain(`/ru/r/${token}`);
    const status = await getRequestStatus(database.db, token, t0);
    expect(status.ok && status.view.request.status).toBe("new");
    expect(status.ok && status.view.timeline.map((e) => e.kind)).toEqual(["submitted", "verified"]);
  });

  it("locks the code after five wrong attempts, even for the right code afterwards", async () => {
    const form = accessForm();
    const filed = await fileRequest(database.db, { form, locale: "en", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
    if (!filed.ok) throw new Error("filing failed");
    const right = await codeFor(form.email);
    const wrong = right === "000000" ? "111111" : "000000";
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verifyRequestByCode(database.db, { requestId: filed.requestId, code: wrong, ip }, t0));
    expect(answers.map((a) => (a.ok ? "ok" : a.error === "invalid" ? `invalid:${a.attemptsLeft}` : a.error))).toEqual([
      "invalid:4",
      "invalid:3",
      "invalid:2",
      "invalid:1",
      "locked",
    ]);
    expect(await verifyRequestByCode(database.db, { requestId: filed.requestId, code: right, ip }, t0)).toEqual({ ok: false, error: "locked" });
    // A new code works again.
    expect(await resendVerificationCode(database.db, { requestId: filed.requestId, ip }, t0)).toEqual({ ok: true });
    const fresh = await codeFor(form.email);
    expect((await verifyRequestByCode(database.db, { requestId: filed.requestId, code: fresh, ip }, t0)).ok).toBe(true);
  });

  it("refuses an expired code and an expired one-click link", async () => {
    const form = accessForm();
    const filed = await fileRequest(database.db, { form, locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
    if (!filed.ok) throw new Error("filing failed");
    const later = new Date(t0.getTime() + 16 * 60_000);
    expect(await verifyRequestByCode(database.db, { requestId: filed.requestId, code: await codeFor(form.email), ip }, later)).toEqual({ ok: false, error: "expired" });
    const link = /\/requests\/confirm\/([A-Za-z0-9_-]{43})/.exec((await latestEmail(form.email, "verification_code"))!.textBody)![1]!;
    expect(await verifyRequestByLink(database.db, { linkToken: link }, later)).toEqual({ ok: false, error: "expired" });
    expect((await verifyRequestByLink(database.db, { linkToken: link }, t0)).ok).toBe(true);
    expect(await verifyRequestByLink(database.db, { linkToken: link }, t0)).toEqual({ ok: false, error: "invalid_link" });
  });

  it("answers an unknown request exactly like a wrong code", async () => {
    const unknown = await verifyRequestByCode(database.db, { requestId: "7b0c0c8e-1111-4222-8333-944455556666", code: "123456", ip }, t0);
    expect(unknown).toEqual({ ok: false, error: "invalid", attemptsLeft: 4 });
  });

  it("gives a random token and a revoked request the same not-found", async () => {
    expect(await getRequestStatus(database.db, "A".repeat(43), t0)).toEqual({ ok: false, error: "not_found" });
    expect(await getRequestStatus(database.db, "../../etc", t0)).toEqual({ ok: false, error: "not_found" });
    const { requestId, token } = await fileAndVerify();
    await database.db.delete(requests).where(eq(requests.id, requestId));
    expect(await getRequestStatus(database.db, token, t0)).toEqual({ ok: false, error: "not_found" });
  });

  it("links a second open request of the same type and marks credential misuse urgent", async () => {
    const email = `dup${++counter}@example.kz`;
    const first = await fileAndVerify(accessForm(email));
    const second = await fileAndVerify(accessForm(email));
    const [row] = await database.db.select().from(requests).where(eq(requests.id, second.requestId));
    expect(row!.duplicateOfId).toBe(first.requestId);
    const misuse = await fileAndVerify({
      ...accessForm(),
      type: "credential_misuse",
      accountIdentifier: "+7 701 000 00 00",
      noticedOn: "2026-11-22",
      whatHappened: "Someone logged in",
      passwordChanged: "cannot",
    } as RequestForm);
    const [urgent] = await database.db.select().from(requests).where(eq(requests.id, misuse.requestId));
    expect(urgent!.urgent).toBe(true);
  });

  it("takes the requester's message with a PDF, then a withdrawal, and closes the thread", async () => {
    const form = accessForm();
    const { token, requestId } = await fileAndVerify(form);
    expect(await postRequesterMessage(database.db, { token, body: "<script>alert(1)</script> Вот документ", attachments: [PDF], ip }, t0)).toEqual({ ok: true });
    const status = await getRequestStatus(database.db, token, t0);
    if (!status.ok) throw new Error("status page missing");
    expect(status.view.messages).toHaveLength(1);
    expect(status.view.messages[0]!.body).toBe("<script>alert(1)</script> Вот документ");
    expect(status.view.messages[0]!.files.map((f) => f.filename)).toEqual(["proof.pdf"]);

    expect(await withdrawRequest(database.db, { token }, t0)).toEqual({ ok: true });
    const [row] = await database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(row!.status).toBe("withdrawn");
    expect(await latestEmail(form.email, "withdrawal_confirmation")).toBeDefined();
    expect(await withdrawRequest(database.db, { token }, t0)).toEqual({ ok: false, error: "closed" });
    expect(await postRequesterMessage(database.db, { token, body: "again", attachments: [], ip }, t0)).toEqual({ ok: false, error: "closed" });
  });

  it("sends fresh links for open requests only, answering the same for unknown addresses", async () => {
    const form = accessForm();
    await fileAndVerify(form);
    expect(await sendStatusLinks(database.db, { email: form.email.toUpperCase(), locale: "en", ip }, t0)).toEqual({ ok: true });
    const sent = await latestEmail(form.email, "status_links");
    expect(sent?.locale).toBe("en");
    expect(sent?.textBody).toMatch(/\/en\/r\/[A-Za-z0-9_-]{43}/);
    expect(await sendStatusLinks(database.db, { email: "nobody@example.kz", locale: "en", ip }, t0)).toEqual({ ok: true });
    expect(await latestEmail("nobody@example.kz", "status_links")).toBeUndefined();
  });

  it("stores nothing for a bot that filled the honeypot, but answers the same", async () => {
    const form = accessForm();
    const result = await fileRequest(database.db, { form, locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "http://spam" }, t0);
    expect(result.ok).toBe(true);
    expect(await database.db.select().from(requests).where(eq(requests.requesterEmail, form.email))).toEqual([]);
  });

  it("expires unverified requests after 14 days", async () => {
    const form = accessForm();
    const filed = await fileRequest(database.db, { form, locale: "ru", ip, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
    if (!filed.ok) throw new Error("filing failed");
    await expireUnverifiedRequests(database.db, new Date(t0.getTime() + 13 * 86_400_000));
    expect((await database.db.select().from(requests).where(eq(requests.id, filed.requestId)))[0]!.status).toBe("unverified");
    await expireUnverifiedRequests(database.db, new Date(t0.getTime() + 15 * 86_400_000));
    expect((await database.db.select().from(requests).where(eq(requests.id, filed.requestId)))[0]!.status).toBe("expired");
    const challenges = await database.db.select().from(verificationChallenges).where(eq(verificationChallenges.requestId, filed.requestId));
    expect(challenges.length).toBe(1);
  });

  it("rate-limits filing per e-mail address with a retry time", async () => {
    const email = `limit${++counter}@example.kz`;
    const results = [];
    for (let i = 0; i < 6; i++) {
      const r = await fileRequest(database.db, { form: accessForm(email), locale: "ru", ip: `198.51.100.${i}`, proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, t0);
      results.push(r.ok ? "ok" : r.error);
    }
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "rate_limited"]);
  });

  it("offers delivered files only while their download window is open", async () => {
    const { requestId, token } = await fileAndVerify();
    await transactionWithStagedFiles(database.db, [PDF, { ...PDF, filename: "old.pdf" }], async (tx, staged) => {
      const saved = await recordStagedFiles(tx, { requestId, purpose: "data_package", uploadedBy: "staff:test", files: staged });
      await tx.update(files).set({ availableUntil: new Date(t0.getTime() + 7 * 86_400_000) }).where(eq(files.id, saved[0]!.id));
      await tx.update(files).set({ availableUntil: new Date(t0.getTime() - 1) }).where(eq(files.id, saved[1]!.id));
    });
    const status = await getRequestStatus(database.db, token, t0);
    if (!status.ok) throw new Error("status page missing");
    expect(status.view.deliveries.map((d) => [d.filename, d.available])).toEqual([
      ["proof.pdf", true],
      ["old.pdf", false],
    ]);
    const other = await fileAndVerify();
    const stolen = await readRequestFile(database.db, { requestId: other.requestId, fileId: status.view.deliveries[0]!.id });
    expect(stolen).toBeNull();
  });

  it("keeps the audit chain intact through all of it", async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
