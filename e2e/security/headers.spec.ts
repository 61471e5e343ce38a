import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { pdfFile } from "../support/files";
import { uniqueEmail } from "../support/mailbox";
import { fileAccessRequest } from "../support/requests";

/** Everything the browser reports about Content-Security-Policy while the page is open. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const scriptSrc = (policy: string | null) => policy?.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

/** Next's inline scripts ran (they fill self.__next_f) and React hydrated the page (fibers on the DOM). */
async function expectScriptsRan(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const main = document.querySelector("main");
        const hydrated = !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
        return { flight: Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f), hydrated };
      }),
    )
    .toEqual({ flight: true, hydrated: true });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("static public pages carry a policy with their inline scripts' hashes, and their scripts run without a violation", async ({ page }, testInfo) => {
  const violations = collectCspViolations(page);
  for (const path of ["/kk", "/en/policy", "/ru/requests/new/access", "/kk/requests/find"]) {
    let first = (await page.goto(path))!;
    // A stale copy is served once while the page is re-rendered in the background (policy pages
    // refresh every 60 s, and other specs publish policy versions): compare against the fresh one.
    for (let retry = 0; retry < 10 && first.headers()["x-nextjs-cache"] === "STALE"; retry++) {
      await page.waitForTimeout(500);
      first = (await page.goto(path))!;
    }
    const policy = first.headers()["content-security-policy"] ?? null;
    // Served from the page cache, with hashes and neither a nonce nor 'unsafe-inline'.
    expect(first.headers()["x-nextjs-cache"], path).toMatch(/^(HIT|MISS|STALE)$/);
    expect(scriptSrc(policy), path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
    await expectScriptsRan(page);
    // The next visitor gets the same cached page with the same policy.
    const again = (await page.goto(path))!;
    expect(again.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(again.headers()["content-security-policy"], path).toBe(policy);
    await expectScriptsRan(page);
  }
  await screenshot(page, testInfo, "lost-link-kk");
  expect(violations).toEqual([]);
});

test("pages rendered per request get a fresh nonce, on every script Next writes", async ({ page }, testInfo) => {
  const violations = collectCspViolations(page);
  const nonces: string[] = [];
  for (let visit = 0; visit < 2; visit++) {
    const response = (await page.goto("/en/staff/sign-in"))!;
    const nonce = /^script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'$/.exec(scriptSrc(response.headers()["content-security-policy"] ?? null))?.[1];
    expect(nonce).toBeTruthy();
    nonces.push(nonce!);
    expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
    await expectScriptsRan(page);
    // Every script element came with the nonce (the browser hides the attribute's value from the DOM).
    const withoutNonce = await page.evaluate(() => [...document.scripts].filter((s) => !s.nonce).map((s) => s.src || s.textContent?.slice(0, 40)));
    expect(withoutNonce).toEqual([]);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  await page.getByLabel("Email address").fill("nobody@example.kz");
  await screenshot(page, testInfo, "sign-in-en");
  expect(violations).toEqual([]);
});

test("the requester's status page has a nonce policy, and a file download keeps its own sandbox policy", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const violations = collectCspViolations(page);
  const email = uniqueEmail("csp");
  await fileAccessRequest(page, email);
  // Now on the status page (/ru/r/<token>): load it again to read its headers.
  await expect(page).toHaveURL(/\/ru\/r\/[A-Za-z0-9_-]{43}$/);
  const statusResponse = await page.reload();
  expect(scriptSrc(statusResponse!.headers()["content-security-policy"] ?? null)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'$/);
  await expectScriptsRan(page);

  await page.getByLabel("Сообщение", { exact: true }).fill("Документ во вложении");
  await page.getByLabel("Вложения").and(page.locator("input[type=file]")).setInputFiles(pdfFile("паспорт.pdf"));
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await expect(page.getByRole("status")).toHaveText("Сообщение отправлено.");
  const link = page.getByRole("article").filter({ hasText: "Документ во вложении" }).getByRole("link", { name: "Скачать паспорт.pdf" });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  const policies = download.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value);
  expect(policies).toEqual(["default-src 'none'; sandbox"]);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  await screenshot(page, testInfo, "status-page-ru");
  expect(violations).toEqual([]);
});

test("security headers on every response; no HSTS on this plain-http test server", async ({ request }) => {
  for (const path of ["/kk", "/en/staff/sign-in", "/api/health"]) {
    const response = await request.get(path);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }
});
