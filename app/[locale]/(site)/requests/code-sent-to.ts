import { cookies } from "next/headers";
import { MASKED_ADDRESS } from "./code-sent-to-session";

/**
 * The code page names the address the code went to, masked (a***@example.kz). The page itself
 * looks the same for every request id, so after a form posted without JavaScript the masked
 * address travels from the action (which redirects anyway) in a short-lived cookie scoped to that
 * one verify page: never in the URL, never to a stranger who opens the page by its id. The
 * form's script keeps it in the tab instead (code-sent-to-session.ts): a cookie set in an action
 * called by a script makes Next render the whole page into the answer.
 */
const COOKIE = "pd_code_sent_to";

export function verifyPath(locale: string, requestId: string): string {
  return `/${locale}/requests/${requestId}/verify`;
}

/** The masked address (maskEmail) for the verify page at `path` only, for 15 minutes. */
export async function rememberCodeSentTo(path: string, masked: string): Promise<void> {
  (await cookies()).set(COOKIE, masked, { path, maxAge: 15 * 60, httpOnly: true, sameSite: "lax" });
}

export async function codeSentTo(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value ?? "";
  // Only ever a masked address: anything else (a forged cookie) is not shown.
  return MASKED_ADDRESS.test(value) ? value : null;
}
