import PostalMime from "postal-mime";
import { decodeCharset } from "./decode-charset";

type TextNode = {
  content: Uint8Array | ArrayBuffer | null;
  contentType: { parsed: { params: Record<string, string | undefined> } };
  decodeFlowedText(text: string, delSp: boolean): string;
  getTextContent(): string;
};

let installed = false;

/**
 * postal-mime turns a text part's bytes into a string with TextDecoder and the declared charset,
 * falling back to windows-1252: UTF-7 stays undecoded and UTF-8 declared as us-ascii becomes
 * mojibake. It has no option for this, so its one method that does the conversion
 * (MimeNode#getTextContent) is replaced with decodeCharset; the format=flowed handling is its own.
 * Throws when postal-mime's internals have changed, so an upgrade cannot silently undo this (the
 * charset tests fail).
 */
export function installCharsetDecoding(): void {
  if (installed) return;
  const root = (new PostalMime() as unknown as { root?: TextNode }).root;
  const prototype = root && (Object.getPrototypeOf(root) as TextNode);
  if (!prototype || typeof prototype.getTextContent !== "function" || typeof prototype.decodeFlowedText !== "function") {
    throw new Error("postal-mime's MimeNode changed: the charset decoding hook cannot be installed");
  }
  prototype.getTextContent = function getTextContent(this: TextNode): string {
    if (!this.content) return "";
    const params = this.contentType.parsed.params;
    const bytes = this.content instanceof Uint8Array ? this.content : new Uint8Array(this.content);
    const text = decodeCharset(bytes, params.charset);
    return /^flowed$/i.test(params.format ?? "") ? this.decodeFlowedText(text, /^yes$/i.test(params.delsp ?? "")) : text;
  };
  installed = true;
}
