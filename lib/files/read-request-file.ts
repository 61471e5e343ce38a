import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { files, type StoredFile } from "@/db/schema";
import { log } from "@/lib/log";
import { isUuid } from "@/lib/text/uuid";
import { sha256Hex } from "./checksum";
import { fileStorageFor, isFileStorageKind, type FileStorage } from "./storage";

/**
 * A file of a request with its bytes, or null when it does not exist, belongs to another request
 * or was deleted. The ids may come straight from a URL: anything but a UUID is simply not found.
 * Authorization (who may see this request) is the caller's job.
 */
export async function readRequestFile(
  db: Executor,
  where: { requestId: string; fileId: string },
  storage?: FileStorage,
): Promise<{ file: StoredFile; bytes: Uint8Array } | null> {
  if (!isUuid(where.requestId) || !isUuid(where.fileId)) return null;
  const [file] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, where.fileId), eq(files.requestId, where.requestId), isNull(files.deletedAt)));
  if (!file) return null;
  if (!isFileStorageKind(file.storage)) throw new Error(`file ${file.id} is in unknown storage "${file.storage}"`);
  const backend = storage ?? fileStorageFor(file.storage);
  if (backend.kind !== file.storage) throw new Error(`file ${file.id} is in ${file.storage} storage, not ${backend.kind}`);
  const bytes = await backend.get(file.storageKey, db);
  // Missing or altered bytes are an integrity failure to investigate, not something to serve.
  if (!bytes || sha256Hex(bytes) !== file.sha256) {
    log.error("stored file is missing or does not match its checksum", { fileId: file.id, storage: file.storage });
    return null;
  }
  return { file, bytes };
}
