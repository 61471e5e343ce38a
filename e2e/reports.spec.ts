import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/staff";

/** Clicks the CSV link and returns the file's name and text (BOM included). */
async function downloadCsv(page: Page, linkName: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const download = await downloading;
  return { filename: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
}

const thisYear = String(new Date().getFullYear());
const lastYear = String(new Date().getFullYear() - 1);

test("a compliance officer reads the reports and downloads the CCPA table, in English", async ({ page }) => {
  await signInAs(page, "compliance", "en");
  await page.getByRole("navigation", { name: "Staff menu" }).getByRole("link", { name: "Reports" }).click();
  await page.waitForURL((url) => url.pathname === "/en/dashboard/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports");

  // The demo requests were received this month: the last twelve months count them.
  const summary = page.getByRole("region", { name: /^Summary:/ });
  await expect(summary.getByText("Requests received")).toBeVisible();
  await expect(summary.getByText("Open now")).toBeVisible();
  await expect(summary.getByText("Overdue now")).toBeVisible();

  // The chart is one image with a summary, and its figures are also a table.
  const chart = page.getByRole("img", { name: /^Bar chart of requests received per month by type/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(/in all; the busiest month was/);
  await page.getByText("Show the figures as a table").click();
  await expect(page.getByRole("table", { name: /^Requests received per month by type/ })).toBeVisible();

  // The CCPA §7102 table defaults to the previous calendar year and has a caption.
  const ccpa = page.getByRole("region", { name: "CCPA §7102 metrics" });
  await expect(ccpa.getByRole("table", { name: `CCPA §7102 metrics for ${lastYear}, all requests` })).toBeVisible();
  await expect(ccpa.getByRole("columnheader", { name: "Complied with in whole or in part" })).toBeVisible();

  // This year's table counts the demo requests; the download carries the same year.
  const ccpaForm = page.getByRole("form", { name: "CCPA report year" });
  await ccpaForm.getByLabel("Calendar year").selectOption(thisYear);
  await ccpaForm.getByRole("button", { name: "Show" }).click();
  const table = ccpa.getByRole("table", { name: `CCPA §7102 metrics for ${thisYear}, all requests` });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row", { name: /^Requests to know/ }).getByRole("cell").first()).not.toHaveText("0");
  await expectNoAxeViolations(page);

  const { filename, text } = await downloadCsv(page, "Download CSV");
  expect(filename).toBe(`ccpa-7102-${thisYear}-all-requests.csv`);
  expect(text.startsWith("\uFEFFRequest type,Received,Complied with in whole or in part,Declined,Median days to respond\r\n")).toBe(true);
  expect(text).toMatch(/\r\nRequests to know,[1-9]\d*,\d+,\d+,(\d+\.\d)?\r\n/);
});

test("the reports speak Russian too, down to the CSV headers", async ({ page }) => {
  await signInAs(page, "compliance", "ru");
  await page.goto("/ru/dashboard/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Отчёты");
  await expect(page.getByRole("img", { name: /^Столбчатая диаграмма полученных запросов по месяцам и видам/ })).toBeVisible();
  await expect(page.getByRole("table", { name: `Показатели CCPA §7102 за ${lastYear} год: все запросы` })).toBeVisible();
  await expectNoAxeViolations(page);

  const { filename, text } = await downloadCsv(page, "Скачать CSV");
  expect(filename).toBe(`ccpa-7102-${lastYear}-all-requests.csv`);
  expect(text.startsWith("\uFEFFВид запроса,Получено,Выполнено полностью или частично,Отказано,Медиана дней до ответа\r\n")).toBe(true);
  expect(text).toContain("\r\nЗапросы на удаление,");
});

test("a support agent may neither open the reports nor download the CCPA table", async ({ page }) => {
  await signInAs(page, "agent", "en");
  const response = await page.goto("/en/dashboard/reports");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("img", { name: /Bar chart/ })).toHaveCount(0);

  const csv = await page.request.get(`/en/dashboard/reports/ccpa?year=${lastYear}`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).toBe("");
});

test("the CCPA download refuses a visitor without a session and a malformed year", async ({ page, request }) => {
  // Like every dashboard address, it sends a visitor without a session to the sign-in page.
  const anonymous = await request.get(`/en/dashboard/reports/ccpa?year=${lastYear}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toContain("/en/staff/sign-in");
  await signInAs(page, "compliance", "en");
  expect((await page.request.get("/en/dashboard/reports/ccpa?year=last")).status()).toBe(400);
});
