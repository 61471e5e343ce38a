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

/** The first line of quoted history that is not itself ">"-quoted (interleaved answers stay), or lines.length. */
function findQuoteStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (QUOTED_LINE.test(line)) continue;
    if (SEPARATOR_LINE.test(line) || isOutlookBlock(lines, index)) return index;
    const headerStart = quoteHeaderStart(lines, index);
    if (headerStart >= 0) return headerStart;
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
  if (text.length > REPLY_PARSER_MAX_LENGTH) return text;
  const parsed = normalizeLines((await loadReplyParser()).parseReply(text));
  const whole = normalizeLines(text);
  return parsed.trim() && (whole === parsed || whole.startsWith(`${parsed}\n`)) ? parsed : whole;
}

/**
 * The part of a reply's plain text the person wrote: quoted history (quote headers in English,
 * Russian and Kazakh, Outlook "From:/От:" blocks, "-----Original Message-----", trailing ">" blocks)
 * and signatures below it removed, trailing whitespace trimmed. Never empty for a non-blank text:
 * when everything looks quoted (a forward, say) the whole text is returned.
 */
export async function trimQuotedText(text: string): Promise<string> {
  const full = normalizeLines(text.replace(/\r\n?/g, "\n"));
  const lines = full.split("\n");
  const end = dropTrailingQuotes(lines, findQuoteStart(lines));
  const visible = await applyReplyParser(normalizeLines(lines.slice(0, end).join("\n")));
  return visible.trim() ? visible : full;
}
