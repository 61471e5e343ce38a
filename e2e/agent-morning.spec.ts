import { expect, test, type Page } from "@playwright/test";
import enDashboard from "../lib/i18n/messages/en/dashboard.json";
import enReplies from "../lib/i18n/messages/en/replies.json";
import enStaff from "../lib/i18n/messages/en/staff.json";
import kkDashboard from "../lib/i18n/messages/kk/dashboard.json";
import kkReplies from "../lib/i18n/messages/kk/replies.json";
import kkStaff from "../lib/i18n/messages/kk/staff.json";
import ruDashboard from "../lib/i18n/messages/ru/dashboard.json";
import ruReplies from "../lib/i18n/messages/ru/replies.json";
import ruStaff from "../lib/i18n/messages/ru/staff.json";
import { expectNoAxeViolations } from "./support/axe";
import { pdfFile } from "./support/files";
import { expectNoOverlap, expectNoSidewaysScroll } from "./support/layout";
import { signInAs } from "./support/staff";

/** The words of each language, from the catalogues themselves. */
const WORDS = {
  ru: { staff: ruStaff.staff, dashboard: ruDashboard.dashboard, replies: ruReplies.replies },
  kk: { staff: kkStaff.staff, dashboard: kkDashboard.dashboard, replies: kkReplies.replies },
  en: { staff: enStaff.staff, dashboard: enDashboard.dashboard, replies: enReplies.replies },
} as const;

/** A bulk assignment's confirmation (staff.queue.bulk.done) for one and for three requests. */
const BULK_DONE = {
  ru: { 1: "Изменён 1 запрос.", 3: "Изменено 3 запроса." },
  kk: { 1: "1 сұрау өзгертілді.", 3: "3 сұрау өзгертілді." },
  en: { 1: "1 request changed.", 3: "3 requests changed." },
} as const;

/** The toolbar's menus and the bulk bar's controls: none may overlap another. */
async function expectQueueControlsApart(page: Page, w: (typeof WORDS)[keyof typeof WORDS]) {
  await expectNoOverlap(page.getByRole("toolbar", { name: w.staff.queue.filters }).getByRole("button"));
  await expectNoOverlap(page.getByRole("form", { name: w.staff.queue.bulk.label }).locator("button, select"));
}

