import { expect, test, type Page } from "@playwright/test";
import { readVerificationCode, uniqueEmail } from "../support/mailbox";
import { searchQueue, signInAs } from "../support/staff";

/** Sets a field's value the way pasting would, including characters a keyboard cannot type. */
async function paste(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.evaluate((element, text) => {
    const input = element as HTMLInputElement | HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value")!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

const FORMS = [
  {
    locale: "en",
    labels: { device: "Geolocation", name: "First and last name", email: "Email address", comment: "Comment", consent: /I agree to the processing/, submit: "Submit request" },
    message: "Remove the invisible control characters from this text",
  },
  {
    locale: "kk",
    labels: { device: "Геолокация", name: "Аты мен тегі", email: "Электрондық пошта мекенжайы", comment: "Түсініктеме", consent: /деректердің өңделуіне келісемін/, submit: "Сұрауды жіберу" },
    message: "Мәтіннен көрінбейтін басқару таңбаларын алып тастаңыз",
  },
] as const;

test("control characters in a form field get a translated message next to it, and nothing typed is lost", async ({ page }, testInfo) => {
  for (const { locale, labels, message } of FORMS) {
    await page.goto(`/${locale}/requests/new/access`);
    await page.getByLabel(labels.device).check();
    await page.getByLabel(labels.name).fill("Test Person");
    await page.getByLabel(labels.email).fill(uniqueEmail("ctrl"));
    await paste(page, labels.comment, "see attached\u0000\u001B[31m");
    await page.getByLabel(labels.consent).check();
    await page.getByRole("button", { name: labels.submit }).click();
    await expect(page.getByRole("main")).toContainText(message);
    await expect(page).toHaveURL(new RegExp(`/${locale}/requests/new/access$`));
    await expect(page.getByLabel(labels.name)).toHaveValue("Test Person");
    await page.screenshot({ path: testInfo.outputPath(`control-characters-${locale}.png`), fullPage: true });
  }
});

test("zero-width and bidi controls are stripped from a requester's name, and the queue shows it isolated", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("bidi");
  await page.goto("/en/requests/new/access");
  await page.getByLabel("Geolocation").check();
  await page.getByLabel("First and last name").fill("Adm\u200Bin \u202Etxt.exe");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/I agree to the processing/).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/en\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/DSR-\d{4}-\d{6}/);

  await signInAs(page, "agent", "en");
  await searchQueue(page, email);
  const row = page.getByRole("table").getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  const name = row.locator("bdi").first();
  await expect(name).toHaveText("Admin txt.exe");
  expect(await name.evaluate((element) => element.textContent)).not.toMatch(/[\u200B\u202E]/);
  await page.screenshot({ path: testInfo.outputPath("queue-name-isolated.png"), fullPage: true });
});
