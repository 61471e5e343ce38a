import { encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { servedOverHttps } from "@/lib/security/headers";
import { sessionMaxAgeSeconds } from "./auth-options";
import { getAuthSecret } from "./auth-secret";
import type { SignedInUser } from "./authorize-staff";

/**
 * The staff session cookie, exactly as next-auth (v4, JWT strategy) writes it after its
 * credentials callback — the same name, encryption, claims and flags — for the sign-in form's
 * server action, which signs in without next-auth's client (and so without JavaScript). next-auth
 * reads it back on every request and checks its session record (auth-options.ts).
 */
export async function staffSessionCookie(user: SignedInUser): Promise<{ name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } }> {
  const secure = servedOverHttps(getEnv().APP_URL);
  const maxAge = sessionMaxAgeSeconds();
  const value = await encode({
    token: { name: user.name, email: user.email, sub: user.id, staffId: user.id, sessionId: user.sessionId, sessionVersion: user.sessionVersion },
    secret: getAuthSecret(),
    maxAge,
  });
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge } };
}
