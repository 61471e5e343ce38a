import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readZip } from "../lib/fulfilment/package/read-zip";
import type { SignedEndpoint } from "../lib/fulfilment/http/testing/signed-endpoint";
import { expectNoAxeViolations } from "./support/axe";
import { refuseNextCallAbout, reloadUntil, startE2eEndpoint, storeSigningKey } from "./support/http-endpoint";
import { readLatestEmail, readVerificationCode, uniqueEmail } from "./support/mailbox";
import { searchQueue, signInAs } from "./support/staff";

// The e2e map (e2e/support/start-server.mjs) adds an "Auth service" endpoint: a real server on
// 127.0.0.1 started here, its signing key stored by an admin on the Data map page.
let endpoint: SignedEndpoint;
test.beforeAll(async ({ browser }) => {
  endpoint = await startE2eEndpoint();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin", "en");
  await storeSigningKey(admin);
  await admin.context().close();
});
test.afterAll(async () => {
  await endpoint?.close();
});

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
  // The database is read at once; the auth service answers through the worker.
  await reloadUntil(staff, () => expect(preview).toBeVisible({ timeout: 1_000 }));
  await expect(preview.getByRole("row").filter({ hasText: "accounts" })).toContainText("1");
  const calls = card.getByRole("table", { name: "Calls to our other systems" });
  await expect(calls.getByRole("row").filter({ hasText: "Auth service" })).toContainText("1 record received");
  expect(endpoint.received.filter((call) => call.purpose === "access").map((call) => call.signature)).toEqual(["ok"]);
  await expect(preview.getByRole("row").filter({ hasText: "locations" })).toContainText("3");
  await expect(preview.getByRole("row").filter({ hasText: "users" })).toContainText("Identity and contact details");
  // Device data was not asked for.
  await expect(preview).not.toContainText("devices");
  await expectNoAxeViolations(staff);
  await staff.screenshot({ path: test.info().outputPath("fulfilment-access-preview.png"), fullPage: true });

  await card.getByRole("button", { name: "Approve and deliver to the requester" }).click();
  // The card's other status is the endpoint's answer.
  await expect(card.getByRole("status").filter({ hasText: "delivered" })).toHaveText("The package was delivered to the requester.");
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
  expect([...zip.keys()].sort()).toEqual(["csv/app-locations.csv", "csv/app-users.csv", "csv/auth-accounts.csv", "data.json", "summary.html"]);
  expect(zip.get("csv/auth-accounts.csv")!.toString("utf8")).toContain("aigerim");
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

