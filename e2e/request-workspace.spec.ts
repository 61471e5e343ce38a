import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pdfFile } from "./support/files";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import { fileAccessRequest } from "./support/requests";
import { signInAs } from "./support/staff";

/** What the request page says, in the two languages the agent works in here. */
const WORDS = {
  ru: {
    title: (reference: string) => `Запрос ${reference}`,
    status: { new: "Новый", inProgress: "В работе", awaiting: "Ждём заявителя", completed: "Выполнен", denied: "Отказано" },
    start: "Начать работу",
    started: "Работа начата.",
    complete: "Выполнить запрос",
    completeSubmit: "Выполнить запрос",
    decline: "Отказать",
    declineSubmit: "Отказать в запросе",
    ask: "Запросить сведения у заявителя",
    askSubmit: "Отправить и ждать ответа",
    more: "Другие действия",
    assignee: "Исполнитель",
    me: "Demo Agent (сотрудник поддержки)",
    assigned: "Исполнитель сохранён.",
    template: "Шаблон",
    templateName: "Запрос в работе",
    send: "Отправить ответ",
    sent: "Ответ отправлен: письмо заявителю поставлено в очередь.",
    composer: "Ответ заявителю",
    message: "Сообщение заявителю",
    reason: "Причина",
    noMatch: "Соответствующих данных нет",
    explanation: "Пояснение для заявителя",
    package: "Пакет данных",
    replySubject: "Мы работаем над вашим запросом",
    delivery: "Письмо:",
  },
  en: {
    title: (reference: string) => `Request ${reference}`,
    status: { new: "New", inProgress: "In progress", awaiting: "Awaiting requester", completed: "Completed", denied: "Declined" },
    start: "Start work",
    started: "Work started.",
    complete: "Complete the request",
    completeSubmit: "Complete request",
    decline: "Decline the request",
    declineSubmit: "Decline request",
    ask: "Ask the requester for information",
    askSubmit: "Send and wait for a reply",
    more: "More actions",
    assignee: "Assignee",
    me: "Demo Agent (support agent)",
    assigned: "Assignment saved.",
    template: "Template",
    templateName: "Request in progress",
    send: "Send reply",
    sent: "Reply sent: the email to the requester is queued.",
    composer: "Reply to the requester",
    message: "Message to the requester",
    reason: "Reason",
    noMatch: "No matching personal data",
    explanation: "Explanation for the requester",
    package: "Data package",
    replySubject: "We are working on your request",
    delivery: "Email:",
  },
} as const;

