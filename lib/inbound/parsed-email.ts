import type { BounceDetail, InboundKind } from "@/db/schema";

/** What parsing an inbound RFC 822 message yields; everything the ingest needs to match and apply it. */
export type ParsedInboundEmail = {
  /** The Message-ID header with its angle brackets ("<id@host>"), or null when there is none. */
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  /** Every recipient address (To, Cc, Delivered-To, X-Original-To, Envelope-To), lower-cased, no duplicates. */
  recipients: string[];
  subject: string | null;
  date: Date | null;
  inReplyTo: string | null;
  /** The References header's ids, oldest first, each "<…>". */
  references: string[];
  kind: InboundKind;
  /** For kind "bounce": what the delivery-status report says. */
  bounce: BounceDetail | null;
  /** The full plain text as written (from the HTML part when there is no text part). */
  text: string;
  /** The text with quoted history and signatures-after-quote removed, for display. */
  visibleText: string;
  /** The HTML part, sanitized (no scripts, styles, event handlers, remote images, forms); null when none. */
  htmlSanitized: string | null;
  /** The Authentication-Results header values, topmost (added last) first; judged against the trusted authserv-ids when matching. */
  authenticationResults: string[];
  /** Real attachments (not the parts of a delivery-status report, not the text/HTML bodies). */
  attachments: { filename: string; contentType: string; bytes: Uint8Array }[];
};

/** The message could not be read as e-mail at all (kept with this error, can be retried). */
export class MalformedEmailError extends Error {
  constructor(reason: string) {
    super(`malformed e-mail: ${reason}`);
    this.name = "MalformedEmailError";
  }
}
