import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRouteHandler, isStaticPage } from "./page-routes";

const LOCALE_DIR = path.join(process.cwd(), "app", "[locale]");

/** Every file under app/[locale] named `name`, as a sample URL path in Kazakh ([x] → "x1"). */
function routesNamed(name: string): { file: string; url: string }[] {
  return readdirSync(LOCALE_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => {
      // Route groups such as "(site)" are folders only, not part of the URL.
      const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.+\)$/.test(s));
      const url = ["/kk", ...segments.map((s) => (s.startsWith("[") ? s.replace(/\W/g, "") + "1" : s))].join("/");
      return { file: path.join(LOCALE_DIR, file), url };
    });
}

describe("page-routes, in step with the app directory", () => {
  it("calls a page static exactly when its page.tsx is cached (exports `revalidate`)", () => {
    const pages = routesNamed("page.tsx").filter(({ url }) => !url.includes("rest1"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const cached = /export const revalidate = /.test(readFileSync(page.file, "utf8"));
      expect({ url: page.url, static: isStaticPage(page.url) }).toEqual({ url: page.url, static: cached });
    }
  });

  it("knows every route handler under a locale, so the proxy leaves their headers alone", () => {
    const handlers = routesNamed("route.ts");
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) expect({ url: handler.url, handler: isRouteHandler(handler.url) }).toEqual({ url: handler.url, handler: true });
    expect(isRouteHandler("/kk/dashboard/requests/1")).toBe(false);
  });

  it("keeps visitor-dependent pages dynamic", () => {
    for (const url of ["/kk/r/abc", "/en/dashboard", "/ru/staff/sign-in", "/kk/requests/1/verify", "/kk/dev/mailbox"]) expect(isStaticPage(url)).toBe(false);
  });
});
