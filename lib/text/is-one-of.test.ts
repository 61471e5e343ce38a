import { describe, expect, it } from "vitest";
import { isOneOf } from "./is-one-of";

describe("isOneOf", () => {
  it("accepts the list's codes only, and nothing that is not a string", () => {
    const list = ["ru", "kk"] as const;
    expect(isOneOf(list, "ru")).toBe(true);
    expect(isOneOf(list, "en")).toBe(false);
    expect(isOneOf(list, "RU")).toBe(false);
    expect(isOneOf(list, null)).toBe(false);
    expect(isOneOf(list, ["ru"])).toBe(false);
  });
});
