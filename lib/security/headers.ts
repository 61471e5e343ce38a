/**
 * Security headers (DESIGN.md "Security"). Three sources, so that none overrides another:
 * - next.config.ts sends `securityHeaders()` with every response. It carries no
 *   Content-Security-Policy: Next keeps a header set there over the one a route handler sets,
 *   which used to replace the downloads' `default-src 'none'; sandbox` (lib/files/download-response.ts).
 * - proxy.ts gives pages rendered per request a policy with a fresh nonce, and every page
 *   Strict-Transport-Security when APP_URL is https.
 * - Static pages get a policy with the hashes of their inline scripts from the page cache
 *   (static-page-cache.mjs).
 */
export { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy.mjs";

export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    // Never a path (status links carry a token) in a Referer, to anyone; but not "no-referrer",
    // under which a browser's own form post (before JavaScript runs) says "Origin: null" and
    // Next refuses the server action as cross-site.
    { key: "Referrer-Policy", value: "strict-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** Two years, subdomains included; only sent when the site is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Production runs behind https (README "Security"): then browsers keep to https and cookies are Secure. */
export function servedOverHttps(appUrl: string): boolean {
  return new URL(appUrl).protocol === "https:";
}

/** A nonce for one response's Content-Security-Policy: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
