import type { Attachment, Email } from "postal-mime";

/** Every value of a header (names are lower-case in postal-mime), trimmed, in message order. */
export function headerValues(email: Email, key: string): string[] {
  return email.headers.filter((header) => header.key === key).map((header) => header.value.trim());
}

export function headerValue(email: Email, key: string): string | null {
  return headerValues(email, key)[0] ?? null;
}

/** An attachment's content as text (report parts and returned headers are ASCII or UTF-8). */
export function attachmentText(attachment: Attachment): string {
  const { content } = attachment;
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}

/** "Name: value" fields of a header-like block, names lower-cased, folded lines joined; first wins. */
export function readFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const match = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (match && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
  }
  return fields;
}
