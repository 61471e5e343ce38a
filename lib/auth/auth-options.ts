import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { servedOverHttps } from "@/lib/security/headers";
import { readyDb } from "@/db/ready";
import { getAuthSecret } from "./auth-secret";
import { authorizeStaff, type SignedInUser } from "./authorize-staff";
import { clientIpOfHeaders } from "./request-client-ip";
import { revokeStaffSession, validateStaffSession } from "./staff-sessions";

/** The cookie lives as long as the longest session may; the server-side record decides before that. */
export function sessionMaxAgeSeconds(): number {
  return getEnv().STAFF_SESSION_MAX_HOURS * 3600;
}

export class SessionEndedError extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEndedError";
  }
}

/**
 * The credentials provider's authorize: every refusal is thrown as a fixed code, and anything
 * unexpected (a database error with its SQL, say) is logged and answered "unexpected" — next-auth
 * would otherwise put the error's message into the sign-in page's URL.
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<SignedInUser> {
  let outcome;
  try {
    outcome = await authorizeStaff(await readyDb(), {
      email: String(credentials?.email ?? ""),
      password: String(credentials?.password ?? ""),
      code: String(credentials?.code ?? ""),
      ip: clientIpOfHeaders(headers),
      userAgent: typeof headers?.["user-agent"] === "string" ? headers["user-agent"] : null,
    });
  } catch (error) {
    log.error(`staff sign-in failed: ${errorMessage(error)}`);
    throw new Error("unexpected");
  }
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome.user;
}

type SessionToken = { staffId?: string; sessionId?: string; sessionVersion?: number };

/**
 * next-auth (v4) with one credentials provider. The cookie is a signed JWT holding the staff id,
 * the server-side session's id and the session version; each use is checked against the session
 * record (lib/auth/staff-sessions.ts), so a signed-out, idle or expired session is dead even if a
 * copy of its cookie survives, and `/api/auth/session` answers nothing for it.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    // Secure, __Secure--prefixed cookies whenever the site is served over https.
    useSecureCookies: servedOverHttps(getEnv().APP_URL),
    // One readable line instead of next-auth's stack traces (a forged, ended or expired cookie is routine).
    logger: {
      error: (code) => (code === "JWT_SESSION_ERROR" ? log.debug(`next-auth: ${code}`) : log.warn(`next-auth: ${code}`)),
      warn: (code) => log.warn(`next-auth: ${code}`),
      debug: () => {},
    },
    pages: { signIn: `/${getEnv().DEFAULT_LOCALE}/staff/sign-in` },
    providers: [
      CredentialsProvider({
        name: "Privacy Desk",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        authorize: (credentials, request) => authorizeCredentials(credentials, request?.headers as Record<string, unknown> | undefined),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          return { ...token, staffId: signedIn.id, sessionId: signedIn.sessionId, sessionVersion: signedIn.sessionVersion };
        }
        const { sessionId, sessionVersion } = token as SessionToken;
        const valid = sessionId ? await validateStaffSession(await readyDb(), { sessionId, sessionVersion: sessionVersion ?? 0 }) : null;
        // Thrown, next-auth answers `{}` and clears the cookie instead of re-issuing it. (A session
        // still enrolling two-factor stays: the enrolment page needs it, nothing else accepts it.)
        if (!valid) throw new SessionEndedError();
        return token;
      },
      session({ session }) {
        return { expires: session.expires, user: { name: session.user?.name ?? null, email: session.user?.email ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        const sessionId = (token as SessionToken | null)?.sessionId;
        if (sessionId) await revokeStaffSession(await readyDb(), sessionId);
      },
    },
  };
}