// The demo data holds twelve requests received 40 days ago and never assigned (lib/startup/seed-demo-data.ts):
// each language's morning takes four of them (one with the `a` key, three at once).
for (const locale of ["ru", "kk", "en"] as const) {
  const w = WORDS[locale];
  const q = w.staff.queue;

  test(`an agent's morning (${locale}): the Overdue view, one request taken with the a key and three at once, one opened by keyboard, a reply from a template with a file, a question to the requester, another completed with a package`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    // kk reuses the session signed in through the Russian form.
    await signInAs(page, "agent", locale === "kk" ? "ru" : locale);
    await page.goto(`/${locale}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(q.title);

    // The Overdue tab, then only what nobody has taken yet (a menu of the toolbar).
    const views = page.getByRole("navigation", { name: q.views.label });
    await views.getByRole("link", { name: new RegExp(`^${q.views.overdue}`) }).click();
    await expect(page).toHaveURL(/view=overdue/);
    await expect(views.getByRole("link", { name: new RegExp(`^${q.views.overdue}`) })).toHaveAttribute("aria-current", "page");
    await page.getByRole("toolbar", { name: q.filters }).getByRole("button", { name: q.assignee }).click();
    await page.getByRole("menuitemradio", { name: q.unassigned }).click();
    await expect(page).toHaveURL(/assignee=unassigned/);
    const table = page.getByRole("table", { name: q.title });
    const rows = table.locator("[data-queue-row]");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expectNoSidewaysScroll(page);
    await expectQueueControlsApart(page, w);
    await page.screenshot({ path: testInfo.outputPath(`queue-overdue-${locale}-1280.png`), fullPage: true });
    await expectNoAxeViolations(page);

    // `a` takes the focused request: it leaves the "unassigned" list, and focus goes to the row now in its place.
    const focused = page.locator("a[data-queue-open]:focus");
    await page.keyboard.press("j");
    await expect(focused).toHaveCount(1);
    const taken = (await focused.textContent())!.trim();
    await page.keyboard.press("a");
    await expect(table.getByRole("link", { name: taken, exact: true })).toHaveCount(0);
    // Confirmed by a toast (the bulk bar's region keeps only refusals once the script runs).
    await expect(page.getByRole("alertdialog", { name: BULK_DONE[locale][1] })).toBeVisible();
    await expect(focused).toHaveCount(1);
    await expect(focused).not.toHaveText(taken);

    // Three requests ticked and taken in one go; they leave the "unassigned" list.
    const references: string[] = [];
    for (let i = 0; i < 3; i++) references.push((await rows.nth(i).locator("a[data-queue-open]").textContent())!.trim());
    for (const reference of references) await page.getByRole("checkbox", { name: q.bulk.selectRow.replace("{reference}", reference) }).check();
    const bulk = page.getByRole("form", { name: q.bulk.label });
    await bulk.getByRole("button", { name: q.bulk.toMe }).click();
    await expect(page.getByRole("alertdialog", { name: BULK_DONE[locale][3] })).toBeVisible();
    for (const reference of references) await expect(table.getByRole("link", { name: reference, exact: true })).toHaveCount(0);

    // They are in "Mine": the first opened with the keyboard (j, then Enter).
    await views.getByRole("link", { name: new RegExp(`^${q.views.mine}`) }).click();
    await expect(page).toHaveURL(/view=mine/);
    for (const reference of [taken, ...references]) await expect(table.getByRole("link", { name: reference, exact: true })).toBeVisible();
    // A view starts from its own filters: "unassigned" went with the Overdue tab.
    await expect(page).not.toHaveURL(/assignee=/);
    // j moves down the list to the first of the three (an earlier language's requests may sort before it).
    const opened = references[0]!;
    for (let presses = 0; presses < 16; presses++) {
      await page.keyboard.press("j");
      await expect(focused).toHaveCount(1);
      if ((await focused.textContent())!.trim() === opened) break;
    }
    await expect(focused).toHaveText(opened);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/requests/[0-9a-f-]{36}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(opened);

    // Start, a reply from a template with a file attached, then a question to the requester (the request waits for them).
    const d = w.dashboard;
    const status = page.getByTestId("staff-request-status");
    await page.getByRole("button", { name: d.actions.start.submit }).click();
    await expect(status).toContainText(w.staff.statuses.in_progress);
    const composer = page.getByRole("region", { name: w.replies.composer.title });
    await composer.getByLabel(w.replies.composer.template, { exact: true }).selectOption({ index: 1 });
    const attachment = `reply-${locale}.pdf`;
    await composer.getByLabel(w.replies.composer.attachments).and(page.locator("input[type=file]")).setInputFiles(pdfFile(attachment));
    await composer.getByRole("button", { name: w.replies.composer.send }).click();
    // Confirmed by a toast, focus back in the emptied text.
    await expect(page.getByRole("alertdialog", { name: w.replies.composer.sent })).toBeVisible();
    await expect(composer.getByLabel(w.replies.composer.body, { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
    // The file is on the reply in the thread (the mail carries it: lib/replies/reply-attachments.test.ts).
    const reply = page.locator("article[data-direction=outbound]").filter({ has: page.getByRole("list", { name: d.messages.attachments }) });
    await expect(reply.getByRole("link", { name: d.files.download.replace("{filename}", attachment) })).toBeVisible();
    await page.getByRole("button", { name: d.actions.more }).click();
    await page.getByRole("menuitem", { name: d.actions.ask.title }).click();
    const ask = page.getByRole("dialog", { name: d.actions.ask.title });
    await ask.getByLabel(d.actions.ask.message, { exact: true }).fill({ ru: "Уточните, пожалуйста, период.", kk: "Қай кезеңнің деректері керек?", en: "Which period do you need?" }[locale]);
    await ask.getByRole("button", { name: d.actions.ask.submit }).click();
    await expect(ask).toHaveCount(0);
    await expect(status).toContainText(w.staff.statuses.awaiting_requester);
    await page.screenshot({ path: testInfo.outputPath(`request-asked-${locale}-1280.png`), fullPage: true });

    // Another of the three, at 360 px: started and completed with a data package.
    await page.setViewportSize({ width: 360, height: 800 });
    const other = references[1]!;
    await page.goto(`/${locale}/dashboard?view=mine&q=${encodeURIComponent(other)}`);
    await expectNoSidewaysScroll(page);
    await expectQueueControlsApart(page, w);
    await page.screenshot({ path: testInfo.outputPath(`queue-mine-${locale}-360.png`), fullPage: true });
    await page.getByRole("link", { name: other, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard/requests/[0-9a-f-]{36}$`));
    await page.getByRole("button", { name: d.actions.start.submit }).click();
    await expect(status).toContainText(w.staff.statuses.in_progress);
    await page.getByRole("button", { name: d.actions.complete.title }).click();
    const complete = page.getByRole("dialog", { name: d.actions.complete.title });
    await complete.getByLabel(d.actions.complete.files).and(page.locator("input[type=file]")).setInputFiles(pdfFile("package.pdf"));
    await complete.getByRole("button", { name: d.actions.complete.submit }).click();
    await expect(complete).toHaveCount(0);
    await expect(status).toContainText(w.staff.statuses.completed);
    await expectNoSidewaysScroll(page);

    // The queue's Overdue view at 360 px: the table scrolls in its own frame, the page does not.
    await page.goto(`/${locale}/dashboard?view=overdue`);
    await expect(rows.first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectQueueControlsApart(page, w);
    await page.screenshot({ path: testInfo.outputPath(`queue-overdue-${locale}-360.png`), fullPage: true });
    await expectNoAxeViolations(page);
  });
}
