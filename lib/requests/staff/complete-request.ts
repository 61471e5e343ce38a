import { inArray } from "drizzle-orm";
import { REQUEST_TYPE_REGISTRY } from "../types";
import { z } from "zod";
import type { Db } from "@/db/client";
import { files, type Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordStagedFiles, transactionWithStagedFiles } from "@/lib/files/staged-files";
import { MAX_FILES_PER_SUBMISSION, type AcceptedUpload } from "@/lib/files/upload-rules";
import { AppError } from "@/lib/errors/app-error";
import { completeRequestSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { emailRequester, lockRequest, moveRequest, requesterDate, requestTypeTitle, targetStatus } from "./staff-context";
import { insertOutboundMessage } from "./insert-outbound-message";

/** How long a delivered data package can be downloaded from the status page. */
export const DATA_PACKAGE_DAYS = 30;

const inputSchema = completeRequestSchema.extend({
  /** Only what validateUploads/readUploads accepted. */
  files: z.array(z.custom<AcceptedUpload>((value) => typeof value === "object" && value !== null && "bytes" in value, "invalid")).max(MAX_FILES_PER_SUBMISSION, `tooMany:${MAX_FILES_PER_SUBMISSION}`).default([]),
});

export type CompleteRequestInput = z.input<typeof inputSchema>;

/**
 * Completes an open request. For access the data package is the point: at least one file,
 * stored as a "data_package" the requester can download from the status page for 30 days. For
 * correction, deletion and credential misuse the note says what was done (files are optional).
 * The requester gets an email with the note and a link to the status page.
 */
export async function completeRequest(
  db: Db,
  input: CompleteRequestInput,
  actor: CurrentStaff,
  now = new Date(),
): Promise<{ request: Request; fileIds: string[] }> {
  const data = parseInput(inputSchema, input);
  assertCan(actor, "requests.work");
  // The package's bytes are written before the transaction opens (and removed if it is refused).
  return transactionWithStagedFiles(db, data.files, async (tx, staged) => {
    const request = await lockRequest(tx, data.requestId);
    targetStatus(request, "complete", actor);
    const { completion } = REQUEST_TYPE_REGISTRY[request.type];
    if (completion === "data_package" && data.files.length === 0) throw new AppError("invalid", { fieldErrors: { files: "fileRequired" } });
    if (completion === "note" && !data.note) throw new AppError("invalid", { fieldErrors: { note: "required" } });

    const availableUntil = new Date(now.getTime() + DATA_PACKAGE_DAYS * 86_400_000);
    const email = await emailRequester(
      tx,
      request,
      "request_completed",
      {
        requestType: await requestTypeTitle(request),
        note: data.note,
        filesAvailableUntil: data.files.length > 0 ? requesterDate(request, availableUntil) : null,
      },
      now,
    );
    let messageId: string | null = null;
    if (data.note) {
      messageId = (await insertOutboundMessage(tx, { requestId: request.id, staffId: actor.id, body: data.note, outboxEmailId: email.id, now })).id;
    }
    const saved = await recordStagedFiles(tx, { requestId: request.id, purpose: "data_package", uploadedBy: actor.id, files: staged });
    const fileIds = saved.map((file) => file.id);
    if (fileIds.length > 0) await tx.update(files).set({ availableUntil }).where(inArray(files.id, fileIds));

    const updated = await moveRequest(tx, request, {
      action: "complete",
      actor,
      now,
      event: { kind: "completed", data: { messageId, files: fileIds, availableUntil: fileIds.length > 0 ? availableUntil.toISOString() : null } },
      set: { outcomeNote: data.note || null },
    });
    return { request: updated, fileIds };
  });
}
