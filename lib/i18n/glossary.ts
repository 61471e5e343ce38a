import type { Locale } from "@/lib/i18n/locales";

/**
 * One term per concept per language. A reader who meets two words for one thing wonders whether
 * they are two things, so every catalogue uses the term below and never a listed synonym
 * (glossary.test.ts checks lib/i18n/messages/<locale>/*.json).
 *
 * `avoid` holds patterns matched case-insensitively inside messages: word stems, so that every
 * case ending is caught ("өтініш беруш" finds өтініш берушінің, өтініш берушілердің, …). A
 * pattern anchored with ^…$ only flags a message that is that word alone (a label), for words
 * that are fine inside a sentence but not as the concept's name.
 */
export type GlossaryEntry = {
  concept: string;
  term: Record<Locale, string>;
  avoid: Partial<Record<Locale, RegExp[]>>;
  /** Only messages whose key path (e.g. "reports.types.access") matches; every message when unset. */
  keys?: RegExp;
};

const stem = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "iu");
const label = (text: string) => new RegExp(`^${text}$`, "iu");

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    concept: "the person who files a request (data subject or representative)",
    term: { ru: "заявитель", kk: "сұрау жіберуші", en: "requester" },
    avoid: { kk: [stem("өтініш беруш")], en: [stem("applicant")] },
  },
  {
    concept: "a data-subject request",
    term: { ru: "запрос", kk: "сұрау", en: "request" },
    avoid: { ru: [stem("обращени")], kk: [stem("сұраныс")] },
  },
  {
    concept: "where a request stands (new, in progress, …)",
    term: { ru: "статус", kk: "күйі", en: "status" },
    avoid: { kk: [stem("мәртебе")] },
  },
  {
    concept: "the requester's private page of one request (/r/<token>)",
    term: { ru: "страница запроса", kk: "сұрау беті", en: "request page" },
    avoid: { ru: [/страниц\p{L}* статуса/iu], kk: [stem("мәртебе бет")], en: [stem("status page")] },
  },
  {
    concept: "a hold that stops anonymisation (legal hold)",
    term: { ru: "юридическое удержание", kk: "заңдық ұстап қалу", en: "legal hold" },
    avoid: { kk: [stem("заңды ұстап")] },
  },
  {
    concept: "the access request type's name",
    term: { ru: "Показать мои данные", kk: "Деректерімді көрсету", en: "Show my data" },
    avoid: { ru: [label("Доступ")], kk: [label("Қол жеткізу")], en: [label("Access")] },
    keys: /(^|\.)access(\.title)?$/,
  },
  {
    // "отклонить" stays for dismissing an inbound e-mail (another concept): only the request's forms are flagged.
    // English says "declined" everywhere (status, reports, exports, e-mails), even where CCPA §7102 says "denied";
    // "Access denied" (the 403 page: a staff member may not open a page) is another concept and stays.
    concept: "a request turned down (status code denied)",
    term: { ru: "отказ (в запросе отказано)", kk: "бас тарту", en: "decline" },
    avoid: { ru: [stem("отклонён")], en: [/(?<!access )\bden(?:y|ies|ied|ying|ials?)\b/iu] },
  },
  {
    concept: "a user's account in the operator's apps",
    term: { ru: "учётная запись", kk: "есептік жазба", en: "account" },
    avoid: { ru: [stem("аккаунт")], kk: [stem("аккаунт")] },
  },
];

/** Each forbidden synonym a message (at `key`, when known) uses, as "concept: pattern (use …)". */
export function glossaryViolations(locale: Locale, message: string, key?: string): string[] {
  return GLOSSARY.filter((entry) => !entry.keys || key === undefined || entry.keys.test(key)).flatMap((entry) =>
    (entry.avoid[locale] ?? []).filter((pattern) => pattern.test(message)).map((pattern) => `${entry.concept}: ${pattern.source} (use “${entry.term[locale]}”)`),
  );
}
