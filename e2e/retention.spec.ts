import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/staff";

test("an admin changes the retention period, and confirms before shortening it", async ({ page }) => {
  await signInAs(page, "admin", "en");
  await page.goto("/en/dashboard/retention");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data retention");
  const period = page.getByRole("region", { name: "Retention period" });
  await expect(period.getByTestId("retention-period")).toHaveText("Closed requests keep their personal data for 3 years after closing.");
  await expect(period).toContainText("This is the built-in default");
  await expectNoAxeViolations(page);

  // Out of range: refused next to the field, in words.
  await period.getByLabel("Period", { exact: true }).fill("0");
  await period.getByRole("button", { name: "Save period" }).click();
  await expect(period.getByText("Enter a number from 1 to 10.")).toBeVisible();

  // Longer: saved at once.
  await period.getByLabel("Period", { exact: true }).fill("5");
  await period.getByRole("button", { name: "Save period" }).click();
  await expect(period.getByRole("status")).toHaveText("Retention period saved.");
  await expect(period.getByTestId("retention-period")).toHaveText("Closed requests keep their personal data for 5 years after closing.");
  await expect(period).toContainText("Last changed on");

  // Shorter (36 months < 5 years): the first press only warns; the second saves.
  await period.getByLabel("Period", { exact: true }).fill("36");
  await period.getByLabel("Unit").selectOption({ label: "months" });
  await period.getByRole("button", { name: "Save period" }).click();
  await expect(period.getByRole("alert")).toContainText("cannot be undone");
  await expect(period.getByTestId("retention-period")).toContainText("5 years");
  await period.getByRole("button", { name: "Yes, shorten the period" }).click();
  await expect(period.getByRole("status")).toHaveText("Retention period saved.");
  await expect(period.getByTestId("retention-period")).toHaveText("Closed requests keep their personal data for 36 months after closing.");

  // Back to the default length, so other specs see what a fresh install has.
  await period.getByLabel("Period", { exact: true }).fill("3");
  await period.getByLabel("Unit").selectOption({ label: "years" });
  await period.getByRole("button", { name: "Save period" }).click();
  await expect(period.getByRole("status")).toHaveText("Retention period saved.");
  await expect(period.getByTestId("retention-period")).toHaveText("Closed requests keep their personal data for 3 years after closing.");
});

test("an admin publishes a Russian policy version and it is the one /ru/policy shows", async ({ page }) => {
  const version = `e2e-${Date.now()}`;
  // Still starts like the seeded title, so the public-site spec's heading check holds whichever runs first.
  const title = "Политика конфиденциальности для мобильных приложений (редакция e2e)";
  await signInAs(page, "admin", "ru");
  await page.goto("/ru/dashboard/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Версии политики конфиденциальности");
  await expect(page.getByRole("table", { name: "Русский" })).toContainText("действующая");
  await expectNoAxeViolations(page);

  const form = page.getByRole("region", { name: "Опубликовать новую версию" });
  await form.getByLabel("Язык").selectOption({ label: "Русский" });
  await form.getByLabel("Заголовок").fill(title);
  // Nothing else filled in: refused, the errors in Russian, the title still there.
  await form.getByRole("button", { name: "Опубликовать версию" }).click();
  await expect(form.getByText("Заполните это поле.").first()).toBeVisible();
  await expect(form.getByLabel("Заголовок")).toHaveValue(title);

  await form.getByLabel("Версия", { exact: true }).fill(version);
  await form.getByLabel("Текст (Markdown)").fill("## Что изменилось\n\nМы больше не собираем геолокацию.");
  await form.getByRole("button", { name: "Показать предпросмотр" }).click();
  await expect(form.getByTestId("policy-preview").getByRole("heading", { name: "Что изменилось" })).toBeVisible();
  await form.getByRole("button", { name: "Опубликовать версию" }).click();
  await expect(form.getByRole("status")).toHaveText(`Версия ${version} опубликована: Русский.`);
  const russian = page.getByRole("table", { name: "Русский" });
  await expect(russian.getByRole("row").filter({ hasText: version })).toContainText("действующая");

  // The same language and version again: refused, nothing typed lost.
  await form.getByLabel("Версия", { exact: true }).fill(version);
  await form.getByLabel("Заголовок").fill(title);
  await form.getByLabel("Текст (Markdown)").fill("Другой текст");
  await form.getByRole("button", { name: "Опубликовать версию" }).click();
  await expect(form.getByText("На этом языке такая версия уже есть.", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Текст (Markdown)")).toHaveValue("Другой текст");

  await page.goto("/ru/policy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Что изменилось" })).toBeVisible();
  await expect(page.getByText(`Версия ${version}`, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(version) })).toBeVisible();
});

test("a compliance officer places a legal hold on a request; the badge shows, the admin sees it listed", async ({ page, browser }) => {
  // Two sign-ins and four page loads: more than 30 s when the machine is busy.
  test.setTimeout(60_000);
  await signInAs(page, "compliance", "en");
  await page.getByRole("table", { name: "Request queue" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/en\/dashboard\/requests\/[0-9a-f-]{36}$/);
  const requestUrl = page.url();
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/DSR-\d{4}-\d{6}/)?.[0] ?? "";
  expect(reference).not.toBe("");
  await expect(page.getByTestId("legal-hold-badge")).toHaveCount(0);

  // Compliance officers change nothing on a request but its legal hold: the menu holds only that.
  await page.getByRole("button", { name: "More actions" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Place a legal hold"]);
  await page.getByRole("menuitem", { name: "Place a legal hold" }).click();
  const hold = page.getByRole("dialog", { name: "Place a legal hold" });
  // The reason is required.
  await hold.getByRole("button", { name: "Place legal hold" }).click();
  await expect(hold.getByText("Give the reason for the hold.")).toBeVisible();
  await hold.getByLabel("Reason for the hold").fill("Court inquiry 2-118/2026");
  await hold.getByRole("button", { name: "Place legal hold" }).click();
  await expect(hold).toHaveCount(0);
  await expect(page.getByRole("alertdialog", { name: "Legal hold placed." })).toBeVisible();
  await expect(page.getByTestId("legal-hold-badge")).toHaveText("Legal hold");
  await expect(page.getByRole("region", { name: "Legal hold" })).toContainText("Reason: Court inquiry 2-118/2026");
  await expectNoAxeViolations(page);

  // The admin's retention page lists it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin", "en");
  await admin.goto("/en/dashboard/retention");
  const held = admin.getByRole("table", { name: "Requests under legal hold" });
  await expect(held.getByRole("row").filter({ hasText: reference })).toContainText("Court inquiry 2-118/2026");
  await adminContext.close();

  // Lifted again, so the demo request is as other specs expect it.
  await page.goto(requestUrl);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Lift the legal hold" }).click();
  await page.getByRole("dialog", { name: "Lift the legal hold" }).getByRole("button", { name: "Lift legal hold" }).click();
  await expect(page.getByRole("alertdialog", { name: "Legal hold lifted." })).toBeVisible();
  await expect(page.getByTestId("legal-hold-badge")).toHaveCount(0);
});
