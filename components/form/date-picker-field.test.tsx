import { NextIntlClientProvider } from "next-intl";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { DatePickerField, dateLocaleFor } from "./date-picker-field";

/** The field as the server sends it: what a browser without (or before) JavaScript gets. */
async function serverHtml(props: Parameters<typeof DatePickerField>[0]): Promise<string> {
  return renderToString(
    <NextIntlClientProvider locale="kk" messages={await loadMessages("kk")}>
      <DatePickerField {...props} />
    </NextIntlClientProvider>,
  );
}

describe("DatePickerField before JavaScript", () => {
  it("is the browser's own date input, posting an ISO date under the field's name, labelled", async () => {
    const html = await serverHtml({ id: "calendar-day", name: "day", label: "Күні", required: true, defaultValue: "2026-12-16" });
    expect(html).toMatch(/<label[^>]*for="calendar-day"[^>]*>Күні<\/label>/);
    const input = /<input[^>]*>/.exec(html)?.[0] ?? "";
    expect(input).toContain('type="date"');
    expect(input).toContain('name="day"');
    expect(input).toContain('id="calendar-day"');
    expect(input).toContain('value="2026-12-16"');
    expect(input).toContain('aria-required="true"');
  });

  it("shows a refusal under the field and points the input at it", async () => {
    const html = await serverHtml({ id: "policy-effective-on", name: "effectiveOn", label: "Күні", error: "Күнді толтырыңыз.", value: "" });
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="policy-effective-on-error"/);
    expect(html).toMatch(/<p id="policy-effective-on-error"[^>]*>Күнді толтырыңыз\.<\/p>/);
  });
});

describe("dateLocaleFor", () => {
  it("types dates day first in every language: English as en-GB, Kazakh as kk-KZ where the browser knows it", () => {
    expect(dateLocaleFor("ru")).toBe("ru-RU");
    expect(dateLocaleFor("en")).toBe("en-GB");
    expect(dateLocaleFor("kk")).toBe("kk-KZ");
  });

  it("falls back to ru-KZ where the browser has no Kazakh date data (ISO order and 'M11' otherwise)", () => {
    const withoutKazakh = (locale: string) => !locale.startsWith("kk");
    expect(dateLocaleFor("kk", withoutKazakh)).toBe("ru-KZ");
    expect(dateLocaleFor("ru", withoutKazakh)).toBe("ru-RU");
    expect(dateLocaleFor("en", () => false)).toBe("en-GB");
  });
});
