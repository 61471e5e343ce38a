import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import { demoLogins, submitSignIn } from "./support/staff";

/** The demo admin the server created on its empty database (DEMO_DATA=true). */
const demoLogin = () => demoLogins().admin;

/** Fills in and submits the English sign-in page the browser is on. */
async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin invites an agent, who sets a password and works until disabled", async ({ page, browser }) => {
  // Many pages, two browsers and axe checks: more than the default 30 s on a busy machine.
  test.slow();
  const admin = demoLogin();
  const email = uniqueEmail("new-agent");
  const name = "Dana Invited";
  const password = "a long and memorable passphrase";

  // The admin signs in and opens the staff page.
  await page.goto(`/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/dashboard/staff")}`);
  await submitSignIn(page, admin, "en");
  await expect(page).toHaveURL(/\/en\/dashboard\/staff$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff");
  await expect(page.getByRole("table", { name: "Staff accounts" })).toContainText(admin.email);
  await expectNoAxeViolations(page);

  // Invites a new support agent, with English as their language.
  const inviteForm = page.getByRole("region", { name: "Invite a colleague" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviteForm.getByText("Please fill in this field.").first()).toBeVisible();
  await inviteForm.getByLabel("Name").fill(name);
  await inviteForm.getByLabel("Email address").fill(email);
  await inviteForm.getByLabel("Role").selectOption({ label: "support agent" });
  await inviteForm.getByLabel("Language of emails and the dashboard").selectOption({ label: "English" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviteForm.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const invitedRow = page.getByRole("row").filter({ hasText: email });
  await expect(invitedRow).toContainText("invited, link valid until");
  await expect(invitedRow).toContainText("never");

  // The invitation arrives in the development mailbox, in English, with a set-password link.
  const mail = await readLatestEmail(page, email, /Invitation to the/);
  expect(mail.text).toContain("Your role: support agent.");
  const link = /https?:\/\/\S+\/en\/staff\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  const origin = new URL(link!).origin;

  // The new colleague, in a browser of their own, sets a password (twice) and signs in.
  const context = await browser.newContext();
  const agent = await context.newPage();
  await agent.goto(link!);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await expect(agent.getByRole("main")).toContainText(email);
  await expectNoAxeViolations(agent);
  await agent.getByLabel("New password").fill(password);
  await agent.getByLabel("Repeat the password").fill("not the same passphrase");
  await agent.getByRole("button", { name: "Set password" }).click();
  await expect(agent.getByText("The two passwords do not match.")).toBeVisible();
  await agent.getByLabel("Repeat the password").fill(password);
  await agent.getByRole("button", { name: "Set password" }).click();
  await expect(agent.getByRole("heading", { name: "Your password is set" })).toBeVisible();
  await agent.getByRole("link", { name: "Go to sign-in" }).click();
  await expect(agent).toHaveURL(/\/en\/staff\/sign-in/);
  await signIn(agent, email, password);
  await agent.waitForURL((url) => url.pathname === "/en/dashboard");
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Request queue");
  await expect(agent.getByTestId("signed-in-as")).toHaveText(`${name} (support agent)`);

  // The link works once.
  await agent.goto(link!);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("This link does not work");

  // An agent may not open the staff page.
  const refused = await agent.goto(`${origin}/en/dashboard/staff`);
  expect(refused?.status()).toBe(403);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expect(agent.getByRole("main")).not.toContainText(admin.email);

  // The admin disables the new account...
  await page.goto("/en/dashboard/staff");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${name}’s account is disabled. They are signed out on their next page load.`);
  await expect(row).toContainText("disabled");
  await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

  // ...and the agent's next page load goes to sign-in, where the password no longer works.
  await agent.goto(`${origin}/en/dashboard`);
  await expect(agent).toHaveURL(/\/en\/staff\/sign-in/);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
  await signIn(agent, email, password);
  await expect(agent.getByRole("main").getByRole("alert")).toHaveText("Incorrect email address or password.");
  await context.close();
});

test("every staff member can change their own password and must then sign in again", async ({ page }) => {
  const admin = demoLogin();
  await page.goto(`/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/dashboard/account")}`);
  await submitSignIn(page, admin, "en");
  await expect(page).toHaveURL(/\/en\/dashboard\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
  await expectNoAxeViolations(page);

  // A wrong current password is refused next to the field; nothing changes.
  await page.getByLabel("Current password").fill("not the current password");
  await page.getByLabel("New password", { exact: true }).fill(admin.password);
  await page.getByLabel("Repeat the new password").fill(admin.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not correct.")).toBeVisible();

  // The right one (kept the same, so the other specs can still use the demo login) ends the session.
  await page.getByLabel("Current password").fill(admin.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Please sign in again with the new password.");
  await page.getByRole("button", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/sign-in/);
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in/);
});
