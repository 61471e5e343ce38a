import { expect, test } from "@playwright/test";
import kkAudit from "../lib/i18n/messages/kk/audit.json";
import kkStaff from "../lib/i18n/messages/kk/staff.json";
import ruDashboard from "../lib/i18n/messages/ru/dashboard.json";
import { expectNoAxeViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/layout";
import { uniqueEmail } from "./support/mailbox";
import { fileAccessRequest } from "./support/requests";
import { signInAs } from "./support/staff";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test("the audit log names people and requests, shows dates in the operator's zone and each field's before → after (kk, 1280 and 360 px)", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const requester = await browser.newPage();
  const { requestId, reference } = await fileAccessRequest(requester, uniqueEmail("audit-readable"), "ru");
  await requester.close();

  // An admin takes the request and starts it: an assignment and a status change on record.
  await signInAs(page, "admin", "ru");
  await page.goto(`/ru/dashboard/requests/${requestId}`);
  await page.getByRole("button", { name: ruDashboard.dashboard.actions.assign.toMe }).click();
  await expect(page.getByTestId("assignee")).toContainText("Demo Admin");
  await page.getByRole("button", { name: ruDashboard.dashboard.actions.start.submit }).click();
  await expect(page.getByTestId("staff-request-status")).toContainText("В работе");

  const t = kkAudit.audit;
  await page.goto(`/kk/dashboard/audit?request=${reference}`);
  const table = page.getByRole("table", { name: t.table.caption });
  const assigned = table.getByRole("row").filter({ hasText: t.actions.request.assigned }).first();
  await expect(assigned).toContainText(`${t.details.fields.assignee}: — → Demo Admin`);
  const started = table.getByRole("row").filter({ hasText: t.actions.request.status_changed }).first();
  const statuses = kkStaff.staff.statuses;
  await expect(started).toContainText(`${t.details.fields.status}: ${statuses.new} → ${statuses.in_progress}`);
  // No raw ids and no UTC stamps: names, references and dates in the page's language.
  await expect(table).not.toContainText(UUID);
  await expect(table).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(table.getByRole("link", { name: reference }).first()).toBeVisible();
  await expect(assigned.locator("time").first()).toHaveText(/\d{4}/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("audit-kk-1280.png"), fullPage: true });

  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath("audit-kk-360.png"), fullPage: true });
});
