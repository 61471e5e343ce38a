import { decodeCharset } from "./decode-charset";

/** An RFC 2047 encoded word: =?charset*lang?B|Q?text?= (the text may hold raw 8-bit characters). */
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bq])\?([^?]*)\?=/gi;

function qBytes(text: string): Uint8Array {
  // Raw characters stand for their UTF-8 bytes (the header section was read as UTF-8).
  const raw = Buffer.from(text.replace(/_/g, " "), "utf8");
  const out: number[] = [];
  for (let index = 0; index < raw.length; index++) {
    const hex = raw[index] === 0x3d ? raw.subarray(index + 1, index + 3).toString("latin1") : "";
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      index += 2;
    } else out.push(raw[index]!);
  }
  return Uint8Array.from(out);
}

function bBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.replace(/[^a-z0-9+/]/gi, ""), "base64"));
}

/**
 * Decodes the encoded words of a header value the way decodeCharset decodes bodies: UTF-7 words,
 * UTF-8 bytes inside words that claim us-ascii or latin1, raw 8-bit characters inside a word.
 * Adjacent words of one charset are joined as bytes before decoding (a character may be split
 * across two words), and the whitespace between encoded words is dropped (RFC 2047 §6.2).
 */
export function decodeHeaderWords(value: string): string {
  const parts: ({ text: string } | { charset: string; bytes: Uint8Array })[] = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const previous = parts[parts.length - 1];
    const adjacent = previous && "bytes" in previous && /^\s*$/.test(between);
    if (!adjacent && between) parts.push({ text: between });
    const charset = match[1]!.toLowerCase();
    const bytes = match[2]!.toLowerCase() === "b" ? bBytes(match[3]!) : qBytes(match[3]!);
    if (adjacent && previous.charset === charset) previous.bytes = Buffer.concat([previous.bytes, bytes]);
    else parts.push({ charset, bytes });
    last = match.index + match[0].length;
  }
  if (last === 0) return value;
  if (last < value.length) parts.push({ text: value.slice(last) });
  return parts.map((part) => ("text" in part ? part.text : decodeCharset(part.bytes, part.charset))).join("");
}
