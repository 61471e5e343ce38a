import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db, Executor } from "@/db/client";
import { staff, staffRecoveryCodes, type Staff, type StaffRole } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv, type Env } from "@/lib/env";
import { hashToken } from "@/lib/security/tokens";
import { clearThrottle, takeAttempt, twoFactorThrottleKey } from "./sign-in-throttle";

export const TOTP_ISSUER = "Privacy Desk";
export const RECOVERY_CODE_COUNT = 10;
// A code from the previous or the next 30-second step is still accepted (clock drift, typing time).
const TOTP_TOLERANCE_SECONDS = 30;

/** Admins and compliance always need a second factor; agents when STAFF_TWO_FACTOR_AGENTS is on. */
export function twoFactorRequired(role: StaffRole, env: Env = getEnv()): boolean {
  return role !== "agent" || env.STAFF_TWO_FACTOR_AGENTS;
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The enrolment QR code as an SVG data URL, rendered on the server (nothing leaves the page). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 10 random characters (~49 bits) shown as xxxxx-xxxxx. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What is hashed: case, spaces and dashes do not matter when typing a recovery code. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

function isTotpShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** Replaces the account's recovery codes with fresh ones; the plain codes are returned once and never stored. */
export async function replaceRecoveryCodes(db: Executor, staffId: string, now = new Date()): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  await db.insert(staffRecoveryCodes).values(codes.map((code) => ({ staffId, codeHash: hashToken(normaliseRecoveryCode(code)), createdAt: now })));
  return codes;
}

/** Checks a TOTP code against `secret`, accepting each time step once (RFC 6238 §5.2). */
async function acceptTotp(db: Executor, member: Pick<Staff, "id" | "totpLastStep">, secret: string, code: string, column: "active" | "pending", now: Date): Promise<boolean> {
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_TOLERANCE_SECONDS, afterTimeStep: member.totpLastStep ?? undefined });
  if (!result.valid || !("timeStep" in result)) return false;
  // Claim the step atomically: of two concurrent uses of one code, only one gets in.
  const [claimed] = await db
    .update(staff)
    .set({ totpLastStep: result.timeStep })
    .where(and(eq(staff.id, member.id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, result.timeStep)), column === "active" ? eq(staff.totpSecret, secret) : eq(staff.totpPendingSecret, secret)))
    .returning({ id: staff.id });
  return Boolean(claimed);
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false; error: "invalid" } | { ok: false; error: "delayed"; retryAfterSeconds: number };

/**
 * The second step of sign-in for an account with 2FA: a current TOTP code (each accepted once) or
 * an unused recovery code (used up by this). Attempts are limited like passwords (progressive
 * delay per account); failures and recovery-code use are audited.
 */
export async function verifySecondFactor(db: Db, member: Staff, code: string, { ip }: { ip: string }, now = new Date()): Promise<SecondFactorResult> {
  if (!member.totpSecret) return { ok: false, error: "invalid" };
  const key = twoFactorThrottleKey(member.id);
  const attempt = await takeAttempt(db, key, now);
  if (!attempt.allowed) return { ok: false, error: "delayed", retryAfterSeconds: attempt.retryAfterSeconds };
  const typed = code.trim();
  let method: "totp" | "recovery_code" | null = null;
  if (isTotpShape(typed)) {
    if (await acceptTotp(db, member, member.totpSecret, typed, "active", now)) method = "totp";
  } else if (typed.length > 0 && typed.length <= 40) {
    const [used] = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(staffRecoveryCodes.staffId, member.id), eq(staffRecoveryCodes.codeHash, hashToken(normaliseRecoveryCode(typed))), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    if (used) method = "recovery_code";
  }
  await db.transaction(async (tx) => {
    if (method) await clearThrottle(tx, key);
    if (method !== "totp") {
      await recordAuditEvent(tx, {
        actorType: "staff",
        actorId: member.id,
        action: method ? "staff.two_factor_recovery_code_used" : "staff.two_factor_failed",
        entityType: "staff",
        entityId: member.id,
        data: { ip },
      });
    }
  });
  return method ? { ok: true, method } : { ok: false, error: "invalid" };
}

export type Enrolment = { secret: string; uri: string; qrDataUrl: string };

/** Starts (or shows again) enrolment: a pending secret kept until a code confirms it. */
export async function startTwoFactorEnrolment(db: Db, member: Pick<Staff, "id" | "email">): Promise<Enrolment> {
  const [row] = await db.select({ pending: staff.totpPendingSecret }).from(staff).where(eq(staff.id, member.id));
  let secret = row?.pending ?? null;
  if (!secret) {
    secret = newTotpSecret();
    await db.update(staff).set({ totpPendingSecret: secret }).where(eq(staff.id, member.id));
  }
  const uri = totpUri(member.email, secret);
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

export type ConfirmEnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "invalid" } | { ok: false; error: "delayed"; retryAfterSeconds: number };

/**
 * Confirms enrolment with the first code from the app: the pending secret becomes the account's,
 * fresh recovery codes are made (returned once), and the change is audited. Attempts are limited
 * like sign-in codes.
 */
export async function confirmTwoFactorEnrolment(db: Db, memberId: string, code: string, now = new Date()): Promise<ConfirmEnrolmentResult> {
  const [member] = await db.select().from(staff).where(eq(staff.id, memberId));
  if (!member?.totpPendingSecret) return { ok: false, error: "invalid" };
  const key = twoFactorThrottleKey(member.id);
  const attempt = await takeAttempt(db, key, now);
  if (!attempt.allowed) return { ok: false, error: "delayed", retryAfterSeconds: attempt.retryAfterSeconds };
  const secret = member.totpPendingSecret;
  // A new secret starts a new sequence of time steps.
  const valid = isTotpShape(code.trim()) && (await acceptTotp(db, { id: member.id, totpLastStep: null }, secret, code.trim(), "pending", now));
  if (!valid) return { ok: false, error: "invalid" };
  return db.transaction(async (tx) => {
    await tx.update(staff).set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: now }).where(eq(staff.id, member.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, member.id, now);
    await clearThrottle(tx, key);
    await recordAuditEvent(tx, { actorType: "staff", actorId: member.id, action: "staff.two_factor_enrolled", entityType: "staff", entityId: member.id, data: {} });
    return { ok: true as const, recoveryCodes };
  });
}

/** How many unused recovery codes the account has left (shown on the account page). */
export async function remainingRecoveryCodes(db: Db, staffId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/**
 * Enrols an account directly with a known secret (demo accounts, whose secret is kept in DATA_DIR
 * so the e2e tests and a person trying the product can compute codes). Not for real accounts.
 */
export async function enrolWithSecret(db: Db, staffId: string, secret: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.update(staff).set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: null }).where(eq(staff.id, staffId));
    const codes = await replaceRecoveryCodes(tx, staffId, now);
    await recordAuditEvent(tx, { actorType: "system", actorId: "privacy-desk", action: "staff.two_factor_enrolled", entityType: "staff", entityId: staffId, data: { demo: true } });
    return codes;
  });
}
