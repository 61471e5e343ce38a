import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { files, type FilePurpose, type StoredFile } from "@/db/schema";
import { log } from "@/lib/log";
import { fileStorageFor, getFileStorage, isFileStorageKind, newStorageKey, type FileStorage } from "./storage";
import type { AcceptedUpload } from "./upload-rules";
import { isUuid } from "@/lib/text/uuid";

export type SaveRequestFilesInput = {
  requestId: string;
  messageId?: string | null;
  purpose: FilePurpose;
  /** Who uploaded, as the caller records actors (e.g. "requester", or a staff id). */
  uploadedBy: string;
  /** Only what validateUploads accepted: the type and name were decided there. */
  files: readonly AcceptedUpload[];
};

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Records the files of one submission or message inside the caller's transaction and stores their
 * bytes. The caller writes the audit event for the action the files belong to (with the returned ids).
 */
export async function saveRequestFiles(tx: Tx, input: SaveRequestFilesInput, storage: FileStorage = getFileStorage()): Promise<StoredFile[]> {
  const saved: StoredFile[] = [];
  const written: string[] = [];
  try {
    for (const [position, upload] of input.files.entries()) {
      const storageKey = newStorageKey();
      // The row first: a bad request id fails before any bytes are written.
      const [row] = await tx
        .insert(files)
        .values({
          requestId: input.requestId,
          messageId: input.messageId ?? null,
          purpose: input.purpose,
          filename: upload.filename,
          contentType: upload.contentType,
          sizeBytes: upload.bytes.byteLength,
          sha256: sha256Hex(upload.bytes),
          storage: storage.kind,
          storageKey,
          uploadedBy: input.uploadedBy,
          position,
        })
        .returning();
      await storage.put(storageKey, upload.bytes, tx);
      written.push(storageKey);
      saved.push(row!);
    }
  } catch (error) {
    // The rollback undoes the rows (and database bytes); bytes on disk we remove ourselves.
    if (!storage.transactional) await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  return saved;
}


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
