import type { Email } from "postal-mime";
import type { BounceDetail } from "@/db/schema";
import { attachmentText, headerValue, headerValues, readFields } from "./email-headers";
import { firstMessageId } from "./message-ids";

/**
 * Delivery failure reports. Recognised by structure first — a multipart/report of type
 * delivery-status, a message/delivery-status part, X-Failed-Recipients, an Amazon SES JSON notice,
 * a daemon sender or an empty return path together with the returned message — and by wording
 * second (the subjects mail servers use, for servers that send plain text). What the report says
 * is read the same way: the RFC 3464 fields when there are any, else the returned message's
 * headers and the notice's text.
 */

/** The machine-readable report of a DSN (RFC 3464; "global" is the SMTPUTF8 variant, RFC 6533). */
export const DELIVERY_STATUS_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
/** The returned message, whole or headers only, that a bounce carries as evidence. */
export const RETURNED_MESSAGE_TYPES = new Set(["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"]);

/** Local parts of the addresses mail systems send reports from. */
const DAEMON_SENDER = /^(?:mailer-daemon|postmaster|mail\.delivery\.system|mail-delivery-system|maildelivery|mail-daemon|mdaemon|bounce|bounces|nobody)(?:@|$)/i;
/** Display names of the same ("MAILER-DAEMON <>", "Mail Delivery System <…>", "Mail Delivery Subsystem"). */
const DAEMON_NAME = /^(?:mailer[- ]daemon|mail delivery (?:system|subsystem|service)|postmaster|mail administrator|system administrator)$/i;

/** Subjects of delivery failure notices, the way servers word them (plain-text servers have nothing else). */
const BOUNCE_SUBJECT = new RegExp(
  [
    "delivery status notification",
    "undeliver(?:ed|able)",
    "non[- ]?deliver(?:ed|able|y)",
    "returned mail",
    "returned to sender",
    "mail delivery (?:failed|failure|problem|error)",
    "delivery (?:failure|failed|has failed|problem|error)",
    "message delivery has failed",
    "mail could not be delivered",
    "message could not be delivered",
    "could not send (?:your )?message",
    "failure notice",
    "mail system error",
    "delivery notification: delivery has failed",
    "unzustellbar",
    "nicht zustellbar",
    "niedostarczon",
    "недоставленное сообщение",
    "сообщение не доставлено",
    "не удалось доставить",
    "жеткізілмеді",
  ].join("|"),
  "i",
);
/** Body wording of failure notices, used only together with a daemon sender or an empty return path. */
const BOUNCE_TEXT =
  /could not be delivered|couldn't be delivered|delivery (?:to the following|has failed|failed)|permanent(?:ly)? (?:error|fatal)|undeliver|unable to deliver|was not delivered|failed permanently|address(?:es)? failed|user unknown|mailbox (?:unavailable|full|not found)|no such user|message could not|delivery to .* failed|qmail-send program|returned to sender|\b5\.\d{1,3}\.\d{1,3}\b/i;
/** A warning that the server is still trying: a bounce with action "delayed" (nothing is marked). */
const DELAY_WORDING = /\bdelay(?:ed)?\b|still (?:being )?(?:retried|undelivered|trying)|will (?:continue to )?(?:retry|try)|warning: message|not yet been delivered/i;

const ENHANCED_STATUS = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const SMTP_REPLY = /\b([45]\d\d)[ -]/;
const ADDRESS = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/i;
const MAX_DIAGNOSTIC = 500;

function senderAddress(email: Email): string {
  const from = email.from;
  return (from?.address ?? from?.group?.[0]?.address ?? "").trim();
}

function isDaemonSender(email: Email): boolean {
  const address = senderAddress(email);
  if (DAEMON_SENDER.test(address)) return true;
  const name = (email.from?.name ?? "").trim();
  return DAEMON_NAME.test(name);
}

/** "Return-Path: <>" — the null reverse-path mail systems use for their reports (RFC 5321 §4.5.5). */
function hasNullReturnPath(email: Email): boolean {
  return headerValues(email, "return-path").some((value) => /^<\s*>$/.test(value));
}

function hasReturnedMessage(email: Email): boolean {
  return email.attachments.some((part) => RETURNED_MESSAGE_TYPES.has(part.mimeType));
}

function isDeliveryReport(email: Email): boolean {
  const contentType = headerValue(email, "content-type") ?? "";
  if (/^\s*multipart\/report\b/i.test(contentType) && /report-type\s*=\s*"?(?:global-)?delivery-status/i.test(contentType)) return true;
  return email.attachments.some((part) => DELIVERY_STATUS_TYPES.has(part.mimeType));
}

// ---- Amazon SES -----------------------------------------------------------------------------

type SesNotice = {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string; status?: string; action?: string; diagnosticCode?: string }[] };
  mail?: { commonHeaders?: { messageId?: string }; headers?: { name?: string; value?: string }[] };
};

