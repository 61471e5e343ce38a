import { convert, type HtmlToTextOptions } from "html-to-text";
import PostalMime, { addressParser, type Address, type Attachment, type Email } from "postal-mime";
import type { InboundKind } from "@/db/schema";
import { classifyInboundEmail, isBounceReportPart, isReportPart } from "./classify-inbound-email";
import { firstMessageId, listMessageIds } from "./message-ids";
import { toStorableText, toStorableTextOrNull } from "@/lib/text/clean-text";
import { decodeHeaderWords } from "./decode-header-words";
import { headerValue, headerValues } from "./email-headers";
import { normalizeLineEndings } from "./normalize-line-endings";
import { installCharsetDecoding } from "./postal-mime-charsets";
import { MalformedEmailError, type ParsedInboundEmail } from "./parsed-email";
import { sanitizeEmailHtml } from "./sanitize-email-html";
import { trimQuotedText } from "./trim-quoted-text";

/** Headers a mail server adds with the address the message was delivered to (often the reply token's). */
const ENVELOPE_RECIPIENT_HEADERS = ["delivered-to", "x-original-to", "envelope-to"];
/** Without at least one of these the bytes are not a message we can do anything with. */
const IDENTIFYING_HEADERS = ["from", "message-id", "subject", "date"];
const FALLBACK_FILENAME = "attachment";

/** Any URL scheme but http(s); mailto: is already stripped by html-to-text when the rewrite sees it. */
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:/i;

/**
 * For HTML-only mail. Images are skipped (their URLs are trackers or cid: noise), and so are forms
 * and embedded frames, as in the sanitized HTML; a link keeps its URL only when it is http(s) or an
 * address (a javascript: URL is no use to staff); tables are laid out so cells do not run together.
 */
const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "form", format: "skip" },
    { selector: "iframe", format: "skip" },
    { selector: "object", format: "skip" },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, pathRewrite: (href) => (OTHER_SCHEME.test(href.trim()) ? "" : href) } },
    { selector: "table", format: "dataTable" },
  ],
};

/** Does a line of `Name: value` come before the first blank line? Reads bytes, so garbage cannot fool a decoder. */
function hasHeaderSection(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const lineEnd = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    if (lineEnd === start) return false;
    let cursor = start;
    // RFC 5322 field name: printable ASCII except the colon.
    while (cursor < lineEnd && bytes[cursor]! >= 0x21 && bytes[cursor]! <= 0x7e && bytes[cursor] !== 0x3a) cursor++;
    const nameEnd = cursor;
    while (cursor < lineEnd && (bytes[cursor] === 0x20 || bytes[cursor] === 0x09)) cursor++;
    if (nameEnd > start && bytes[cursor] === 0x3a) return true;
    start = end + 1;
  }
  return false;
}

async function readEmail(stored: Uint8Array): Promise<Email> {
  if (stored.byteLength === 0) throw new MalformedEmailError("empty message");
  const raw = normalizeLineEndings(stored);
  if (!hasHeaderSection(raw)) throw new MalformedEmailError("no header section");
  let email: Email;
  installCharsetDecoding();
  try {
    // rfc822Attachments: a message attached without a disposition stays a file rather than being merged into the body.
    email = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer", rfc822Attachments: true });
  } catch (error) {
    throw new MalformedEmailError(error instanceof Error ? error.message : String(error));
  }
  if (!email.headers.some((header) => IDENTIFYING_HEADERS.includes(header.key))) {
    throw new MalformedEmailError("none of From, Message-ID, Subject or Date");
  }
  return email;
}

function mailboxes(addresses: readonly Address[] | undefined): { address: string; name: string }[] {
  return (addresses ?? []).flatMap((address) => (address.group ? address.group : [address]));
}

/**
 * The display name as decodeHeaderWords reads it, when the raw From header is one mailbox whose
 * name has encoded words ("=?utf-7?Q?Jan_Fr+APY-sche?= <jan@x>"); else postal-mime's reading.
 */
function displayName(email: Email, parsedName: string): string {
  const raw = headerValue(email, "from");
  const match = raw && /^\s*"?([^<>"]*=\?[^<>"]*)"?\s*<[^<>]+>\s*$/.exec(raw);
  return match ? decodeHeaderWords(match[1]!).trim() : parsedName.trim();
}

function readFrom(email: Email): ParsedInboundEmail["from"] {
  const [mailbox] = mailboxes(email.from ? [email.from] : []);
  const address = mailbox?.address.trim().toLowerCase();
  if (!mailbox || !address) return null;
  return { address, name: displayName(email, mailbox.name) || null };
}