/** A requester reports, in Russian, that someone uses their account, and confirms the report. */
async function fileRussianMisuseReport(page: Page, email: string): Promise<string> {
  await page.goto("/ru/requests/new/credential_misuse");
  await page.getByLabel("Какой учётной записью пользуется кто-то другой").fill("aliya.k");
  await page.getByLabel("Когда вы это заметили").fill("20.11.2026");
  await page.getByLabel("Что произошло", { exact: true }).fill("Пришло SMS о входе, которого я не делала.");
  await page.getByLabel("Нет ещё").check();
  await page.getByLabel("Имя и фамилия").fill("Алия Касымова");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel(/Я согласен\(на\)/).check();
  await page.getByRole("button", { name: "Отправить запрос" }).click();
  await expect(page).toHaveURL(/\/ru\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel("Код из письма").fill(code);
  await page.getByRole("button", { name: "Подтвердить", exact: true }).click();
  await expect(page.getByTestId("request-status")).toContainText("Рассматривается в первую очередь");
  return requestId;
}

test("a verified misuse report in Russian reaches the operator's 'secure this account' endpoint within seconds; a refused call is retried by staff", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The first call is refused (403): the page shows why, and staff send it again.
  const email = uniqueEmail("misuse-http");
  refuseNextCallAbout(email);
  const requestId = await fileRussianMisuseReport(page, email);

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "agent", "ru");
  await staff.goto(`/ru/dashboard/requests/${requestId}`);
  const card = staff.getByRole("region", { name: "Данные в наших системах" });
  const row = card.getByRole("table", { name: "Вызовы других наших систем" }).getByRole("row").filter({ hasText: "Auth service" });
  await reloadUntil(staff, () => expect(row.getByRole("alert")).toContainText("HTTP 403", { timeout: 1_000 }));
  await expect(row).toContainText("защитить учётную запись");
  await expectNoAxeViolations(staff);
  await row.getByRole("button", { name: "Повторить вызов «Auth service»" }).click();
  await reloadUntil(staff, () => expect(row.getByRole("status")).toContainText("Сделано там: sessions_revoked, password_reset", { timeout: 1_000 }));
  const secured = endpoint.received.filter((call) => call.purpose === "secure_account" && (call.body.subject as { emails: string[] }).emails[0] === email);
  expect(secured.map((call) => call.signature)).toEqual(["ok", "ok"]);
  expect(secured[0]!.body).toMatchObject({ reported_account: "aliya.k", password_changed: "no" });

  // The timeline says what happened, in the page's language.
  const timeline = staff.getByTestId("timeline");
  await timeline.locator("summary").click();
  await expect(timeline).toContainText("Вызов другой системы не удался");
  await expect(timeline).toContainText("Другая система ответила");
  await staff.setViewportSize({ width: 360, height: 800 });
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await staff.screenshot({ path: test.info().outputPath("fulfilment-misuse-secured.png"), fullPage: true });
  await staff.context().close();
});

test("a correction filed in English is matched to the sample app's columns and applied change by change by staff in Russian", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // other.person@example.kz is in the sample app (person 3); the other tests use the first two.
  const email = "other.person@example.kz";
  await page.goto("/en/requests/new/correction");
  await page.getByLabel("Which information").nth(0).fill("Full name");
  await page.getByLabel("What it says now").nth(0).fill("Other Person");
  await page.getByLabel("What it should say").nth(0).fill("Other Persson");
  await page.getByRole("button", { name: "Add another correction" }).click();
  await page.getByLabel("Which information").nth(1).fill("Favourite colour");
  await page.getByLabel("What it should say").nth(1).fill("Blue");
  await page.getByLabel("First and last name").fill("Other Person");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/I agree to the processing/).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/en\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const requestId = /\/requests\/([0-9a-f-]{36})\/verify$/.exec(verifyUrl)![1]!;
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByTestId("request-status")).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "agent", "ru");
  await staff.goto(`/ru/dashboard/requests/${requestId}`);
  await staff.getByRole("button", { name: "Начать работу" }).click();
  await expect(staff.getByTestId("staff-request-status")).toContainText("В работе");
  const card = staff.getByRole("region", { name: "Данные в наших системах" });
  await card.getByRole("button", { name: "Сопоставить исправления с нашими данными" }).click();
  const table = card.getByRole("table", { name: "Запрошенные исправления" });
  await expect(table.getByRole("row").filter({ hasText: "Full name" })).toContainText("app.users.full_name");
  await expect(table.getByRole("row").filter({ hasText: "Favourite colour" })).toContainText("нет в карте данных: исправьте вручную");
  // Only mapped changes can be ticked.
  await expect(card.getByLabel("Применить изменение поля «Favourite colour»")).toHaveCount(0);
  await expectNoAxeViolations(staff);

  await card.getByLabel("Применить изменение поля «Full name»").check();
  await card.getByRole("button", { name: "Применить одобренные изменения" }).click();
  await expect(card.getByRole("status")).toHaveText("Одобренные изменения применены; в журнале аудита сохранены хеши значений.");
  await expect(table.getByRole("row").filter({ hasText: "Full name" })).toContainText("1");
  await staff.setViewportSize({ width: 360, height: 800 });
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await staff.screenshot({ path: test.info().outputPath("fulfilment-correction-applied.png"), fullPage: true });
  await staff.context().close();
});
