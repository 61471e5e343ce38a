import { describe, expect, it } from "vitest";
import { cleanSearchTerm, openSearchTerm, QUEUE_SEARCH_MAX_AGE_SECONDS, referenceFromUrl, sealSearchTerm } from "./queue-search";

const KEY = Buffer.alloc(32, 7);
const STAFF = "5d9c2f8e-1111-4222-8333-944455556666";
const NOW = new Date("2026-11-30T10:00:00Z");

describe("the queue's kept search term", () => {
  it("opens what it sealed, without the term readable in the cookie", () => {
    const value = sealSearchTerm(KEY, STAFF, "ivan@example.kz", NOW);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(value, "base64url").toString("latin1")).not.toContain("ivan");
    expect(openSearchTerm(KEY, STAFF, value, new Date(NOW.getTime() + 60_000))).toBe("ivan@example.kz");
  });

  it("refuses another staff member's, another key's, a changed, a foreign or an expired cookie", () => {
    const value = sealSearchTerm(KEY, STAFF, "Иван", NOW);
    expect(openSearchTerm(KEY, "00000000-0000-4000-8000-000000000000", value, NOW)).toBeUndefined();
    expect(openSearchTerm(Buffer.alloc(32, 8), STAFF, value, NOW)).toBeUndefined();
    const bytes = Buffer.from(value, "base64url");
    bytes[15] = bytes[15]! ^ 1;
    expect(openSearchTerm(KEY, STAFF, bytes.toString("base64url"), NOW)).toBeUndefined();
    expect(openSearchTerm(KEY, STAFF, "ivan@example.kz", NOW)).toBeUndefined();
    expect(openSearchTerm(KEY, STAFF, value, new Date(NOW.getTime() + QUEUE_SEARCH_MAX_AGE_SECONDS * 1000 + 1))).toBeUndefined();
    expect(openSearchTerm(KEY, STAFF, value, new Date(NOW.getTime() - 1))).toBeUndefined();
  });

  it("trims and bounds the term", () => {
    expect(cleanSearchTerm("  ivan  ")).toBe("ivan");
    expect(cleanSearchTerm("x".repeat(500))).toHaveLength(200);
    expect(cleanSearchTerm(undefined)).toBe("");
    expect(cleanSearchTerm(["ivan"])).toBe("");
  });

  it("reads only a reference from the URL, normalised", () => {
    expect(referenceFromUrl("dsr-2026-123")).toBe("DSR-2026-000123");
    expect(referenceFromUrl(["DSR-2026-000123", "x"])).toBe("DSR-2026-000123");
    expect(referenceFromUrl("ivan@example.kz")).toBeUndefined();
    expect(referenceFromUrl("Иван Петров")).toBeUndefined();
    expect(referenceFromUrl(undefined)).toBeUndefined();
  });
});
