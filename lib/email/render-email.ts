import { createTranslator } from "next-intl";
import type { DenialReason } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import { getOperator, type Operator } from "@/lib/operator";
import { complaintJurisdiction } from "@/lib/requests/status-page-facts";
import { renderHtml, renderText, type EmailBlock } from "./email-layout";

export const EMAIL_TEMPLATES = [
  "verification_code",
  "acknowledgement",
  "status_links",
  "withdrawal_confirmation",
  "staff_reply",
  "staff_invitation",
  "staff_sign_in_failures",
  "information_requested",
  "deadline_extended",
  "request_denied",
  "request_completed",
  "request_reopened",
  "deadline_reminder",
  "requester_replied",
  "erasure_completed",
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** What each template needs. Labels and dates arrive already translated and formatted. */
export type EmailVariables = {
  verification_code: { name: string; code: string; verifyUrl: string; minutes: number };
  acknowledgement: { name: string; reference: string; requestType: string; dueDate: string; statusUrl: string };
  status_links: { name: string; links: { reference: string; requestType: string; statusUrl: string }[] };
  withdrawal_confirmation: { name: string; reference: string };
  staff_reply: { name: string; reference: string; body: string; statusUrl: string };
  /** To a new colleague: `role` is the translated role name, `expiresAt` the formatted expiry. */
  staff_invitation: { name: string; inviterName: string; role: string; inviteUrl: string; expiresAt: string };
  /** To a staff member whose account keeps getting wrong passwords; `ip` is the last client address. */
  staff_sign_in_failures: { name: string; attempts: number; ip: string; accountUrl: string };
  /** Staff ask the requester for more (the request waits for them); `body` is the staff member's text. */
  information_requested: { name: string; reference: string; body: string; statusUrl: string };
  /** `dueDate` is the new due date, formatted; `reason` is what staff wrote. */
  deadline_extended: { name: string; reference: string; dueDate: string; reason: string; statusUrl: string };
  /** `reason` is a DENIAL_REASONS code (translated here); `jurisdiction` picks the authority to complain to. */
  request_denied: { name: string; reference: string; requestType: string; reason: DenialReason; note: string; jurisdiction: string; statusUrl: string };
  /** `note` may be empty (an access request's files say it all); `filesAvailableUntil` is set when files were delivered. */
  request_completed: { name: string; reference: string; requestType: string; note: string; filesAvailableUntil: string | null; statusUrl: string };
  /** Staff took a declined request up again (after the requester disagreed, typically). */
  request_reopened: { name: string; reference: string; requestType: string; statusUrl: string };
  /** The daily list for an assignee: `due` is the formatted due date of each request. */
  /** To the assignee: the requester wrote (portal or e-mail); `excerpt` is the start of it. */
  requester_replied: { name: string; reference: string; excerpt: string; url: string };
  /** After an approved erasure (lib/fulfilment): what was erased and what was kept and why, each line already translated. */
  erasure_completed: { name: string; reference: string; erased: string[]; kept: string[]; statusUrl: string };
  deadline_reminder: { name: string; overdue: { reference: string; due: string; url: string }[]; dueSoon: { reference: string; due: string; url: string }[]; queueUrl: string };
};

export type RenderedEmail = { subject: string; text: string; html: string };

function emailTranslator(locale: Locale, messages: Messages) {
  return createTranslator({
    locale,
    messages,
    namespace: "email",
    timeZone: getEnv().OPERATOR_TIME_ZONE,
    // A broken catalogue must fail loudly here, not send an email with a key in it.
    onError: (error) => {
      throw error;
    },
  });
}
type EmailTranslator = ReturnType<typeof emailTranslator>;

// One translator per catalogue (each language's is loaded once) and time zone, kept: a translator
// parses each message and builds its Intl formatters on first use and keeps them, so a new one per
// e-mail did all of that again for every public submission (~10 % of its CPU in the domain code).
const translators = new WeakMap<Messages, Map<string, EmailTranslator>>();

function cachedEmailTranslator(locale: Locale, messages: Messages): EmailTranslator {
  const key = `${locale} ${getEnv().OPERATOR_TIME_ZONE}`;
  let byZone = translators.get(messages);
  if (!byZone) translators.set(messages, (byZone = new Map()));
  let t = byZone.get(key);
  if (!t) byZone.set(key, (t = emailTranslator(locale, messages)));
  return t;
}

/** `sentBy` replaces the usual first footer line, which speaks of the reader's own request. */
type Built = { subject: string; blocks: EmailBlock[]; sentBy?: string };
type Builder<T extends EmailTemplate> = (t: EmailTranslator, v: EmailVariables[T], operator: Operator) => Built;

const TEMPLATES: { [T in EmailTemplate]: Builder<T> } = {
  verification_code: (t, v) => ({
    subject: t("verification_code.subject"),
    blocks: [
      { kind: "paragraph", text: t("verification_code.intro") },
      { kind: "code", code: v.code },
      { kind: "paragraph", text: t("verification_code.validFor", { minutes: v.minutes }) },
      { kind: "paragraph", text: t("verification_code.linkIntro") },
      { kind: "button", label: t("verification_code.linkLabel"), url: v.verifyUrl },
      { kind: "note", text: t("verification_code.ignore") },
    ],
  }),
  acknowledgement: (t, v) => ({
    subject: t("acknowledgement.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("acknowledgement.intro", { requestType: v.requestType }) },
      { kind: "paragraph", text: t("acknowledgement.reference", { reference: v.reference }) },
      { kind: "paragraph", text: t("acknowledgement.due", { dueDate: v.dueDate }) },
      { kind: "paragraph", text: t("acknowledgement.statusIntro") },
      { kind: "button", label: t("acknowledgement.linkLabel"), url: v.statusUrl },
      { kind: "note", text: t("acknowledgement.keepPrivate") },
    ],
  }),
  status_links: (t, v) => ({
    subject: t("status_links.subject"),
    blocks:
      v.links.length === 0
        ? [{ kind: "paragraph", text: t("status_links.none") }, { kind: "note", text: t("status_links.ignore") }]
        : [
            { kind: "paragraph", text: t("status_links.intro") },
            {
              kind: "links",
              items: v.links.map((link) => ({
                label: t("status_links.item", { reference: link.reference, requestType: link.requestType }),
                url: link.statusUrl,
              })),
            },
            { kind: "note", text: t("status_links.keepPrivate") },
            { kind: "note", text: t("status_links.ignore") },
          ],
  }),
  withdrawal_confirmation: (t, v, operator) => ({
    subject: t("withdrawal_confirmation.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("withdrawal_confirmation.body", { reference: v.reference }) },
      { kind: "note", text: t("withdrawal_confirmation.notYou", { supportEmail: operator.supportEmail }) },
    ],
  }),
  staff_reply: (t, v) => ({
    subject: t("staff_reply.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("staff_reply.intro", { reference: v.reference }) },
      { kind: "quote", text: v.body },
      { kind: "paragraph", text: t("staff_reply.replyHint") },
      { kind: "button", label: t("staff_reply.linkLabel"), url: v.statusUrl },
    ],
  }),
  staff_invitation: (t, v, operator) => ({
    subject: t("staff_invitation.subject", { operator: operator.name }),
    blocks: [
      { kind: "paragraph", text: t("staff_invitation.intro", { inviterName: v.inviterName, operator: operator.name, role: v.role }) },
      { kind: "paragraph", text: t("staff_invitation.linkIntro") },
      { kind: "button", label: t("staff_invitation.linkLabel"), url: v.inviteUrl },
      { kind: "paragraph", text: t("staff_invitation.validUntil", { expiresAt: v.expiresAt }) },
      { kind: "note", text: t("staff_invitation.keepPrivate") },
      { kind: "note", text: t("staff_invitation.ignore") },
    ],
    sentBy: t("staff_invitation.sentBy", { operator: operator.name }),
  }),
  staff_sign_in_failures: (t, v, operator) => ({
    subject: t("staff_sign_in_failures.subject", { operator: operator.name }),
    blocks: [
      { kind: "paragraph", text: t("staff_sign_in_failures.intro", { name: v.name, attempts: v.attempts, ip: v.ip }) },
      { kind: "paragraph", text: t("staff_sign_in_failures.delay") },
      { kind: "paragraph", text: t("staff_sign_in_failures.ifNotYou") },
      { kind: "button", label: t("staff_sign_in_failures.linkLabel"), url: v.accountUrl },
    ],
    sentBy: t("staff_sign_in_failures.sentBy", { operator: operator.name }),
  }),
  deadline_reminder: (t, v, operator) => ({
    subject: t("deadline_reminder.subject", { overdue: v.overdue.length, dueSoon: v.dueSoon.length }),
    blocks: [
      { kind: "paragraph", text: t("deadline_reminder.intro") },
      ...(v.overdue.length > 0
        ? [
            { kind: "paragraph" as const, text: t("deadline_reminder.overdue", { count: v.overdue.length }) },
            { kind: "links" as const, items: v.overdue.map((r) => ({ label: t("deadline_reminder.item", { reference: r.reference, due: r.due }), url: r.url })) },
          ]
        : []),
      ...(v.dueSoon.length > 0
        ? [
            { kind: "paragraph" as const, text: t("deadline_reminder.dueSoon", { count: v.dueSoon.length }) },
            { kind: "links" as const, items: v.dueSoon.map((r) => ({ label: t("deadline_reminder.item", { reference: r.reference, due: r.due }), url: r.url })) },
          ]
        : []),
      { kind: "button", label: t("deadline_reminder.linkLabel"), url: v.queueUrl },
    ],
    sentBy: t("deadline_reminder.sentBy", { operator: operator.name }),
  }),
  requester_replied: (t, v, operator) => ({
    subject: t("requester_replied.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("requester_replied.intro", { reference: v.reference }) },
      { kind: "quote", text: v.excerpt },
      { kind: "button", label: t("requester_replied.linkLabel"), url: v.url },
      { kind: "note", text: t("requester_replied.answerInDashboard") },
    ],
    sentBy: t("requester_replied.sentBy", { operator: operator.name }),
  }),
  information_requested: (t, v) => ({
    subject: t("information_requested.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("information_requested.intro", { reference: v.reference }) },
      { kind: "quote", text: v.body },
      { kind: "paragraph", text: t("information_requested.replyHint") },
      { kind: "button", label: t("information_requested.linkLabel"), url: v.statusUrl },
      { kind: "note", text: t("information_requested.keepPrivate") },
    ],
  }),
  deadline_extended: (t, v) => ({
    subject: t("deadline_extended.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("deadline_extended.intro", { reference: v.reference }) },
      { kind: "paragraph", text: t("deadline_extended.reasonIntro") },
      { kind: "quote", text: v.reason },
      { kind: "paragraph", text: t("deadline_extended.due", { dueDate: v.dueDate }) },
      { kind: "button", label: t("deadline_extended.linkLabel"), url: v.statusUrl },
    ],
  }),
  request_denied: (t, v, operator) => ({
    subject: t("request_denied.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("request_denied.intro", { requestType: v.requestType, reference: v.reference }) },
      { kind: "paragraph", text: t("request_denied.reason", { reason: t(`request_denied.reasons.${v.reason}`) }) },
      { kind: "paragraph", text: t("request_denied.legalBasis", { basis: t(`request_denied.laws.${complaintJurisdiction(v.jurisdiction)}`) }) },
      { kind: "paragraph", text: t("request_denied.noteIntro") },
      { kind: "quote", text: v.note },
      { kind: "paragraph", text: t("request_denied.complainOperator", { supportEmail: operator.supportEmail }) },
      { kind: "paragraph", text: t(`request_denied.authority.${complaintJurisdiction(v.jurisdiction)}`) },
      { kind: "button", label: t("request_denied.linkLabel"), url: v.statusUrl },
    ],
  }),
  request_completed: (t, v) => ({
    subject: t("request_completed.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("request_completed.intro", { requestType: v.requestType, reference: v.reference }) },
      ...(v.note.trim() ? [{ kind: "paragraph", text: t("request_completed.noteIntro") } as const, { kind: "quote", text: v.note } as const] : []),
      ...(v.filesAvailableUntil ? [{ kind: "paragraph", text: t("request_completed.files", { date: v.filesAvailableUntil }) } as const] : []),
      { kind: "button", label: t("request_completed.linkLabel"), url: v.statusUrl },
      { kind: "note", text: t("request_completed.keepPrivate") },
    ],
  }),
  request_reopened: (t, v) => ({
    subject: t("request_reopened.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("request_reopened.intro", { requestType: v.requestType, reference: v.reference }) },
      { kind: "paragraph", text: t("request_reopened.next") },
      { kind: "button", label: t("request_reopened.linkLabel"), url: v.statusUrl },
    ],
  }),
  erasure_completed: (t, v) => ({
    subject: t("erasure_completed.subject", { reference: v.reference }),
    blocks: [
      { kind: "paragraph", text: t("erasure_completed.intro", { reference: v.reference }) },
      { kind: "paragraph", text: t("erasure_completed.erasedIntro") },
      { kind: "quote", text: v.erased.length > 0 ? v.erased.join("\n") : t("erasure_completed.nothingErased") },
      ...(v.kept.length > 0 ? [{ kind: "paragraph", text: t("erasure_completed.keptIntro") } as const, { kind: "quote", text: v.kept.join("\n") } as const] : []),
      { kind: "button", label: t("erasure_completed.linkLabel"), url: v.statusUrl },
      { kind: "note", text: t("erasure_completed.keepPrivate") },
    ],
  }),
};

/** Subjects are one header line: a line break from a variable must not start a new header. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/**
 * Renders an email in the requester's language, outside any request (the worker and domain
 * functions call it), from the same catalogues as the pages. Every variable is treated as text:
 * the layout escapes it for the HTML part.
 */
export async function renderEmail<T extends EmailTemplate>(
  template: T,
  locale: Locale,
  variables: EmailVariables[T],
): Promise<RenderedEmail> {
  const t = cachedEmailTranslator(locale, await loadMessages(locale));
  const operator = getOperator(locale);
  const built = TEMPLATES[template](t, variables, operator);
  const name = variables.name.trim();
  const content = {
    locale,
    subject: oneLine(built.subject),
    greeting: name ? t("greeting", { name: oneLine(name) }) : t("greetingNoName"),
    blocks: built.blocks,
    footer: [built.sentBy ?? t("footer.sentBy", { operator: operator.name }), t("footer.support", { supportEmail: operator.supportEmail })],
  };
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
