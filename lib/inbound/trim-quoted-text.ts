/**
 * Cuts the quoted history off a reply so staff see what the person wrote. email-reply-parser knows
 * English and a few western clients; it misses how Gmail, Outlook, Apple Mail, Yandex and Mail.ru
 * write the quote header in Russian and Kazakh, so those are found here first.
 */

/** "-----Original Message-----" and its translations (Outlook, older clients). */
const SEPARATOR_LINE = /^\s*-{3,}\s*(?:original message|исходное сообщение|оригинальное сообщение|бастапқы хабарлама|бастапқы хат)\s*-{3,}\s*$/iu;

/** The first line of an Outlook header block: "From:", "От:", "От кого:" (Mail.ru), "Кімнен:" (Kazakh). */
const BLOCK_FROM_LINE = /^\s*\*?(?:from|от|от кого|кімнен)\s*:\*?\s*\S/iu;
/** The fields that follow it: Sent / Date / To / Cc / Subject in English, Russian and Kazakh. */
const BLOCK_FIELD_LINE = /^\s*\*?(?:sent|date|to|cc|subject|отправлено|дата|кому|копия|тема|жіберілді|күні|кімге|көшірме|тақырып)\s*:/iu;
/** How far below "From:" the next field may be (Outlook writes them on consecutive lines). */
const BLOCK_LOOKAHEAD = 3;

/** A quote header carries a time ("10:00") or a year. */
const DATE_HINT = /\d{1,2}:\d{2}|\d{4}/;
const WRITE_VERB = "wrote|написал\\(а\\)|написала|написал|пишет|жазды|жазған";
/** "… Name <a@b>:", "… Name <a@b> wrote:", "… a@b [mailto:a@b]:" — the address right before the colon. */
const ADDRESS_AT_END = new RegExp(
  `(?:<\\s*[^\\s<>@]+@[^\\s<>@]+\\s*>|\\[mailto:[^\\]\\s]+\\]|[^\\s<>@"]+@[^\\s<>@"]+)"?\\s*(?:${WRITE_VERB})?\\s*:$`,
  "iu",
);
/** "On 24.11.2026 10:00, Support wrote:" (Thunderbird leaves the address out). */
const VERB_AT_END = new RegExp(`(?:^|\\s)(?:${WRITE_VERB})\\s*:$`, "iu");
const WRITE_VERB_ANYWHERE = new RegExp(`(?:^|\\s)(?:${WRITE_VERB})(?:\\s|:)`, "iu");
/** Gmail wraps a long header over up to three lines ("… Поддержка <\ninfo@smart-lift.kz>:"). */
const HEADER_MAX_LINES = 3;
const HEADER_MAX_LENGTH = 400;

const QUOTED_LINE = /^\s*>/;
/** Outlook draws a line of underscores above its "From:" block. */
const RULE_LINE = /^\s*[_=-]{5,}\s*$/;

/** email-reply-parser's regexes run over the whole text; past this size only our own rules apply. */
const REPLY_PARSER_MAX_LENGTH = 100_000;
/** An over-long visible part is cut here (the full text is one click away for staff). */
export const VISIBLE_TEXT_MAX_LENGTH = 100_000;
const TRUNCATION_MARK = "\n\n[…]";

/**
 * Mobile and webmail signatures, matched against a whole line only: "Sent from my iPhone" is one,
 * "Sent from my desk, is much easier to type here" is the person's own sentence.
 */
