import { describe, expect, it } from "vitest";
import { isSenderVerified, parseAuthenticationResults } from "./authentication-results";

const TRUSTED = ["mx.smart-lift.kz"];

describe("parseAuthenticationResults", () => {
  it("reads the authserv-id, methods, results and properties, skipping comments and a version", () => {
    const parsed = parseAuthenticationResults(
      'MX.Smart-Lift.kz 1; spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.kz;\r\n dkim=pass (2048-bit key; unprotected) header.d=example.kz header.s="sel;1";\r\n dmarc=fail (p=reject dis=none) header.from=example.kz',
    );
    expect(parsed?.authservId).toBe("mx.smart-lift.kz");
    expect(parsed?.results.map((result) => [result.method, result.result])).toEqual([
      ["spf", "pass"],
      ["dkim", "pass"],
      ["dmarc", "fail"],
    ]);
    expect(parsed?.results[1]!.properties.get("header.d")).toBe("example.kz");
    expect(parsed?.results[1]!.properties.get("header.s")).toBe("sel;1");
  });

  it("returns no results for 'none' and null for an empty value", () => {
    expect(parseAuthenticationResults("mx.smart-lift.kz; none")?.results).toEqual([]);
    expect(parseAuthenticationResults("   ")).toBeNull();
  });
});

describe("isSenderVerified", () => {
  it.each([
    ["dmarc=pass for the From domain", ["mx.smart-lift.kz; dmarc=pass header.from=example.kz"], "anna@example.kz"],
    ["dkim=pass with header.d = the From domain", ["mx.smart-lift.kz; dkim=pass header.d=example.kz"], "anna@example.kz"],
    ["dkim=pass with header.d a parent of the From domain (relaxed)", ["mx.smart-lift.kz; dkim=pass header.d=example.kz"], "anna@mail.example.kz"],
    ["dkim=pass with only header.i", ["mx.smart-lift.kz; dkim=pass header.i=@example.kz"], "anna@example.kz"],
  ])("trusts %s", (_label, headers, from) => {
    expect(isSenderVerified(headers, TRUSTED, from)).toBe(true);
  });

  it.each([
    ["no trusted ids configured", ["mx.smart-lift.kz; dmarc=pass header.from=example.kz"], [], "anna@example.kz"],
    ["another server's pass", ["evil.example; dmarc=pass header.from=example.kz"], TRUSTED, "anna@example.kz"],
    ["our server's fail", ["mx.smart-lift.kz; spf=fail; dmarc=fail header.from=example.kz"], TRUSTED, "anna@example.kz"],
    ["SPF passing alone", ["mx.smart-lift.kz; spf=pass smtp.mailfrom=example.kz"], TRUSTED, "anna@example.kz"],
    ["dmarc=pass for another domain", ["mx.smart-lift.kz; dmarc=pass header.from=evil.example"], TRUSTED, "anna@example.kz"],
    ["dkim=pass for a look-alike domain", ["mx.smart-lift.kz; dkim=pass header.d=notexample.kz"], TRUSTED, "anna@example.kz"],
    ["dkim=pass for a top-level domain", ["mx.smart-lift.kz; dkim=pass header.d=kz"], TRUSTED, "anna@example.kz"],
    ["a forged pass below our own fail", ["mx.smart-lift.kz; dmarc=fail header.from=example.kz", "mx.smart-lift.kz; dmarc=pass header.from=example.kz"], TRUSTED, "anna@example.kz"],
    ["a pass hidden in a comment", ["mx.smart-lift.kz; spf=fail (dmarc=pass header.from=example.kz)"], TRUSTED, "anna@example.kz"],
    ["no From address", ["mx.smart-lift.kz; dmarc=pass header.from=example.kz"], TRUSTED, null],
  ])("does not trust %s", (_label, headers, trusted, from) => {
    expect(isSenderVerified(headers, trusted, from)).toBe(false);
  });
});
