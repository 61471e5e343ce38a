import { expect, test, type Page } from "@playwright/test";
import { DASHBOARD_PAGES } from "../lib/auth/permissions";
import { expectNoAxeViolations } from "./support/axe";
import { postInboundEmail, rawEmail } from "./support/inbound";
import { expectNoSidewaysScroll } from "./support/layout";
import { uniqueEmail } from "./support/mailbox";
import { signInAs } from "./support/staff";

const LOCALES = ["ru", "kk", "en"] as const;
const WIDTHS = [360, 1280] as const;

/** A request page and an inbound e-mail's page, found the way staff find them; the rest from the permissions map. */
async function everyDashboardPath(page: Page): Promise<string[]> {
  const response = await postInboundEmail(
    page.request,
    rawEmail(
      {
        From: `Dana Sultan <${uniqueEmail("layout")}>`,
        To: "info@smart-lift.kz",
        Subject: `A rather long subject line that has to wrap on a narrow phone screen ${Date.now().toString(36)}`,
        "Message-ID": `<layout-${Date.now()}-${Math.random().toString(36).slice(2)}@mail.example.org>`,
        Date: new Date().toUTCString(),
      },
      "Please add this to my request: averyveryverylongwordwithoutanyspacesthatcouldwidenthepageonaphone@example.org",
    ),
  );
  expect(response.status()).toBe(202);
  await page.goto("/en/dashboard");
  const request = await page.getByRole("table").getByRole("link", { name: /^DSR-\d{4}-\d{6}$/ }).first().getAttribute("href");
  await page.goto("/en/dashboard/mail");
  const mail = await page.getByRole("main").locator('a[href*="/dashboard/mail/"]').first().getAttribute("href");
  const strip = (href: string | null) => href!.replace(/^\/en/, "");
  return [...DASHBOARD_PAGES.map((entry) => entry.path).filter((path) => !path.includes("[")), strip(request), strip(mail), "/dashboard/no-such-page"];
}

for (const locale of LOCALES) {
  test(`every dashboard page fits 360 and 1280 px without sideways scroll and passes axe, as admin (${locale})`, async ({ page }, testInfo) => {
    test.setTimeout(420_000);
    await signInAs(page, "admin", "en");
    const paths = await everyDashboardPath(page);
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of paths) {
        await test.step(`${path} at ${width} px`, async () => {
          await page.goto(`/${locale}${path}`);
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          // Each problem is collected, so one run names every page that needs fixing.
          for (const check of [expectNoSidewaysScroll, expectNoAxeViolations]) {
            try {
              await check(page);
            } catch (error) {
              problems.push(`${path} at ${width} px: ${(error as Error).message.split("\n").slice(0, 12).join(" ")}`);
            }
          }
          const name = path.replace(/^\/dashboard\/?/, "").replace(/[^a-z0-9]+/gi, "-").slice(0, 40) || "queue";
          await page.screenshot({ path: testInfo.outputPath(`${locale}-${width}-${name}.png`), fullPage: true });
        });
      }
    }
    expect(problems).toEqual([]);
  });
}
