import { expect, test, type Page } from "@playwright/test";
import { DASHBOARD_PAGES } from "../../lib/auth/permissions";
import { expectNoAxeViolations } from "./axe";
import { postInboundEmail, rawEmail } from "./inbound";
import { expectNoSidewaysScroll } from "./layout";
import { uniqueEmail } from "./mailbox";
import { signInAs } from "./staff";

export type SweepLocale = "ru" | "kk" | "en";
const WIDTHS = [360, 1280] as const;

/**
 * A request page, the pages of the actions it offers (the links its server-rendered HTML holds
 * before the script turns them into dialogs) and an inbound e-mail's page, found the way staff
 * find them; the rest from the permissions map.
 */
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
  const requestHtml = await (await page.request.get(request!)).text();
  const actions = [...new Set([...requestHtml.matchAll(/href="\/en(\/dashboard\/requests\/[0-9a-f-]{36}\/act\/[a-z-]+)"/g)].map((match) => match[1]!))];
  expect(actions.length, "the request page offers its actions as links before its script starts").toBeGreaterThan(0);
  return [
    ...DASHBOARD_PAGES.map((entry) => entry.path).filter((path) => !path.includes("[")),
    strip(request),
    ...actions,
    strip(mail),
    "/dashboard/no-such-page",
  ];
}

/**
 * Every dashboard page in one language, as admin: no sideways scroll and no axe violation at 360
 * and at 1280 px, with a screenshot of each. Each page is loaded once and checked at both widths
 * by resizing the window (the layout is CSS media queries and `matchMedia` listeners, which a
 * resize triggers as a phone's rotation would); each language is a spec file of its own so the
 * two e2e servers can share the sweep.
 */
export function sweepDashboard(locale: SweepLocale) {
  test(`every dashboard page fits 360 and 1280 px without sideways scroll and passes axe, as admin (${locale})`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await signInAs(page, "admin", "en");
    const paths = await everyDashboardPath(page);
    const problems: string[] = [];
    for (const path of paths) {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const width of WIDTHS) {
        await test.step(`${path} at ${width} px`, async () => {
          if (page.viewportSize()?.width !== width) {
            await page.setViewportSize({ width, height: 800 });
            // Let media-query listeners re-render before measuring.
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          }
          // Each problem is collected, so one run names every page that needs fixing.
          for (const check of [expectNoSidewaysScroll, expectNoAxeViolations]) {
            try {
              await check(page);
            } catch (error) {
              problems.push(`${path} at ${width} px: ${(error as Error).message.split("\n").slice(0, 12).join(" ")}`);
            }
          }
          const name = path.replace(/^\/dashboard\/?/, "").replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "id").replace(/[^a-z0-9]+/gi, "-") || "queue";
          await page.screenshot({ path: testInfo.outputPath(`${locale}-${width}-${name}.png`), fullPage: true });
        });
      }
    }
    expect(problems).toEqual([]);
  });
}
