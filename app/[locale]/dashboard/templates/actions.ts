"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { checkStaff, type CurrentStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { ReplyNotAllowedError, ReplyRequestNotFoundError, ReplyTemplateExistsError, ReplyTemplateNotFoundError } from "@/lib/replies/errors";
import type { ReplyTemplateInput } from "@/lib/replies/schemas";
import { previewReplyTemplate, saveReplyTemplate, type TemplatePreview } from "@/lib/replies/templates";
import { readyDb } from "@/lib/startup/ensure-app-ready";

type Refusal = { ok: false; error: "unauthorized" | "forbidden" | "not_found" | "unexpected" };

export type SaveTemplateState =
  | { ok: true; id: string; locale: Locale }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "exists" }
  | Refusal;

export type PreviewTemplateState = { ok: true; preview: Omit<TemplatePreview, "sample"> & { sampleReference: string | null } } | { ok: false; error: "sample_not_found" } | Refusal;

/** Admins only (checked here, and again by the domain function); expected refusals become codes. */
async function runAdmin<T>(name: string, work: (actor: CurrentStaff) => Promise<T>, refusal: (error: unknown) => T | null): Promise<T | Refusal> {
  const check = await checkStaff(["admin"]);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    return await work(check.staff);
  } catch (error) {
    unstable_rethrow(error);
    const known = refusal(error);
    if (known) return known;
    if (error instanceof ReplyNotAllowedError) return { ok: false, error: "forbidden" };
    log.error(`action ${name} failed: ${errorMessage(error)}`, { staffId: check.staff.id });
    return { ok: false, error: "unexpected" };
  }
}

export async function saveTemplateAction(locale: Locale, input: ReplyTemplateInput): Promise<SaveTemplateState> {
  return runAdmin<SaveTemplateState>(
    "saveReplyTemplate",
    async (actor) => {
      const saved = await saveReplyTemplate(await readyDb(), input, actor);
      revalidatePath(`/${locale}/dashboard/templates`);
      return { ok: true, id: saved.id, locale: saved.locale as Locale };
    },
    (error) => {
      if (error instanceof ZodError) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
        return { ok: false, error: "invalid", fieldErrors };
      }
      if (error instanceof ReplyTemplateExistsError) return { ok: false, error: "exists" };
      if (error instanceof ReplyTemplateNotFoundError) return { ok: false, error: "not_found" };
      return null;
    },
  );
}

export async function previewTemplateAction(input: { locale: Locale; subject: string; body: string; sampleRequestId: string | null }): Promise<PreviewTemplateState> {
  return runAdmin<PreviewTemplateState>(
    "previewReplyTemplate",
    async (actor) => {
      const { sample, ...preview } = await previewReplyTemplate(
        await readyDb(),
        { draft: { locale: input.locale, subject: input.subject, body: input.body }, sampleRequestId: input.sampleRequestId || null },
        actor,
      );
      return { ok: true, preview: { ...preview, sampleReference: sample?.reference ?? null } };
    },
    (error) => {
      if (error instanceof ReplyRequestNotFoundError) return { ok: false, error: "sample_not_found" };
      // A draft too long to preview: the save button explains the limits next to the fields.
      if (error instanceof ZodError) return { ok: false, error: "unexpected" };
      return null;
    },
  );
}