/** The page never scrolls sideways: nothing is wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page, `page ${widths.page} px wide in a ${widths.window} px window`).toBeLessThanOrEqual(widths.window);
}

async function openFromQueue(page: Page, locale: "ru" | "en", reference: string) {
  await page.goto(`/${locale}/dashboard?q=${encodeURIComponent(reference)}`);
  await page.getByRole("link", { name: reference, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/requests/[0-9a-f-]{36}$`));
}

for (const locale of ["ru", "en"] as const) {
  const w = WORDS[locale];

  test(`an agent works two requests from the request page (${locale}): assign, start, reply from a template, ask, decline; complete another with a package`, async ({ page, browser }, testInfo) => {
    test.setTimeout(240_000);
    const first = uniqueEmail(`workspace-a-${locale}`);
    const second = uniqueEmail(`workspace-b-${locale}`);
    const a = await fileAccessRequest(page, first, locale);
    const b = await fileAccessRequest(page, second, locale);

    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const agent = await staff.newPage();
    await signInAs(agent, "agent", locale);
    await openFromQueue(agent, locale, a.reference);
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText(w.title(a.reference));
    const status = agent.getByTestId("staff-request-status");
    await expect(status).toContainText(w.status.new);

    // A new request offers its next step, "start", and nothing that answers it: no complete, no decline,
    // and (Kazakhstan's access rule allows no extension) no menu at all.
    const main = agent.getByRole("main");
    await expect(main.getByRole("button", { name: w.start })).toBeVisible();
    await expect(main.getByRole("button", { name: w.complete })).toHaveCount(0);
    await expect(main.getByRole("button", { name: w.more })).toHaveCount(0);
    await expect(main.getByRole("menuitem", { name: w.decline })).toHaveCount(0);
    await expectNoSidewaysScroll(agent);
    await agent.screenshot({ path: testInfo.outputPath(`request-new-${locale}-1280.png`), fullPage: true });
    await expectNoAxeViolations(agent);

    // The assignee picker shows the new assignee at once, without a reload, and the server kept it.
    const assignee = agent.getByRole("region", { name: w.assignee });
    await assignee.getByRole("button").first().click();
    await agent.getByRole("option", { name: w.me }).click();
    await expect(agent.getByTestId("assignee")).toHaveText(w.me);
    // Confirmed by a toast; focus stays on the picker.
    await expect(agent.getByRole("alertdialog", { name: w.assigned })).toBeVisible();
    await expect(agent.getByTestId("assignee")).toHaveText(w.me);

    await agent.getByRole("button", { name: w.start }).click();
    await expect(status).toContainText(w.status.inProgress);
    // Confirmed by a toast; the button that did it is gone, so focus is on the next step, not lost.
    await expect(agent.getByRole("alertdialog", { name: w.started })).toBeVisible();
    await expect(agent.getByRole("button", { name: w.complete })).toBeFocused();

    // A reply from a template, right under the thread; it joins the thread with its delivery state.
    const composer = agent.getByRole("region", { name: w.composer });
    await composer.getByLabel(w.template, { exact: true }).selectOption({ label: w.templateName });
    await composer.getByRole("button", { name: w.send }).click();
    await expect(agent.getByRole("alertdialog", { name: w.sent })).toBeVisible();
    const reply = agent.locator("article[data-direction=outbound]").last();
    await expect(reply).toContainText(a.reference);
    await expect(reply.getByTestId("delivery")).toContainText(w.delivery);
    expect((await readLatestEmail(page, first, new RegExp(w.replySubject))).subject).toBe(`${w.replySubject} [${a.reference}]`);

    // Asking the requester opens a dialog; the request then waits for them.
    await agent.getByRole("button", { name: w.more }).click();
    await agent.getByRole("menuitem", { name: w.ask }).click();
    const ask = agent.getByRole("dialog", { name: w.ask });
    await ask.getByLabel(w.message, { exact: true }).fill(locale === "ru" ? "Уточните, пожалуйста, период." : "Which period do you need the data for?");
    await expectNoAxeViolations(agent);
    await ask.getByRole("button", { name: w.askSubmit }).click();
    await expect(ask).toHaveCount(0);
    await expect(status).toContainText(w.status.awaiting);

    // Declining needs a reason and an explanation, in a dialog.
    await agent.getByRole("button", { name: w.more }).click();
    await agent.getByRole("menuitem", { name: w.decline }).click();
    const deny = agent.getByRole("dialog", { name: w.decline });
    await deny.getByRole("button", { name: w.declineSubmit }).click();
    await expect(deny).toBeVisible();
    await deny.getByLabel(w.reason, { exact: true }).selectOption({ label: w.noMatch });
    await deny.getByLabel(w.explanation).fill(locale === "ru" ? "Учётной записи с этим адресом нет." : "There is no account with this address.");
    await deny.getByRole("button", { name: w.declineSubmit }).click();
    await expect(deny).toHaveCount(0);
    await expect(status).toContainText(w.status.denied);
    await expect(agent.getByRole("button", { name: w.complete })).toHaveCount(0);

    // At 360 px: one column, nothing sideways.
    await agent.setViewportSize({ width: 360, height: 800 });
    await agent.reload();
    await expect(status).toContainText(w.status.denied);
    await expectNoSidewaysScroll(agent);
    await agent.screenshot({ path: testInfo.outputPath(`request-denied-${locale}-360.png`), fullPage: true });
    await expectNoAxeViolations(agent);

    // The other request, at 360 px: started, then completed with a data package.
    await openFromQueue(agent, locale, b.reference);
    await agent.getByRole("button", { name: w.start }).click();
    await expect(status).toContainText(w.status.inProgress);
    await agent.getByRole("button", { name: w.complete }).click();
    const complete = agent.getByRole("dialog", { name: w.complete });
    await complete.getByLabel(w.package).and(agent.locator("input[type=file]")).setInputFiles(pdfFile("package.pdf"));
    await expectNoSidewaysScroll(agent);
    await agent.screenshot({ path: testInfo.outputPath(`request-complete-dialog-${locale}-360.png`), fullPage: true });
    await complete.getByRole("button", { name: w.completeSubmit }).click();
    await expect(complete).toHaveCount(0);
    await expect(status).toContainText(w.status.completed);
    await agent.setViewportSize({ width: 1280, height: 900 });
    await agent.screenshot({ path: testInfo.outputPath(`request-completed-${locale}-1280.png`), fullPage: true });
    await staff.close();
  });
}