/** SES forwards bounce notifications as JSON (SNS to e-mail): the text is the notice itself. */
function readSesNotice(email: Email): SesNotice | null {
  const text = (email.text ?? "").trim();
  if (!text.startsWith("{") || !/\\?"(?:notificationType|eventType)\\?"\s*:\s*\\?"Bounce\\?"/.test(text)) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    // An SNS envelope carries the notice as a JSON string in "Message".
    const notice = (typeof parsed === "object" && parsed && "Message" in parsed && typeof parsed.Message === "string" ? JSON.parse(parsed.Message) : parsed) as SesNotice;
    return notice?.notificationType === "Bounce" || notice?.eventType === "Bounce" ? notice : null;
  } catch {
    return null;
  }
}

function sesDetail(notice: SesNotice): BounceDetail {
  const recipient = notice.bounce?.bouncedRecipients?.[0];
  const headerId = notice.mail?.headers?.find((header) => header.name?.toLowerCase() === "message-id")?.value;
  const status = recipient?.status ? (ENHANCED_STATUS.exec(recipient.status)?.[0] ?? recipient.status) : null;
  return {
    originalMessageId: firstMessageId(notice.mail?.commonHeaders?.messageId ?? headerId),
    recipient: recipient?.emailAddress?.trim().toLowerCase() || null,
    status,
    // "Transient" is SES's soft bounce: still being retried.
    action: notice.bounce?.bounceType === "Transient" ? "delayed" : (recipient?.action?.toLowerCase() ?? "failed"),
    diagnostic: recipient?.diagnosticCode?.replace(/^[a-z0-9-]+\s*;\s*/i, "").trim() || null,
  };
}

// ---- RFC 3464 reports -----------------------------------------------------------------------

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
  return ENHANCED_STATUS.exec(value)?.[0] ?? (value.trim() || null);
}

/** "smtp; 550 5.1.1 … unknown" → "550 5.1.1 … unknown" (the diagnostic type says nothing to staff). */
function diagnosticText(value: string | undefined): string | null {
  if (!value) return null;
  return value.replace(/^[a-z0-9-]+\s*;\s*/i, "").replace(/\s+/g, " ").trim().slice(0, MAX_DIAGNOSTIC) || null;
}

/** The per-recipient group to report: the first that failed, else the first one there is. */
function pickRecipientGroup(groups: Map<string, string>[]): Map<string, string> | null {
  const recipients = groups.filter((fields) => fields.has("final-recipient") || fields.has("original-recipient") || fields.has("action"));
  return recipients.find((fields) => fields.get("action")?.toLowerCase() === "failed") ?? recipients[0] ?? null;
}

// ---- what the returned message and the text say ---------------------------------------------

/** The header section of the returned message (attached whole or as headers only), when there is one. */
function returnedHeaders(email: Email): Map<string, string> | null {
  for (const attachment of email.attachments.filter((part) => RETURNED_MESSAGE_TYPES.has(part.mimeType))) {
    const fields = readFields(attachmentText(attachment).split(/\r?\n[ \t]*\r?\n/, 1)[0] ?? "");
    if (fields.size > 0) return fields;
  }
  return null;
}

/** The Message-ID of the mail that bounced: the returned message's, one pasted into the text, or the thread's. */
function findOriginalMessageId(email: Email, returned: Map<string, string> | null): string | null {
  const fromReturned = firstMessageId(returned?.get("message-id"));
  if (fromReturned) return fromReturned;
  // qmail, Exim, DragonFly and many hosted services paste the returned headers into the text.
  const pasted = /^[ \t]*message-id[ \t]*:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)/im.exec(email.text ?? "");
  if (pasted) return firstMessageId(pasted[1]);
  // Some servers thread their notice to the message it is about.
  return firstMessageId(email.inReplyTo);
}

