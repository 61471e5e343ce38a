import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { expectNoAxeViolations } from "./support/axe";

/** The demo admin the server created on its empty database (DEMO_DATA=true). */
function demoLogin() {
  const [email, password] = readFileSync(path.join(E2E_DATA_DIR, "demo-staff-login.txt"), "utf8").split("\n");
  return { email: email!, password: password! };
}

test("a visitor without a session is sent to sign in, and back to the page afterwards", async ({ page }) => {
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in\?callbackUrl=%2Fru%2Fdashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход для сотрудников");
  await expectNoAxeViolations(page);

  const { email, password } = demoLogin();
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel("Пароль").fill("not the password");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Неверный адрес или пароль.");
  await expect(page.getByLabel("Адрес электронной почты")).toHaveValue(email);

  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/ru\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Очередь запросов");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Demo Admin (администратор)");
  // The demo requests are verified and in the queue; the credential-misuse one is marked urgent.
  const table = page.getByRole("table", { name: "Очередь запросов" });
  await expect(table).toContainText("aigerim@example.kz");
  await expect(table.getByRole("row").filter({ hasText: "daniyar@example.kz" })).toContainText("срочно");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
});

test("the dashboard speaks English too", async ({ page }) => {
  const { email, password } = demoLogin();
  await page.goto("/en/staff/sign-in?callbackUrl=/en/dashboard");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request queue");
});

test("a forged session cookie gets nothing", async ({ page, context }) => {
  await context.addCookies([{ name: "next-auth.session-token", value: "forged", domain: "127.0.0.1", path: "/" }]);
  await page.goto("/ru/dashboard");
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
  await expect(page.getByRole("table")).toHaveCount(0);
});
