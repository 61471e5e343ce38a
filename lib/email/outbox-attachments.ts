import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { files, requestMessages, type StoredFile } from "@/db/schema";
import { readRequestFile } from "@/lib/files/read-request-file";
import { DeliveryError, type MailAttachment } from "./transports";
import { FILE_ORDER } from "@/lib/files/file-order";

/**
 * The files an outbox e-mail carries, per e-mail id: the attachments of the request message it
 * delivers (a staff reply's files are saved on its message, lib/replies/send-staff-reply.ts).
 * The outbox row holds no copy: a file removed by anonymisation is gone from the e-mail too (its
 * pending e-mail is failed then anyway). One query for a whole batch.
 */
export async function outboxAttachmentFiles(db: Executor, emailIds: readonly string[]): Promise<Map<string, StoredFile[]>> {
  const byEmail = new Map<string, StoredFile[]>();
  if (emailIds.length === 0) return byEmail;
  const rows = await db
    .select({ emailId: requestMessages.outboxEmailId, file: files })
    .from(files)
    .innerJoin(requestMessages, eq(requestMessages.id, files.messageId))
    .where(and(inArray(requestMessages.outboxEmailId, [...emailIds]), eq(files.purpose, "attachment"), isNull(files.deletedAt)))
    .orderBy(...FILE_ORDER);
  for (const { emailId, file } of rows) {
    if (!emailId) continue;
    byEmail.set(emailId, [...(byEmail.get(emailId) ?? []), file]);
  }
  return byEmail;
}

/**
 * The bytes of an e-mail's files, checked against their stored checksums. A file whose bytes are
 * missing or altered fails the e-mail for good (sending it again cannot help); a database that
 * does not answer fails this try only.
 */
export async function readOutboxAttachments(db: Executor, stored: readonly StoredFile[]): Promise<MailAttachment[]> {
  const attachments: MailAttachment[] = [];
  for (const file of stored) {
    const read = await readRequestFile(db, { requestId: file.requestId, fileId: file.id });
    if (!read) throw new DeliveryError(`attachment ${file.id} is missing or does not match its checksum`, "permanent");
    attachments.push({ filename: read.file.filename, contentType: read.file.contentType, content: read.bytes });
  }
  return attachments;
}
