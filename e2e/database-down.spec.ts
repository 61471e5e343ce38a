import { expect, test } from "@playwright/test";
import { startServer, stop } from "./support/own-server";

test("while PostgreSQL is down, a page that needs it answers 503 with a translated 'try again shortly' within seconds", async ({ page }, testInfo) => {
  test.slow();
  // Port 1 on loopback: nothing listens there, so PostgreSQL is "down" from the start.
  const server = startServer(3203, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/privacy_desk" });
  try {
    await expect.poll(() => server.output(), { timeout: 180_000 }).toContain("database unreachable");
    for (const [locale, heading] of [
      ["ru", "Сервис временно недоступен"],
      ["en", "The service is briefly unavailable"],
    ] as const) {
      const started = Date.now();
      // A status page: rendered per request from the database.
      const response = await page.goto(`${server.url}/${locale}/r/some-status-link-token`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response?.status()).toBe(503);
      expect(response?.headers()["retry-after"]).toMatch(/^\d+$/);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole("link", { name: locale === "ru" ? "Попробовать снова" : "Try again" })).toHaveAttribute("href", `/${locale}/r/some-status-link-token`);
      await page.screenshot({ path: testInfo.outputPath(`database-down-${locale}.png`) });
    }
    expect(server.child.exitCode).toBeNull();
  } finally {
    await stop(server);
  }
});
