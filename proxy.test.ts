import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

/** The proxy as a server started with these settings would run it (settings are read once per process). */
async function proxyWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return (await import("./proxy")).default;
}

afterEach(() => vi.unstubAllEnvs());

const PRODUCTION = { NODE_ENV: "production", APP_URL: "https://privacy.example.com" };

describe("proxy security headers", () => {
  it("gives a page rendered per request a fresh nonce, in the response and in the request Next renders", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const first = await proxy(new NextRequest("https://privacy.example.com/kk/r/some-token"));
    const second = await proxy(new NextRequest("https://privacy.example.com/kk/r/some-token"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).toBe(`script-src 'self' 'nonce-${nonce}'`);
    // Next reads the nonce for its own scripts from the request's CSP header (x-middleware-request-*).
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });

  it("leaves static pages' policy to the page cache (their hashes) and adds no nonce to their render", async () => {
    const proxy = await proxyWith(PRODUCTION);
    for (const path of ["/kk", "/en/policy", "/ru/policy/1.0", "/kk/requests/new/access", "/en/requests/find"]) {
      const response = await proxy(new NextRequest(`https://privacy.example.com${path}`));
      expect({ path, csp: response.headers.get("content-security-policy") }).toEqual({ path, csp: null });
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    }
  });

  it("gives a static page's form posted before JavaScript ran a nonce: its answer is rendered for that one post", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const body = "locale=kk&email=a%40example.kz";
    const response = await proxy(
      new NextRequest("https://privacy.example.com/kk/requests/find", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length), origin: "https://privacy.example.com" },
      }),
    );
    const policy = response.headers.get("content-security-policy");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("adds no policy to downloads, whose own `default-src 'none'; sandbox` must not be overridden", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const response = await proxy(
      new NextRequest("https://privacy.example.com/kk/dashboard/requests/1/files/2", { headers: { cookie: "__Secure-next-auth.session-token=x" } }),
    );
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("sends Strict-Transport-Security when the app is served over https, and not on plain http", async () => {
    const https = await proxyWith(PRODUCTION);
    expect((await https(new NextRequest("https://privacy.example.com/kk"))).headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    const http = await proxyWith({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3100" });
    expect((await http(new NextRequest("http://127.0.0.1:3100/kk"))).headers.get("strict-transport-security")).toBeNull();
  });

  it("in development, where every page renders per request, gives static pages a nonce too", async () => {
    const proxy = await proxyWith({ NODE_ENV: "development", APP_URL: "http://localhost:3000" });
    expect((await proxy(new NextRequest("http://localhost:3000/kk"))).headers.get("content-security-policy")).toMatch(/'nonce-[^']+' 'unsafe-eval'/);
  });
});

describe("proxy refuses form bodies Next could not decode", () => {
  const ACTION = { "next-action": "6069ed971775aa", origin: "https://privacy.example.com" };

  it("answers a form larger than the upload limit with 413 and a translated page, in the page's language", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const response = await proxy(
      new NextRequest("https://privacy.example.com/kk/requests/new/access", {
        method: "POST",
        headers: { ...ACTION, "content-type": "multipart/form-data; boundary=x", "content-length": String(100 * 1024 * 1024) },
        body: "--x--",
      }),
    );
    expect(response.status).toBe(413);
    const page = await response.text();
    expect(page).toContain('<html lang="kk">');
    expect(page).toContain("Пішін жіберу үшін тым үлкен");
    expect(page).toMatch(/ең көбі \d+ МБ/);
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("answers a cut-off multipart form with 400 in English, and passes a well-formed one on", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const post = (body: string) =>
      proxy(
        new NextRequest("https://privacy.example.com/en/requests/find", {
          method: "POST",
          headers: { ...ACTION, "content-type": "multipart/form-data; boundary=Zz", "content-length": String(new TextEncoder().encode(body).byteLength) },
          body,
        }),
      );
    const cutOff = await post('--Zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nsomeone@example.com');
    expect(cutOff.status).toBe(400);
    expect(await cutOff.text()).toContain("The form could not be read");
    const whole = await post('--Zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nsomeone@example.com\r\n--Zz--\r\n');
    expect(whole.status).toBe(200);
    expect(whole.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy while the database is down", () => {
  afterEach(async () => (await import("@/lib/health/database-availability")).registerDatabaseProbe(undefined));

  it("answers a page rendered per request with a translated 503 at once, and lets static pages, actions and recovery through", async () => {
    const proxy = await proxyWith(PRODUCTION);
    const { registerDatabaseProbe } = await import("@/lib/health/database-availability");
    let up = false;
    registerDatabaseProbe(async () => up);
    (await import("@/lib/health/database-availability")).reportDatabaseUnavailable(0);

    const page = await proxy(new NextRequest("https://privacy.example.com/kk/r/some-token"));
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    const html = await page.text();
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain("Қызмет уақытша қолжетімсіз");
    expect(html).not.toContain("some-token\"><");
    expect((await proxy(new NextRequest("https://privacy.example.com/en/dashboard", { headers: { cookie: "next-auth.session-token=x" } }))).status).toBe(503);
    // From the page cache, no database needed; a server action answers with its own message.
    expect((await proxy(new NextRequest("https://privacy.example.com/kk"))).status).toBe(200);
    const form = '--Zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nsomeone@example.com\r\n--Zz--\r\n';
    const action = new NextRequest("https://privacy.example.com/kk/r/some-token", {
      method: "POST",
      headers: { "next-action": "6069ed971775aa", "content-type": "multipart/form-data; boundary=Zz", "content-length": String(form.length) },
      body: form,
    });
    expect((await proxy(action)).status).toBe(200);

    up = true;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await proxy(new NextRequest("https://privacy.example.com/kk/r/some-token"))).status).toBe(200);
  });
});