const WHOLE_LINE_SIGNATURE =
  /^\s*(?:sent from my [\p{L}\p{N} .'-]{1,40}|sent from (?:mail|outlook|yahoo mail|mail\.ru|yandex(?:\.mail)?) for [\p{L}\p{N} ]{1,20}|get outlook for [\p{L}\p{N} ]{1,20}|отправлено (?:с|из) [\p{L}\p{N} .'-]{1,40}|жіберілді [\p{L}\p{N} .'-]{1,40}|von meinem [\p{L}\p{N} .'-]{1,40} gesendet|wysłane z [\p{L}\p{N} .'-]{1,40})\.?\s*$/iu;
/** The standard signature delimiter "-- " (and the bare "--" clients leave). */
const SIGNATURE_DELIMITER = /^--\s*$/;

function isWholeLineSignature(line: string): boolean {
  return WHOLE_LINE_SIGNATURE.test(line) && !/[,;]/.test(line);
}

type ReplyParser = { parseReply(text: string): string };
let replyParser: Promise<ReplyParser> | null = null;

/**
 * email-reply-parser is ESM-only with no "require" export. The worker runs under tsx as CommonJS,
 * where a static import becomes require() and fails at startup, so it is loaded with import().
 */
function loadReplyParser(): Promise<ReplyParser> {
  replyParser ??= import("email-reply-parser").then(({ default: EmailReplyParser }) => new EmailReplyParser());
  return replyParser;
}

function isQuoteHeader(candidate: string): boolean {
  if (candidate.length > HEADER_MAX_LENGTH || !DATE_HINT.test(candidate)) return false;
  // A window that starts in the middle of a wrapped address ("info@host>:") is not the header's start.
  if (candidate.includes(">") && !candidate.includes("<")) return false;
  return ADDRESS_AT_END.test(candidate) || VERB_AT_END.test(candidate);
}

/** Where a quote header ending on line `end` starts (the shortest window that reads as one), or -1. */
function quoteHeaderStart(lines: readonly string[], end: number): number {
  if (!lines[end]!.trimEnd().endsWith(":")) return -1;
  for (let start = end; start > end - HEADER_MAX_LINES && start >= 0; start--) {
    const window = lines.slice(start, end + 1);
    if (window.some((line) => !line.trim() || QUOTED_LINE.test(line))) return -1;
    if (isQuoteHeader(window.map((line) => line.trim()).join(" "))) return start;
  }
  return -1;
}

/**
 * The line right above a trailing ">" block needs less evidence: "Support wrote on 24.11.2026:".
 * A plain "Here are my answers:" (no verb, address or date) stays.
 */
function isTrailingBlockIntro(line: string): boolean {
  const candidate = line.trim();
  if (candidate.length > HEADER_MAX_LENGTH || !candidate.endsWith(":")) return false;
  return WRITE_VERB_ANYWHERE.test(candidate) || candidate.includes("@") || DATE_HINT.test(candidate);
}

function isOutlookBlock(lines: readonly string[], index: number): boolean {
  if (!BLOCK_FROM_LINE.test(lines[index]!)) return false;
  return lines.slice(index + 1, index + 1 + BLOCK_LOOKAHEAD).some((line) => BLOCK_FIELD_LINE.test(line));
}

/**
 * Does the person write again below the ">" block that follows a quote header (bottom-posting, or
 * answers between quoted questions)? Then that header does not start the history: cutting there
 * would drop their words.
 */
function hasNewTextAfterQuote(lines: readonly string[], afterHeader: number): boolean {
  const first = lines.slice(afterHeader).findIndex((line) => line.trim() !== "");
  // An original that is not ">"-quoted (text from HTML, Outlook's plain text) runs to the end: nothing to tell apart.
  if (first < 0 || !QUOTED_LINE.test(lines[afterHeader + first]!)) return false;
  for (let index = afterHeader + first; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim() || QUOTED_LINE.test(line) || RULE_LINE.test(line)) continue;
    // Another quote header or separator: the history goes on (a nested thread), not new text.
    if (SEPARATOR_LINE.test(line) || isOutlookBlock(lines, index) || quoteHeaderEndingAt(lines, index) >= 0) return false;
    return !isWholeLineSignature(line) && !SIGNATURE_DELIMITER.test(line);
  }
  return false;
}

/** Where a quote header starting at `start` ends (it may be wrapped over a few lines), or -1. */
function quoteHeaderEndingAt(lines: readonly string[], start: number): number {
  for (let end = start; end < Math.min(lines.length, start + HEADER_MAX_LINES); end++) {
    if (quoteHeaderStart(lines, end) === start) return end;
  }
  return -1;
}

/** The first line of quoted history that is not itself ">"-quoted (interleaved answers stay), or lines.length. */
function findQuoteStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (QUOTED_LINE.test(line)) continue;
    if (SEPARATOR_LINE.test(line) || isOutlookBlock(lines, index)) return index;
    const headerStart = quoteHeaderStart(lines, index);
    if (headerStart >= 0 && !hasNewTextAfterQuote(lines, index + 1)) return headerStart;
  }
  return lines.length;
}

