import type { Locale } from "@/lib/i18n/locales";

/**
 * The building blocks of an email. Templates describe their content as blocks of plain text;
 * this file turns them into the HTML and plain-text parts, so escaping happens in one place.
 */
export type EmailBlock =
  | { kind: "paragraph"; text: string }
  /** A one-time code, on a line of its own in both parts so it is easy to read and copy. */
  | { kind: "code"; code: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "links"; items: { label: string; url: string }[] }
  /** Text written by a person (a staff reply): escaped, line breaks kept. */
  | { kind: "quote"; text: string }
  | { kind: "note"; text: string };

export type EmailContent = {
  locale: Locale;
  subject: string;
  greeting: string;
  blocks: EmailBlock[];
  footer: string[];
};

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Links in emails must be absolute http(s) URLs; anything else is a bug in the caller. */
function checkedUrl(url: string): string {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new Error(`email link must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  return url;
}

function normaliseLines(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

// Inline styles only: most mail clients drop <style> blocks. Colours keep WCAG AA contrast.
const FONT = "font-family:Arial,Helvetica,sans-serif;";
const MUTED = "color:#475569;";
const LINK = "color:#1d4ed8;text-decoration:underline;";

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;">${escapeHtml(block.text)}</p>`;
    case "note":
      return `<p style="margin:0 0 16px;font-size:14px;${MUTED}">${escapeHtml(block.text)}</p>`;
    case "code":
      return `<p style="margin:0 0 16px;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:700;letter-spacing:6px;color:#0f172a;">${escapeHtml(block.code)}</p>`;
    case "button": {
      const url = escapeHtml(checkedUrl(block.url));
      return (
        `<p style="margin:0 0 8px;"><a href="${url}" style="display:inline-block;padding:12px 20px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:700;">${escapeHtml(block.label)}</a></p>` +
        // The address itself too, for clients that do not show buttons and for copying.
        `<p style="margin:0 0 16px;font-size:13px;word-break:break-all;${MUTED}"><a href="${url}" style="${LINK}">${url}</a></p>`
      );
    }
    case "links":
      return `<ul style="margin:0 0 16px;padding-left:20px;">${block.items
        .map((item) => `<li style="margin:0 0 8px;"><a href="${escapeHtml(checkedUrl(item.url))}" style="${LINK}">${escapeHtml(item.label)}</a></li>`)
        .join("")}</ul>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #94a3b8;background-color:#f8fafc;">${escapeHtml(normaliseLines(block.text)).replace(/\n/g, "<br>")}</blockquote>`;
  }
}

export function renderHtml(content: EmailContent): string {
  const lang = escapeHtml(content.locale);
  const subject = escapeHtml(content.subject);
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}" dir="ltr">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${subject}</title>`,
    "</head>",
    '<body style="margin:0;padding:0;background-color:#f1f5f9;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f1f5f9;">',
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #e2e8f0;border-radius:8px;">',
    `<tr><td lang="${lang}" style="padding:28px 24px;${FONT}font-size:16px;line-height:1.5;color:#0f172a;">`,
    `<h1 style="margin:0 0 20px;font-size:20px;line-height:1.3;">${subject}</h1>`,
    `<p style="margin:0 0 16px;">${escapeHtml(content.greeting)}</p>`,
    ...content.blocks.map(blockHtml),
    '<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 16px;">',
    ...content.footer.map((line) => `<p style="margin:0 0 4px;font-size:13px;${MUTED}">${escapeHtml(line)}</p>`),
    "</td></tr>",
    "</table>",
    "</td></tr>",
    "</table>",
    "</body>",
    "</html>",
  ].join("\n");
}

function blockText(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "code":
      return block.code;
    case "button":
      return `${block.label}:\n${checkedUrl(block.url)}`;
    case "links":
      return block.items.map((item) => `${item.label}:\n${checkedUrl(item.url)}`).join("\n\n");
    case "quote":
      return normaliseLines(block.text);
  }
}

/** The plain-text alternative: every block separated by a blank line, then a "-- " signature. */
export function renderText(content: EmailContent): string {
  return [content.greeting, ...content.blocks.map(blockText), `-- \n${content.footer.join("\n")}`].join("\n\n") + "\n";
}