/** Addresses named as failed in a plain-text notice (qmail "<a@b>:", Exim's indented list, "to <a@b>"). */
function failedRecipientFromText(text: string, ignore: readonly string[]): string | null {
  const patterns = [
    /^<([^<>\s]+@[^<>\s]+)>:?\s*$/m, // qmail, Yahoo: "<anna@example.kz>:"
    /^\s*<([^<>\s]+@[^<>\s]+)>:\s+\S/m, // Postfix text part: " <anna@example.kz>: host … said"
    /(?:final-recipient|original-recipient)\s*:\s*(?:rfc822\s*;)?\s*<?([^<>\s;]+@[^<>\s;]+)>?/i,
    // Exim, MailFoundry, Exchange: "The following address(es) failed:" / "… to these recipients or groups:", the address on a line below.
    /(?:following (?:address(?:es)?|recipients?)|recipients or groups)[^\n]*:[ \t]*\n(?:[ \t]*\n)*[ \t]*<?([^<>\s]+@[^<>\s]+)>?[ \t]*$/im,
    /(?:delivering your mail to|delivery to(?: the following recipient)?|could not be delivered to|failed to deliver to|undeliverable to|recipient address:?|rcpt to:?)\s*:?\s*<?([^<>\s,;]+@[^<>\s,;]+)>?(?:[\s.,:;]|$)/i,
    // The returned headers pasted into the text: the mail went to its To address.
    /^[ \t]*to[ \t]*:[ \t]*(?:[^<\n]*<)?([^<>\s,;]+@[^<>\s,;]+)>?[ \t]*$/im,
  ];
  for (const pattern of patterns) {
    const address = pattern.exec(text)?.[1]?.toLowerCase().replace(/[.,;:]+$/, "");
    // A pattern that matched something else (the notice's own addresses) must not stop the next ones.
    if (address && ADDRESS.test(address) && !ignore.includes(address)) return address;
  }
  return null;
}

/** The SMTP answer that explains the failure: the first text line with a status or reply code. */
function diagnosticFromText(text: string): { status: string | null; diagnostic: string | null } {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const line = lines.find((candidate) => ENHANCED_STATUS.test(candidate) && SMTP_REPLY.test(`${candidate} `)) ?? lines.find((candidate) => ENHANCED_STATUS.test(candidate)) ?? lines.find((candidate) => /^[45]\d\d[ -]/.test(candidate));
  if (!line) return { status: null, diagnostic: null };
  const status = ENHANCED_STATUS.exec(line)?.[0] ?? SMTP_REPLY.exec(`${line} `)?.[1] ?? null;
  return { status, diagnostic: line.replace(/\s+/g, " ").slice(0, MAX_DIAGNOSTIC) };
}

function textDetail(email: Email, returned: Map<string, string> | null): Omit<BounceDetail, "originalMessageId"> {
  const text = email.text ?? "";
  const ignore = [senderAddress(email).toLowerCase()];
  const fromHeader = headerValues(email, "x-failed-recipients").flatMap((value) => value.split(","))[0]?.trim().toLowerCase();
  const returnedTo = ADDRESS.exec(returned?.get("to") ?? "")?.[0]?.toLowerCase();
  const recipient = fromHeader || failedRecipientFromText(text, ignore) || returnedTo || null;
  const { status, diagnostic } = diagnosticFromText(text);
  const delayed = DELAY_WORDING.test(email.subject ?? "") && !/fail/i.test(email.subject ?? "");
  return { recipient, status, diagnostic, action: delayed ? "delayed" : "failed" };
}

// ---- the two entry points -------------------------------------------------------------------

/** Is this a delivery failure (or delay) report? Structure first, wording second. */
export function isBounce(email: Email): boolean {
  if (isDeliveryReport(email)) return true;
  if (headerValues(email, "x-failed-recipients").length > 0) return true;
  if (readSesNotice(email)) return true;
  const daemon = isDaemonSender(email);
  const subject = email.subject ?? "";
  const returned = hasReturnedMessage(email);
  if ((daemon || hasNullReturnPath(email)) && returned) return true;
  if (daemon && (BOUNCE_SUBJECT.test(subject) || BOUNCE_TEXT.test(email.text ?? ""))) return true;
  // A sender that is not a daemon (a hosted filter's own address) but the report's shape: its subject and the original attached.
  return BOUNCE_SUBJECT.test(subject) && (returned || hasNullReturnPath(email)) && BOUNCE_TEXT.test(email.text ?? "");
}

/** What a bounce says: failed recipient, status code, action, the server's words and the original Message-ID. */
export function readBounceDetail(email: Email): BounceDetail {
  const ses = readSesNotice(email);
  if (ses) return sesDetail(ses);
  const returned = returnedHeaders(email);
  const originalMessageId = findOriginalMessageId(email, returned);
  const fallback = textDetail(email, returned);
  const report = email.attachments.find((part) => DELIVERY_STATUS_TYPES.has(part.mimeType));
  const group = report ? pickRecipientGroup(readFieldGroups(attachmentText(report))) : null;
  if (!group) return { originalMessageId, ...fallback };
  return {
    originalMessageId,
    recipient: recipientAddress(group.get("final-recipient") ?? group.get("original-recipient")) ?? fallback.recipient,
    status: statusCode(group.get("status")) ?? fallback.status,
    action: group.get("action")?.toLowerCase() || fallback.action,
    diagnostic: diagnosticText(group.get("diagnostic-code")) ?? fallback.diagnostic,
  };
}
