import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outboxEmails, type OutboxEmail } from "@/db/schema";
import { outboxAttachmentFiles } from "./outbox-attachments";

export type DevMailboxItem = Pick<OutboxEmail, "id" | "toAddress" | "subject" | "template" | "status" | "createdAt">;

export const DEV_MAILBOX_LIMIT = 100;

/** The outbox, newest first, optionally only the mail to one address (case-insensitive). */
export async function listDevMailbox(db: Db, { to, limit = DEV_MAILBOX_LIMIT }: { to?: string; limit?: number }): Promise<DevMailboxItem[]> {
  const recipient = to?.trim();
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      template: outboxEmails.template,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .where(recipient ? sql`lower(${outboxEmails.toAddress}) = ${recipient.toLowerCase()}` : undefined)
    // created_at ties (one transaction writes several mails with the same now()) fall back to id
    // only for a stable order; "newest" is by time.
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/** A file the e-mail carries, as the mailbox lists it. */
export type DevMailboxAttachment = { filename: string; contentType: string; sizeBytes: number };

/** One email with the files it carries (lib/email/outbox-attachments.ts), or null for an unknown or malformed id. */
export async function getDevMailboxEmail(db: Db, id: string): Promise<(OutboxEmail & { attachments: DevMailboxAttachment[] }) | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)).limit(1);
  if (!email) return null;
  const files = (await outboxAttachmentFiles(db, [email.id])).get(email.id) ?? [];
  return { ...email, attachments: files.map(({ filename, contentType, sizeBytes }) => ({ filename, contentType, sizeBytes })) };
}
