import type { Request } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/translator";
import { getOperator } from "@/lib/operator";
import type { TemplateContext } from "./fill-template";

export type TemplateRequest = Pick<Request, "requesterName" | "reference" | "dueAt" | "type">;

/** The values a template is filled with for one request, in `locale` (the template's language). */
export async function templateContextFor(request: TemplateRequest, locale: Locale): Promise<TemplateContext> {
  const t = await getTranslator(locale);
  const operator = getOperator(locale);
  const requestTypeTitle = t(`requestTypes.${request.type}.title`);
  return {
    locale,
    timeZone: getEnv().OPERATOR_TIME_ZONE,
    requesterName: request.requesterName,
    reference: request.reference,
    dueAt: request.dueAt,
    requestTypeTitle,
    operatorName: operator.name,
    operatorEmail: operator.supportEmail,
  };
}

const SAMPLE_NAMES: Record<Locale, string> = { ru: "Айгерим Серікқызы", kk: "Айгерім Серікқызы", en: "Aigerim Serikkyzy" };

/** A made-up request for previewing a template when no real one is chosen. */
export function sampleTemplateRequest(locale: Locale, now = new Date()): TemplateRequest {
  return { requesterName: SAMPLE_NAMES[locale], reference: "DSR-2026-000123", dueAt: new Date(now.getTime() + 3 * 86_400_000), type: "access" };
}
