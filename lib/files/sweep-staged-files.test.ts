import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { createDiskFileStorage } from "./disk-storage";
import { recordStagedFiles, transactionWithStagedFiles } from "./staged-files";
import { newStorageKey } from "./storage";
import { STAGED_FILE_GRACE_MS, sweepStagedFiles } from "./sweep-staged-files";
import { tinyPdf } from "./test-files";

describe.each(testEngines())("sweeping files a crash left on disk, on %s", (engine) => {
  let database: TestDatabase;
  let root: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    root = await mkdtemp(path.join(tmpdir(), "pd-sweep-"));
  });
  afterAll(async () => {
    await database?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const names = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();

  it("removes old bytes no row names and old temporary files; keeps recorded and recent ones", async () => {
    const disk = createDiskFileStorage(root);
    const [request] = await database.db
      .insert(requests)
      .values({ type: "access", locale: "ru", jurisdiction: "KZ", requesterName: "Айгерим", requesterEmail: "a@example.kz", details: {}, consentAt: new Date(), verifyBy: new Date() })
      .returning({ id: requests.id });
    const pdf = { filename: "a.pdf", contentType: "application/pdf" as const, sizeBytes: tinyPdf().byteLength, bytes: tinyPdf() };
    const [recorded] = await transactionWithStagedFiles(database.db, [pdf], (tx, staged) => recordStagedFiles(tx, { requestId: request!.id, purpose: "attachment", uploadedBy: "requester", files: staged }), disk);
    const orphan = newStorageKey();
    const recent = newStorageKey();
    await disk.put(orphan, tinyPdf());
    await disk.put(recent, tinyPdf());
    const unfinished = path.join(root, orphan.slice(0, 2), `${orphan}.0a1b2c.tmp`);
    await writeFile(unfinished, "half");

    const now = new Date();
    const longAgo = new Date(now.getTime() - STAGED_FILE_GRACE_MS - 60_000);
    for (const key of [recorded!.storageKey, orphan]) await utimes(path.join(root, key.slice(0, 2), key), longAgo, longAgo);
    await utimes(unfinished, longAgo, longAgo);

    expect(await sweepStagedFiles(database.db, root, now)).toBe(2);
    expect(await names()).toEqual([recorded!.storageKey, recent].sort());
    expect(await sweepStagedFiles(database.db, path.join(root, "missing"), now)).toBe(0);
  });
});
