import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { requestFormLayout } from "@/lib/requests/types";
import { pickMessagePaths } from "@/lib/i18n/pick-message-paths";
import { requestFormIntakeKeys, requestFormMessages, type RequestFormMessages } from "./request-form-messages";
import { RequestForm } from "./request-form";

// The form as the server renders it, with a translator that fails on a key it was not handed
// (the real one shows the key and logs), so a key the form names that the page does not pass fails here.
vi.mock("@/lib/i18n/plain-translator", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/i18n/plain-translator")>();
  return {
    ...actual,
    plainTranslator: (messages: unknown, locale: string, namespace: string) => (key: string, values: Record<string, string | number> = {}) => {
      const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
      if (typeof message !== "string") throw new Error(`${namespace}.${key} was not passed to the form`);
      return actual.formatPlainMessage(message, values, locale);
    },
  };
});
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("./actions", () => ({ submitPostedRequestAction: async () => null }));

function render(type: (typeof REQUEST_TYPES)[number], locale: (typeof LOCALES)[number], messages: RequestFormMessages): string {
  return renderToString(<RequestForm type={type} layout={requestFormLayout(type)} defaultJurisdiction="KZ" locale={locale} messages={messages} />);
}

describe("the request form's messages", () => {
  for (const locale of LOCALES) {
    for (const type of REQUEST_TYPES) {
      it(`holds every key the ${type} form names in ${locale} (every part rendered, as without JavaScript)`, async () => {
        const all = await loadMessages(locale);
        const messages = requestFormMessages(all, requestFormLayout(type).fields);
        const html = render(type, locale, messages);
        expect(html).toContain(all.intake.submit);
        expect(html).toContain(all.intake.fields.consent);
        expect(html).toContain(all.intake.fields.proofOfAuthority);
      });
    }
  }

  it("fails the render when a key the form names was not passed (the check above can fail)", async () => {
    const all = await loadMessages("kk");
    const messages = requestFormMessages(all, requestFormLayout("correction").fields);
    const { addCorrection: _dropped, ...fields } = messages.intake.fields;
    void _dropped;
    expect(() => render("correction", "kk", { ...messages, intake: { ...messages.intake, fields } as RequestFormMessages["intake"] })).toThrow("intake.fields.addCorrection was not passed");
  });

  it("leaves out the other pages' words and the other types' fields", async () => {
    const all = await loadMessages("kk");
    const access = requestFormMessages(all, requestFormLayout("access").fields).intake;
    for (const part of ["pageTitle", "lead", "verify", "confirm", "find", "choose", "deletionNotice", "misuseNotice"]) expect(access).not.toHaveProperty(part);
    expect(access.fields).not.toHaveProperty("corrections");
    expect(access.fields).not.toHaveProperty("whatHappened");
    expect(access.errors).toEqual(all.intake.errors);
    expect(JSON.stringify(access).length).toBeLessThan(JSON.stringify(all.intake).length * 0.75);
    const correction = requestFormMessages(all, requestFormLayout("correction").fields).intake;
    expect(correction.fields.addCorrection).toBe(all.intake.fields.addCorrection);
    expect(correction.options).not.toHaveProperty("format");
  });

  it("picks keys and whole parts, nested as in the catalogue, and refuses a key the catalogue lacks", () => {
    const tree = { a: "1", b: { c: "2", d: "3" }, e: { f: { g: "4" }, h: "5" } };
    expect(pickMessagePaths(tree, ["b.c", "e.f"])).toEqual({ b: { c: "2" }, e: { f: { g: "4" } } });
    expect(() => pickMessagePaths(tree, ["b.x"])).toThrow("b.x is not in the catalogue");
    expect(() => pickMessagePaths(tree, ["a.b"])).toThrow("a.b is not in the catalogue");
    expect(requestFormIntakeKeys([])).toContain("errors");
  });
});
