import type { Attachment, Email } from "postal-mime";
import type { BounceDetail, InboundKind } from "@/db/schema";
import { firstMessageId } from "./message-ids";

export type InboundClassification = { kind: InboundKind; bounce: BounceDetail | null };

/** The machine-readable report of a DSN (RFC 3464; "global" is the SMTPUTF8 variant, RFC 6533). */
const DELIVERY_STATUS_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
/** The returned message, whole or headers only, that a bounce carries as evidence. */
const RETURNED_MESSAGE_TYPES = new Set(["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"]);

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster)(?:@|$)/i;
const BOUNCE_SUBJECT =
  /delivery status notification|undeliver(?:ed|able)|returned mail|mail delivery failed|delivery failure|недоставленное сообщение|сообщение не доставлено/i;

/** RFC 3834: anything but "no" means a machine sent it. */
const AUTO_SUBMITTED_HUMAN = "no";
const AUTO_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply"]);
/**
 * Headers vacation programs add to their replies (any value). X-Auto-Response-Suppress is left out
 * on purpose: it asks *others* not to auto-reply, and Outlook/Exchange also put it on mail people
 * write (meeting responses, some clients' ordinary sends), so it says nothing about this message.
 * X-MS-Exchange-Inbox-Rules-Loop is left out too: Exchange sets it on mail forwarded by a rule,
 * which can be a person's genuine reply; Exchange's own out-of-office sets Auto-Submitted anyway.
 */
const AUTO_REPLY_HEADERS = ["x-autoreply", "x-autorespond"];
/** Subjects of out-of-office and vacation replies in the languages our requesters write in. */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:(?:automatic reply|auto[- ]?reply|autoresponse|auto)\s*:|out of (?:the )?office(?=[\s:!,.]|$)|autoreply(?=[\s:!,.]|$)|(?:автоответ|автоматический ответ|нет на месте|автожауап|автоматты жауап)(?=[\s:!,.]|$))/iu;

function headerValues(email: Email, key: string): string[] {
  return email.headers.filter((header) => header.key === key).map((header) => header.value.trim());
}

function headerValue(email: Email, key: string): string | null {
  return headerValues(email, key)[0] ?? null;
}

function senderAddress(email: Email): string {
  const from = email.from;
  return (from?.address ?? from?.group?.[0]?.address ?? "").trim();
}

function attachmentText(attachment: Attachment): string {
  const { content } = attachment;
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

/** "Name: value" fields of a header-like block, names lower-cased, folded lines joined; first wins. */
function readFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const match = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (match && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
  }
  return fields;
}

/** The blank-line separated field groups of a delivery-status body: per-message first, then per-recipient. */
function readFieldGroups(text: string): Map<string, string>[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map(readFields)
    .filter((fields) => fields.size > 0);
}

/** "rfc822; Anna@Example.kz" → "anna@example.kz". */
function recipientAddress(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.slice(value.indexOf(";") + 1).trim().replace(/^<|>$/g, "").toLowerCase();
  return address || null;
}

/** "5.1.1 (bad mailbox)" → "5.1.1". */
function statusCode(value: string | undefined): string | null {
  if (!value) return null;
  return /\d\.\d{1,3}\.\d{1,3}/.exec(value)?.[0] ?? (value.trim() || null);
}

/** "smtp; 550 5.1.1 … unknown" → "550 5.1.1 … unknown" (the diagnostic type says nothing to staff). */
function diagnosticText(value: string | undefined): string | null {
  if (!value) return null;
  return value.replace(/^[a-z0-9-]+\s*;\s*/i, "").replace(/\s+/g, " ").trim() || null;
}

/** The per-recipient group to report: the first that failed, else the first one there is. */
function pickRecipientGroup(groups: Map<string, string>[]): Map<string, string> | null {
  const recipients = groups.filter((fields) => fields.has("final-recipient") || fields.has("original-recipient") || fields.has("action"));
  return recipients.find((fields) => fields.get("action")?.toLowerCase() === "failed") ?? recipients[0] ?? null;
}

/** The Message-ID of the mail that bounced: from the returned message's headers, else from the text. */
function findOriginalMessageId(email: Email): string | null {
  for (const attachment of email.attachments.filter((part) => RETURNED_MESSAGE_TYPES.has(part.mimeType))) {
    const headerSection = attachmentText(attachment).split(/\r?\n[ \t]*\r?\n/, 1)[0] ?? "";
    const id = firstMessageId(readFields(headerSection).get("message-id"));
    if (id) return id;
  }
  // Exim and some hosted services paste the returned headers into the notice's text instead.
  const pasted = /^[ \t]*message-id[ \t]*:[ \t]*(<[^<>\s]+>)/im.exec(email.text ?? "");
  return pasted ? firstMessageId(pasted[1]) : null;
}

function readBounceDetail(email: Email): BounceDetail {
  const report = email.attachments.find((part) => DELIVERY_STATUS_TYPES.has(part.mimeType));
  const recipient = report ? pickRecipientGroup(readFieldGroups(attachmentText(report))) : null;
  return {
    originalMessageId: findOriginalMessageId(email),
    recipient: recipientAddress(recipient?.get("final-recipient") ?? recipient?.get("original-recipient")),
    status: statusCode(recipient?.get("status")),
    action: recipient?.get("action")?.toLowerCase() || null,
    diagnostic: diagnosticText(recipient?.get("diagnostic-code")),
  };
}

function isBounce(email: Email): boolean {
  const contentType = headerValue(email, "content-type") ?? "";
  if (/^\s*multipart\/report\b/i.test(contentType) && /report-type\s*=\s*"?(?:global-)?delivery-status/i.test(contentType)) return true;
  if (email.attachments.some((part) => DELIVERY_STATUS_TYPES.has(part.mimeType))) return true;
  return BOUNCE_SENDER.test(senderAddress(email)) && BOUNCE_SUBJECT.test(email.subject ?? "");
}

function isAutoReply(email: Email): boolean {
  const autoSubmitted = headerValues(email, "auto-submitted");
  if (autoSubmitted.some((value) => value.split(";")[0]!.trim().toLowerCase() !== AUTO_SUBMITTED_HUMAN)) return true;
  if (headerValues(email, "precedence").some((value) => AUTO_PRECEDENCE.has(value.toLowerCase()))) return true;
  if (AUTO_REPLY_HEADERS.some((key) => headerValues(email, key).length > 0)) return true;
  if (headerValues(email, "x-autogenerated").some((value) => value.toLowerCase() === "reply")) return true;
  return AUTO_REPLY_SUBJECT.test(email.subject ?? "");
}

/**
 * Is this a person's reply, a bounce or an automatic reply? A bounce is checked first (DSNs often
 * carry Auto-Submitted too) and comes with what its delivery-status report says; fields the report
 * lacks are null. A "delayed" DSN is a bounce too, with action "delayed": the caller decides what
 * a warning means.
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
