import type { Email } from "postal-mime";
import type { BounceDetail, InboundKind } from "@/db/schema";
import { isAutoReply } from "./detect-auto-reply";
import { DELIVERY_STATUS_TYPES, isBounce, readBounceDetail, RETURNED_MESSAGE_TYPES } from "./detect-bounce";

export type InboundClassification = { kind: InboundKind; bounce: BounceDetail | null };

/**
 * Is this a person's reply, a bounce or an automatic reply? A bounce is checked first (DSNs and
 * Exim's reports often carry Auto-Submitted too) and comes with what the report says; fields it
 * lacks are null. A "delayed" report is a bounce too, with action "delayed": the caller decides
 * what a warning means.
 */
export function classifyInboundEmail(email: Email): InboundClassification {
  if (isBounce(email)) return { kind: "bounce", bounce: readBounceDetail(email) };
  return { kind: isAutoReply(email) ? "auto_reply" : "reply", bounce: null };
}

/** The report and returned-message parts of a bounce: evidence for the parser, not files the sender attached. */
export function isBounceReportPart(mimeType: string): boolean {
  return DELIVERY_STATUS_TYPES.has(mimeType) || RETURNED_MESSAGE_TYPES.has(mimeType);
}

/** Parts that are never attachments, bounce or not. */
export function isReportPart(mimeType: string): boolean {
  return DELIVERY_STATUS_TYPES.has(mimeType) || mimeType === "message/disposition-notification" || mimeType === "message/feedback-report";
}
