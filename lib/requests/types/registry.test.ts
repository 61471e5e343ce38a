import { describe, expect, it } from "vitest";
import { readDeadlineSeed } from "@/lib/requests/deadlines/deadline-repository";
import { FILED_JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { REQUEST_TYPES } from "../request-types";
import { parseRequestDetails, REQUEST_TYPE_REGISTRY, requestFormSchema, requesterSummaryRows, staffDetailRows, storedDetailsOf } from ".";
import { fieldKeys } from "./field-keys";

// A complete, valid form of every type: adding a type without one here fails the first test.
const contact = { name: "Айгерим Серікқызы", email: "aigerim@example.kz", phone: "", jurisdiction: "KZ", onBehalf: false, consent: true, comment: "" };
const FILLED: Record<string, Record<string, unknown>> = {
  access: { categories: ["device", "geolocation"], format: "json" },
  correction: { corrections: [{ field: "Телефон", currentValue: "+7 700", correctedValue: "+7 701 000 00 00" }] },
  deletion: { scope: "categories", categories: ["usage"], accountIdentifier: "aigerim.s", acknowledgeConsequences: true },
  credential_misuse: { accountIdentifier: "+7 701 000 00 00", noticedOn: "2026-11-20", whatHappened: "Вход с чужого устройства", passwordChanged: "cannot" },
};

// CCPA has no credential_misuse rule: California law sets no fixed period, so the lookup falls back (rules.json "note").
const NO_RULE_ON_PURPOSE = new Set(["CCPA:credential_misuse"]);

function keyExists(messages: unknown, dotted: string): boolean {
  const value = dotted.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), messages);
  return typeof value === "string" && value.length > 0;
}

describe("request-type registry", () => {
  it("has a module for every type, under its own name", () => {
    expect(Object.keys(REQUEST_TYPE_REGISTRY).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(Object.keys(FILLED).sort()).toEqual([...REQUEST_TYPES].sort());
    for (const type of REQUEST_TYPES) {
      const definition = REQUEST_TYPE_REGISTRY[type];
      expect(definition.type).toBe(type);
      expect(definition.formSchema.shape.type.value).toBe(type);
    }
  });

  it.each(REQUEST_TYPES)("%s: a filed form reads back through the type's parser and shows every answer", (type) => {
    const form = requestFormSchema.parse({ ...contact, type, ...FILLED[type] });
    const details = parseRequestDetails(type, { ...storedDetailsOf(form), comment: "", chosenJurisdiction: "KZ" });
    expect(details.type).toBe(type);
    // Every answer the form took is read back (the parser renames only acknowledgeConsequences).
    const stored = storedDetailsOf(form);
    for (const [key, value] of Object.entries(details).filter(([key]) => key !== "type")) {
      const storedKey = key === "acknowledgedConsequences" ? "acknowledgeConsequences" : key;
      expect(stored[storedKey], `${type}.${key}`).toEqual(value);
    }
    expect(staffDetailRows(details).length).toBeGreaterThan(0);
    expect(requesterSummaryRows(details).length).toBeGreaterThan(0);
  });

  it.each(REQUEST_TYPES)("%s: anonymised answers ({}) read as empty, never as an error", (type) => {
    const details = parseRequestDetails(type, {});
    expect(details.type).toBe(type);
    expect(() => staffDetailRows(details)).not.toThrow();
    expect(requesterSummaryRows(details)).toEqual([]);
    expect(JSON.stringify(staffDetailRows(details))).not.toMatch(/undefined/);
  });

  it.each(REQUEST_TYPES)("%s: the form's fields and defaults are fields of its schema", (type) => {
    const { formSchema, formFields, formDefaults } = REQUEST_TYPE_REGISTRY[type];
    const schemaKeys = Object.keys(formSchema.shape);
    const named = formFields.flatMap((field) => ("name" in field ? [field.name] : field.kind === "corrections" ? ["corrections"] : []));
    expect(named.filter((name) => !schemaKeys.includes(name))).toEqual([]);
    expect(Object.keys(formDefaults).filter((name) => !schemaKeys.includes(name))).toEqual([]);
    for (const field of formFields) if (field.kind === "choices" && field.showWhen) expect(named).toContain(field.showWhen.field);
  });

  it.each(LOCALES)("%s: every text a type shows is translated", async (locale) => {
    const messages = await loadMessages(locale);
    for (const type of REQUEST_TYPES) {
      const definition = REQUEST_TYPE_REGISTRY[type];
      const full = parseRequestDetails(type, storedDetailsOf(requestFormSchema.parse({ ...contact, type, ...FILLED[type] })));
      const staffKeys = [...staffDetailRows(full), ...staffDetailRows(parseRequestDetails(type, {}))].flatMap((row) => [
        `dashboard.details.${row.label}`,
        ...(row.value.kind === "option" && row.value.option ? [`intake.options.${row.value.option}`] : []),
        ...(row.value.kind === "statement" ? [`dashboard.details.${row.value.text}`] : []),
      ]);
      const requesterKeys = requesterSummaryRows(full).map((row) => `intake.${row.label}`);
      const formKeys = definition.formFields.flatMap(fieldKeys).map((key) => `intake.${key}`);
      const titles = ["title", "description", "cta"].map((key) => `requestTypes.${type}.${key}`);
      expect([...staffKeys, ...requesterKeys, ...formKeys, ...titles].filter((key) => !keyExists(messages, key))).toEqual([]);
    }
  });

  it("every type has a deadline rule in every jurisdiction a request is filed under (db/seed/deadlines/rules.json)", () => {
    const { rules } = readDeadlineSeed();
    const missing = REQUEST_TYPES.flatMap((type) =>
      FILED_JURISDICTIONS.filter((jurisdiction) => !NO_RULE_ON_PURPOSE.has(`${jurisdiction}:${type}`) && !rules.some((r) => r.jurisdiction === jurisdiction && r.requestType === type)).map(
        (jurisdiction) => `${jurisdiction}:${type}`,
      ),
    );
    expect(missing).toEqual([]);
  });
});