/** The subject with encoded words decoded by our rules (UTF-7, 8-bit bytes inside words). */
function readSubject(email: Email): string | null {
  const raw = headerValue(email, "subject");
  const subject = raw === null ? email.subject : decodeHeaderWords(raw.replace(/\r?\n[ \t]+/g, " "));
  return subject?.trim() || null;
}

function readRecipients(email: Email): string[] {
  const envelope = email.headers
    .filter((header) => ENVELOPE_RECIPIENT_HEADERS.includes(header.key))
    .flatMap((header) => addressParser(header.value));
  const addresses = [...mailboxes(email.to), ...mailboxes(email.cc), ...mailboxes(envelope)]
    .map((mailbox) => mailbox.address.trim().toLowerCase())
    .filter((address) => address.includes("@"));
  return [...new Set(addresses)];
}

function readDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The plain text as written; an HTML-only message is converted. */
function readText(email: Email): string {
  const text = email.text?.trim() ? email.text : email.html ? convert(email.html, HTML_TO_TEXT) : "";
  return text.replace(/\r\n?/g, "\n").trimEnd();
}

function isRealAttachment(part: Attachment, kind: InboundKind): boolean {
  if (isReportPart(part.mimeType)) return false;
  if (kind === "bounce" && isBounceReportPart(part.mimeType)) return false;
  // A nameless inline text part is another rendering of the body (text/enriched, text/watch-html, an invite's text/calendar).
  return !(part.mimeType.startsWith("text/") && !part.filename && part.disposition !== "attachment");
}

function attachmentBytes(content: Attachment["content"]): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/**
 * Every text that came from outside, made storable (no NUL, no lone surrogate) in one place, so
 * nothing parsed from a message can make an insert fail later.
 */
function storable(parsed: ParsedInboundEmail): ParsedInboundEmail {
  const text = toStorableText;
  const bounce = parsed.bounce && {
    originalMessageId: toStorableTextOrNull(parsed.bounce.originalMessageId),
    recipient: toStorableTextOrNull(parsed.bounce.recipient),
    status: toStorableTextOrNull(parsed.bounce.status),
    action: toStorableTextOrNull(parsed.bounce.action),
    diagnostic: toStorableTextOrNull(parsed.bounce.diagnostic),
  };
  return {
    ...parsed,
    messageId: toStorableTextOrNull(parsed.messageId),
    from: parsed.from && { address: text(parsed.from.address), name: toStorableTextOrNull(parsed.from.name) },
    recipients: parsed.recipients.map(text),
    subject: toStorableTextOrNull(parsed.subject),
    inReplyTo: toStorableTextOrNull(parsed.inReplyTo),
    references: parsed.references.map(text),
    bounce,
    text: text(parsed.text),
    visibleText: text(parsed.visibleText),
    htmlSanitized: toStorableTextOrNull(parsed.htmlSanitized),
    authenticationResults: parsed.authenticationResults.map(text),
    attachments: parsed.attachments.map((part) => ({ ...part, filename: text(part.filename), contentType: text(part.contentType) })),
  };
}

/**
 * Reads a raw RFC 822 message (as fetched over IMAP or posted by a webhook) into what the ingest
 * needs: normalised ids and addresses, the text with and without quoted history, sanitized HTML,
 * real attachments, and whether it is a reply, a bounce or an auto-reply.
 * Throws MalformedEmailError when the bytes are not an e-mail.
 */
export async function parseInboundEmail(raw: Uint8Array | Buffer): Promise<ParsedInboundEmail> {
  const email = await readEmail(raw);
  const { kind, bounce } = classifyInboundEmail(email);
  const text = readText(email);
  return storable({
    messageId: firstMessageId(email.messageId),
    from: readFrom(email),
    recipients: readRecipients(email),
    subject: readSubject(email),
    date: readDate(email.date),
    inReplyTo: firstMessageId(email.inReplyTo),
    references: listMessageIds(email.references),
    kind,
    bounce,
    text,
    visibleText: await trimQuotedText(text),
    htmlSanitized: email.html ? sanitizeEmailHtml(email.html) : null,
    authenticationResults: headerValues(email, "authentication-results"),
    attachments: email.attachments
      .filter((part) => isRealAttachment(part, kind))
      .map((part) => ({ filename: part.filename?.trim() || FALLBACK_FILENAME, contentType: part.mimeType, bytes: attachmentBytes(part.content) })),
  });
}
