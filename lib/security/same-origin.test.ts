import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("isSameOriginPost", () => {
  it("lets through a post whose Origin names this host", () => {
    expect(post({ origin: "https://desk.example.kz", host: "desk.example.kz" })).toBe(true);
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(true);
  });

  it("compares with the forwarded host behind a reverse proxy, as Next does for server actions", () => {
    expect(post({ origin: "https://desk.example.kz", host: "app:3000", "x-forwarded-host": "desk.example.kz" })).toBe(true);
    expect(post({ origin: "http://app:3000", host: "app:3000", "x-forwarded-host": "desk.example.kz" })).toBe(false);
  });

  it("refuses another site, a port of its own, a missing, opaque or garbled Origin and a missing host", () => {
    expect(post({ origin: "https://evil.example", host: "desk.example.kz" })).toBe(false);
    expect(post({ origin: "https://desk.example.kz:8443", host: "desk.example.kz" })).toBe(false);
    expect(post({ host: "desk.example.kz" })).toBe(false);
    expect(post({ origin: "null", host: "desk.example.kz" })).toBe(false);
    expect(post({ origin: "not a url", host: "desk.example.kz" })).toBe(false);
    expect(post({ origin: "https://desk.example.kz" })).toBe(false);
  });
});
