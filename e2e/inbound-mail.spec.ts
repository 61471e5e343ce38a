import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { postInboundEmail, rawEmail } from "./support/inbound";
import { uniqueEmail } from "./support/mailbox";
import { searchQueue, signInAs } from "./support/staff";

/** The words of each language the spec reads, all from the dashboard's catalogues. */
const WORDS = {
  en: {
    staffMenu: "Staff menu",
    mailLink: /^Mail \(\d+\)$/,
    mailTitle: "Support mail",
    unmatched: "Unmatched",
    attached: "Attached by staff",
    dismissed: "Dismissed",
    reference: "Request reference",
    note: "Note for colleagues (optional)",
    attach: "Attach",
    attachedTo: (reference: string) => `Attached to ${reference}.`,
    unknownReference: "No confirmed request has this reference. Check the number, for example DSR-2026-000123.",
    reason: "Reason",
    dismiss: "Dismiss",
    required: "Please fill in this field.",
    dismissedNotice: "E-mail dismissed.",
    openRequest: (reference: string) => `Open ${reference}`,
    requestTitle: (reference: string) => `Request ${reference}`,
    byEmail: "by e-mail",
    fromOther: (address: string) => `from another address: ${address}`,
    showFull: "Show the full e-mail",
  },
  ru: {
    staffMenu: "Меню сотрудника",
    mailLink: /^Почта \(\d+\)$/,
    mailTitle: "Почта поддержки",
    unmatched: "Не сопоставлено",
    attached: "Привязано сотрудником",
    dismissed: "Отклонено",
    reference: "Номер запроса",
    note: "Заметка для коллег (необязательно)",
    attach: "Привязать",
    attachedTo: (reference: string) => `Привязано к ${reference}.`,
    unknownReference: "Подтверждённого запроса с таким номером нет. Проверьте номер, например DSR-2026-000123.",
    reason: "Причина",
    dismiss: "Отклонить",
    required: "Заполните это поле.",
    dismissedNotice: "Письмо отклонено.",
    openRequest: (reference: string) => `Открыть ${reference}`,
    requestTitle: (reference: string) => `Запрос ${reference}`,
    byEmail: "по электронной почте",
    fromOther: (address: string) => `с другого адреса: ${address}`,
    showFull: "Показать письмо целиком",
  },
} as const;

type Locale = keyof typeof WORDS;

/** A message from an address no request knows, without a reference or a thread: no rule can match it. */
async function sendUnmatchedEmail(page: Page, label: string) {
  const from = uniqueEmail(label);
  const subject = `${label} ${Date.now().toString(36)}`;
  const body = `${label}: please add this to my request. ${Math.random().toString(36).slice(2, 8)}`;
  const raw = rawEmail(
    {
      From: `Dana Sultan <${from}>`,
      To: "info@smart-lift.kz",
      Subject: subject,
      "Message-ID": `<${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@mail.example.org>`,
      Date: new Date().toUTCString(),
    },
    `${body}\r\n\r\nOn Mon, 23 Nov 2026, Support <info@smart-lift.kz> wrote:\r\n> An older message quoted below.\r\n`,
  );
  const response = await postInboundEmail(page.request, raw);
  expect(response.status()).toBe(202);
  expect(await response.json()).toMatchObject({ status: "unmatched", duplicate: false });
  return { from, subject, body };
}

/** The reference of one of the demo requests, read from the queue the way a person would find it. */
async function demoReference(page: Page, locale: Locale): Promise<string> {
  await page.goto(`/${locale}/dashboard`);
  await searchQueue(page, "ivan@example.kz");
  const link = page.getByRole("table").getByRole("link", { name: /^DSR-\d{4}-\d{6}$/ }).first();
  await expect(link).toBeVisible();
  return (await link.textContent())!.trim();
}

