import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { readVerificationCode, uniqueEmail } from "./support/mailbox";
import { demoLogins, submitSignIn } from "./support/staff";

const PHONE = { width: 360, height: 780 };

test("the status page explains itself in Kazakh on a phone: progress, next step, and a denial with its reason and where to complain", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const email = uniqueEmail("status-kk");

  // The home heading wraps between words at 360 px: nothing is wider than the screen.
  await page.goto("/kk");
  const heading = page.getByRole("heading", { level: 1 });
  expect(await heading.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await page.goto("/kk/requests/new/access");
  await page.getByLabel("Құрылғы туралы деректер").check();
  await page.getByLabel("CSV кестесі").check();
  await page.getByLabel("Аты мен тегі").fill("Айгерим Серікқызы");
  await page.getByLabel("Электрондық пошта мекенжайы").fill(email);
  await page.getByLabel("Осы сұрауды қарау үшін көрсетілген деректердің өңделуіне келісемін.").check();
  await page.getByRole("button", { name: "Сұрауды жіберу" }).click();

  // The code page names the address the code went to, masked.
  await expect(page).toHaveURL(/\/kk\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  await expect(page.getByTestId("code-sent-to")).toHaveText(`Код жіберілген мекенжай: s***@example.kz`);
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel("Хаттағы код").fill(code);
  await page.getByRole("button", { name: "Растау", exact: true }).click();
  await expect(page).toHaveURL(/\/kk\/r\/[A-Za-z0-9_-]{43}$/);
  const statusUrl = page.url();

  const progress = page.getByRole("region", { name: "Сұраудың барысы" });
  await expect(progress.locator("[aria-current=step]")).toHaveText(/Мекенжай расталды/);
  await expect(page.getByTestId("next-step")).toHaveText(/көрсетілген мерзімнен кешіктірмей жауап береді/);
  const receipt = page.getByRole("region", { name: "Сұрау туралы түбіртек" });
  await expect(receipt.getByRole("definition").filter({ hasText: "Деректерімді көрсету" })).toBeVisible();
  await expect(receipt.getByText("Жауап беру мерзімі", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("status-kk-360-new.png"), fullPage: true });

  // A support agent denies it: nothing matched.
  const staff = await browser.newContext();
  const agent = await staff.newPage();
  await agent.goto("/ru/staff/sign-in?callbackUrl=/ru/dashboard");
  await submitSignIn(agent, demoLogins().agent, "ru");
  await agent.waitForURL((url) => url.pathname === "/ru/dashboard");
  await agent.goto(`/ru/dashboard/requests/${requestId}`);
  await agent.getByRole("button", { name: "Начать работу" }).click();
  await expect(agent.getByTestId("staff-request-status")).toContainText("В работе");
  await agent.getByRole("button", { name: "Другие действия" }).click();
  await agent.getByRole("menuitem", { name: "Отказать" }).click();
  const deny = agent.getByRole("dialog", { name: "Отказать" });
  await deny.getByLabel("Причина", { exact: true }).selectOption({ label: "Соответствующих данных нет" });
  await deny.getByLabel("Пояснение для заявителя").fill("Бұл мекенжаймен тіркелген есептік жазба табылмады.");
  await deny.getByRole("button", { name: "Отказать в запросе" }).click();
  await expect(agent.getByTestId("staff-request-status")).toContainText("Отказано");
  await staff.close();

  await page.goto(statusUrl);
  await expect(progress.locator("[aria-current=step]")).toHaveText(/Жауап берілді/);
  await expect(page.getByTestId("next-step")).toContainText("бас тарту себебі");
  // Closed: the outcome and its date, no pending due date.
  await expect(receipt.getByText("Нәтижесі", { exact: true })).toBeVisible();
  await expect(receipt.getByText("Жабылған күні", { exact: true })).toBeVisible();
  await expect(receipt.getByText("Жауап беру мерзімі", { exact: true })).toHaveCount(0);
  const denial = page.getByRole("region", { name: "Неліктен бас тарттық" });
  await expect(denial.getByTestId("denial-reason")).toHaveText("Сұраудағы мәліметтерге сәйкес келетін дербес деректер табылмады.");
  await expect(denial).toContainText("Бұл мекенжаймен тіркелген есептік жазба табылмады.");
  await expect(denial).toContainText("№ 94-V Қазақстан Республикасының Заңы");
  await expect(denial.getByTestId("denial-complain")).toContainText("Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне");
  // The denial e-mail says "reply to disagree": the page takes a reply too.
  await expect(page.getByRole("button", { name: "Хабарламаны жіберу" })).toBeVisible();
  // The file picker speaks Kazakh, not the browser's "Choose Files / No file chosen".
  await expect(page.getByText("Файлдарды таңдау", { exact: true })).toBeVisible();
  await expect(page.getByTestId("attachments-selection")).toHaveText("Файл таңдалмаған");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath("status-kk-360-denied.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  // Printed, the page is the receipt alone: reference, type and dates, nothing around it.
  await expect(receipt).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(page.getByRole("button", { name: "Хабарламаны жіберу" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("status-kk-receipt-print.png"), fullPage: true });
});

test("a wrong status link answers 404 with a page in Russian that leads to a new link", async ({ page }, testInfo) => {
  const response = await page.goto(`/ru/r/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ссылка не работает");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath("status-bad-link-ru.png"), fullPage: true });
  await page.getByRole("link", { name: "Получить новую ссылку" }).click();
  await expect(page).toHaveURL(/\/ru\/requests\/find$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Потеряли ссылку на свой запрос?");
});
