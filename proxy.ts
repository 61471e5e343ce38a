import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";

const handleLocale = createMiddleware({ ...routing, defaultLocale: getEnv().DEFAULT_LOCALE });

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const DASHBOARD = /^\/(ru|kk|en)\/dashboard(\/|$)/;

/**
 * Locale routing, plus a courtesy redirect to the sign-in page for dashboard visitors without a
 * session cookie. It is never the authorization check: every dashboard page, action and route
 * handler checks the staff member at the data (lib/auth/require-staff.ts).
 */
export default function proxy(request: NextRequest) {
  const match = DASHBOARD.exec(request.nextUrl.pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL(`/${match[1]}/staff/sign-in`, request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return handleLocale(request);
}

export const config = {
  // Everything but API routes, Next's own files and files with an extension (favicon.ico, …).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
