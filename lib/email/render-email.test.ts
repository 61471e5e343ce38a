import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { getOperator } from "@/lib/operator";
import { EMAIL_TEMPLATES, renderEmail, type EmailTemplate, type EmailVariables } from "./render-email";

const EVIL = `<script>alert("x")</script>`;
const REFERENCE = "DSR-2026-000123";

function sample(evil = ""): EmailVariables {
  return {
    verification_code: { name: `Анна${evil}`, code: "123456", verifyUrl: "https://privacy.example.com/ru/requests/confirm/abc?x=1&y=2", minutes: 15 },
    acknowledgement: {
      name: `Анна${evil}`,
      reference: REFERENCE,
      requestType: `Доступ к данным${evil}`,
      dueDate: `15 мая 2026 г.${evil}`,
      statusUrl: "https://privacy.example.com/ru/r/token",
    },
    status_links: {
      name: `Анна${evil}`,
      links: [
        { reference: REFERENCE, requestType: `Удаление${evil}`, statusUrl: "https://privacy.example.com/ru/r/one" },
        { reference: "DSR-2026-000124", requestType: "Исправление", statusUrl: "https://privacy.example.com/ru/r/two" },
      ],
    },
    withdrawal_confirmation: { name: `Анна${evil}`, reference: REFERENCE },
    staff_reply: {
      name: `Анна${evil}`,
      reference: REFERENCE,
      body: `Первая строка${evil}\nВторая строка`,
      statusUrl: "https://privacy.example.com/ru/r/token",
    },
    staff_invitation: { name: `Анна${evil}`, inviterName: `Demo Admin${evil}`, role: `сотрудник поддержки${evil}`, inviteUrl: "https://privacy.example.com/ru/staff/invite/token", expiresAt: `27 ноября 2026 г.${evil}` },
    staff_sign_in_failures: { name: `Анна${evil}`, attempts: 5, ip: `203.0.113.7${evil}`, accountUrl: "https://privacy.example.com/ru/dashboard/account" },
    information_requested: { name: `Анна${evil}`, reference: REFERENCE, body: `Пришлите копию${evil}`, statusUrl: "https://privacy.example.com/ru/r/token" },
    deadline_extended: { name: `Анна${evil}`, reference: REFERENCE, dueDate: "23 февраля 2027 г.", reason: `Архивы${evil}`, statusUrl: "https://privacy.example.com/ru/r/token" },
    request_denied: { name: `Анна${evil}`, reference: REFERENCE, requestType: "Доступ", reason: "no_match", note: `Нет данных${evil}`, jurisdiction: "KZ", statusUrl: "https://privacy.example.com/ru/r/token" },
    requester_replied: { name: `Анна${evil}`, reference: REFERENCE, excerpt: `Вот копия паспорта${evil}`, url: "https://privacy.example.com/ru/dashboard/requests/1" },
    deadline_reminder: {
      name: `Анна${evil}`,
      overdue: [{ reference: REFERENCE, due: "20 ноября 2026 г.", url: "https://privacy.example.com/ru/dashboard/requests/1" }],
      dueSoon: [{ reference: `DSR-2026-000124${evil}`, due: "25 ноября 2026 г.", url: "https://privacy.example.com/ru/dashboard/requests/2" }],
      queueUrl: "https://privacy.example.com/ru/dashboard",
    },
    request_completed: { name: `Анна${evil}`, reference: REFERENCE, requestType: "Доступ", note: `Готово${evil}`, filesAvailableUntil: "23 декабря 2026 г.", statusUrl: "https://privacy.example.com/ru/r/token" },
    request_reopened: { name: `Анна${evil}`, reference: REFERENCE, requestType: `Удаление${evil}`, statusUrl: "https://privacy.example.com/ru/r/token" },
    erasure_completed: { name: `Анна${evil}`, reference: REFERENCE, erased: [`Данные устройства: 2 записи удалены${evil}`], kept: [`Платежи: налоговый закон${evil}`], statusUrl: "https://privacy.example.com/ru/r/token" },
  };
}

const REQUEST_BOUND: EmailTemplate[] = ["acknowledgement", "withdrawal_confirmation", "staff_reply", "information_requested", "deadline_extended", "request_denied", "request_completed", "request_reopened", "erasure_completed"];

