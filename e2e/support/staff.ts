import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { e2eDataDir } from "../../playwright.config";

export type DemoRole = "admin" | "agent" | "compliance";
export type DemoLogin = { email: string; password: string; totpSecret: string };

/** A file in the data folder of the server the running test talks to. */
function serverFile(name: string): string {
  return path.join(e2eDataDir(test.info().project.use.baseURL), name);
}

/** The demo accounts the e2e server created on its empty database (DEMO_DATA=true), with their TOTP secrets. */
export function demoLogins(): Record<DemoRole, DemoLogin> {
  return JSON.parse(readFileSync(serverFile("demo-staff-logins.json"), "utf8"));
}

const LABELS = {
  en: { email: "Email address", password: "Password", submit: "Sign in", code: "Authentication code" },
  ru: { email: "Адрес электронной почты", password: "Пароль", submit: "Войти", code: "Код подтверждения" },
} as const;

/**
 * The next TOTP code of `secret` that the server has not accepted yet. The server takes each
 * 30-second step once (RFC 6238 §5.2) and the previous/next step too, so the specs, which sign
 * the same demo accounts in many times, use steps in order (kept in a file in the server's fresh
 * data folder) and wait for the clock when they are ahead of it.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const file = serverFile("e2e-totp-steps.json");
  const used: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const nowStep = Math.floor(Date.now() / 30_000);
  // Never the previous step: on a slow machine it can fall out of the server's window between
  // typing the code and the server checking it. The current or next step leaves 30 s or more.
  const step = Math.max(nowStep, (used[secret] ?? 0) + 1);
  if (step > nowStep + 1) {
    // Wait until the step is within the server's window (at most ~30 s).
    const waitMs = (step - 1) * 30_000 - Date.now() + 500;
    test.info().setTimeout(test.info().timeout + waitMs + 5_000);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  used[secret] = step;
  writeFileSync(file, JSON.stringify(used));
  return generate({ secret, epoch: step * 30 });
}

/** The second step of sign-in: types the current authenticator code and submits. */
export async function enterTwoFactorCode(page: Page, secret: string, locale: "ru" | "en" = "en") {
  const field = page.getByLabel(LABELS[locale].code);
  await field.waitFor();
  await field.fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: LABELS[locale].submit, exact: true }).click();
}

/** Signs in through the sign-in form the browser is on — password, then the authenticator code — as a person does. */
export async function submitSignIn(page: Page, login: DemoLogin, locale: "ru" | "en" = "en") {
  // Two round trips now (password, then code): give the calling test time for them on a busy machine.
  test.info().setTimeout(test.info().timeout + 30_000);
  await page.getByLabel(LABELS[locale].email).fill(login.email);
  await page.getByLabel(LABELS[locale].password).fill(login.password);
  await page.getByRole("button", { name: LABELS[locale].submit, exact: true }).click();
  await enterTwoFactorCode(page, login.totpSecret, locale);
}

/**
 * Signs in as a demo account and waits for the dashboard. The specs that are not about signing in
 * reuse one session per role (its cookie kept in the server's fresh data folder): a full sign-in
 * costs two round trips and, with one TOTP step per 30 s, often a wait. A session that a test has
 * ended (sign out everywhere, a password change) sends the browser to sign-in, and then this
 * signs in afresh.
 */
export async function signInAs(page: Page, role: DemoRole, locale: "ru" | "en" = "en") {
  const onDashboard = (url: URL) => url.pathname === `/${locale}/dashboard`;
  const saved = readSessionCookies(role);
  if (saved.length > 0) {
    await page.context().addCookies(saved);
    await page.goto(`/${locale}/dashboard`);
    if (onDashboard(new URL(page.url()))) return;
  }
  await page.goto(`/${locale}/staff/sign-in?callbackUrl=/${locale}/dashboard`);
  await submitSignIn(page, demoLogins()[role], locale);
  // The sign-in URL itself ends in ?callbackUrl=/…/dashboard: wait for the path, not the whole URL.
  await page.waitForURL(onDashboard);
  const cookies = await page.context().cookies();
  writeSessionCookies(role, cookies.filter((cookie) => cookie.name.includes("session-token")));
}

type SavedCookie = Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>[number];
const SESSIONS_FILE = "e2e-sessions.json";

function readSessionCookies(role: DemoRole): SavedCookie[] {
  const file = serverFile(SESSIONS_FILE);
  if (!existsSync(file)) return [];
  const sessions: Partial<Record<DemoRole, SavedCookie[]>> = JSON.parse(readFileSync(file, "utf8"));
  return sessions[role] ?? [];
}

function writeSessionCookies(role: DemoRole, cookies: SavedCookie[]) {
  const file = serverFile(SESSIONS_FILE);
  const sessions = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  writeFileSync(file, JSON.stringify({ ...sessions, [role]: cookies }));
}

/**
 * Searches the queue the way staff do: the top bar's search box (focused with "/"), sent with
 * Enter. The term is posted and kept server-side, so it never shows up in the queue's URL.
 */
export async function searchQueue(page: Page, term: string) {
  const box = page.getByRole("searchbox").first();
  await box.fill(term);
  await box.press("Enter");
  await expect(page.getByTestId("queue-search-term")).toContainText(term.trim());
  expect(page.url()).not.toContain(encodeURIComponent(term));
}

/** Signs out from the top bar's account menu (the name of the signed-in person opens it). */
export async function signOutFromMenu(page: Page, signOutLabel: string) {
  await page.getByRole("button", { name: await page.getByTestId("signed-in-as").innerText() }).click();
  await page.getByRole("menuitem", { name: signOutLabel }).click();
}
