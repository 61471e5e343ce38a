import type { Locale } from "@/lib/i18n/locales";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * The variables a reply template may use (DESIGN.md "Templates"). Anything else written as
 * {{…}} is an unknown variable: it stays in the text as written and is reported, so a typo is
 * seen by a person instead of silently disappearing from a reply.
 */
export const TEMPLATE_VARIABLES = ["requester.name", "request.ref", "request.dueAt", "request.type", "operator.name", "operator.email"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** What a template is filled with: one request, in one language, for one operator. */
export type TemplateContext = {
  /** The language of the template (the requester's language when replying). */
  locale: Locale;
  /** The operator's IANA time zone, for dates. */
  timeZone: string;
  requesterName: string;
  reference: string | null;
  dueAt: Date | null;
  /** The request type's title, already translated into `locale`. */
  requestTypeTitle: string;
  operatorName: string;
  operatorEmail: string;
};

export type FilledText = { text: string; unknownVariables: string[] };

/** Shown for a value the request does not have (yet), e.g. no due date. */
export const MISSING_VALUE = "—";

// {{ name }}: any run of characters without braces between double braces, spaces allowed.
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A due date as the requester reads it: their language, the operator's time zone. */
export function formatTemplateDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}

export function templateValues(context: TemplateContext): Record<TemplateVariable, string> {
  return {
    "requester.name": context.requesterName.trim() || MISSING_VALUE,
    "request.ref": context.reference ?? MISSING_VALUE,
    "request.dueAt": context.dueAt ? formatTemplateDate(context.dueAt, context.locale, context.timeZone) : MISSING_VALUE,
    "request.type": context.requestTypeTitle,
    "operator.name": context.operatorName,
    "operator.email": context.operatorEmail,
  };
}

function isKnown(name: string): name is TemplateVariable {
  return isOneOf(TEMPLATE_VARIABLES, name);
}

/** Every {{…}} a text still contains (known or not), each once, as written. */
export function templateVariablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[0]))];
}

/** The unknown variable names a text uses, each once, in order of first use. */
export function unknownTemplateVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) {
    if (!isKnown(match[1]!)) unknown.add(match[1]!);
  }
  return [...unknown];
}

/**
 * Fills a template's text in one pass, so a value that itself looks like a variable (a name
 * typed as "{{request.ref}}") is never expanded. Unknown variables are left exactly as written
 * and listed in `unknownVariables`.
 */
export function fillTemplate(text: string, context: TemplateContext): FilledText {
  const values = templateValues(context);
  const unknown = new Set<string>();
  const filled = text.replace(VARIABLE, (whole, name: string) => {
    if (isKnown(name)) return values[name];
    unknown.add(name);
    return whole;
  });
  return { text: filled, unknownVariables: [...unknown] };
}

/** Fills a template's subject and body together; unknown variables of both are reported once. */
export function fillReplyTemplate(template: { subject: string; body: string }, context: TemplateContext): { subject: string; body: string; unknownVariables: string[] } {
  const subject = fillTemplate(template.subject, context);
  const body = fillTemplate(template.body, context);
  return {
    subject: subject.text,
    body: body.text,
    unknownVariables: [...new Set([...subject.unknownVariables, ...body.unknownVariables])],
  };
}
