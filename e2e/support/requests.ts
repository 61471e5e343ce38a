import { expect, type Page } from "@playwright/test";
import { readVerificationCode } from "./mailbox";

/** What the access form and the code page say, per language the specs file requests in. */
const ACCESS_FORM = {
  ru: {
    category: "Данные об устройстве",
    format: "Таблица CSV" as string | null,
    name: ["Имя и фамилия", "Айгерим Серікқызы"],
    email: "Адрес электронной почты",
    consent: "Я согласен(на) на обработку указанных данных для рассмотрения этого запроса.",
    submit: "Отправить запрос",
    code: "Код из письма",
    confirm: "Подтвердить",
    heading: "Запрос ",
  },
  en: {
    category: "Usage data",
    format: null,
    name: ["First and last name", "Dana Sultan"],
    email: "Email address",
    consent: "I agree to the processing of the data I have provided so that this request can be handled.",
    submit: "Submit request",
    code: "Code from the email",
    confirm: "Confirm",
    heading: "Request ",
  },
} as const;

/** A requester files an access request (Russian unless told) and confirms it; returns its id (from the verify URL) and reference. */
export async function fileAccessRequest(page: Page, email: string, locale: keyof typeof ACCESS_FORM = "ru"): Promise<{ requestId: string; reference: string }> {
  const form = ACCESS_FORM[locale];
  await page.goto(`/${locale}/requests/new/access`);
  await page.getByLabel(form.category, { exact: false }).first().check();
  if (form.format) await page.getByLabel(form.format).check();
  // Exact: without JavaScript the on-behalf part is in the page too ("First and last name of the person …").
  await page.getByLabel(form.name[0], { exact: true }).fill(form.name[1]);
  await page.getByLabel(form.email).fill(email);
  await page.getByLabel(form.consent).check();
  await page.getByRole("button", { name: form.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/requests/[0-9a-f-]{36}/verify$`));
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel(form.code).fill(code);
  await page.getByRole("button", { name: form.confirm, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${form.heading}DSR-\\d{4}-\\d{6}$`));
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(form.heading, "").trim();
  return { requestId, reference };
}
