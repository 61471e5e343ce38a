"use server";

import { redirect } from "next/navigation";
import { runPublicAction } from "@/lib/actions/public-action";
import { resendVerificationCode, verifyRequestByCode, type ResendResult, type VerifyResult } from "@/lib/requests/verify-request";
import { verificationCodeSchema } from "@/lib/validation/request-forms";

export type VerifyCodeState = null | Exclude<VerifyResult, { ok: true }> | { ok: false; error: "unexpected" } | { ok: false; error: "format"; message: string };
export type ResendCodeState = null | ResendResult | { ok: false; error: "unexpected" };

const requestIdOf = (formData: FormData) => String(formData.get("requestId") ?? "");

/**
 * The code form's action, whether the page's script sends it or the browser posts the form by
 * itself before JavaScript runs: the right code redirects to the status page; anything else
 * comes back as a state the form explains.
 */
export async function verifyCodeAction(_previous: VerifyCodeState, formData: FormData): Promise<VerifyCodeState> {
  const parsed = verificationCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { ok: false, error: "format", message: parsed.error.issues[0]?.message ?? "invalidCode" };
  const requestId = requestIdOf(formData);
  const result = await runPublicAction("verifyCode", ({ db, ip }) => verifyRequestByCode(db, { requestId, code: parsed.data.code, ip }));
  if (result.ok) redirect(result.statusUrl.replace(/^https?:\/\/[^/]+/, ""));
  return result;
}

export async function resendCodeAction(_previous: ResendCodeState, formData: FormData): Promise<ResendCodeState> {
  const requestId = requestIdOf(formData);
  return runPublicAction("resendCode", ({ db, ip }) => resendVerificationCode(db, { requestId, ip }));
}
