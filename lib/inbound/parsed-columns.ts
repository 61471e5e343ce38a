import type { InboundEmail } from "@/db/schema";
import type { ParsedInboundEmail } from "./parsed-email";

/**
 * The parsed fields kept on an inbound_emails row (for the dashboard and later matching), as
 * processInboundEmail writes them. Staff attaching a message whose earlier processing failed
 * write them here, since a failed row never got them.
 */
export function parsedColumns(parsed: ParsedInboundEmail, messageId: string) {
  return {
    messageId,
    messageIdSynthesized: parsed.messageId === null,
    kind: parsed.kind,
    fromAddress: parsed.from?.address ?? null,
    fromName: parsed.from?.name ?? null,
    toAddresses: parsed.recipients,
    subject: parsed.subject,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    textBody: parsed.text,
    visibleText: parsed.visibleText,
    htmlSanitized: parsed.htmlSanitized,
    attachmentCount: parsed.attachments.length,
    bounce: parsed.bounce,
  } satisfies Partial<InboundEmail>;
}
