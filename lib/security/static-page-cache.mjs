// Next's page cache (the file-system/memory cache `next start` uses), plus one thing: when a
// static page's HTML is stored, the Content-Security-Policy with the hashes of exactly that HTML's
// inline scripts is stored with it as a response header. Next sends a cached page's headers with
// every copy it serves, so each static page carries a policy that fits it without 'unsafe-inline'
// and without a nonce (a nonce would have to change per request, which a cached page cannot).
// Loaded by Node at run time (next.config.ts `cacheHandler`), hence plain JavaScript.
import { createRequire } from "node:module";
import { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy.mjs";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

export const CSP_HEADER = "content-security-policy";

/**
 * A cached page entry with its Content-Security-Policy header added, or the value unchanged when it
 * is not an HTML page (fetch data, route handlers, images).
 *
 * @template {{ kind?: string, html?: unknown, headers?: Record<string, unknown> }} T
 * @param {T} value
 * @returns {T}
 */
export function withStaticPagePolicy(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  // Mutated in place: the same object is what Next sends for the request that rendered it.
  value.headers = {
    ...value.headers,
    [CSP_HEADER]: contentSecurityPolicy({ development: false, scriptHashes: inlineScriptHashes(value.html) }),
  };
  return value;
}

export default class StaticPageCache extends FileSystemCache {
  async set(key, data, ctx) {
    return super.set(key, withStaticPagePolicy(data), ctx);
  }
}
