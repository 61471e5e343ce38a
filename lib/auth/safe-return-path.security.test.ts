import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

const ORIGIN = "https://privacy.example.com";
const back = (value: string | undefined) => safeReturnPath(value, "en", ORIGIN);

describe("security: the return path after staff sign-in never leaves the app", () => {
  it("keeps same-origin paths under the locale, with their query and fragment", () => {
    expect(back("/en/dashboard")).toBe("/en/dashboard");
    expect(back("/en/dashboard/requests/abc?tab=files#top")).toBe("/en/dashboard/requests/abc?tab=files#top");
    expect(back("/en")).toBe("/en");
  });

  it.each([
    ["a backslash after the slash", "/\\evil.test/phish"],
    ["backslashes only", "\\\\evil.test/phish"],
    ["a tab between the slashes", "/\t/evil.test/x"],
    ["a CR/LF between the slashes", "/\r\n/evil.test/x"],
    ["a NUL", "/en/\u0000/x"],
    ["a scheme-relative URL", "//evil.test/phish"],
    ["an absolute URL", "https://evil.test/phish"],
    ["an absolute URL of the app's scheme", "http://privacy.example.com/en/dashboard"],
    ["javascript:", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a path outside the locale", "/ru/dashboard"],
    ["a path that climbs out of the locale", "/en/../../evil.test/x"],
    ["a lookalike locale prefix", "/english/dashboard"],
    ["a relative path", "en/dashboard"],
    ["nothing", ""],
    ["undefined", undefined],
  ])("refuses %s", (_name, value) => {
    expect(back(value)).toBe("/en/dashboard");
  });

  it("keeps encoded variants as inert paths on the app (the browser never decodes them into a host)", () => {
    // `?callbackUrl=/%5Cevil.test` arrives decoded (a backslash: refused above); double-encoded forms
    // stay percent-encoded inside a path on our own origin.
    expect(back("/%5Cevil.test/phish")).toBe("/en/dashboard");
    expect(back("/en/%5C%5Cevil.test")).toBe("/en/%5C%5Cevil.test");
    expect(back("/%2F%2Fevil.test")).toBe("/en/dashboard");
    expect(back("/%09/evil.test")).toBe("/en/dashboard");
    for (const value of ["/en/%5C%5Cevil.test", "/en/%2F%2Fevil.test", "/en/%0d%0a/evil.test"]) {
      const path = back(value);
      expect(path.startsWith("/en/")).toBe(true);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
