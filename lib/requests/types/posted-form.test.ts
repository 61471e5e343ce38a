import { describe, expect, it } from "vitest";
import { requestFormFromFormData } from "./posted-form";
import { requestFormSchema } from "./index";

function posted(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const contact: [string, string][] = [
  ["name", "Айгерім Серікқызы"],
  ["email", "aigerim@example.kz"],
  ["phone", ""],
  ["jurisdiction", "KZ"],
  ["comment", ""],
  ["consent", "on"],
];

describe("requestFormFromFormData (the form as the browser posts it without JavaScript)", () => {
  it("reads an access request with a checkbox group and passes the shared schema", () => {
    const values = requestFormFromFormData(posted([["type", "access"], ...contact, ["categories", "identity_contacts"], ["categories", "device"], ["format", "json"]]));
    expect(values).toMatchObject({ type: "access", onBehalf: false, consent: true, categories: ["identity_contacts", "device"], format: "json" });
    const parsed = requestFormSchema.safeParse(values);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("keeps correction rows in their numbered order and ignores rows past the limit", () => {
    const values = requestFormFromFormData(
      posted([
        ["type", "correction"],
        ...contact,
        ["corrections.1.field", "Телефон"],
        ["corrections.1.correctedValue", "+7 701 000 00 00"],
        ["corrections.0.field", "Аты"],
        ["corrections.0.currentValue", "Aigerim"],
        ["corrections.0.correctedValue", "Айгерім"],
        ["corrections.10.field", "beyond the limit"],
      ]),
    );
    expect(values.corrections).toEqual([
      { field: "Аты", currentValue: "Aigerim", correctedValue: "Айгерім" },
      { field: "Телефон", currentValue: "", correctedValue: "+7 701 000 00 00" },
    ]);
    expect(requestFormSchema.safeParse(values).success).toBe(true);
  });

  it("treats an unticked consent box and an empty relation choice as not given", () => {
    const values = requestFormFromFormData(posted([["type", "access"], ...contact.filter(([key]) => key !== "consent"), ["onBehalf", "on"], ["representativeRelation", ""], ["format", "pdf"]]));
    expect(values.consent).toBe(false);
    expect(values.onBehalf).toBe(true);
    expect(values).not.toHaveProperty("representativeRelation");
    const paths = (form: object) => requestFormSchema.safeParse(form).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths(values)).toEqual(["consent", "categories"]);
    // The rules joining fields speak once the fields themselves are right.
    expect(paths({ ...values, consent: true, categories: ["messages"] })).toEqual(["representativeRelation", "subjectName"]);
  });

  it("ignores files posted under text names", () => {
    const data = posted([["type", "deletion"], ...contact, ["scope", "account"], ["acknowledgeConsequences", "on"]]);
    data.append("name", new File(["x"], "evil.txt"));
    const values = requestFormFromFormData(data);
    expect(values.name).toBe("Айгерім Серікқызы");
    expect(requestFormSchema.safeParse(values).success).toBe(true);
  });

  it("reads a credential-misuse report's own fields from its module (text, date, one choice)", () => {
    const values = requestFormFromFormData(
      posted([["type", "credential_misuse"], ...contact, ["accountIdentifier", "+7 701 000 00 00"], ["noticedOn", "01.11.2026"], ["whatHappened", "Кто-то вошёл"], ["passwordChanged", "yes"]]),
    );
    expect(values).toMatchObject({ accountIdentifier: "+7 701 000 00 00", noticedOn: "01.11.2026", whatHappened: "Кто-то вошёл", passwordChanged: "yes" });
    const parsed = requestFormSchema.safeParse(values);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("reads only the contact fields when the type is not one it knows", () => {
    const values = requestFormFromFormData(posted([["type", "everything"], ...contact, ["format", "json"]]));
    expect(values).not.toHaveProperty("format");
    expect(requestFormSchema.safeParse(values).success).toBe(false);
  });
});
