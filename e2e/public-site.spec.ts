import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

const LANGUAGES = [
  {
    locale: "ru",
    switcherName: "Русский",
    heroHeading: "Ваши данные в приложениях ТОО «Либерти Астана»",
    collectHeading: "Какие данные собирают приложения",
    policyLink: "Политика конфиденциальности",
    policyHeading: /^Политика конфиденциальности для мобильных приложений/,
    version: "Версия 1.0",
    notFound: "Страница не найдена",
  },
  {
    locale: "kk",
    switcherName: "Қазақша",
    heroHeading: "«Либерти Астана» ЖШС қосымшаларындағы деректеріңіз",
    collectHeading: "Қосымшалар қандай деректер жинайды",
    policyLink: "Құпиялылық саясаты",
    policyHeading: /құпиялылық саясаты$/,
    version: "1.0 нұсқасы",
    notFound: "Бет табылмады",
  },
  {
    locale: "en",
    switcherName: "English",
    heroHeading: "Your data in the Liberty Astana LLP apps",
    collectHeading: "What data the apps collect",
    policyLink: "Privacy Policy",
    policyHeading: /^Privacy Policy for the Mobile Applications of Liberty Astana LLP$/,
    version: "Version 1.0",
    notFound: "Page not found",
  },
] as const;

test("the site opens in Russian by default @smoke", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/ru$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ваши данные в приложениях ТОО «Либерти Астана»");
});

for (const lang of LANGUAGES) {
  test.describe(`in ${lang.locale}`, () => {
    test(`home page explains the data and offers the four requests @smoke`, async ({ page }) => {
      await page.goto(`/${lang.locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang.locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.heroHeading);
      await expect(page.getByRole("heading", { level: 2, name: lang.collectHeading })).toBeVisible();
      const requests = page.getByRole("region").filter({ has: page.locator("#requests-title") });
      await expect(requests.getByRole("listitem")).toHaveCount(4);
      const links = requests.getByRole("link");
      await expect(links).toHaveCount(4);
      for (const [index, type] of ["access", "correction", "deletion", "credential_misuse"].entries()) {
        await expect(links.nth(index)).toHaveAttribute("href", `/${lang.locale}/requests/new/${type}`);
      }
      await expect(page.getByRole("contentinfo")).toContainText("info@smart-lift.kz");
      await expectNoAxeViolations(page);
    });

    test(`policy page shows the current version with its date and history`, async ({ page }) => {
      await page.goto(`/${lang.locale}`);
      await page.getByRole("navigation").first().getByRole("link", { name: lang.policyLink, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang.locale}/policy$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.policyHeading);
      await expect(page.getByRole("main")).toContainText(lang.version);
      await expect(page.getByRole("main")).toContainText("2026");
      await expect(page.getByRole("main")).toContainText("info@smart-lift.kz");
      await expectNoAxeViolations(page);

      await page.getByRole("main").getByRole("link", { name: new RegExp(lang.version.replace(".", "\\.")) }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang.locale}/policy/1\\.0$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.policyHeading);
    });

    test(`unknown pages answer 404 in the same language`, async ({ page }) => {
      const response = await page.goto(`/${lang.locale}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.notFound);
      const missingVersion = await page.goto(`/${lang.locale}/policy/99.9`);
      expect(missingVersion?.status()).toBe(404);
    });
  });
}

test("switching language keeps the visitor on the same page @smoke", async ({ page }) => {
  await page.goto("/ru/policy");
  const switcher = page.getByRole("navigation", { name: "Язык" });
  await expect(switcher.getByRole("link", { name: "Русский" })).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/policy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LANGUAGES[2].policyHeading);

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk\/policy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");

  await page.goto("/kk/policy/1.0");
  await page.getByRole("navigation", { name: "Тіл" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/policy\/1\.0$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LANGUAGES[0].policyHeading);
});

test("keyboard users can skip straight to the content", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("pages fit a 360 px phone screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/ru", "/kk", "/en/policy"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: /Язык|Тіл|Language/ })).toBeVisible();
  }
});

test("every response carries the security headers", async ({ request }) => {
  const response = await request.get("/ru");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});
