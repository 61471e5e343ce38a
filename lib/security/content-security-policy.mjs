// Plain JavaScript so that both the app (through content-security-policy.d.mts) and the page
// cache handler, which Node loads without a bundler (static-page-cache.mjs), use the same policy.
import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of an HTML page. Scripts are limited to our own origin plus either a
 * per-request nonce (pages rendered per request: proxy.ts makes one, Next puts it on its inline
 * scripts) or the SHA-256 hashes of the page's inline scripts (static pages, whose HTML is the
 * same for every visitor: static-page-cache.mjs hashes it when it is cached). Never
 * 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' (React and Next set style attributes).
 * React's development build also needs 'unsafe-eval'.
 *
 * @param {{ development: boolean, nonce?: string, scriptHashes?: readonly string[] }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ development, nonce, scriptHashes = [] }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...(nonce ? [`'nonce-${nonce}'`] : []),
      ...scriptHashes.map((hash) => `'${hash}'`),
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXTERNAL = /(^|\s)src\s*=/i;

/**
 * The CSP source hashes ("sha256-…") of every inline script in an HTML document, in order of
 * first appearance and without repeats. Scripts with a src are covered by 'self'.
 *
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (EXTERNAL.test(attributes)) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
