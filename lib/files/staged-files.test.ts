import { readdir } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { fileContents, files } from "@/db/schema";
import { testEngines } from "@/db/testing";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "./checksum";
import { recordStagedFiles, transactionWithStagedFiles } from "./staged-files";
import type { FileStorageKind } from "./storage";
import { tinyPdf, tinyPng } from "./test-files";
import { useTestStorages } from "./test-storages";
import type { AcceptedUpload } from "./upload-rules";

const UPLOADS: AcceptedUpload[] = [
  { filename: "passport.pdf", contentType: "application/pdf", sizeBytes: tinyPdf().byteLength, bytes: tinyPdf() },
  { filename: "selfie.png", contentType: "image/png", sizeBytes: tinyPng().byteLength, bytes: tinyPng() },
];

/** A database whose transactions run `work` but whose COMMIT then "fails" (the connection lost at COMMIT). */
function commitFails(db: Db, committed: boolean): Db {
  return Object.assign(Object.create(db) as Db, {
    transaction: async (work: Parameters<Db["transaction"]>[0]) => {
      await db
        .transaction(async (tx) => {
          await work(tx);
          // Nothing committed: the rollback stands in for a COMMIT that never arrived.
          if (!committed) tx.rollback();
        })
        .catch(() => {});
      throw new Error("connection lost at COMMIT");
    },
  });
}

describe.each(testEngines())("files staged before the transaction on %s", (engine) => {
  const fixture = useTestStorages(engine, "pd-staged-");

  /** The storage keys that have bytes, on disk or in file_contents. */
  async function keysWithBytes(kind: FileStorageKind): Promise<string[]> {
    if (kind === "disk") {
      const entries = await readdir(fixture.diskRoot, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    }
    return (await fixture.db.select({ key: fileContents.storageKey }).from(fileContents)).map((row) => row.key).sort();
  }

  it("disk: the bytes are written before the transaction opens", async () => {
    const requestId = await fixture.insertRequest();
    const before = await keysWithBytes("disk");
    let onDiskWhenOpened: string[] = [];
    const watching = Object.assign(Object.create(fixture.db) as Db, {
      transaction: async (work: Parameters<Db["transaction"]>[0]) => {
        onDiskWhenOpened = (await keysWithBytes("disk")).filter((key) => !before.includes(key));
        return fixture.db.transaction(work);
      },
    });
    const rows = await transactionWithStagedFiles(watching, UPLOADS, (tx, staged) => recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged }), fixture.storages.disk);
    expect(onDiskWhenOpened.sort()).toEqual(rows.map((row) => row.storageKey).sort());
  });

  describe.each(["database", "disk"] as const)("%s storage", (kind) => {
    it("a committed transaction keeps its rows, with their bytes, checksums and order", async () => {
      const requestId = await fixture.insertRequest();
      const rows = await transactionWithStagedFiles(fixture.db, UPLOADS, (tx, staged) => recordStagedFiles(tx, { requestId, purpose: "supporting_document", uploadedBy: "requester", files: staged }), fixture.storages[kind]);
      expect(rows.map((row) => [row.filename, row.position, row.sizeBytes, row.storage])).toEqual([
        ["passport.pdf", 0, tinyPdf().byteLength, kind],
        ["selfie.png", 1, tinyPng().byteLength, kind],
      ]);
      expect(rows[1]!.sha256).toBe(sha256Hex(tinyPng()));
      expect(new Uint8Array((await fixture.storages[kind].get(rows[0]!.storageKey)) ?? [])).toEqual(tinyPdf());
      expect(await keysWithBytes(kind)).toEqual(expect.arrayContaining(rows.map((row) => row.storageKey)));
    });

    it("a refused transaction leaves no staged file and no row", async () => {
      const requestId = await fixture.insertRequest();
      const before = await keysWithBytes(kind);
      let stagedKeys: string[] = [];
      await expect(
        transactionWithStagedFiles(
          fixture.db,
          UPLOADS,
          async (tx, staged) => {
            stagedKeys = staged.map((file) => file.storageKey);
            await recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged });
            throw new AppError("stale");
          },
          fixture.storages[kind],
        ),
      ).rejects.toMatchObject({ code: "stale" });
      expect(stagedKeys).toHaveLength(2);
      expect(await keysWithBytes(kind)).toEqual(before);
      expect(await fixture.db.select().from(files).where(eq(files.requestId, requestId))).toEqual([]);
    });

    it("files the transaction did not record are removed once it commits", async () => {
      const requestId = await fixture.insertRequest();
      const before = await keysWithBytes(kind);
      const rows = await transactionWithStagedFiles(fixture.db, UPLOADS, (tx, staged) => recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged.slice(1) }), fixture.storages[kind]);
      expect(rows.map((row) => [row.filename, row.position])).toEqual([["selfie.png", 0]]);
      expect((await keysWithBytes(kind)).filter((key) => !before.includes(key))).toEqual([rows[0]!.storageKey]);
    });

    it("a COMMIT that failed after committing keeps the bytes its rows point to", async () => {
      const requestId = await fixture.insertRequest();
      const before = await keysWithBytes(kind);
      let recorded: string[] = [];
      await expect(
        transactionWithStagedFiles(
          commitFails(fixture.db, true),
          UPLOADS,
          async (tx, staged) => {
            recorded = (await recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged.slice(0, 1) })).map((row) => row.storageKey);
          },
          fixture.storages[kind],
        ),
      ).rejects.toThrow("connection lost at COMMIT");
      const rows = await fixture.db.select().from(files).where(eq(files.requestId, requestId));
      expect(rows.map((row) => row.storageKey)).toEqual(recorded);
      expect((await keysWithBytes(kind)).filter((key) => !before.includes(key))).toEqual(recorded);
    });

    it("a COMMIT that failed without committing leaves no staged file", async () => {
      const requestId = await fixture.insertRequest();
      const before = await keysWithBytes(kind);
      await expect(
        transactionWithStagedFiles(
          commitFails(fixture.db, false),
          UPLOADS,
          async (tx, staged) => {
            await recordStagedFiles(tx, { requestId, purpose: "attachment", uploadedBy: "requester", files: staged });
          },
          fixture.storages[kind],
        ),
      ).rejects.toThrow("connection lost at COMMIT");
      expect(await fixture.db.select().from(files).where(eq(files.requestId, requestId))).toEqual([]);
      expect(await keysWithBytes(kind)).toEqual(before);
    });
  });
});
