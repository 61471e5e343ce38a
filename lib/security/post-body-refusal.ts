import { escapeHtml } from "@/lib/email/email-layout";
import { MAX_FORM_BODY_BYTES, type PostBodyProblem } from "./post-body-guard";
import en from "@/lib/i18n/messages/en/site.json";
import kk from "@/lib/i18n/messages/kk/site.json";
import ru from "@/lib/i18n/messages/ru/site.json";

const CATALOGUES = { en, kk, ru };

/**
 * The page a refused POST gets (lib/security/post-body-guard.ts), in the language of the page it
 * was sent to: a form before JavaScript shows it as it is; a script sees the status code.
 */
export function postBodyRefusal(refusal: PostBodyProblem, pathname: string, defaultLocale: keyof typeof CATALOGUES): Response {
  const prefix = pathname.split("/")[1];
  const locale = prefix && Object.hasOwn(CATALOGUES, prefix) ? (prefix as keyof typeof CATALOGUES) : defaultLocale;
  const text = CATALOGUES[locale].bodyRefused;
  const maxMb = String(Math.floor(MAX_FORM_BODY_BYTES / (1024 * 1024)));
  const [title, body] = refusal.problem === "too_large" ? [text.tooLargeTitle, text.tooLargeText.replace("{maxMb}", maxMb)] : [text.malformedTitle, text.malformedText];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(pathname)}">${escapeHtml(text.back)}</a></p></main></body></html>`;
  return new Response(html, {
    status: refusal.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      // The body was not read to its end: the connection cannot carry another request.
      Connection: "close",
    },
  });
}