describe.each(LOCALES)("renderEmail in %s", (locale) => {
  it.each(EMAIL_TEMPLATES)("renders %s: subject, text and an HTML document in the language", async (template) => {
    const email = await renderEmail(template, locale, sample()[template]);
    expect(email.subject.length).toBeGreaterThan(3);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain("Анна");
    expect(email.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}"`));
    // Footer: who sent it and where to ask.
    const operator = getOperator(locale);
    expect(email.text).toContain(operator.supportEmail);
    expect(email.html).toContain(operator.supportEmail);
    // No untranslated keys or raw ICU syntax left over.
    expect(email.text).not.toMatch(new RegExp(`\\b(${EMAIL_TEMPLATES.join("|")}|footer)\\.|\\{\\w+`));
  });

  it.each(EMAIL_TEMPLATES)("escapes variables in the HTML of %s", async (template) => {
    const email = await renderEmail(template, locale, sample(EVIL)[template]);
    expect(email.html).not.toContain("<script");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The plain-text part is text: the variable appears as written.
    expect(email.text).toContain(EVIL);
  });

  it.each(REQUEST_BOUND)("puts the reference in brackets in the subject of %s", async (template) => {
    const email = await renderEmail(template, locale, sample()[template]);
    expect(email.subject).toContain(`[${REFERENCE}]`);
  });

  it("puts the verification code on a line of its own, with the minutes and the link", async () => {
    const email = await renderEmail("verification_code", locale, sample().verification_code);
    expect(email.text.split("\n")).toContain("123456");
    expect(email.text).toContain("15");
    expect(email.text).toContain("https://privacy.example.com/ru/requests/confirm/abc?x=1&y=2");
    expect(email.html).toContain('href="https://privacy.example.com/ru/requests/confirm/abc?x=1&amp;y=2"');
    expect(email.html).toMatch(/>123456<\/p>/);
  });

  it("keeps the line breaks of a staff reply", async () => {
    const email = await renderEmail("staff_reply", locale, sample().staff_reply);
    expect(email.html).toContain("Первая строка<br>Вторая строка");
    expect(email.text).toContain("Первая строка\nВторая строка");
  });

  it("lists every status link", async () => {
    const email = await renderEmail("status_links", locale, sample().status_links);
    expect(email.text).toContain("https://privacy.example.com/ru/r/one");
    expect(email.text).toContain("https://privacy.example.com/ru/r/two");
    expect(email.html).toContain('href="https://privacy.example.com/ru/r/two"');
  });
});

describe("renderEmail", () => {
  it("writes the request's language, not the default one", async () => {
    const [ru, kk, en] = await Promise.all(LOCALES.map((l) => renderEmail("acknowledgement", l, sample().acknowledgement)));
    expect(ru!.subject).toBe(`Запрос принят [${REFERENCE}]`);
    expect(kk!.subject).toBe(`Сұрау қабылданды [${REFERENCE}]`);
    expect(en!.subject).toBe(`Request received [${REFERENCE}]`);
  });

  it("uses Russian plural forms for the minutes", async () => {
    const vars = sample().verification_code;
    expect((await renderEmail("verification_code", "ru", { ...vars, minutes: 15 })).text).toContain("15 минут.");
    expect((await renderEmail("verification_code", "ru", { ...vars, minutes: 21 })).text).toContain("21 минуту.");
    expect((await renderEmail("verification_code", "ru", { ...vars, minutes: 3 })).text).toContain("3 минуты.");
  });

  it("greets without a name when there is none", async () => {
    const email = await renderEmail("withdrawal_confirmation", "en", { name: "  ", reference: REFERENCE });
    expect(email.text.startsWith("Hello,\n")).toBe(true);
  });

  it("keeps a line break in a variable out of the subject", async () => {
    const email = await renderEmail("withdrawal_confirmation", "en", { name: "A", reference: "DSR-1\r\nBcc: x@example.com" });
    expect(email.subject).toBe("Request withdrawn [DSR-1 Bcc: x@example.com]");
  });

  it("refuses a link that is not http(s)", async () => {
    await expect(
      renderEmail("acknowledgement", "en", { ...sample().acknowledgement, statusUrl: "javascript:alert(1)" }),
    ).rejects.toThrow(/http\(s\) URL/);
  });

  it("offers the empty case of status links", async () => {
    const email = await renderEmail("status_links", "en", { name: "A", links: [] });
    expect(email.text).toContain("There are no open requests");
  });
});
