import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { demoLogins, enterTwoFactorCode, searchQueue, signOutFromMenu, submitSignIn } from "./support/staff";

const demoLogin = () => demoLogins().admin;

test("a visitor without a session is sent to sign in, and back to the page afterwards", async ({ page }) => {
  // Two sign-in attempts, the second with its two-factor step, and three axe checks.
  test.slow();
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in\?callbackUrl=%2Fru%2Fdashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход для сотрудников");
  await expectNoAxeViolations(page);

  const { email, password, totpSecret } = demoLogin();
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel("Пароль").fill("not the password");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Неверный адрес или пароль.");
  await expect(page.getByLabel("Адрес электронной почты")).toHaveValue(email);

  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  // The demo admin has two-factor sign-in: the form asks for the authenticator code next.
  await expect(page.getByRole("main").getByRole("status")).toHaveText(/двухфакторный вход/);
  await expectNoAxeViolations(page);
  await enterTwoFactorCode(page, totpSecret, "ru");
  await page.waitForURL((url) => url.pathname === "/ru/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Очередь запросов");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Demo Admin (администратор)");
  // The demo requests are verified and in the queue; the credential-misuse one is marked urgent.
  const table = page.getByRole("table", { name: "Очередь запросов" });
  await expect(table).toContainText("aigerim@example.kz");
  await expect(table.getByRole("row").filter({ hasText: "daniyar@example.kz" })).toContainText("срочно");
  await expectNoAxeViolations(page);

  await signOutFromMenu(page, "Выйти");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
});

test("the dashboard speaks English too, and the queue filters and searches", async ({ page }) => {
  await page.goto("/en/staff/sign-in?callbackUrl=/en/dashboard");
  await submitSignIn(page, demoLogin(), "en");
  await page.waitForURL((url) => url.pathname === "/en/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request queue");
  const table = page.getByRole("table", { name: "Request queue" });

  // Filters are menus; a multiple one stays open to tick several.
  await page.getByRole("toolbar", { name: "Filters" }).getByRole("button", { name: "Type" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Someone is using my account" }).click();
  await expect(page).toHaveURL(/type=credential_misuse/);
  await expect(table).toContainText("daniyar@example.kz");
  await expect(table).not.toContainText("aigerim@example.kz");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Type: 1" })).toBeVisible();

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await searchQueue(page, "ivan@");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Иван Петров");
  await expectNoAxeViolations(page);
});

test("a forged session cookie gets nothing", async ({ page, context }) => {
  await context.addCookies([{ name: "next-auth.session-token", value: "forged", domain: "127.0.0.1", path: "/" }]);
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
  await expect(page.getByRole("table")).toHaveCount(0);
});
