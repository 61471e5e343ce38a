import { and, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { files, type FilePurpose, type StoredFile } from "@/db/schema";
import { errorMessage, log } from "@/lib/log";
import { sha256Hex } from "./checksum";
import { getFileStorage, newStorageKey, type FileStorage } from "./storage";
import type { AcceptedUpload } from "./upload-rules";

/** The storage the files of one transaction were staged in, and which of them got a row (key → request id). */
type Staging = { readonly storage: FileStorage; readonly recorded: Map<string, string> };

/**
 * An accepted upload with its storage key and checksum. On disk its bytes are already written and
 * fsynced; storage that joins the transaction (the database) gets them with the file's row.
 */
export type StagedFile = {
  readonly storageKey: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly staging: Staging;
};

export type RecordStagedFilesInput = {
  requestId: string;
  messageId?: string | null;
  purpose: FilePurpose;
  /** Who uploaded, as the caller records actors (e.g. "requester", or a staff id). */
  uploadedBy: string;
  /** Staged by the transactionWithStagedFiles this runs in, in the order the sender attached them. */
  files: readonly StagedFile[];
};

async function removeBytes(staged: readonly StagedFile[]): Promise<void> {
  const onDisk = staged.filter((file) => !file.staging.storage.transactional);
  const results = await Promise.allSettled(onDisk.map((file) => file.staging.storage.delete(file.storageKey)));
  results.forEach((result, i) => {
    if (result.status === "rejected") log.warn("a staged file could not be removed", { storageKey: onDisk[i]!.storageKey, error: errorMessage(result.reason) });
  });
}

/** Writes (and fsyncs) every upload's bytes, all or none: a failure removes those already written. */
async function stageFiles(uploads: readonly AcceptedUpload[], staging: Staging): Promise<StagedFile[]> {
  const staged = uploads.map((upload) => ({
    storageKey: newStorageKey(),
    filename: upload.filename,
    contentType: upload.contentType,
    sizeBytes: upload.bytes.byteLength,
    sha256: sha256Hex(upload.bytes),
    bytes: upload.bytes,
    staging,
  }));
  if (staging.storage.transactional) return staged;
  const written = await Promise.allSettled(staged.map((file) => staging.storage.put(file.storageKey, file.bytes)));
  const failure = written.find((result) => result.status === "rejected");
  if (failure) {
    await removeBytes(staged.filter((_, i) => written[i]!.status === "fulfilled"));
    throw failure.reason;
  }
  return staged;
}

/**
 * After a failed COMMIT the transaction may or may not have committed: bytes a row now points to
 * stay, the others go. If even that cannot be read, they all stay (a missing file is worse than an
 * orphan) and the log names their random keys.
 */
async function removeUncommitted(db: Db, staged: readonly StagedFile[], staging: Staging): Promise<void> {
  const recordedFor = [...new Set(staging.recorded.values())];
  try {
    const kept =
      recordedFor.length === 0
        ? []
        : await db
            .select({ storageKey: files.storageKey })
            .from(files)
            .where(and(inArray(files.requestId, recordedFor), inArray(files.storageKey, staged.map((file) => file.storageKey))));
    const keptKeys = new Set(kept.map((row) => row.storageKey));
    await removeBytes(staged.filter((file) => !keptKeys.has(file.storageKey)));
  } catch (error) {
    log.error("staged files kept: their transaction's outcome is unknown", { storageKeys: staged.map((f) => f.storageKey).join(","), error: errorMessage(error) });
  }
}

/**
 * Runs `work` in a transaction with the uploads staged first: their bytes are written and fsynced
 * before the transaction opens (nothing slow holds its locks), and `work` records the ones it
 * keeps with recordStagedFiles. Bytes no committed row points to are removed — those of a
 * transaction that failed or was refused, and those `work` did not record — so no orphan stays
 * and no row points at missing bytes. Every write path that stores uploaded files goes through here.
 */
export async function transactionWithStagedFiles<T>(
  db: Db,
  uploads: readonly AcceptedUpload[],
  work: (tx: Tx, staged: readonly StagedFile[]) => Promise<T>,
  storage: FileStorage = getFileStorage(),
): Promise<T> {
  const staging: Staging = { storage, recorded: new Map() };
  const staged = await stageFiles(uploads, staging);
  let workDone = false;
  let result: T;
  try {
    result = await db.transaction(async (tx) => {
      const value = await work(tx, staged);
      workDone = true;
      return value;
    });
  } catch (error) {
    // `work` threw: the transaction was rolled back. Otherwise its COMMIT failed, outcome unknown.
    if (staged.length > 0) await (workDone ? removeUncommitted(db, staged, staging) : removeBytes(staged));
    throw error;
  }
  await removeBytes(staged.filter((file) => !staging.recorded.has(file.storageKey)));
  return result;
}

/**
 * The files rows of staged uploads, in the transaction transactionWithStagedFiles opened (storage
 * that joins it gets the bytes here, after the rows: a bad request id fails before any is written).
 * The caller writes the audit event for the action the files belong to, with the returned ids.
 */
export async function recordStagedFiles(tx: Tx, input: RecordStagedFilesInput): Promise<StoredFile[]> {
  if (input.files.length === 0) return [];
  const rows = await tx
    .insert(files)
    .values(
      input.files.map((file, position) => ({
        requestId: input.requestId,
        messageId: input.messageId ?? null,
        purpose: input.purpose,
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        storage: file.staging.storage.kind,
        storageKey: file.storageKey,
        uploadedBy: input.uploadedBy,
        position,
      })),
    )
    .returning();
  for (const file of input.files) {
    if (file.staging.storage.transactional) await file.staging.storage.put(file.storageKey, file.bytes, tx);
    file.staging.recorded.set(file.storageKey, input.requestId);
  }
  const byKey = new Map(rows.map((row) => [row.storageKey, row]));
  return input.files.map((file) => byKey.get(file.storageKey)!);
}
