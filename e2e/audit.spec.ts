import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/staff";

const HASH = "[0-9a-f]{64}";
const KEY_ID = "[0-9a-f]{16}";
// Rows committed in the last moments may still wait for their seal: said, but not an error.
const PENDING_EN = "( Recent rows waiting to be sealed into the chain: \\d+\\. This is normal for a few seconds after a change and is not an error\\.)?";
const PENDING_RU = "( Недавние записи, ожидающие запечатывания в цепочку: \\d+\\. Это нормально в первые секунды после изменения и не является ошибкой\\.)?";

test("a compliance officer reads, filters and verifies the audit log", async ({ page }) => {
  await signInAs(page, "compliance");
  // A request reference to filter by, from the queue.
  const reference = (await page.getByRole("table", { name: "Request queue" }).getByRole("link").first().textContent())?.trim() ?? "";
  expect(reference).toMatch(/^DSR-\d{4}-\d{6}$/);

  await page.getByRole("navigation", { name: "Staff menu" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  const table = page.getByRole("table", { name: "Audit log entries, newest first" });
  // Their own sign-in is on record, by name.
  await expect(table.getByRole("row").filter({ hasText: "Signed in" }).filter({ hasText: "Demo Compliance" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Filters go into the URL and stay in the form.
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Who acted", { exact: true }).selectOption({ label: "Staff" });
  await filters.getByLabel("Action", { exact: true }).fill("staff.signed_in");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/actorType=staff/);
  await expect(page).toHaveURL(/action=staff\.signed_in/);
  await expect(filters.getByLabel("Action", { exact: true })).toHaveValue("staff.signed_in");
  const actions = table.locator("tbody tr td:nth-child(3)");
  await expect(actions.first()).toBeVisible();
  for (const text of await actions.allTextContents()) expect(text).toContain("Signed in");

  // One request's history, typed in lower case.
  await filters.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard\/audit$/);
  await filters.getByLabel("Request", { exact: true }).fill(reference.toLowerCase());
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`request=${reference.toLowerCase()}`));
  const requestCells = table.locator("tbody tr td:nth-child(4)");
  await expect(requestCells.first()).toBeVisible();
  for (const text of await requestCells.allTextContents()) expect(text.trim()).toBe(reference);
  await expect(table.getByRole("row").filter({ hasText: "Request submitted" }).first()).toContainText(`Requester of ${reference}`);

  // Dates outside the log's life leave nothing. The date fields are React Aria's DatePicker once the
  // script runs: typed segment by segment, day first (en-GB), posted as an ISO date.
  const from = filters.getByRole("group", { name: "From (date)" });
  await from.getByRole("spinbutton").first().click();
  await page.keyboard.type("01012099");
  await expect(from.getByRole("spinbutton")).toHaveText(["01", "01", "2099"]);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/from=2099-01-01/);
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(from.getByRole("spinbutton")).toHaveText(["01", "01", "2099"]);
  // …or picked from its calendar, in the page's language.
  const to = filters.getByRole("group", { name: "To (date)" });
  await to.getByRole("button", { name: "Open the calendar" }).click();
  const calendar = page.getByRole("dialog", { name: "Calendar" });
  await expect(calendar.getByRole("button", { name: "Previous month" })).toBeVisible();
  await expectNoAxeViolations(page);
  await calendar.getByRole("gridcell").filter({ hasText: /^15$/ }).first().click();
  await expect(calendar).toHaveCount(0);
  await expect(to.getByRole("spinbutton").first()).toHaveText("15");

  // The request link opens the request.
  await page.goto(`/en/dashboard/audit?request=${encodeURIComponent(reference)}`);
  await table.getByRole("link", { name: reference }).first().click();
  await expect(page).toHaveURL(/\/en\/dashboard\/requests\/[0-9a-f-]{36}$/);

  // The integrity check seals, walks the chain and its signed checkpoints, says it is intact, and is itself recorded.
  await page.goto("/en/dashboard/audit");
  const check = page.getByRole("region", { name: "Integrity check" });
  await check.getByRole("button", { name: "Verify integrity" }).click();
  await expect(check.getByRole("status")).toHaveText(
    new RegExp(`^Chain intact: \\d+ rows checked, last hash ${HASH}\\. Latest signed checkpoint — position in the chain: \\d+; signed: .+; key: ${KEY_ID}\\. Signatures checked: \\d+, all valid\\.${PENDING_EN}$`),
  );
  await expect(check.getByRole("alert")).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: "Audit log integrity checked" }).first()).toContainText("Demo Compliance");
  await expectNoAxeViolations(page);
});

test("the audit log in Russian, with its integrity check", async ({ page }) => {
  await signInAs(page, "compliance", "ru");
  await page.goto("/ru/dashboard/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Журнал аудита");
  const table = page.getByRole("table", { name: "Записи журнала аудита, сначала новые" });
  await expect(table.getByRole("row").filter({ hasText: "Вход в систему" }).first()).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Кто" })).toBeVisible();

  const filters = page.getByRole("search", { name: "Фильтры журнала" });
  await filters.getByLabel("Кто действовал", { exact: true }).selectOption({ label: "Система" });
  await filters.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/actorType=system/);
  await expect(filters.getByLabel("Кто действовал", { exact: true })).toHaveValue("system");

  const check = page.getByRole("region", { name: "Проверка целостности" });
  await check.getByRole("button", { name: "Проверить целостность" }).click();
  await expect(check.getByRole("status")).toHaveText(
    new RegExp(`^Цепочка цела: проверено записей — \\d+, последний хеш ${HASH}\\. Последняя подписанная контрольная точка — место в цепочке: \\d+; подписана: .+; ключ: ${KEY_ID}\\. Проверено подписей: \\d+, все действительны\\.${PENDING_RU}$`),
  );
  await expectNoAxeViolations(page);
});

test("an admin may read the audit log; an agent is refused and not shown the link", async ({ page, browser }) => {
  await signInAs(page, "admin");
  const response = await page.goto("/en/dashboard/audit");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");

  const context = await browser.newContext();
  const agent = await context.newPage();
  await signInAs(agent, "agent");
  await expect(agent.getByRole("navigation", { name: "Staff menu" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const refused = await agent.goto("/en/dashboard/audit");
  expect(refused?.status()).toBe(403);
  await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Access denied");
  await expect(agent.getByRole("table")).toHaveCount(0);
  await context.close();
});
