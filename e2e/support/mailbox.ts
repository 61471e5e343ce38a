import { expect, type Page } from "@playwright/test";

/** A fresh address per test, so tests never see each other's mail or rate limits. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.kz`;
}

/**
 * Opens the newest email to `to` in the development mailbox (whose subject matches, if given)
 * and returns its plain-text body — the way a person would read their inbox.
 */
export async function readLatestEmail(page: Page, to: string, subject?: RegExp): Promise<{ subject: string; text: string }> {
  const table = page.getByTestId("dev-mailbox");
  await expect(async () => {
    await page.goto(`/en/dev/mailbox?to=${encodeURIComponent(to)}`);
    const links = table.getByRole("link", subject ? { name: subject } : undefined);
    await expect(links.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const link = table.getByRole("link", subject ? { name: subject } : undefined).first();
  const title = (await link.textContent()) ?? "";
  await link.click();
  const text = (await page.getByTestId("email-text").textContent()) ?? "";
  return { subject: title.trim(), text };
}

/** The 6-digit code from the newest verification email to `to`. */
export async function readVerificationCode(page: Page, to: string): Promise<string> {
  const { text } = await readLatestEmail(page, to);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  expect(code, `a 6-digit code in: ${text}`).toBeTruthy();
  return code!;
}
