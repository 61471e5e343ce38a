import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

export type DemoRole = "admin" | "agent" | "compliance";

/** The demo accounts the e2e server created on its empty database (DEMO_DATA=true). */
export function demoLogins(): Record<DemoRole, { email: string; password: string }> {
  return JSON.parse(readFileSync(path.join(".data", "e2e", "demo-staff-logins.json"), "utf8"));
}

/** Signs in through the sign-in form, the way a person does. */
export async function signInAs(page: Page, role: DemoRole, locale: "ru" | "en" = "en") {
  const { email, password } = demoLogins()[role];
  await page.goto(`/${locale}/staff/sign-in?callbackUrl=/${locale}/dashboard`);
  await page.getByLabel(locale === "en" ? "Email address" : "Адрес электронной почты").fill(email);
  await page.getByLabel(locale === "en" ? "Password" : "Пароль").fill(password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "Войти" }).click();
  // The sign-in URL itself ends in ?callbackUrl=/…/dashboard: wait for the path, not the whole URL.
  await page.waitForURL((url) => url.pathname === `/${locale}/dashboard`);
}
