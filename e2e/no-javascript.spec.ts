import { expect, test, type Page } from "@playwright/test";
import enStaff from "../lib/i18n/messages/en/staff.json";
import { demoLogins, nextTotpCode } from "./support/staff";

// Forms work before (or without) JavaScript: the browser posts them to the server action itself.
test.use({ javaScriptEnabled: false });

/** Every URL the page asked for, so a test can prove nothing typed travelled in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test("staff sign-in in English without JavaScript: password, then the authenticator code, with nothing typed in a URL", async ({ page }, testInfo) => {
  test.slow();
  const t = enStaff.staff.signIn;
  const login = demoLogins().agent;
  const urls = recordUrls(page);

  await page.goto("/en/staff/sign-in?callbackUrl=%2Fen%2Fdashboard");
  await page.getByLabel(t.email).fill(login.email);
  await page.getByLabel(t.password).fill("not the password");
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(t.invalid);
  // The address is kept, the password never comes back.
  await expect(page.getByLabel(t.email)).toHaveValue(login.email);
  await expect(page.getByLabel(t.password)).toHaveValue("");
  expect(await page.content()).not.toContain("not the password");

  await page.getByLabel(t.password).fill(login.password);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(t.codeLead);
  await expect(page.getByText(t.signingInAs.replace("{email}", login.email))).toBeVisible();
  expect(await page.content()).not.toContain(login.password);
  await page.screenshot({ path: testInfo.outputPath("en-sign-in-code-step-without-js.png"), fullPage: true });

  const code = await nextTotpCode(login.totpSecret);
  await page.getByLabel(t.code).fill(code);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/en/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request queue");

  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const typed of [login.email, login.password, "not the password", code]) expect(decoded, url).not.toContain(typed);
  }
});
