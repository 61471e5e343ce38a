import { describe, expect, it } from "vitest";
import { DENIAL_REASONS } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locales";
import { renderEmail, type EmailVariables } from "@/lib/email/render-email";

const EVIL = `<script>alert("x")</script>`;
const REFERENCE = "DSR-2026-000123";
const statusUrl = "https://privacy.example.com/ru/r/token";

type StaffTemplates = Pick<EmailVariables, "information_requested" | "deadline_extended" | "request_denied" | "request_completed">;
const sample: StaffTemplates = {
  information_requested: { name: "Анна", reference: REFERENCE, body: `Пришлите копию${EVIL}\nвторая строка`, statusUrl },
  deadline_extended: { name: "Анна", reference: REFERENCE, dueDate: "23 февраля 2027 г.", reason: `Архивы${EVIL}`, statusUrl },
  request_denied: { name: "Анна", reference: REFERENCE, requestType: "Доступ", reason: "no_match", note: `Нет данных${EVIL}`, jurisdiction: "KZ", statusUrl },
  request_completed: { name: "Анна", reference: REFERENCE, requestType: "Доступ", note: `Готово${EVIL}`, filesAvailableUntil: "23 декабря 2026 г.", statusUrl },
};
const TEMPLATES = Object.keys(sample) as (keyof StaffTemplates)[];

describe.each(LOCALES)("staff action emails in %s", (locale) => {
  it.each(TEMPLATES)("%s: reference in the subject, staff text escaped in HTML and kept in text, link to the status page", async (template) => {
    const email = await renderEmail(template, locale, sample[template]);
    expect(email.subject).toContain(`[${REFERENCE}]`);
    expect(email.html).not.toContain("<script");
    expect(email.text).toContain(EVIL);
    expect(email.text).toContain(statusUrl);
    expect(email.text).not.toMatch(/\b(information_requested|deadline_extended|request_denied|request_completed)\.|\{\w+/);
  });

  it.each(DENIAL_REASONS)("names the denial reason %s and where to complain, for every jurisdiction", async (reason) => {
    const texts = new Set<string>();
    for (const jurisdiction of ["KZ", "GDPR", "CCPA", "OTHER"]) {
      const { text } = await renderEmail("request_denied", locale, { ...sample.request_denied, reason, jurisdiction });
      expect(text).toContain("info@smart-lift.kz");
      texts.add(text);
    }
    // Each jurisdiction names its own authority.
    expect(texts.size).toBe(4);
  });

  it("mentions delivered files only when there are some", async () => {
    const withFiles = await renderEmail("request_completed", locale, sample.request_completed);
    const without = await renderEmail("request_completed", locale, { ...sample.request_completed, note: "", filesAvailableUntil: null });
    expect(withFiles.text).toContain("23 декабря 2026 г.");
    expect(without.text).not.toContain("23 декабря 2026 г.");
    expect(without.text).not.toContain(EVIL);
  });
});
