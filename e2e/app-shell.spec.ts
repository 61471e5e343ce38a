import { expect, test } from "@playwright/test";
import enShell from "../lib/i18n/messages/en/shell.json";
import enStaff from "../lib/i18n/messages/en/staff.json";
import kkShell from "../lib/i18n/messages/kk/shell.json";
import kkStaff from "../lib/i18n/messages/kk/staff.json";
import ruShell from "../lib/i18n/messages/ru/shell.json";
import ruStaff from "../lib/i18n/messages/ru/staff.json";
import { expectNoAxeViolations } from "./support/axe";
import { expectNoSidewaysScroll } from "./support/layout";
import { signInAs } from "./support/staff";

const nav = enStaff.staff.nav;

test("the sidebar lists only what the role may open and marks where one is (en, 1280 px)", async ({ page }) => {
  await signInAs(page, "agent", "en");
  const sidebar = page.getByRole("navigation", { name: nav.label });
  await expect(sidebar.getByRole("link", { name: new RegExp(`^${nav.queue}`) })).toHaveAttribute("aria-current", "page");
  await expect(sidebar.getByRole("link")).toHaveText([/^Request queue/, /^Mail/, nav.dataMap, nav.account]);
  await expect(sidebar.getByRole("link", { name: nav.audit })).toHaveCount(0);

  // A request page belongs to the queue.
  await page.getByRole("table").getByRole("link", { name: /^DSR-/ }).first().click();
  await expect(page).toHaveURL(/\/en\/dashboard\/requests\//);
  await expect(sidebar.getByRole("link", { name: new RegExp(`^${nav.queue}`) })).toHaveAttribute("aria-current", "true");

  // Collapsed to icons, the links keep their names; the choice is remembered.
  await page.getByRole("button", { name: enShell.shell.sidebar.collapse }).click();
  await expect(page.getByRole("button", { name: enShell.shell.sidebar.expand })).toHaveAttribute("aria-expanded", "false");
  await page.reload();
  await expect(sidebar.getByRole("link", { name: nav.account })).toBeVisible();
  await expect(page.getByRole("button", { name: enShell.shell.sidebar.expand })).toBeVisible();
  await page.getByRole("button", { name: enShell.shell.sidebar.expand }).click();
  await expectNoAxeViolations(page);

  // The account menu: the account page, sign out.
  // The menu's button holds the signed-in name (a request's assignee picker may show the same name).
  const accountMenu = page.getByRole("button").filter({ has: page.getByTestId("signed-in-as") });
  await expect(accountMenu).toHaveAccessibleName(await page.getByTestId("signed-in-as").innerText());
  await accountMenu.click();
  await page.getByRole("menuitem", { name: nav.account }).click();
  await expect(page).toHaveURL(/\/en\/dashboard\/account$/);
  await expect(sidebar.getByRole("link", { name: nav.account })).toHaveAttribute("aria-current", "page");
});

test("on a phone the sidebar is a drawer; the language switch keeps the page (ru → kk, 360 px)", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "compliance", "ru");
  await expect(page.getByRole("navigation", { name: ruStaff.staff.nav.label })).toHaveCount(0);
  await page.getByRole("button", { name: ruShell.shell.sidebar.open }).click();
  const drawer = page.getByRole("dialog", { name: ruStaff.staff.nav.label });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: ruStaff.staff.nav.templates })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("drawer-ru-360.png") });
  await drawer.getByRole("link", { name: ruStaff.staff.nav.audit }).click();
  await expect(page).toHaveURL(/\/ru\/dashboard\/audit$/);
  await expect(drawer).toHaveCount(0);
  await expectNoSidewaysScroll(page);

  await page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk\/dashboard\/audit$/);
  await page.getByRole("button", { name: kkShell.shell.sidebar.open }).click();
  await expect(page.getByRole("dialog").getByRole("link", { name: kkStaff.staff.nav.audit })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("403 and 404 show inside the shell with the way back to the queue (kk, ru)", async ({ page }) => {
  await signInAs(page, "agent", "ru");
  const forbidden = await page.goto("/kk/dashboard/audit");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kkStaff.staff.forbidden.title);
  await expect(page.getByRole("navigation", { name: kkStaff.staff.nav.label })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("main").getByRole("link", { name: kkShell.shell.backToQueue }).click();
  await expect(page).toHaveURL(/\/kk\/dashboard$/);

  const missing = await page.goto("/ru/dashboard/requests/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ruShell.shell.notFound.title);
  await expect(page.getByRole("searchbox", { name: ruShell.shell.search.label })).toBeVisible();
  const unknown = await page.goto("/ru/dashboard/no-such-page");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("main").getByRole("link", { name: ruShell.shell.backToQueue })).toHaveAttribute("href", "/ru/dashboard");
  await expectNoAxeViolations(page);
});
