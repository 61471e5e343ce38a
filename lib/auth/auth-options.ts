import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/client-ip";
import { servedOverHttps } from "@/lib/security/headers";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { getAuthSecret } from "./auth-secret";
import { authenticateStaff } from "./authenticate-staff";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function clientIpOf(headers: Record<string, unknown> | undefined): string {
  const entries = Object.entries(headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return clientIp(new Headers(entries));
}

/**
 * next-auth (v4) with one credentials provider. The session is a signed JWT holding only the
 * staff id and session version; every page and action re-reads the staff row (lib/auth/current-staff.ts).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Secure, __Secure--prefixed cookies whenever the site is served over https.
    useSecureCookies: servedOverHttps(getEnv().APP_URL),
    // One readable line instead of next-auth's stack traces (a forged or expired cookie is routine).
    logger: {
      error: (code) => log.warn(`next-auth: ${code}`),
      warn: (code) => log.warn(`next-auth: ${code}`),
      debug: () => {},
    },
    pages: { signIn: `/${getEnv().DEFAULT_LOCALE}/staff/sign-in` },
    providers: [
      CredentialsProvider({
        name: "Privacy Desk",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const result = await authenticateStaff(await readyDb(), {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            ip: clientIpOf(request?.headers as Record<string, unknown> | undefined),
          });
          if (result.ok) return { id: result.staff.id, email: result.staff.email, name: result.staff.name, sessionVersion: result.staff.sessionVersion };
          // next-auth hands a thrown message back to the sign-in form as `error`.
          if (result.error === "locked") throw new Error(`locked:${result.retryAfterMinutes}`);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.staffId = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, staffId: token.staffId as string | undefined, sessionVersion: token.sessionVersion as number | undefined };
      },
    },
  };
}
