import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readZip } from "../lib/fulfilment/package/read-zip";
import { expectNoAxeViolations } from "./support/axe";
import { readLatestEmail, readVerificationCode } from "./support/mailbox";
import { searchQueue, signInAs } from "./support/staff";

// The demo's sample app (DEMO_DATA=true) holds these people; the map is db/seed/fulfilment/sample-app-map.yaml.
const AIGERIM = "aigerim@example.kz";

/** A requester files an access request in Kazakh (identity and geolocation, JSON) and confirms it. */
async function fileKazakhAccessRequest(page: Page): Promise<{ requestId: string; reference: string }> {
  await page.goto("/kk/requests/new/access");
  await page.getByLabel("Жеке басы және байланыс деректері").check();
  await page.getByLabel("Геолокация").check();
  await page.getByLabel("JSON файлы (бағдарламалар үшін)").check();
  await page.getByLabel("Аты мен тегі").fill("Айгерим Серікқызы");
  await page.getByLabel("Электрондық пошта мекенжайы").fill(AIGERIM);
  await page.getByLabel("Осы сұрауды қарау үшін көрсетілген деректердің өңделуіне келісемін.").check();
  await page.getByRole("button", { name: "Сұрауды жіберу" }).click();
  await expect(page).toHaveURL(/\/kk\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  const code = await readVerificationCode(page, AIGERIM);
  await page.goto(verifyUrl);
  await page.getByLabel("Хаттағы код").fill(code);
  await page.getByRole("button", { name: "Растау", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^DSR-\d{4}-\d{6} нөмірлі сұрау$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(" нөмірлі сұрау", "").trim();
  return { requestId, reference };
}

test("an access request in Kazakh is collected from the sample app, approved, and the requester downloads the ZIP", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { requestId, reference } = await fileKazakhAccessRequest(page);

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "agent", "en");
  await staff.goto(`/en/dashboard/requests/${requestId}`);
  const card = staff.getByRole("region", { name: "Data in our systems" });
  await expect(card).toContainText("Start work on the request first");
  await staff.getByRole("button", { name: "Start work" }).click();
  await expect(staff.getByTestId("staff-request-status")).toContainText("In progress");

  await card.getByRole("button", { name: "Collect data" }).click();
  const preview = card.getByRole("table", { name: "What we found" });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("row").filter({ hasText: "locations" })).toContainText("3");
  await expect(preview.getByRole("row").filter({ hasText: "users" })).toContainText("Identity and contact details");
  // Device data was not asked for.
  await expect(preview).not.toContainText("devices");
  await expectNoAxeViolations(staff);
  await staff.screenshot({ path: test.info().outputPath("fulfilment-access-preview.png"), fullPage: true });

  await card.getByRole("button", { name: "Approve and deliver to the requester" }).click();
  await expect(card.getByRole("status")).toHaveText("The package was delivered to the requester.");
  await expect(staff.getByTestId("staff-request-status")).toContainText("Completed");

  // The requester opens the link from the completion e-mail (in Kazakh) and downloads the package.
  const done = await readLatestEmail(page, AIGERIM, /Сұрау орындалды/);
  expect(done.subject).toContain(reference);
  const statusPath = new URL(/https?:\/\/\S+\/kk\/r\/[A-Za-z0-9_-]+/.exec(done.text)![0]).pathname;
  await page.goto(statusPath);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /personal-data\.zip/ }).click();
  const download = await downloading;
  const zip = readZip(readFileSync((await download.path())!));
  expect([...zip.keys()].sort()).toEqual(["csv/app-locations.csv", "csv/app-users.csv", "data.json", "summary.html"]);
  const summary = zip.get("summary.html")!.toString("utf8");
  expect(summary).toContain("Сіздің дербес деректеріңіз");
  expect(summary).toContain("Геолокация");
  expect(summary).toContain("Айгерим Серікқызы");
  await staff.context().close();
});

test("a deletion is dry-run by an agent, approved by a compliance officer, and the requester is told what was erased and kept", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "agent", "ru");
  // The demo's deletion request from ivan@example.kz.
  await searchQueue(page, "ivan@example.kz");
  await page.getByRole("link", { name: /^DSR-\d{4}-\d{6}$/ }).first().click();
  await expect(page).toHaveURL(/\/ru\/dashboard\/requests\/[0-9a-f-]{36}$/);
  const requestPath = new URL(page.url()).pathname.replace(/^\/ru/, "");
  // An earlier spec (action-authorization replays "start" on a demo request) may have started it already.
  await expect(page.getByTestId("staff-request-status")).toBeVisible();
  const start = page.getByRole("button", { name: "Начать работу" });
  if (await start.isVisible()) await start.click();
  await expect(page.getByTestId("staff-request-status")).toContainText("В работе");

  const card = page.getByRole("region", { name: "Данные в наших системах" });
  await card.getByRole("button", { name: "Пробный прогон удаления" }).click();
  const plan = card.getByRole("table", { name: /Что сделает удаление/ });
  await expect(plan.getByRole("row").filter({ hasText: /^devices/ })).toContainText("запись удалена");
  await expect(plan.getByRole("row").filter({ hasText: "payments" })).toContainText("Платёжные записи хранятся 5 лет");
  // The one who started it cannot approve it.
  await expect(card.getByRole("status")).toContainText("Ждёт одобрения второго человека");
  await expect(card.getByRole("button", { name: "Одобрить и удалить" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const officer = await (await browser.newContext()).newPage();
  await signInAs(officer, "compliance", "en");
  await officer.goto(`/en${requestPath}`);
  const officerCard = officer.getByRole("region", { name: "Data in our systems" });
  await officerCard.getByRole("button", { name: "Approve and erase" }).click();
  await expect(officerCard.getByRole("status")).toContainText("Erasure done");
  const result = officerCard.getByRole("table", { name: /What the erasure did/ });
  await expect(result.getByRole("row").filter({ hasText: "users.email" })).toContainText("replaced with an irreversible code");
  await officer.screenshot({ path: test.info().outputPath("fulfilment-erasure-done.png"), fullPage: true });

  const told = await readLatestEmail(page, "ivan@example.kz", /Ваши данные удалены/);
  expect(told.text).toContain("Данные об устройстве: удалены 2 записи");
  expect(told.text).toContain("Платёжные записи хранятся 5 лет");
  await officer.context().close();
});
