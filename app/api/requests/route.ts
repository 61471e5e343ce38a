import { fileSubmittedRequest, type SubmitRequestState } from "@/app/[locale]/(site)/requests/new/[type]/submission";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { MAX_FORM_BODY_BYTES } from "@/lib/security/post-body-guard";
import { isSameOriginPost } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/** The outcome's HTTP status; the body says the rest (the form reads it whatever the status). */
function statusOf(state: SubmitRequestState): number {
  if (state.ok) return 200;
  return { invalid: 422, rate_limited: 429, unexpected: 500 }[state.error];
}

function answer(state: SubmitRequestState, status = statusOf(state)): Response {
  return Response.json(state, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * POST /api/requests — the request form's script files a request here (multipart: the answers as
 * JSON in `payload`, the honeypot, `locale`, the files) and gets the outcome as JSON, the same
 * `SubmitRequestState` the form knows; filed, the script navigates to `next` itself. A route
 * handler, not a server action: an action costs the page's module tree, the proxy's second read
 * of the body and a flight answer, several times the work of the submission itself (README,
 * "Request submission"). The form posted without JavaScript still goes to its server action.
 * Outside the locale paths, so proxy.ts does not run: this handler does its checks itself.
 */
export async function POST(request: Request): Promise<Response> {
  const unexpected: SubmitRequestState = { ok: false, error: "unexpected" };
  // Cross-site request forgery: as strict as Next's own check of a server action, and stricter.
  if (!isSameOriginPost(request.headers)) {
    log.warn("refused a request form post from another origin");
    return answer(unexpected, 403);
  }
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return answer(unexpected, 411);
  if (Number(length) > MAX_FORM_BODY_BYTES) return answer(unexpected, 413);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return answer(unexpected, 400);
  }
  const posted = formData.get("locale");
  const locale = isLocale(posted) ? posted : getEnv().DEFAULT_LOCALE;
  let payload: unknown = null;
  try {
    payload = JSON.parse(String(formData.get("payload") ?? "null"));
  } catch {
    payload = null;
  }
  return answer(await fileSubmittedRequest(locale, payload, formData));
}
