import { escapeHtml } from "@/lib/email/email-layout";
import en from "@/lib/i18n/messages/en/site.json";
import kk from "@/lib/i18n/messages/kk/site.json";
import ru from "@/lib/i18n/messages/ru/site.json";
import type { Locale } from "@/lib/i18n/locales";

const CATALOGUES = { ru, kk, en } satisfies Record<Locale, typeof ru>;

/** Seconds a client should wait before trying again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 10;

/**
 * The 503 answer while the database is down: a small translated page, built without the
 * database or React, with nothing to load and a plain link to try again.
 */
export function databaseUnavailableResponse(locale: Locale, retryHref: string): Response {
  const { error, meta } = CATALOGUES[locale];
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(error.unavailableTitle)} — ${escapeHtml(meta.siteName)}</title></head>
<body><main><h1>${escapeHtml(error.unavailableTitle)}</h1><p>${escapeHtml(error.unavailableText)}</p><p><a href="${escapeHtml(retryHref)}">${escapeHtml(error.retry)}</a></p></main></body></html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
