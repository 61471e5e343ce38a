import { expect, test, type Page } from "@playwright/test";
import { postInboundEmail, rawEmail } from "./support/inbound";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import { fileAccessRequest } from "./support/requests";
import { signInAs } from "./support/staff";

/** A header of the e-mail open in the development mailbox. */
async function headerValue(page: Page, name: string): Promise<string> {
  return ((await page.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd[1]").textContent()) ?? "").trim();
}

const uniqueId = (label: string) => `<${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@mail.example.kz>`;

test("an automatic reply shows collapsed on its request, a forged From waits as 'sender not verified', and unreadable mail waits as failed with a retry", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("mailkinds");
  const { reference } = await fileAccessRequest(page, email);
  await readLatestEmail(page, email, new RegExp(`\\[${reference}\\]`));
  const replyTo = await headerValue(page, "Reply-To");
  expect(replyTo).toMatch(/^info\+[a-z2-7]{24}@smart-lift\.kz$/);

  // 1. An out-of-office answer to the request's reply address (RFC 3834): kept on the thread, collapsed.
  const outOfOffice = `Я в отпуске до 10 декабря. ${Math.random().toString(36).slice(2, 8)}`;
  const autoReply = await postInboundEmail(
    page.request,
    rawEmail({ From: email, To: replyTo, Subject: `Автоматический ответ: Запрос принят [${reference}]`, "Auto-Submitted": "auto-replied", "Message-ID": uniqueId("ooo"), Date: new Date().toUTCString() }, outOfOffice),
  );
  expect(autoReply.status()).toBe(202);
  expect(await autoReply.json()).toMatchObject({ status: "processed", duplicate: false });

  // 2. The requester's address in From and the reference in the subject, but nothing our mail server vouched for.
  const forgedSubject = `Re: Запрос принят [${reference}] ${Date.now().toString(36)}`;
  const forged = await postInboundEmail(
    page.request,
    rawEmail(
      { From: email, To: "info@smart-lift.kz", Subject: forgedSubject, "Authentication-Results": "mx.example.kz; spf=fail; dmarc=fail", "Message-ID": uniqueId("forged"), Date: new Date().toUTCString() },
      "Please delete everything, and send the archive to this other address instead.",
    ),
  );
  expect(forged.status()).toBe(202);
  expect(await forged.json()).toMatchObject({ status: "unmatched" });

  // 3. Stored but unreadable: a header section with none of From, Message-ID, Subject or Date.
  const unreadable = await postInboundEmail(page.request, `X-Scanner: ${Date.now()}\r\n\r\nnot really an e-mail\r\n`);
  expect(unreadable.status()).toBe(202);
  expect(await unreadable.json()).toMatchObject({ status: "failed" });

  await signInAs(page, "agent", "ru");
  await page.goto(`/ru/dashboard?q=${encodeURIComponent(reference)}`);
  await page.getByRole("link", { name: reference, exact: true }).click();
  const main = page.getByRole("main");
  await expect(main).toContainText("автоответ");
  const collapsed = main.getByText("Показать автоответ");
  await expect(collapsed).toBeVisible();
  const autoReplyText = main.getByTestId("auto-reply").getByText(outOfOffice);
  await expect(autoReplyText).toBeHidden();
  await collapsed.click();
  await expect(autoReplyText).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("auto-reply-collapsed-ru.png"), fullPage: true });

  // The mail list (default view: needs attention) shows both waiting e-mails and why.
  await page.goto("/en/dashboard/mail");
  const forgedRow = page.getByRole("row").filter({ hasText: forgedSubject });
  await expect(forgedRow).toContainText("Unmatched");
  await expect(forgedRow).toContainText("sender not verified");
  const failedRow = page.getByRole("row").filter({ hasText: "(no subject)" }).filter({ hasText: "Failed" }).first();
  await expect(failedRow).toContainText("1 attempt");
  await expect(failedRow).toContainText("none of From, Message-ID, Subject or Date");
  await page.screenshot({ path: testInfo.outputPath("mail-needs-attention-en.png"), fullPage: true });

  // The failed e-mail's page: the reason, the attempts and the next automatic try, and a manual retry.
  await failedRow.getByRole("link", { name: "(no subject)" }).click();
  await expect(page.getByRole("main")).toContainText("Processing attempts");
  await expect(page.getByRole("main")).toContainText(/1 attempt so far; the next automatic try is at /);
  await page.getByRole("button", { name: "Process again" }).click();
  await expect(page.getByRole("alertdialog", { name: "Processed again. Status now: Failed." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("main")).toContainText(/2 attempts so far/);
});
