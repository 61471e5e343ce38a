import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { testEngines } from "@/db/testing";
import { fileContents, files } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { readRequestFile } from "./read-request-file";
import { recordStagedFiles, transactionWithStagedFiles } from "./staged-files";
import { getFileStorage, newStorageKey, type FileStorage, type FileStorageKind } from "./storage";
import { tinyJpeg, tinyPdf, tinyPng } from "./test-files";
import { useTestStorages } from "./test-storages";
import { validateUploads, type AcceptedUpload } from "./upload-rules";

async function acceptedUploads(): Promise<AcceptedUpload[]> {
  const result = await validateUploads([
    { name: "Паспорт.pdf", bytes: tinyPdf() },
    { name: "../selfie.png", bytes: tinyPng() },
  ]);
  if (!result.ok) throw new Error("test files were refused");
  return result.files;
}

/** Every regular file under a folder, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("getFileStorage", () => {
  it("follows FILE_STORAGE", () => {
    expect(getFileStorage().kind).toBe(getEnv().FILE_STORAGE);
  });
});

describe.each(testEngines())("file storage on %s", (engine) => {
  const fixture = useTestStorages(engine, "pd-files-");

  /** Stages the uploads and records them all as the request's files, as the write paths do. */
  function save(requestId: string, uploads: readonly AcceptedUpload[], storage: FileStorage, purpose: "attachment" | "supporting_document" = "attachment") {
    return transactionWithStagedFiles(fixture.db, uploads, (tx, staged) => recordStagedFiles(tx, { requestId, purpose, uploadedBy: "requester", files: staged }), storage);
  }

  async function storedBytesCount(kind: FileStorageKind, keys: string[]): Promise<number> {
    if (kind === "disk") return (await filesUnder(fixture.diskRoot)).filter((f) => keys.includes(path.basename(f))).length;
    const rows = await fixture.db.select().from(fileContents).where(inArray(fileContents.storageKey, keys));
    return rows.length;
  }

  describe.each(["database", "disk"] as const)("%s storage", (kind) => {
    it("gives back exactly the bytes it was given", async () => {
      const storage = fixture.storages[kind];
      const key = newStorageKey();
      const everyByte = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      await storage.put(key, everyByte);
      expect(new Uint8Array(await storage.get(key) ?? [])).toEqual(everyByte);
      expect(await storage.get(newStorageKey())).toBeNull();
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it("refuses keys it did not make", async () => {
      const storage = fixture.storages[kind];
      for (const key of ["../../etc/passwd", "", "AB", `${newStorageKey()}/../x`]) {
        await expect(storage.put(key, tinyPng())).rejects.toThrow("invalid file storage key");
        await expect(storage.get(key)).rejects.toThrow("invalid file storage key");
      }
    });

    it("saves a request's files and reads them back through the request", async () => {
      const requestId = await fixture.insertRequest();
      const uploads = await acceptedUploads();
      const rows = await save(requestId, uploads, fixture.storages[kind], "supporting_document");
      expect(rows.map((r) => [r.filename, r.contentType, r.sizeBytes, r.storage])).toEqual([
        ["Паспорт.pdf", "application/pdf", tinyPdf().byteLength, kind],
        ["selfie.png", "image/png", tinyPng().byteLength, kind],
      ]);
      expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(rows.map((r) => r.storageKey)).size).toBe(2);

      const read = await readRequestFile(fixture.db, { requestId, fileId: rows[1]!.id }, fixture.storages[kind]);
      expect(read?.file.id).toBe(rows[1]!.id);
      expect(new Uint8Array(read!.bytes)).toEqual(tinyPng());
    });

    it("leaves no rows and no bytes when saving fails part-way", async () => {
      const requestId = await fixture.insertRequest();
      const real = fixture.storages[kind];
      let puts = 0;
      const failsOnSecond: FileStorage = {
        ...real,
        put: (key, bytes, tx) => (++puts === 2 ? Promise.reject(new Error("disk full")) : real.put(key, bytes, tx)),
      };
      const keys: string[] = [];
      const spy: FileStorage = { ...failsOnSecond, put: (key, bytes, t) => (keys.push(key), failsOnSecond.put(key, bytes, t)) };
      await expect(save(requestId, await acceptedUploads(), spy)).rejects.toThrow("disk full");
      expect(keys).toHaveLength(2);
      expect(await fixture.db.select().from(files).where(eq(files.requestId, requestId))).toEqual([]);
      expect(await storedBytesCount(kind, keys)).toBe(0);
    });

    it("refuses another request's file, a deleted file and ids that are not UUIDs", async () => {
      const mine = await fixture.insertRequest();
      const theirs = await fixture.insertRequest();
      const [row] = await save(theirs, [{ filename: "x.jpg", contentType: "image/jpeg", sizeBytes: tinyJpeg().byteLength, bytes: tinyJpeg() }], fixture.storages[kind]);
      const storage = fixture.storages[kind];
      expect(await readRequestFile(fixture.db, { requestId: mine, fileId: row!.id }, storage)).toBeNull();
      expect(await readRequestFile(fixture.db, { requestId: theirs, fileId: row!.id }, storage)).not.toBeNull();
      expect(await readRequestFile(fixture.db, { requestId: theirs, fileId: "../../etc/passwd" }, storage)).toBeNull();
      expect(await readRequestFile(fixture.db, { requestId: "1 or 1=1", fileId: row!.id }, storage)).toBeNull();

      await fixture.db.update(files).set({ deletedAt: new Date() }).where(eq(files.id, row!.id));
      expect(await readRequestFile(fixture.db, { requestId: theirs, fileId: row!.id }, storage)).toBeNull();
    });

    it("refuses to serve bytes that no longer match their checksum", async () => {
      const requestId = await fixture.insertRequest();
      const [row] = await save(requestId, (await acceptedUploads()).slice(0, 1), fixture.storages[kind]);
      if (kind === "disk") await writeFile(path.join(fixture.diskRoot, row!.storageKey.slice(0, 2), row!.storageKey), "tampered");
      else await fixture.db.update(fileContents).set({ content: Buffer.from("tampered") }).where(eq(fileContents.storageKey, row!.storageKey));
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        expect(await readRequestFile(fixture.db, { requestId, fileId: row!.id }, fixture.storages[kind])).toBeNull();
        expect(quiet).toHaveBeenCalledWith(expect.stringContaining("does not match its checksum"));
      } finally {
        quiet.mockRestore();
      }
    });
  });

  it("database storage: rolling back the request's transaction leaves no rows and no bytes", async () => {
    const requestId = await fixture.insertRequest();
    const keys: string[] = [];
    await expect(
      transactionWithStagedFiles(
        fixture.db,
        await acceptedUploads(),
        async (tx, staged) => {
          const rows = await recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged });
          keys.push(...rows.map((r) => r.storageKey));
          throw new Error("the request failed after the files were saved");
        },
        fixture.storages.database,
      ),
    ).rejects.toThrow("the request failed");
    expect(keys).toHaveLength(2);
    expect(await fixture.db.select().from(files).where(eq(files.requestId, requestId))).toEqual([]);
    expect(await storedBytesCount("database", keys)).toBe(0);
  });

  it("database storage: a file for a request that does not exist is refused before anything is stored", async () => {
    const before = await fixture.db.select({ n: sql<number>`count(*)::int` }).from(fileContents);
    await expect(save(newStorageKey(), await acceptedUploads(), fixture.storages.database)).rejects.toThrow();
    expect(await fixture.db.select({ n: sql<number>`count(*)::int` }).from(fileContents)).toEqual(before);
  });

  it("disk storage: files sit in 2-character folders, with no temporary files left", async () => {
    const key = newStorageKey();
    await fixture.storages.disk.put(key, tinyPdf());
    const all = await filesUnder(fixture.diskRoot);
    expect(all).toContain(path.join(key.slice(0, 2), key));
    expect(all.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(all.every((f) => /^[0-9a-f]{2}[\\/][0-9a-f-]{36}$/.test(f))).toBe(true);
  });

  it("disk storage: a row says which storage holds its bytes, and reading with another is an error", async () => {
    const requestId = await fixture.insertRequest();
    const [row] = await save(requestId, (await acceptedUploads()).slice(0, 1), fixture.storages.disk);
    await expect(readRequestFile(fixture.db, { requestId, fileId: row!.id }, fixture.storages.database)).rejects.toThrow("disk storage");
  });
});
