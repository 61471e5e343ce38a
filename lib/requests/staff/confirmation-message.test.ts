import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/translator";
import { CONFIRMED_ACTIONS, confirmationMessage } from "./confirmation-message";
import { MENU_ACTIONS } from "./offered-actions";

describe("confirmationMessage: what a staff action says once done, toast or notice", () => {
  it.each(LOCALES)("gives every action a message of its own in %s", async (locale) => {
    const t = await getTranslator(locale);
    const texts = CONFIRMED_ACTIONS.map((action) => {
      const { key, values } = confirmationMessage(action, { legalHeld: true, count: 2, reference: "DSR-2026-000123", status: "—" });
      return values ? (t as (key: string, values: Record<string, string | number>) => string)(key, values) : t(key);
    });
    for (const text of texts) expect(text).toMatch(/\p{L}/u);
    // A message shown for two actions would tell the agent nothing about which one was done.
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("covers every action of the request page's menu", () => {
    for (const action of MENU_ACTIONS) expect(CONFIRMED_ACTIONS).toContain(action);
  });

  it("says which way a legal hold went, by the hold as it is after the action", async () => {
    const t = await getTranslator("en");
    expect(t(confirmationMessage("legal_hold", { legalHeld: true }).key)).toBe("Legal hold placed.");
    expect(t(confirmationMessage("legal_hold", { legalHeld: false }).key)).toBe("Legal hold lifted.");
  });

  it("names the request an e-mail was attached to", async () => {
    const { key, values } = confirmationMessage("mail_attach", { reference: "DSR-2026-000123" });
    expect((await getTranslator("en"))(key as "mail.actions.attach.done", values as { reference: string })).toBe("Attached to DSR-2026-000123.");
  });

  it("counts a bulk assignment with the language's plural forms", async () => {
    const say = async (locale: "ru" | "kk" | "en", count: number) => {
      const { key, values } = confirmationMessage("bulk_assign", { count });
      return (await getTranslator(locale))(key as "staff.queue.bulk.done", values as { count: number });
    };
    expect(await say("en", 1)).toBe("1 request changed.");
    expect(await say("en", 3)).toBe("3 requests changed.");
    expect(await say("ru", 21)).toBe("Изменён 21 запрос.");
    expect(await say("ru", 3)).toBe("Изменено 3 запроса.");
    expect(await say("ru", 25)).toBe("Изменено 25 запросов.");
    expect(await say("kk", 3)).toBe("3 сұрау өзгертілді.");
  });
});
