import type { Request } from "@/db/schema";
import { getEnv, type Locale } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/translator";
import { getOperator } from "@/lib/operator";
import { REQUEST_TYPES, type RequestType } from "@/lib/requests/request-types";
import type { TemplateContext } from "./fill-template";

export type TemplateRequest = Pick<Request, "requesterName" | "reference" | "dueAt" | "type">;

/** The values a template is filled with for one request, in `locale` (the template's language). */
export async function templateContextFor(request: TemplateRequest, locale: Locale): Promise<TemplateContext> {
  const t = await getTranslator(locale);
  const operator = getOperator(locale);
  // Types are data: one without a catalogue title yet shows its code rather than failing.
  const requestTypeTitle = (REQUEST_TYPES as readonly string[]).includes(request.type) ? t(`requestTypes.${request.type as RequestType}.title`) : request.type;
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
