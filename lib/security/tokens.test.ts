import { describe, expect, it } from "vitest";
import { generateCode, generateToken, hashesEqual, hashToken, looksLikeToken } from "./tokens";

describe("tokens", () => {
  it("are 256-bit, URL-safe and different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(looksLikeToken(token)).toBe(true);
    }
  });

  it("are stored as a SHA-256 that matches only the same token", () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashesEqual(hashToken(token), hashToken(token))).toBe(true);
    expect(hashesEqual(hashToken(token), hashToken(generateToken()))).toBe(false);
  });

  it("rejects strings that cannot be one of our tokens", () => {
    expect(looksLikeToken("abc")).toBe(false);
    expect(looksLikeToken("../../etc/passwd" + "a".repeat(27))).toBe(false);
  });

  it("makes 6-digit codes including leading zeros", () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
  });
});
