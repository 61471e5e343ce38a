import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, staff } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import { generatePassword } from "@/lib/auth/passwords";
import { enrolWithSecret, newTotpSecret } from "@/lib/auth/two-factor";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { completeVerification } from "@/lib/requests/complete-verification";
import { fileRequest } from "@/lib/requests/file-request";
import type { RequestForm } from "@/lib/requests/types";

export const DEMO_ADMIN_EMAIL = "admin@privacy-desk.test";

/**
 * The one demo login file: every demo account as JSON ({ admin: { email, password, totpSecret }, agent: …, compliance: … }),
 * for trying each role. The demo accounts come with two-factor sign-in set up: `totpSecret` goes
 * into an authenticator app, or `npm run demo:code` prints the current codes.
 */
export function demoLoginsFile(): string {
  return path.join(getEnv().DATA_DIR, "demo-staff-logins.json");
}

export type DemoLogin = { email: string; password: string; totpSecret: string };

const DEMO_COLLEAGUES = [
  { role: "agent", email: "agent@privacy-desk.test", name: "Demo Agent" },
  { role: "compliance", email: "compliance@privacy-desk.test", name: "Demo Compliance" },
] as const;

const base = { phone: "", jurisdiction: "KZ", onBehalf: false, subjectName: "", comment: "", consent: true } as const;
const DEMO_REQUESTS: RequestForm[] = [
  { ...base, type: "access", name: "Айгерим Серікқызы", email: "aigerim@example.kz", categories: ["identity_contacts", "geolocation"], format: "pdf" } as RequestForm,
  { ...base, type: "deletion", name: "Иван Петров", email: "ivan@example.kz", scope: "account", categories: [], accountIdentifier: "+7 701 111 22 33", acknowledgeConsequences: true } as RequestForm,
  { ...base, type: "credential_misuse", name: "Daniyar Nurlanov", email: "daniyar@example.kz", accountIdentifier: "daniyar.n", noticedOn: "2026-11-20", whatHappened: "A login from an unknown phone.", passwordChanged: "no" } as RequestForm,
];


/** Received 40 days ago and still open: the queue's Overdue view has work in it (and the e2e agent's morning). */
const DEMO_OVERDUE_DAYS = 40;
const DEMO_OVERDUE: RequestForm[] = [
  ["Асель Қасымова", "asel"],
  ["Ерлан Сейтқали", "erlan"],
  ["Мария Иванова", "maria"],
  ["Олжас Беков", "olzhas"],
  ["Sara Lind", "sara"],
  ["Тимур Ахметов", "timur"],
  ["Dana Omarova", "dana"],
  ["Нұрлан Әлиев", "nurlan"],
  ["Elena Kim", "elena"],
  ["Бауыржан Омаров", "bauyrzhan"],
  ["Ольга Смирнова", "olga"],
  ["Aliya Sadykova", "aliya"],
].map(([name, login]) => ({ ...base, type: "access", name, email: `${login}.overdue@example.kz`, categories: ["device"], format: "pdf" }) as RequestForm);

/**
 * For trying the product: a demo admin (login kept in DATA_DIR and printed at every start) and a
 * few verified sample requests (some of them overdue), only on an empty database and only when DEMO_DATA is on.
 */
export async function seedDemoData(db: Db): Promise<void> {
  const [{ staffCount } = { staffCount: 0 }] = await db.select({ staffCount: count() }).from(staff);
  if (staffCount === 0) {
    // DATA_DIR exists already with PGlite, not necessarily with PostgreSQL.
    await mkdir(getEnv().DATA_DIR, { recursive: true });
    const logins: Record<string, DemoLogin> = {};
    for (const account of [{ role: "admin", email: DEMO_ADMIN_EMAIL, name: "Demo Admin" } as const, ...DEMO_COLLEAGUES]) {
      const password = generatePassword();
      const created = await createStaff(db, { ...account, password }, SYSTEM_ACTOR);
      const totpSecret = newTotpSecret();
      await enrolWithSecret(db, created.id, totpSecret);
      logins[account.role] = { email: account.email, password, totpSecret };
    }
    await writeFile(demoLoginsFile(), JSON.stringify(logins, null, 2), { mode: 0o600 });
  }
  const [{ requestCount } = { requestCount: 0 }] = await db.select({ requestCount: count() }).from(requests);
  if (requestCount === 0) {
    const overdueAt = new Date(Date.now() - DEMO_OVERDUE_DAYS * 86_400_000);
    for (const [form, at] of [...DEMO_OVERDUE.map((f) => [f, overdueAt] as const), ...DEMO_REQUESTS.map((f) => [f, new Date()] as const)]) {
      const filed = await fileRequest(db, { form, locale: "ru", ip: "demo", proofOfAuthority: [], supportingDocuments: [], honeypot: "" }, at);
      if (!filed.ok) continue;
      await db.transaction(async (tx) => {
        const [request] = await tx.select().from(requests).where(eq(requests.id, filed.requestId));
        if (request) await completeVerification(tx, request, at);
      });
    }
  }
  try {
    const logins = JSON.parse(await readFile(demoLoginsFile(), "utf8")) as Record<string, DemoLogin>;
    const { email, password, totpSecret } = logins.admin!;
    log.startupNotice(
      `demo staff sign-in: ${new URL(`/${getEnv().DEFAULT_LOCALE}/staff/sign-in`, getEnv().APP_URL)} — ${email} / ${password}; ` +
        `two-factor code: \`npm run demo:code\` prints it (or add the key ${totpSecret} to an authenticator app). ` +
        `Agent and compliance logins: ${demoLoginsFile()}`,
    );
  } catch {
    // The demo admin was made by an earlier data folder's start, or staff exist already.
  }
}
