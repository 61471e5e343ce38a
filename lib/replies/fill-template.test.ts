import { describe, expect, it } from "vitest";
import { fillReplyTemplate, fillTemplate, MISSING_VALUE, TEMPLATE_VARIABLES, unknownTemplateVariables, type TemplateContext } from "./fill-template";

// 26 Nov 2026, 23:59:59.999 in Almaty (UTC+5).
const DUE = new Date("2026-11-26T18:59:59.999Z");

function context(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    locale: "ru",
    timeZone: "Asia/Almaty",
    requesterName: "Айгерим Серікқызы",
    reference: "DSR-2026-000123",
    dueAt: DUE,
    requestTypeTitle: "Показать мои данные",
    operatorName: "ТОО «Либерти Астана»",
    operatorEmail: "info@smart-lift.kz",
    ...overrides,
  };
}

describe("fillTemplate", () => {
  it("fills every documented variable", () => {
    const text = TEMPLATE_VARIABLES.map((name) => `${name}=[{{${name}}}]`).join("\n");
    const filled = fillTemplate(text, context());
    expect(filled.unknownVariables).toEqual([]);
    expect(filled.text).toBe(
      [
        "requester.name=[Айгерим Серікқызы]",
        "request.ref=[DSR-2026-000123]",
        "request.dueAt=[26 ноября 2026 г. в 23:59]",
        "request.type=[Показать мои данные]",
        "operator.name=[ТОО «Либерти Астана»]",
        "operator.email=[info@smart-lift.kz]",
      ].join("\n"),
    );
  });

  it("formats the due date in the template's language and the operator's time zone", () => {
    const at = (locale: TemplateContext["locale"], timeZone = "Asia/Almaty") => fillTemplate("{{request.dueAt}}", context({ locale, timeZone })).text;
    expect(at("en")).toBe("November 26, 2026 at 11:59 PM");
    expect(at("kk")).toContain("қараша");
    expect(at("kk")).toContain("23:59");
    // The same moment is already the 27th in Tokyo: the zone is not ignored.
    expect(at("en", "Asia/Tokyo")).toBe("November 27, 2026 at 3:59 AM");
  });

  it("allows spaces inside the braces", () => {
    expect(fillTemplate("Ref: {{ request.ref }} / {{request.ref  }}", context()).text).toBe("Ref: DSR-2026-000123 / DSR-2026-000123");
  });

  it("reports unknown variables once each and leaves them in the text as written", () => {
    const filled = fillTemplate("Hi {{requester.nmae}}, {{ request.reference }} {{requester.nmae}} {{request.ref}}", context());
    expect(filled.unknownVariables).toEqual(["requester.nmae", "request.reference"]);
    expect(filled.text).toBe("Hi {{requester.nmae}}, {{ request.reference }} {{requester.nmae}} DSR-2026-000123");
  });

  it("treats an empty pair of braces as unknown, and names as case-sensitive", () => {
    expect(fillTemplate("{{}} {{Request.Ref}}", context()).unknownVariables).toEqual(["", "Request.Ref"]);
  });

  it("never expands a value that looks like a variable itself", () => {
    const filled = fillTemplate("{{requester.name}} / {{request.ref}}", context({ requesterName: "{{request.ref}} <b>x</b>" }));
    expect(filled.text).toBe("{{request.ref}} <b>x</b> / DSR-2026-000123");
    expect(filled.unknownVariables).toEqual([]);
  });

  it("leaves single braces and unclosed pairs alone", () => {
    const text = "{request.ref} {{request.ref} {{ request.ref";
    expect(fillTemplate(text, context())).toEqual({ text, unknownVariables: [] });
  });

  it("shows a dash for what the request does not have yet", () => {
    const filled = fillTemplate("{{request.ref}} {{request.dueAt}} {{requester.name}}", context({ reference: null, dueAt: null, requesterName: "  " }));
    expect(filled.text).toBe([MISSING_VALUE, MISSING_VALUE, MISSING_VALUE].join(" "));
  });
});

describe("fillReplyTemplate", () => {
  it("fills subject and body and reports unknown variables of both once", () => {
    const filled = fillReplyTemplate({ subject: "{{request.type}} {{oops}}", body: "{{oops}} {{operator.email}} {{also.bad}}" }, context());
    expect(filled).toEqual({ subject: "Показать мои данные {{oops}}", body: "{{oops}} info@smart-lift.kz {{also.bad}}", unknownVariables: ["oops", "also.bad"] });
  });
});

describe("unknownTemplateVariables", () => {
  it("lists only the unknown ones", () => {
    expect(unknownTemplateVariables("{{request.ref}} {{ x }} {{operator.name}} {{y.z}} {{ x }}")).toEqual(["x", "y.z"]);
    expect(unknownTemplateVariables("no variables")).toEqual([]);
  });
});
