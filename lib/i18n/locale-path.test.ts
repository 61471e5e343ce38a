import { describe, expect, it } from "vitest";
import { localePath, switchLocale } from "./locale-path";

describe("localePath", () => {
  it("puts the language in front, the home page being the language alone", () => {
    expect(localePath("kk", "/")).toBe("/kk");
    expect(localePath("en", "/policy")).toBe("/en/policy");
    expect(localePath("ru", "/requests/new/access")).toBe("/ru/requests/new/access");
  });
});

describe("switchLocale", () => {
  it("keeps the visitor on the same page in the other language", () => {
    expect(switchLocale("/ru/policy", "en")).toBe("/en/policy");
    expect(switchLocale("/kk/policy/1.0", "ru")).toBe("/ru/policy/1.0");
    expect(switchLocale("/en/dashboard/requests/42", "kk")).toBe("/kk/dashboard/requests/42");
  });

  it("maps a language's home page to the other language's home", () => {
    expect(switchLocale("/kk", "en")).toBe("/en");
    expect(switchLocale("/kk/", "en")).toBe("/en");
    expect(switchLocale("/", "ru")).toBe("/ru");
  });

  it("adds the language to a path without one", () => {
    expect(switchLocale("/policy", "kk")).toBe("/kk/policy");
  });
});
