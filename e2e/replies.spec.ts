import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import enDashboard from "../lib/i18n/messages/en/dashboard.json";
import enReplies from "../lib/i18n/messages/en/replies.json";
import { pdfFile } from "./support/files";
import { fileAccessRequest } from "./support/requests";
import { demoLogins, signInAs, submitSignIn } from "./support/staff";

async function signInAsDemoAdmin(page: Page, returnTo: string) {
  await page.goto(`/ru/staff/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await submitSignIn(page, demoLogins().admin, "ru");
  // The sign-in URL itself carries ?callbackUrl=…: wait until the path is the page we came for.
  await page.waitForURL((url) => url.pathname + url.search === returnTo);
}

test("staff answer from a template, the requester answers back, and a reply written before that is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const requesterEmail = uniqueEmail("reply");
  const { reference } = await fileAccessRequest(page, requesterEmail);
  const escapedRef = reference.replace(/-/g, "\\-");

  // The requester's private link, from the acknowledgement in the development mailbox.
  const ack = await readLatestEmail(page, requesterEmail, new RegExp(`Запрос принят \\[${escapedRef}\\]`));
  const statusPath = /\/ru\/r\/[A-Za-z0-9_-]{43}/.exec(ack.text)?.[0];
  expect(statusPath, `a status link in: ${ack.text}`).toBeTruthy();

  // The demo admin finds the request in the queue and opens it by its reference.
  const staff = await browser.newContext();
  const firstTab = await staff.newPage();
  await signInAsDemoAdmin(firstTab, "/ru/dashboard");
  await firstTab.goto(`/ru/dashboard?q=${encodeURIComponent(reference)}`);
  await firstTab.getByRole("link", { name: reference, exact: true }).click();
  await expect(firstTab).toHaveURL(/\/ru\/dashboard\/requests\/[0-9a-f-]{36}$/);
  const requestUrl = firstTab.url();

  // A template in the requester's language, filled with the request's details.
  const composer = firstTab.getByRole("region", { name: "Ответ заявителю" });
  await expect(composer).toContainText("Язык заявителя: Русский");
  await composer.getByLabel("Шаблон", { exact: true }).selectOption({ label: "Запрос в работе" });
  await expect(composer.getByLabel("Тема письма", { exact: true })).toHaveValue("Мы работаем над вашим запросом");
  const body = composer.getByLabel("Текст ответа", { exact: true });
  await expect(body).toHaveValue(new RegExp(`\\(${escapedRef}\\)`));
  expect(await body.inputValue()).not.toContain("{{");
  await expectNoAxeViolations(firstTab);
  await composer.getByRole("button", { name: "Отправить ответ" }).click();
  // Confirmed by a toast; focus is back in the emptied text for the next message.
  await expect(firstTab.getByRole("alertdialog", { name: "Ответ отправлен: письмо заявителю поставлено в очередь." })).toBeVisible();
  await expect(body).toHaveValue("");
  await expect(body).toBeFocused();

  // The e-mail carries the reference in its subject.
  const reply = await readLatestEmail(page, requesterEmail, new RegExp(`Мы работаем над вашим запросом \\[${escapedRef}\\]`));
  expect(reply.subject).toBe(`Мы работаем над вашим запросом [${reference}]`);
  expect(reply.text).toContain("уже работаем над ним");

  // The requester sees the reply on their status page.
  await page.goto(statusPath!);
  await expect(page.getByRole("article").filter({ hasText: "уже работаем над ним" })).toContainText("Служба поддержки");

  // A second tab opens the request after that reply and starts writing...
  const secondTab = await staff.newPage();
  await secondTab.goto(requestUrl);
  const second = secondTab.getByRole("region", { name: "Ответ заявителю" });
  await second.getByLabel("Текст ответа", { exact: true }).fill("Уточняем детали, ответим завтра.");

  // ...while the requester answers.
  await page.getByLabel("Сообщение", { exact: true }).fill("Спасибо! Данные нужны за 2025 год.");
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await expect(page.getByRole("status")).toHaveText("Сообщение отправлено.");

  // Sending now would ignore the requester's answer: refused, the answer shown, the draft kept.
  await second.getByRole("button", { name: "Отправить ответ" }).click();
  const refusal = second.getByRole("alert");
  await expect(refusal).toContainText("Пока вы писали, в запросе появились новые сообщения");
  await expect(refusal).toContainText("Заявитель");
  await expect(refusal).toContainText("Спасибо! Данные нужны за 2025 год.");
  await expect(second.getByLabel("Текст ответа", { exact: true })).toHaveValue("Уточняем детали, ответим завтра.");
  await expectNoAxeViolations(secondTab);

  // Having read it, the second tab sends the same draft.
  await second.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(secondTab.getByRole("alertdialog", { name: "Ответ отправлен: письмо заявителю поставлено в очередь." })).toBeVisible();

  // The first tab never saw the requester's answer nor the second reply: refused with both.
  await firstTab.bringToFront();
  await composer.getByLabel("Текст ответа", { exact: true }).fill("Ещё один ответ.");
  await composer.getByRole("button", { name: "Отправить ответ" }).click();
  const firstRefusal = composer.getByRole("alert");
  await expect(firstRefusal).toContainText("Спасибо! Данные нужны за 2025 год.");
  await expect(firstRefusal).toContainText("Уточняем детали, ответим завтра.");
  await expect(firstRefusal).toContainText("Сотрудник: Demo Admin");
  await expect(composer.getByLabel("Текст ответа", { exact: true })).toHaveValue("Ещё один ответ.");

  // The second reply (no subject of its own) answers in the thread: "Re:" the first one's subject, threaded under it.
  await readLatestEmail(page, requesterEmail, new RegExp(`Re: Мы работаем над вашим запросом \\[${escapedRef}\\]`));
  const headers = page.getByRole("region", { name: "Headers" });
  await expect(headers).toContainText("In-Reply-To");
  await expect(headers).toContainText("References");
  await expect(page.getByTestId("email-text")).toContainText("Уточняем детали, ответим завтра.");

  // The requester sees both replies.
  await page.goto(statusPath!);
  await expect(page.getByRole("article").filter({ hasText: "Уточняем детали, ответим завтра." })).toContainText("Служба поддержки");
  await staff.close();
});

test("an admin writes a template, is stopped by an unknown variable, and previews it on a request", async ({ page }) => {
  await signInAsDemoAdmin(page, "/ru/dashboard/templates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Шаблоны ответов");
  await page.getByRole("navigation", { name: "Язык шаблонов" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("table", { name: "Шаблоны ответов: English" })).toContainText("Request in progress");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Новый шаблон" }).click();
  await expect(page.getByRole("combobox", { name: "Язык", exact: true })).toHaveValue("en");
  await page.getByLabel("Ключ", { exact: true }).fill("extension_notice");
  await page.getByLabel("Название", { exact: true }).fill("Extension notice");
  await page.getByLabel("Тема письма", { exact: true }).fill("We need a little more time");
  await page.getByLabel("Текст", { exact: true }).fill("Request {{request.ref}} will be answered by {{request.due}}.");
  await page.getByRole("button", { name: "Сохранить шаблон" }).click();
  await expect(page.getByText("Неизвестные переменные: {{request.due}}. Можно использовать только переменные из списка.")).toBeVisible();

  await page.getByLabel("Текст", { exact: true }).fill("Request {{request.ref}} will be answered by {{request.dueAt}}.");
  await page.getByRole("button", { name: "Сохранить шаблон" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Изменение шаблона «Extension notice»" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Шаблон сохранён.");
  await expect(page.getByRole("table", { name: "Шаблоны ответов: English" })).toContainText("extension_notice");

  // Preview on one of the (demo) requests: its reference and due date, in English.
  await page.getByLabel("Запрос для примера").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Показать предпросмотр" }).click();
  const preview = page.getByTestId("template-preview");
  await expect(preview).toContainText(/С данными запроса DSR-\d{4}-\d{6}\./);
  await expect(preview).toContainText(/Request DSR-\d{4}-\d{6} will be answered by .+\./);
  await expect(preview).not.toContainText("{{");
  await expectNoAxeViolations(page);
});

test("a reply with a file, sent without JavaScript, shows the file on the thread and the e-mail carries it (en)", async ({ page, browser }) => {
  const w = enReplies.replies.composer;
  const requesterEmail = uniqueEmail("plain-reply");
  const { reference } = await fileAccessRequest(page, requesterEmail, "en");
  await signInAs(page, "agent", "en");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await page.context().cookies());
  const plain = await context.newPage();
  await plain.goto(`/en/dashboard?q=${encodeURIComponent(reference)}`);
  await plain.getByRole("link", { name: reference, exact: true }).click();

  // The browser posts the form itself (multipart): the text and the file input's file.
  const composer = plain.getByRole("region", { name: w.title });
  await composer.getByLabel(w.body, { exact: true }).fill("Here is the summary you asked for.");
  await composer.getByLabel(w.attachments).and(plain.locator("input[type=file]")).setInputFiles(pdfFile("summary.pdf"));
  await composer.getByRole("button", { name: w.send }).click();
  // Without a script the answer is the page itself, with the notice in it.
  await expect(composer.getByRole("status")).toHaveText(w.sent);
  const reply = plain.locator("article[data-direction=outbound]").filter({ hasText: "Here is the summary you asked for." });
  await expect(reply.getByRole("link", { name: enDashboard.dashboard.files.download.replace("{filename}", "summary.pdf") })).toBeVisible();
  await context.close();

  // The e-mail to the requester carries the file (the development mailbox lists what the mail sends).
  await readLatestEmail(page, requesterEmail, /^Reply to your request/);
  await expect(page.getByTestId("email-attachments")).toContainText("summary.pdf (application/pdf");
});
