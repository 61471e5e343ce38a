import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it.each([
    ["aigerim@example.kz", "a***@example.kz"],
    ["a@example.kz", "a***@example.kz"],
    ["  Ivan.Petrov+dsr@Mail.RU ", "I***@mail.ru"],
    ["\u{1F600}smile@example.com", "\u{1F600}***@example.com"], // one whole character, never half a surrogate pair
    ["quoted\"@odd\"@example.org", "q***@example.org"], // the domain is what follows the last @
  ])("%s → %s", (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });

  it.each(["", "no-at-sign", "@example.kz", "name@"])("hides anything that is not an address: %j", (address) => {
    expect(maskEmail(address)).toBe("***");
  });

  it("never shows more than the first character of the local part", () => {
    expect(maskEmail("secretname@example.kz")).not.toContain("ecret");
  });
});
