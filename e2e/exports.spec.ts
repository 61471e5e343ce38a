import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/staff";

// The request log's columns, in order: the file's contract with the programs that read it.
const REQUEST_LOG_HEADER =
  "reference,type,jurisdiction,channel,status,received_at,verified_at,due_at,original_due_at,extended,extended_at,extension_reason,responded_at,outcome,denial_reason,assignee,assignee_email,days_to_respond,on_time";

test("a compliance officer downloads the request log as CSV, with a BOM for Excel", async ({ page }) => {
  await signInAs(page, "compliance", "en");
  await page.getByRole("navigation", { name: "Staff menu" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exports");
  await expect(page.getByRole("table", { name: "Request log" })).toContainText("days_to_respond");
  await expectNoAxeViolations(page);

  const form = page.getByRole("form", { name: "Export settings" });
  await form.getByRole("radio", { name: "Request log" }).check();
  await form.getByRole("radio", { name: "CSV (Excel, LibreOffice)" }).check();
  const downloading = page.waitForEvent("download");
  await form.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^request-log-\d{4}-\d{2}-\d{2}\.csv$/);

  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe(REQUEST_LOG_HEADER);
  // The demo requests are there, by reference only: the log carries no requester's contact details.
  expect(text).toMatch(/\r\nDSR-\d{4}-\d{6},/);
  expect(text).not.toContain("aigerim@example.kz");
  await expect(form.getByRole("status")).toHaveText(/^Done: \d+ rows?, [\d.]+ MB, saved as request-log-\d{4}-\d{2}-\d{2}\.csv\.$/);
});

test("an agent may not open the exports page or call the export route", async ({ page }) => {
  await signInAs(page, "agent", "en");
  await expect(page.getByRole("navigation", { name: "Staff menu" }).getByRole("link", { name: "Exports" })).toHaveCount(0);
  const response = await page.goto("/en/dashboard/exports");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expect(page.getByRole("form", { name: "Export settings" })).toHaveCount(0);
  const direct = await page.request.get("/api/exports/requests?format=csv");
  expect(direct.status()).toBe(403);
  expect(await direct.text()).not.toContain("DSR-");
});

test("without a session the export route answers 401", async ({ request }) => {
  const response = await request.get("/api/exports/audit");
  expect(response.status()).toBe(401);
});

test("in Russian: filters are checked, and the audit log export records itself", async ({ page }) => {
  await signInAs(page, "compliance", "ru");
  await page.goto("/ru/dashboard/exports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Выгрузки");
  const form = page.getByRole("form", { name: "Параметры выгрузки" });

  // The date fields (React Aria's DatePicker) are typed segment by segment: день, месяц, год.
  const typeDate = async (label: string, digits: string) => {
    await form.getByRole("group", { name: label }).getByRole("spinbutton").first().click();
    await page.keyboard.type(digits);
  };
  await typeDate("С (включительно)", "02052026");
  await typeDate("По (включительно)", "01052026");
  await expect(form.getByRole("group", { name: "По (включительно)" }).getByRole("spinbutton")).toHaveText(["01", "05", "2026"]);
  await form.getByRole("button", { name: "Скачать" }).click();
  await expect(form.getByRole("alert")).toHaveText("Выгрузка не начата: проверьте поля: По (включительно).");

  await page.reload();
  await form.getByRole("radio", { name: "Журнал аудита" }).check();
  await form.getByRole("radio", { name: "JSON Lines (для программ)" }).check();
  const downloading = page.waitForEvent("download");
  await form.getByRole("button", { name: "Скачать" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const events = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { action: string; actor_type: string; data: { log?: string; format?: string }; seq: number | null; checkpoint_key_id: string | null });
  // Audited before the first row was read, so this very export is in its own file.
  expect(events).toContainEqual(expect.objectContaining({ action: "export.created", actor_type: "staff", data: expect.objectContaining({ log: "audit", format: "jsonl" }) }));
  // Sealed in chain order, and the chain is signed up to the export's own record.
  const sealed = events.filter((event) => event.seq !== null);
  expect(sealed.map((event) => event.seq)).toEqual(sealed.map((_, i) => i + 1));
  expect(sealed.some((event) => /^[0-9a-f]{16}$/.test(event.checkpoint_key_id ?? ""))).toBe(true);
  await expect(form.getByRole("status")).toContainText("Готово:");
});
