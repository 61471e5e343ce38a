import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { requests } from "@/db/schema";
import { createTestDatabase, type Engine, type TestDatabase } from "@/db/testing";
import { createDatabaseFileStorage } from "./database-storage";
import { createDiskFileStorage } from "./disk-storage";
import type { FileStorage, FileStorageKind } from "./storage";

/**
 * For the storage tests, inside a describe block: a fresh database on `engine`, both kinds of file
 * storage (the disk one in a temporary folder) and a way to add a request for files to belong to;
 * made before the block's tests and removed after them.
 */
export function useTestStorages(engine: Engine, folderPrefix: string) {
  let database: TestDatabase | undefined;
  let diskRoot: string | undefined;
  const storages = {} as Record<FileStorageKind, FileStorage>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    diskRoot = await mkdtemp(path.join(tmpdir(), folderPrefix));
    storages.database = createDatabaseFileStorage(() => database!.db);
    storages.disk = createDiskFileStorage(diskRoot);
  });
  afterAll(async () => {
    await database?.drop();
    if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTestStorages: used outside the describe block's tests");
    return value;
  };
  return {
    get db() {
      return ready(database).db;
    },
    get diskRoot() {
      return ready(diskRoot);
    },
    storages,
    /** A new access request, for files to belong to; its id. */
    async insertRequest(): Promise<string> {
      const [row] = await ready(database)
        .db.insert(requests)
        .values({ type: "access", locale: "ru", jurisdiction: "KZ", requesterName: "Айгерим Тестова", requesterEmail: "aigerim@example.com", details: {}, consentAt: new Date(), verifyBy: new Date(Date.now() + 86_400_000) })
        .returning({ id: requests.id });
      return row!.id;
    },
  };
}
