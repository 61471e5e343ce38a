import { expect, type Page } from "@playwright/test";
import { readVerificationCode } from "./mailbox";

/** A requester files an access request in Russian and confirms it; returns its id (from the verify URL) and reference. */
export async function fileAccessRequest(page: Page, email: string): Promise<{ requestId: string; reference: string }> {
  await page.goto("/ru/requests/new/access");
  await page.getByLabel("Данные об устройстве").check();
  await page.getByLabel("Таблица CSV").check();
  await page.getByLabel("Имя и фамилия").fill("Айгерим Серікқызы");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel("Я согласен(на) на обработку указанных данных для рассмотрения этого запроса.").check();
  await page.getByRole("button", { name: "Отправить запрос" }).click();
  await expect(page).toHaveURL(/\/ru\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel("Код из письма").fill(code);
  await page.getByRole("button", { name: "Подтвердить", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Запрос DSR-\d{4}-\d{6}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Запрос ", "").trim();
  return { requestId, reference };
}
