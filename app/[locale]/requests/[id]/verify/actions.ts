"use server";

import { redirect } from "next/navigation";
import { runPublicAction } from "@/lib/actions/public-action";
import { resendVerificationCode, verifyRequestByCode, type ResendResult, type VerifyResult } from "@/lib/requests/verify-request";
import { verificationCodeSchema } from "@/lib/validation/request-forms";

export type VerifyCodeState = Exclude<VerifyResult, { ok: true }> | { ok: false; error: "unexpected" } | { ok: false; error: "format"; message: string };

export async function verifyCodeAction(requestId: string, code: string): Promise<VerifyCodeState> {
  const parsed = verificationCodeSchema.safeParse({ code });
  if (!parsed.success) return { ok: false, error: "format", message: parsed.error.issues[0]?.message ?? "invalidCode" };
  const result = await runPublicAction("verifyCode", ({ db, ip }) => verifyRequestByCode(db, { requestId, code: parsed.data.code, ip }));
  if (result.ok) redirect(result.statusUrl.replace(/^https?:\/\/[^/]+/, ""));
  return result;
}

export async function resendCodeAction(requestId: string): Promise<ResendResult | { ok: false; error: "unexpected" }> {
  return runPublicAction("resendCode", ({ db, ip }) => resendVerificationCode(db, { requestId, ip }));
}
