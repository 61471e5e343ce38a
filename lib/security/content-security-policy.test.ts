import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy.mjs";
import { withStaticPagePolicy } from "./static-page-cache.mjs";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
const scriptSources = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "))!.split(" ").slice(1);

describe("contentSecurityPolicy", () => {
  it("never allows inline scripts wholesale: only our origin plus the nonce or the hashes given", () => {
    expect(scriptSources(contentSecurityPolicy({ development: false, nonce: "bm9uY2U=" }))).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(scriptSources(contentSecurityPolicy({ development: false, scriptHashes: ["sha256-a", "sha256-b"] }))).toEqual(["'self'", "'sha256-a'", "'sha256-b'"]);
    expect(scriptSources(contentSecurityPolicy({ development: false })).join(" ")).not.toContain("unsafe");
  });

  it("lets React's development build evaluate code, only in development", () => {
    expect(scriptSources(contentSecurityPolicy({ development: true, nonce: "n" }))).toContain("'unsafe-eval'");
  });

  it("keeps frames, plugins and foreign form targets out", () => {
    const policy = contentSecurityPolicy({ development: false });
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script's exact text once and skips scripts loaded from a file", () => {
    const payload = 'self.__next_f.push([1,"0:{\\"a\\":1}\\n"])';
    const html = `<html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body>
      <script>${payload}</script><SCRIPT type="text/javascript">(self.__next_f=self.__next_f||[]).push([0])</SCRIPT>
      <script>${payload}</script><script nonce="x" id="s">é</script ></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(payload), sha256("(self.__next_f=self.__next_f||[]).push([0])"), sha256("é")]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>script</p><script src="/a.js"></script>')).toEqual([]);
  });
});

describe("withStaticPagePolicy (the page cache's hook)", () => {
  it("stores a cached page with a policy listing its own inline scripts' hashes", () => {
    const entry = withStaticPagePolicy({ kind: "APP_PAGE", html: "<script>go()</script>", headers: { "x-next-cache-tags": "t" } as Record<string, unknown> });
    expect(entry.headers["x-next-cache-tags"]).toBe("t");
    expect(scriptSources(String(entry.headers["content-security-policy"]))).toEqual(["'self'", `'${sha256("go()")}'`]);
  });

  it("leaves other cache entries (fetch data, route handlers) alone", () => {
    const route = { kind: "APP_ROUTE", body: "x", headers: { a: "b" } };
    expect(withStaticPagePolicy(route)).toEqual({ kind: "APP_ROUTE", body: "x", headers: { a: "b" } });
  });
});
