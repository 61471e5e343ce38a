import { expect, test, type Page } from "@playwright/test";
import { startServer, stop, waitUntilHealthy, type OwnServer } from "../support/own-server";

// Each test runs its own server with a per-address limit of 3 lost-link requests an hour.
const LIMITED = { RATE_LIMIT_PER_IP: "3", RATE_LIMIT_PER_EMAIL: "100" };

async function askForLinks(page: Page, server: OwnServer, forwardedFor: string, attempt: number): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": forwardedFor });
  await page.goto(`${server.url}/en/requests/find`);
  await page.getByLabel("Email address").fill(`someone-${attempt}@example.com`);
  await page.getByRole("button", { name: "Send me the links" }).click();
  const notice = page.getByRole("main").getByRole("status").or(page.getByRole("main").getByRole("alert"));
  await expect(notice).toBeVisible();
  return (await notice.textContent()) ?? "";
}

test("without a trusted proxy, a rotating forged X-Forwarded-For does not get past the per-address limit", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const server = startServer(3173, { ...LIMITED, TRUSTED_PROXY_HOPS: "0" });
  try {
    await waitUntilHealthy(server);
    const answers: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      answers.push(await askForLinks(page, server, `198.51.100.${attempt}, 203.0.113.${attempt}`, attempt));
    }
    expect(answers.slice(0, 3).every((answer) => answer.includes("If there are open requests from this address"))).toBe(true);
    expect(answers[3]).toMatch(/^Too many attempts\. Please try again in \d+ minutes?\.$/);
    expect(answers[4]).toMatch(/^Too many attempts/);
    await page.screenshot({ path: testInfo.outputPath("forged-xff-limited.png"), fullPage: true });
  } finally {
    await stop(server);
  }
});

test("behind one trusted proxy, the address the proxy appended counts and whatever the client put before it does not", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const server = startServer(3174, { ...LIMITED, TRUSTED_PROXY_HOPS: "1" });
  try {
    await waitUntilHealthy(server);
    // The "proxy" appends the real client 203.0.113.7 after a forged, rotating first entry.
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await askForLinks(page, server, `10.0.${attempt}.1, 203.0.113.7`, attempt)).toContain("If there are open requests from this address");
    }
    expect(await askForLinks(page, server, "10.0.99.1, 203.0.113.7", 4)).toMatch(/^Too many attempts/);
    await page.screenshot({ path: testInfo.outputPath("trusted-proxy-limited.png"), fullPage: true });
    // Another client behind the same proxy still gets through: limits follow the real address.
    expect(await askForLinksRu(page, server, "203.0.113.8")).toContain("Если с этого адреса есть открытые запросы");
  } finally {
    await stop(server);
  }
});

async function askForLinksRu(page: Page, server: OwnServer, realClient: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": realClient });
  await page.goto(`${server.url}/ru/requests/find`);
  await page.getByLabel("Адрес электронной почты").fill("another@example.com");
  await page.getByRole("button", { name: "Прислать ссылки" }).click();
  const notice = page.getByRole("main").getByRole("status");
  await expect(notice).toBeVisible();
  return (await notice.textContent()) ?? "";
}
