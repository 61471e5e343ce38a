import { describe, expect, it } from "vitest";
import { requestFormSchema } from ".";

const contact = { name: "Айгерим Серікқызы", email: "aigerim@example.kz", phone: "", jurisdiction: "KZ", onBehalf: false, consent: true };

function issues(input: unknown): Record<string, string> {
  const result = requestFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("request form schemas", () => {
  it("accept a complete form of each type", () => {
    expect(issues({ ...contact, type: "access", categories: ["device", "geolocation"], format: "pdf" })).toEqual({});
    expect(issues({ ...contact, type: "correction", corrections: [{ field: "Телефон", currentValue: "+7 700", correctedValue: "+7 701 000 00 00" }] })).toEqual({});
    expect(issues({ ...contact, type: "deletion", scope: "account", acknowledgeConsequences: true })).toEqual({});
    expect(
      issues({ ...contact, type: "credential_misuse", accountIdentifier: "+7 701 000 00 00", noticedOn: "2026-11-20", whatHappened: "Вход с чужого устройства", passwordChanged: "no" }),
    ).toEqual({});
  });

  it("name every required field that is missing, with a code", () => {
    expect(issues({ type: "access", jurisdiction: "KZ" })).toEqual({
      name: "required",
      email: "required",
      consent: "mustAccept",
      categories: "chooseAtLeastOne",
      format: "chooseOne",
    });
    expect(issues({ type: "credential_misuse" })).toMatchObject({
      accountIdentifier: "required",
      noticedOn: "invalidDate",
      whatHappened: "required",
      passwordChanged: "chooseOne",
      jurisdiction: "chooseOne",
    });
  });

  it("refuse over-long text with the limit in the code", () => {
    expect(issues({ ...contact, name: "я".repeat(201), type: "access", categories: ["usage"], format: "csv" })).toEqual({ name: "tooLong:200" });
  });

  it("refuse a bad e-mail and phone, a future date, and a missing representative's details", () => {
    expect(
      issues({ ...contact, email: "not-an-email", phone: "call me", onBehalf: true, type: "credential_misuse", accountIdentifier: "x", noticedOn: "2999-01-01", whatHappened: "y", passwordChanged: "yes" }),
    ).toEqual({ email: "invalidEmail", phone: "invalidPhone", noticedOn: "futureDate", representativeRelation: "chooseOne", subjectName: "required" });
  });

  it("requires chosen categories when deleting only some", () => {
    expect(issues({ ...contact, type: "deletion", scope: "categories", acknowledgeConsequences: true })).toEqual({ categories: "chooseAtLeastOne" });
  });

  it("keeps HTML as plain text (it is escaped when shown, not rejected)", () => {
    const result = requestFormSchema.parse({ ...contact, name: "<script>alert(1)</script>", type: "access", categories: ["usage"], format: "pdf" });
    expect(result.name).toBe("<script>alert(1)</script>");
  });
});
