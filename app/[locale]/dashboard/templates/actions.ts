"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import type { AppError } from "@/lib/errors/app-error";
import type { ReplyTemplateInput } from "@/lib/replies/schemas";
import { previewReplyTemplate, saveReplyTemplate, type TemplatePreview } from "@/lib/replies/templates";

type Refusal = { ok: false; error: "unauthorized" | "forbidden" | "not_found" | "unexpected" };

export type SaveTemplateState =
  | { ok: true; id: string; locale: Locale }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "exists" }
  | Refusal;

export type PreviewTemplateState = { ok: true; preview: Omit<TemplatePreview, "sample"> & { sampleReference: string | null } } | { ok: false; error: "sample_not_found" } | Refusal;

/** The template editor's refusals; anything it does not word is "unexpected". */
function saveRefusal(error: AppError): Exclude<SaveTemplateState, { ok: true }> {
  if (error.code === "invalid") return { ok: false, error: "invalid", fieldErrors: error.fieldErrors ?? {} };
  if (error.code === "exists" || error.code === "not_found" || error.code === "forbidden") return { ok: false, error: error.code };
  return { ok: false, error: "unexpected" };
}

function previewRefusal(error: AppError): Exclude<PreviewTemplateState, { ok: true }> {
  // The only request a preview reads is the sample; a draft too long to preview is explained by the save button.
  if (error.code === "not_found" && error.details.entity === "request") return { ok: false, error: "sample_not_found" };
  if (error.code === "not_found" || error.code === "forbidden") return { ok: false, error: error.code };
  return { ok: false, error: "unexpected" };
}

/** Admins only (checked here, and again by the domain function). */
export async function saveTemplateAction(locale: Locale, input: ReplyTemplateInput): Promise<SaveTemplateState> {
  return staffAction({
    name: "saveReplyTemplate",
    permission: "templates.manage",
    refusal: saveRefusal,
    run: async ({ db, staff }): Promise<SaveTemplateState> => {
      const saved = await saveReplyTemplate(db, input, staff);
      revalidatePath(`/${locale}/dashboard/templates`);
      return { ok: true, id: saved.id, locale: saved.locale };
    },
  });
}

export async function previewTemplateAction(input: { locale: Locale; subject: string; body: string; sampleRequestId: string | null }): Promise<PreviewTemplateState> {
  return staffAction({
    name: "previewReplyTemplate",
    permission: "templates.manage",
    refusal: previewRefusal,
    run: async ({ db, staff }): Promise<PreviewTemplateState> => {
      const { sample, ...preview } = await previewReplyTemplate(
        db,
        { draft: { locale: input.locale, subject: input.subject, body: input.body }, sampleRequestId: input.sampleRequestId || null },
        staff,
      );
      return { ok: true, preview: { ...preview, sampleReference: sample?.reference ?? null } };
    },
  });
}
