import createMiddleware from "next-intl/middleware";
import { getEnv } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";

// Locale routing only: "/" and un-prefixed paths go to the default language. Authorization is
// never decided here; pages, actions and route handlers check it at the data.
export default createMiddleware({ ...routing, defaultLocale: getEnv().DEFAULT_LOCALE });

export const config = {
  // Everything but API routes, Next's own files and files with an extension (favicon.ico, …).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
