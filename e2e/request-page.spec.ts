import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pdfFile } from "./support/files";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import { fileAccessRequest } from "./support/requests";
import { demoLogins, submitSignIn } from "./support/staff";

/** The demo support agent the server created on its empty database (DEMO_DATA=true). */
const demoLogin = () => demoLogins().agent;

async function signInAsDemoAgent(page: Page) {
  await page.goto("/ru/staff/sign-in?callbackUrl=/ru/dashboard");
  await submitSignIn(page, demoLogin(), "ru");
  await page.waitForURL((url) => url.pathname === "/ru/dashboard");
}

test("staff work an access request from the queue to a delivered data package @smoke", async ({ page }) => {
  test.setTimeout(90_000);
  const requester = uniqueEmail("staff-page");
  const { requestId, reference } = await fileAccessRequest(page, requester);

  await signInAsDemoAgent(page);
  // The queue links each reference to its request page; fall back to the address if this build's queue does not yet.
  const link = page.getByRole("link", { name: reference });
  if ((await link.count()) > 0) await link.first().click();
  else await page.goto(`/ru/dashboard/requests/${requestId}`);
  await expect(page).toHaveURL(new RegExp(`/ru/dashboard/requests/${requestId}$`));
  const requestPage = page.url();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Запрос ${reference}`);
  const status = page.getByTestId("staff-request-status");
  await expect(status).toContainText("Новый");
  await expect(page.getByRole("region", { name: "Заявитель", exact: true })).toContainText(requester);
  // Time left and the rule it comes from.
  await expect(page.getByTestId("time-left")).toHaveText(/Остал(ось|ся) \d+/);
  await expect(page.getByTestId("deadline-rule")).toContainText("kz-access-2026");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Взять себе" }).click();
  await expect(page.getByTestId("assignee")).toHaveText("Demo Agent (сотрудник поддержки)");

  // A new request offers the next step, "start", and nothing that answers it yet.
  await expect(page.getByRole("button", { name: "Выполнить запрос" })).toHaveCount(0);
  await page.getByRole("button", { name: "Начать работу" }).click();
  await expect(status).toContainText("В работе");
  // Confirmed by a toast; focus goes to the next step, the button that did it being gone.
  await expect(page.getByRole("alertdialog", { name: "Работа начата." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Выполнить запрос" })).toBeFocused();
  // Only what the lifecycle allows from "in progress" is offered: completing first, the rest in the menu.
  await expect(page.getByRole("button", { name: "Начать работу" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Выполнить запрос" })).toBeVisible();
  await page.getByRole("button", { name: "Другие действия" }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Запросить сведения у заявителя", "Приостановить", "Отказать"]);
  await page.keyboard.press("Escape");

  // An internal note, from the composer's second tab.
  await page.getByRole("tab", { name: "Внутренняя заметка" }).click();
  await page.getByLabel("Заметка", { exact: true }).fill("Проверить выгрузку из CRM <b>до пятницы</b>");
  await page.getByRole("button", { name: "Добавить заметку" }).click();
  const note = page.locator("article[data-direction=internal]").filter({ hasText: "Проверить выгрузку из CRM" });
  await expect(note).toContainText("Внутренняя заметка — заявитель её не видит");
  await expect(note).toContainText("Проверить выгрузку из CRM <b>до пятницы</b>");

  await page.getByRole("button", { name: "Другие действия" }).click();
  await page.getByRole("menuitem", { name: "Запросить сведения у заявителя" }).click();
  const ask = page.getByRole("dialog", { name: "Запросить сведения у заявителя" });
  await ask.getByLabel("Сообщение заявителю", { exact: true }).fill("Уточните, пожалуйста, за какой период нужны данные.");
  await ask.getByRole("button", { name: "Отправить и ждать ответа" }).click();
  await expect(ask).toHaveCount(0);
  await expect(status).toContainText("Ждём заявителя");
  await expect(page.locator("article[data-direction=outbound]")).toContainText("Уточните, пожалуйста, за какой период нужны данные.");
  const asked = await readLatestEmail(page, requester, /Нужны дополнительные сведения/);
  expect(asked.subject).toContain(reference);
  expect(asked.text).toContain("Уточните, пожалуйста, за какой период нужны данные.");

  await page.goto(requestPage);
  await page.getByRole("button", { name: "Выполнить запрос" }).click();
  const complete = page.getByRole("dialog", { name: "Выполнить запрос" });
  await complete.getByLabel("Пакет данных").and(page.locator("input[type=file]")).setInputFiles(pdfFile("выгрузка.pdf"));
  await expect(complete.getByRole("button", { name: "Убрать выгрузка.pdf" })).toBeVisible();
  await complete.getByRole("button", { name: "Выполнить запрос" }).click();
  await expect(status).toContainText("Выполнен");
  await page.getByTestId("files").getByText("Файлы").click();
  await expect(page.getByTestId("files")).toContainText("Пакет данных (передан)");

  // The requester opens their status page from the acknowledgement e-mail and downloads the package.
  const ack = await readLatestEmail(page, requester, /Запрос принят/);
  const statusLink = /https?:\/\/\S+\/ru\/r\/[A-Za-z0-9_-]{43}/.exec(ack.text)?.[0];
  expect(statusLink, ack.text).toBeTruthy();
  await page.goto(new URL(statusLink!).pathname);
  await expect(page.getByTestId("request-status")).toContainText("Выполнен");
  await expect(page.getByRole("main")).not.toContainText("Проверить выгрузку из CRM");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать выгрузка.pdf" }).click();
  expect((await downloading).suggestedFilename()).toBe("выгрузка.pdf");
});