/** Moves `end` up past a trailing ">" block (and the header introducing it), rules and blank lines. */
function dropTrailingQuotes(lines: readonly string[], end: number): number {
  let cut = end;
  let sawQuote = false;
  while (cut > 0 && (!lines[cut - 1]!.trim() || QUOTED_LINE.test(lines[cut - 1]!) || RULE_LINE.test(lines[cut - 1]!))) {
    if (QUOTED_LINE.test(lines[cut - 1]!)) sawQuote = true;
    cut--;
  }
  if (sawQuote && cut > 0) {
    const headerStart = quoteHeaderStart(lines, cut - 1);
    if (headerStart >= 0) return dropTrailingQuotes(lines, headerStart);
    if (isTrailingBlockIntro(lines[cut - 1]!)) return dropTrailingQuotes(lines, cut - 1);
  }
  return cut;
}

function normalizeLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+/, "")
    .trimEnd();
}

/**
 * Lets email-reply-parser cut what our rules missed (English headers of other clients, "Sent from my
 * iPhone" signatures), but only when it cuts a tail: it also hides ">" lines in the middle, and an
 * interleaved answer makes no sense without the question it answers.
 */
async function applyReplyParser(text: string): Promise<string> {
  const whole = normalizeLines(text);
  if (text.length > REPLY_PARSER_MAX_LENGTH) return whole;
  const parsed = normalizeLines((await loadReplyParser()).parseReply(text));
  if (!parsed.trim() || !(whole === parsed || whole.startsWith(`${parsed}\n`))) return whole;
  return onlyHistoryDropped(whole.slice(parsed.length).split("\n")) ? parsed : whole;
}

/**
 * Is everything email-reply-parser wants to drop quoted history or a signature? Its signature rule
 * takes any line starting "Sent from my" and everything below it; a line of the person's own
 * after that means the cut would lose their words.
 */
function onlyHistoryDropped(dropped: readonly string[]): boolean {
  for (let index = 0; index < dropped.length; index++) {
    const line = dropped[index]!;
    if (!line.trim() || QUOTED_LINE.test(line) || RULE_LINE.test(line) || isWholeLineSignature(line)) continue;
    // After a signature delimiter or a quote header, the rest is signature or history.
    if (SIGNATURE_DELIMITER.test(line) || SEPARATOR_LINE.test(line) || isOutlookBlock(dropped, index)) return true;
    if (quoteHeaderEndingAt(dropped, index) >= 0 || isTrailingBlockIntro(line)) return true;
    return false;
  }
  return true;
}

/** Past the limit the visible part is cut visibly, never left as the raw text. */
function limitLength(text: string): string {
  if (text.length <= VISIBLE_TEXT_MAX_LENGTH) return text;
  return `${text.slice(0, VISIBLE_TEXT_MAX_LENGTH).trimEnd()}${TRUNCATION_MARK}`;
}

/**
 * The part of a reply's plain text the person wrote: quoted history (quote headers in English,
 * Russian and Kazakh, Outlook "From:/От:" blocks, "-----Original Message-----", trailing ">" blocks)
 * and signatures below it removed, trailing whitespace trimmed. Never drops new text: a quote the
 * person answers below (bottom-posting, interleaved answers) stays with the answers, and a
 * signature pattern must match a whole line. Never empty for a non-blank text: when everything
 * looks quoted (a forward, say) the whole text is returned. Past VISIBLE_TEXT_MAX_LENGTH the
 * visible part is cut with a mark (the full text stays on the e-mail).
 */
export async function trimQuotedText(text: string): Promise<string> {
  const full = normalizeLines(text.replace(/\r\n?/g, "\n"));
  const lines = full.split("\n");
  const end = dropTrailingQuotes(lines, findQuoteStart(lines));
  const visible = await applyReplyParser(normalizeLines(lines.slice(0, end).join("\n")));
  return limitLength(visible.trim() ? visible : full);
}
