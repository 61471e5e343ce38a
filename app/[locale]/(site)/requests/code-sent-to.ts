import { cookies } from "next/headers";
import { maskEmail } from "@/lib/security/mask-email";

/**
 * The code page names the address the code went to, masked (a***@example.kz). The page itself
 * looks the same for every request id, so the masked address travels from the form's action in
 * a short-lived cookie scoped to that one verify page: never in the URL, never to a stranger
 * who opens the page by its id.
 */
const COOKIE = "pd_code_sent_to";

function verifyPath(locale: string, requestId: string): string {
  return `/${locale}/requests/${requestId}/verify`;
}

export async function rememberCodeSentTo(locale: string, requestId: string, email: string): Promise<void> {
  (await cookies()).set(COOKIE, maskEmail(email), { path: verifyPath(locale, requestId), maxAge: 15 * 60, httpOnly: true, sameSite: "lax" });
}

export async function codeSentTo(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value ?? "";
  // Only ever a masked address: anything else (a forged cookie) is not shown.
  return /^[^@\s]\*\*\*@[^@\s]+$/u.test(value) ? value : null;
}