for (const locale of ["en", "ru"] as const) {
  const w = WORDS[locale];

  test(`an agent attaches an unmatched e-mail to a request by its reference, and dismisses another (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "agent", locale);
    const reference = await demoReference(page, locale);
    const email = await sendUnmatchedEmail(page, `unmatched-${locale}`);
    const junk = await sendUnmatchedEmail(page, `junk-${locale}`);

    // The menu shows how many e-mails wait; the list shows them, newest first.
    await page.goto(`/${locale}/dashboard`);
    await page.getByRole("navigation", { name: w.staffMenu }).getByRole("link", { name: w.mailLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.mailTitle);
    const table = page.getByRole("table", { name: w.mailTitle });
    const row = table.getByRole("row").filter({ hasText: email.subject });
    await expect(row).toContainText(email.from);
    await expect(row).toContainText(w.unmatched);
    await expectNoAxeViolations(page);

    await row.getByRole("link", { name: email.subject }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(email.subject);
    await expect(page.getByTestId("inbound-status")).toContainText(w.unmatched);
    await expect(page.getByTestId("inbound-visible-text")).toContainText(email.body);
    await expectNoAxeViolations(page);

    // A reference no request has: the error is next to the field, and what was typed stays.
    const referenceField = page.getByLabel(w.reference, { exact: true });
    await referenceField.fill("DSR-1999-000001");
    await page.getByLabel(w.note, { exact: true }).fill("Same requester, work address");
    await page.getByRole("button", { name: w.attach, exact: true }).click();
    await expect(page.getByText(w.unknownReference)).toBeVisible();
    await expect(referenceField).toHaveValue("DSR-1999-000001");
    await expect(referenceField).toHaveAttribute("aria-invalid", "true");

    // The reference as people type it: lower case, without "DSR-".
    await referenceField.fill(reference.toLowerCase().replace(/^dsr-/, ""));
    await page.getByRole("button", { name: w.attach, exact: true }).click();
    // Confirmed by a toast; the forms are gone with the work, so focus is on the actions' heading.
    await expect(page.getByRole("alertdialog", { name: w.attachedTo(reference) })).toBeVisible();
    await expect(page.locator("#mail-actions-title")).toBeFocused();
    await expect(page.getByTestId("inbound-status")).toContainText(w.attached);

    // The e-mail is now the requester's message on the request, marked as such.
    await page.getByRole("link", { name: w.openRequest(reference) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.requestTitle(reference));
    const message = page.locator("article[data-direction=inbound]").filter({ hasText: email.body });
    await expect(message).toContainText(w.byEmail);
    await expect(message).toContainText(w.fromOther(email.from));
    // Only the new part is the message; the quoted history waits, folded, in the full e-mail.
    const quoted = message.getByText("> An older message quoted below.");
    await expect(quoted).toBeHidden();
    await message.getByText(w.showFull).click();
    await expect(quoted).toBeVisible();
    await expectNoAxeViolations(page);

    // The other one is set aside, with a reason (required).
    await page.goto(`/${locale}/dashboard/mail`);
    await page.getByRole("link", { name: junk.subject }).click();
    await page.getByRole("button", { name: w.dismiss, exact: true }).click();
    await expect(page.getByText(w.required)).toBeVisible();
    await page.getByLabel(w.reason, { exact: true }).fill("Newsletter");
    await page.getByRole("button", { name: w.dismiss, exact: true }).click();
    await expect(page.getByRole("alertdialog", { name: w.dismissedNotice })).toBeVisible();
    await expect(page.getByTestId("inbound-status")).toContainText(w.dismissed);
    await page.goto(`/${locale}/dashboard/mail`);
    await expect(page.getByRole("main")).not.toContainText(junk.subject);
    await expect(page.getByRole("main")).not.toContainText(email.subject);
  });
}

test("compliance reads the mail but cannot act on it", async ({ page }) => {
  const email = await sendUnmatchedEmail(page, "compliance-read");
  await signInAs(page, "compliance", "en");
  await page.goto("/en/dashboard/mail");
  await page.getByRole("link", { name: email.subject }).click();
  await expect(page.getByTestId("inbound-visible-text")).toContainText(email.body);
  await expect(page.getByText("Your role can read this e-mail but not act on it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Attach", exact: true })).toHaveCount(0);
});
