import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { databaseAvailable } from "@/lib/health/database-availability";
import { databaseUnavailableResponse } from "@/lib/health/unavailable-page";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";
import { isRouteHandler, isStaticPage } from "@/lib/security/page-routes";
import { log } from "@/lib/log";
import { checkPostBody } from "@/lib/security/post-body-guard";
import { postBodyRefusal } from "@/lib/security/post-body-refusal";

const handleLocale = createMiddleware({ ...routing, defaultLocale: getEnv().DEFAULT_LOCALE });

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const DASHBOARD = /^\/(ru|kk|en)\/dashboard(\/|$)/;

/**
 * Locale routing and the per-request security headers (lib/security/headers.ts):
 * - pages rendered per request get a Content-Security-Policy with a fresh nonce, also handed to
 *   Next in the request's own CSP header, which is where Next reads the nonce for its scripts;
 * - static pages bring a policy with their scripts' hashes from the page cache, and route
 *   handlers their own headers: the proxy adds none, so that nothing overrides theirs;
 * - Strict-Transport-Security when APP_URL is https.
 * A POST (a server action) whose body Next could not decode is refused first, with a translated
 * 4xx page (lib/security/post-body-guard.ts), instead of a 500 and a stack in the log.
 * Plus a courtesy redirect to the sign-in page for dashboard visitors without a session cookie.
 * It is never the authorization check: every dashboard page, action and route handler checks
 * the staff member at the data (lib/auth/require-staff.ts).
 * While PostgreSQL is down, a page rendered per request answers a translated 503 at once
 * (lib/health/database-availability.ts) instead of waiting for its own failure.
 */
export default async function proxy(request: NextRequest) {
  const env = getEnv();
  const refusal =
    request.method === "POST"
      ? await checkPostBody({
          contentType: request.headers.get("content-type"),
          contentLength: request.headers.get("content-length"),
          read: () => request.clone().arrayBuffer(),
        })
      : null;
  // The path is not logged: a status page's path carries the requester's link token.
  if (refusal) log.warn(`refused a form body: ${refusal.problem}`, { status: refusal.status });
  const response = refusal
    ? postBodyRefusal(refusal, request.nextUrl.pathname, env.DEFAULT_LOCALE)
    : ((await unavailable(request, env.NODE_ENV === "development")) ?? route(request, env.NODE_ENV === "development"));
  if (servedOverHttps(env.APP_URL)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

const LOCALE_PREFIX = /^\/(ru|kk|en)(\/|$)/;

/** The 503 page for a page that needs the database while it is down; null otherwise. */
async function unavailable(request: NextRequest, development: boolean): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  // Server actions answer for themselves (their forms show a translated "try again"); static
  // pages come from the page cache; route handlers have their own answers (/api/health).
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (isRouteHandler(pathname) || (isStaticPage(pathname) && !development)) return null;
  if (await databaseAvailable()) return null;
  const prefix = LOCALE_PREFIX.exec(pathname)?.[1];
  const locale: Locale = prefix && (LOCALES as readonly string[]).includes(prefix) ? (prefix as Locale) : getEnv().DEFAULT_LOCALE;
  return databaseUnavailableResponse(locale, pathname);
}

function route(request: NextRequest, development: boolean): NextResponse {
  const { pathname } = request.nextUrl;
  const match = DASHBOARD.exec(pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL(`/${match[1]}/staff/sign-in`, request.url);
    signIn.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  // `next dev` renders every page per request, so there every page takes a nonce; so does a static
  // page's form posted before JavaScript ran, whose answer is rendered for that one post.
  const fromCache = isStaticPage(pathname) && !development && (request.method === "GET" || request.method === "HEAD");
  if (isRouteHandler(pathname) || fromCache) return handleLocale(request);
  const policy = contentSecurityPolicy({ development, nonce: newNonce() });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = handleLocale(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but API routes, Next's own files and files with an extension (favicon.ico, …).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
