import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, type NewRequest, type Request } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { RequestForm } from "@/lib/requests/types";
import { completeVerification } from "./complete-verification";
import { fileRequest } from "./file-request";

/** Test support: an access request's form answers, as the public form sends them. */
export function accessRequestForm(email: string, name = "Айгерим Серікқызы"): RequestForm {
  return { type: "access", name, email, phone: "", jurisdiction: "KZ", onBehalf: false, subjectName: "", comment: "", consent: true, categories: ["device"], format: "pdf" } as RequestForm;
}

/** Test support: a filed and verified access request, with its status-page token. */
export async function fileVerifiedRequest(
  db: Db,
  { email, locale = "ru", name = "Айгерим Серікқызы", at = new Date() }: { email: string; locale?: Locale; name?: string; at?: Date },
): Promise<{ request: Request; statusToken: string }> {
  const form = accessRequestForm(email, name);
  const filed = await fileRequest(db, { form, locale, ip: "203.0.113.50", proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, at);
  if (!filed.ok) throw new Error(`filing the test request failed: ${JSON.stringify(filed)}`);
  const statusUrl = await db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, filed.requestId));
    return (await completeVerification(tx, request!, at)).statusUrl;
  });
  const [request] = await db.select().from(requests).where(eq(requests.id, filed.requestId));
  return { request: request!, statusToken: statusUrl.split("/r/")[1]! };
}

const DAY_MS = 86_400_000;

/**
 * Test support: a verified access request row to insert directly (number `i`, received at `at`,
 * due 30 days later), for tests that need many requests with chosen dates and outcomes.
 */
export function verifiedRequestRow(i: number, at: Date, overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    reference: `DSR-2026-${String(i).padStart(6, "0")}`,
    type: "access",
    status: "new",
    locale: "ru",
    jurisdiction: "KZ",
    requesterName: `Person ${i}`,
    requesterEmail: `person${i}@example.kz`,
    details: {},
    consentAt: at,
    createdAt: at,
    statusChangedAt: at,
    verifyBy: new Date(at.getTime() + 14 * DAY_MS),
    verifiedAt: at,
    dueAt: new Date(at.getTime() + 30 * DAY_MS),
    ...overrides,
  };
}
