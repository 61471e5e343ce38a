import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { files, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { sendStaffReply } from "@/lib/replies/send-staff-reply";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { fileRequest } from "@/lib/requests/file-request";
import { postRequesterMessage } from "@/lib/requests/post-requester-message";
import { completeRequest } from "@/lib/requests/staff/complete-request";
import { startRequest } from "@/lib/requests/staff/start-request";
import { accessRequestForm, fileVerifiedRequest } from "@/lib/requests/testing";
import { readRequestFile } from "./read-request-file";
import { tinyPdf, tinyPng } from "./test-files";
import type { AcceptedUpload } from "./upload-rules";

// Every write path here stores on disk, in a folder of this file's own (set before the settings are first read).
const dataDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { tmpdir }, { join }] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  process.env.FILE_STORAGE = "disk";
  return (process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "pd-write-paths-")));
});

const PDF: AcceptedUpload = { filename: "package.pdf", contentType: "application/pdf", sizeBytes: tinyPdf().byteLength, bytes: tinyPdf() };
const PNG: AcceptedUpload = { filename: "scan.png", contentType: "image/png", sizeBytes: tinyPng().byteLength, bytes: tinyPng() };
const T0 = new Date("2026-11-23T05:00:00Z");

/** Every file under DATA_DIR/files (a staged or stored file's bytes, or a temporary file). */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(path.join(dataDir, "files"), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

describe.each(testEngines())("the write paths stage their files on %s", (engine) => {
  let database: TestDatabase;
  let agent: CurrentStaff;
  let counter = 0;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
    const row = await createStaff(database.db, { email: `agent-${engine}@privacy-desk.test`, name: "Arman Agent", role: "agent" }, SYSTEM_ACTOR);
    agent = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
  });
  afterAll(async () => {
    await database?.drop();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  }, 10_000);

  /** The storage keys of a request's file rows: each must have its bytes on disk. */
  async function storedKeys(requestId: string): Promise<string[]> {
    return (await db().select({ key: files.storageKey }).from(files).where(eq(files.requestId, requestId))).map((row) => row.key).sort();
  }

  it("a filed request keeps its files' bytes; a refused one (rate limited) stages none", async () => {
    const form = accessRequestForm(`staged-${engine}-${++counter}@example.kz`);
    const before = await filesOnDisk();
    const filed = await fileRequest(db(), { form, locale: "ru", ip: "198.51.100.7", proofOfAuthority: [PDF], supportingDocuments: [PNG], honeypot: "" }, T0);
    if (!filed.ok) throw new Error("filing failed");
    const keys = await storedKeys(filed.requestId);
    expect(keys).toHaveLength(2);
    expect((await filesOnDisk()).filter((name) => !before.includes(name))).toEqual(keys);
    const [proof] = await db().select().from(files).where(eq(files.purpose, "proof_of_authority"));
    expect(new Uint8Array((await readRequestFile(db(), { requestId: filed.requestId, fileId: proof!.id }))!.bytes)).toEqual(tinyPdf());

    const after = await filesOnDisk();
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      const again = await fileRequest(db(), { form, locale: "ru", ip: "198.51.100.7", proofOfAuthority: [PDF], supportingDocuments: [], honeypot: "" }, T0);
      if (!again.ok) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const filedSince = await db().select({ id: requests.id }).from(requests).where(eq(requests.requesterEmail, form.email));
    expect((await filesOnDisk()).length).toBe(after.length + filedSince.length - 1);
  });

  it("a staff reply refused as stale, and a completion refused by the request's status, leave no staged file", async () => {
    const { request, statusToken } = await fileVerifiedRequest(db(), { email: `reply-${engine}-${++counter}@example.kz`, at: T0 });
    await startRequest(db(), { requestId: request.id }, agent, T0);
    await postRequesterMessage(db(), { token: statusToken, body: "Есть новости?", attachments: [], ip: "198.51.100.8" }, new Date(T0.getTime() + 60_000));
    const before = await filesOnDisk();

    const stale = sendStaffReply(db(), { requestId: request.id, body: "Ответ", loadedAt: T0, lastSeenMessageId: null, attachments: [PDF] }, agent, new Date(T0.getTime() + 120_000));
    await expect(stale).rejects.toMatchObject({ code: "stale" });
    expect(await filesOnDisk()).toEqual(before);

    const { fileIds } = await completeRequest(db(), { requestId: request.id, note: "", files: [PDF] }, agent, new Date(T0.getTime() + 180_000));
    expect(fileIds).toHaveLength(1);
    const completed = await filesOnDisk();
    expect(completed.filter((name) => !before.includes(name))).toEqual(await storedKeys(request.id));

    await expect(completeRequest(db(), { requestId: request.id, note: "", files: [PDF, PNG] }, agent, new Date(T0.getTime() + 240_000))).rejects.toThrow();
    expect(await filesOnDisk()).toEqual(completed);
  });

  it("a requester's message on a closed request stages nothing that stays", async () => {
    const { request, statusToken } = await fileVerifiedRequest(db(), { email: `closed-${engine}-${++counter}@example.kz`, at: T0 });
    await startRequest(db(), { requestId: request.id }, agent, T0);
    await completeRequest(db(), { requestId: request.id, note: "", files: [PDF] }, agent, T0);
    const before = await filesOnDisk();
    expect(await postRequesterMessage(db(), { token: statusToken, body: "Ещё файл", attachments: [PNG], ip: "198.51.100.9" }, T0)).toEqual({ ok: false, error: "closed" });
    expect(await filesOnDisk()).toEqual(before);
  });
});
