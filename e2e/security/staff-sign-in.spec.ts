import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { expectNoAxeViolations } from "../support/axe";
import { readLatestEmail, uniqueEmail } from "../support/mailbox";
import { demoLogins, signOutFromMenu, submitSignIn } from "../support/staff";

const SCREENSHOTS = "test-results/security";

test("security: a sign-in link whose callbackUrl points elsewhere (/\\evil.test) still ends on the app", async ({ page, baseURL }) => {
  await page.goto("/en/staff/sign-in?callbackUrl=/%5Cevil.test/phish");
  await submitSignIn(page, demoLogins().agent, "en");
  await page.waitForURL((url) => url.pathname === "/en/dashboard");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request queue");

  // The same with a tab and with a scheme-relative URL, in Russian.
  await page.context().clearCookies();
  await page.goto("/ru/staff/sign-in?callbackUrl=/%09/evil.test/x");
  await submitSignIn(page, demoLogins().agent, "ru");
  await page.waitForURL((url) => url.pathname === "/ru/dashboard");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("security: signing out ends the session on the server — a copied cookie no longer works", async ({ page, browser }) => {
  await page.goto("/en/staff/sign-in?callbackUrl=/en/dashboard");
  await submitSignIn(page, demoLogins().compliance, "en");
  await page.waitForURL((url) => url.pathname === "/en/dashboard");
  const copied = (await page.context().cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(copied).toHaveLength(1);

  // The copy works while the session lives…
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const before = await thief.request.get("/api/auth/session");
  expect((await before.json()).user?.email).toBe(demoLogins().compliance.email);

  // …and not after the owner signs out.
  await signOutFromMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in/);
  const after = await thief.request.get("/api/auth/session");
  expect(await after.json()).toEqual({});
  const stolenPage = await thief.newPage();
  await stolenPage.context().addCookies(copied);
  await stolenPage.goto("/en/dashboard/audit");
  await expect(stolenPage).toHaveURL(/\/en\/staff\/sign-in/);
  await expect(stolenPage.getByRole("table")).toHaveCount(0);
  await thief.close();
});

test("security: the account page lists signed-in devices and signs out everywhere", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/ru/staff/sign-in?callbackUrl=/ru/dashboard");
  await submitSignIn(otherPage, demoLogins().agent, "ru");
  await otherPage.waitForURL((url) => url.pathname === "/ru/dashboard");

  await page.goto("/ru/staff/sign-in?callbackUrl=%2Fru%2Fdashboard%2Faccount");
  await submitSignIn(page, demoLogins().agent, "ru");
  await page.waitForURL((url) => url.pathname === "/ru/dashboard/account");
  const devices = page.getByRole("table", { name: "Устройства, на которых выполнен вход" });
  await expect(devices).toContainText("(это устройство)");
  expect(await devices.getByRole("row").count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("two-factor-status")).toContainText("Включён с");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/account-devices-ru.png`, fullPage: true });

  await page.getByRole("button", { name: "Выйти на всех устройствах" }).click();
  await expect(page).toHaveURL(/\/ru\/staff\/sign-in/);
  await otherPage.goto("/ru/dashboard");
  await expect(otherPage).toHaveURL(/\/ru\/staff\/sign-in/);
  await other.close();
});

test("security: a new compliance officer must set up two-factor sign-in, then signs in with a real TOTP code or a recovery code", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("new-compliance");
  const password = "another long memorable passphrase";

  // The demo admin invites a compliance officer.
  await page.goto(`/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/dashboard/staff")}`);
  await submitSignIn(page, demoLogins().admin, "en");
  await expect(page).toHaveURL(/\/en\/dashboard\/staff$/);
  const inviteForm = page.getByRole("region", { name: "Invite a colleague" });
  await inviteForm.getByLabel("Name").fill("Nurlan Compliance");
  await inviteForm.getByLabel("Email address").fill(email);
  await inviteForm.getByLabel("Role").selectOption({ label: "compliance officer" });
  await inviteForm.getByLabel("Language of emails and the dashboard").selectOption({ label: "English" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviteForm.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const mail = await readLatestEmail(page, email, /Invitation to the/);
  const link = /https?:\/\/\S+\/en\/staff\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];

  const context = await browser.newContext();
  const officer = await context.newPage();
  await officer.goto(link);
  await officer.getByLabel("New password").fill(password);
  await officer.getByLabel("Repeat the password").fill(password);
  await officer.getByRole("button", { name: "Set password" }).click();
  await officer.getByRole("link", { name: "Go to sign-in" }).click();

  // The password alone leads to the enrolment page, never to the dashboard.
  await officer.goto("/en/staff/sign-in?callbackUrl=%2Fen%2Fdashboard%2Faudit");
  await officer.getByLabel("Email address").fill(email);
  await officer.getByLabel("Password").fill(password);
  await officer.getByRole("button", { name: "Sign in" }).click();
  await officer.waitForURL((url) => url.pathname === "/en/staff/two-factor");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Two-factor sign-in");
  await expect(officer.getByRole("img", { name: "QR code for the authenticator app" })).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.screenshot({ path: `${SCREENSHOTS}/two-factor-enrolment-en.png`, fullPage: true });
  const dashboard = await officer.request.get("/en/dashboard/audit", { maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);

  // The key shown on the page, into "the app": a real RFC 6238 code.
  const secret = (await officer.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await officer.getByLabel("Code from the app").fill("000000");
  await officer.getByRole("button", { name: "Confirm" }).click();
  await expect(officer.getByRole("main").getByRole("alert")).toHaveText(/This code is not right/);
  const now = Math.floor(Date.now() / 1000);
  await officer.getByLabel("Code from the app").fill(await generate({ secret, epoch: now }));
  await officer.getByRole("button", { name: "Confirm" }).click();
  const codes = officer.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!;
  await officer.getByRole("link", { name: "Continue" }).click();
  await officer.waitForURL((url) => url.pathname === "/en/dashboard/audit");

  // Next time: password, then a fresh code (the next 30-second step; each step is accepted once).
  await context.clearCookies();
  await officer.goto("/en/staff/sign-in?callbackUrl=/en/dashboard");
  await officer.getByLabel("Email address").fill(email);
  await officer.getByLabel("Password").fill(password);
  await officer.getByRole("button", { name: "Sign in" }).click();
  await officer.getByLabel("Authentication code").fill(await generate({ secret, epoch: now }));
  await officer.getByRole("button", { name: "Sign in" }).click();
  await expect(officer.getByRole("main").getByRole("alert")).toHaveText(/This code is not valid/);
  await officer.getByLabel("Authentication code").fill(await generate({ secret, epoch: now + 30 }));
  await officer.getByRole("button", { name: "Sign in" }).click();
  await officer.waitForURL((url) => url.pathname === "/en/dashboard");

  // A recovery code works once.
  await context.clearCookies();
  await officer.goto("/en/staff/sign-in?callbackUrl=/en/dashboard");
  await officer.getByLabel("Email address").fill(email);
  await officer.getByLabel("Password").fill(password);
  await officer.getByRole("button", { name: "Sign in" }).click();
  await officer.getByLabel("Authentication code").fill(recoveryCode);
  await officer.getByRole("button", { name: "Sign in" }).click();
  await officer.waitForURL((url) => url.pathname === "/en/dashboard");

  // The admin resets it (the officer lost the phone): audited, and the officer's sessions end.
  await page.goto("/en/dashboard/staff");
  await page.getByRole("button", { name: "Reset two-factor sign-in of Nurlan Compliance" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/Two-factor sign-in of Nurlan Compliance has been reset/);
  await officer.goto("/en/dashboard");
  await expect(officer).toHaveURL(/\/en\/staff\/sign-in/);
  await context.close();
});

test("security: next-auth's client logger endpoint is switched off", async ({ request }) => {
  const response = await request.post("/api/auth/_log", { form: { level: "error", code: "forged\n[privacy-desk] INFO fake entry", metadata: "{}" } });
  expect(response.status()).toBe(404);
});
