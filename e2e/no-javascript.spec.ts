import { expect, test, type Page } from "@playwright/test";
import enDashboard from "../lib/i18n/messages/en/dashboard.json";
import enIntake from "../lib/i18n/messages/en/intake.json";
import enStaff from "../lib/i18n/messages/en/staff.json";
import kkIntake from "../lib/i18n/messages/kk/intake.json";
import kkSite from "../lib/i18n/messages/kk/site.json";
import kkStatus from "../lib/i18n/messages/kk/status.json";
import ruReplies from "../lib/i18n/messages/ru/replies.json";
import ruStaffAdmin from "../lib/i18n/messages/ru/staff-admin.json";
import { pdfFile } from "./support/files";
import { readVerificationCode, uniqueEmail } from "./support/mailbox";
import { fileAccessRequest } from "./support/requests";
import { demoLogins, nextTotpCode, searchQueue, signInAs } from "./support/staff";

// Forms work before (or without) JavaScript: the browser posts them to the server action itself.
test.use({ javaScriptEnabled: false });

/** Every URL the page asked for, so a test can prove nothing typed travelled in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

function expectNoneIn(urls: string[], typed: string[]) {
  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const value of typed) expect(decoded, url).not.toContain(value);
  }
}

test("staff sign-in in English without JavaScript: password, then the authenticator code, with nothing typed in a URL", async ({ page }, testInfo) => {
  test.slow();
  const t = enStaff.staff.signIn;
  const login = demoLogins().agent;
  const urls = recordUrls(page);

  await page.goto("/en/staff/sign-in?callbackUrl=%2Fen%2Fdashboard");
  await page.getByLabel(t.email).fill(login.email);
  await page.getByLabel(t.password).fill("not the password");
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(t.invalid);
  // The address is kept, the password never comes back.
  await expect(page.getByLabel(t.email)).toHaveValue(login.email);
  await expect(page.getByLabel(t.password)).toHaveValue("");
  expect(await page.content()).not.toContain("not the password");

  await page.getByLabel(t.password).fill(login.password);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(t.codeLead);
  await expect(page.getByText(t.signingInAs.replace("{email}", login.email))).toBeVisible();
  expect(await page.content()).not.toContain(login.password);
  await page.screenshot({ path: testInfo.outputPath("en-sign-in-code-step-without-js.png"), fullPage: true });

  const code = await nextTotpCode(login.totpSecret);
  await page.getByLabel(t.code).fill(code);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/en/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request queue");

  expectNoneIn(urls, [login.email, login.password, "not the password", code]);
});

test("a deletion request on someone's behalf in Kazakh without JavaScript: refused answers kept, code, message, withdrawal", async ({ page, context }, testInfo) => {
  test.slow();
  const t = kkIntake.intake;
  const ts = kkStatus.status;
  const email = uniqueEmail("nojs-kk");
  const comment = "Балама мекенжай: ескі@example.kz";
  const urls = recordUrls(page);

  await page.goto("/kk/requests/new/deletion");
  // The parts that open on a choice open without a script too (CSS on the ticked box).
  await expect(page.getByLabel(t.fields.subjectName, { exact: true })).toBeHidden();
  await page.getByLabel(t.options.scope.categories).check();
  await page.getByLabel(kkSite.categories.identity_contacts).check();
  await page.getByLabel(t.fields.comment, { exact: true }).fill(comment);
  await page.getByLabel(t.fields.name, { exact: true }).fill("Айгерім Серікқызы");
  await page.getByLabel(t.fields.email, { exact: true }).fill(email);
  await page.getByLabel(t.fields.onBehalf, { exact: true }).check();
  await page.getByLabel(t.fields.representativeRelation, { exact: true }).selectOption({ label: t.options.representativeRelation.parent_guardian });
  await page.getByLabel(t.fields.subjectName, { exact: true }).fill("Нұрлан Серікұлы");
  await page.getByLabel(t.fields.proofOfAuthority, { exact: true }).setInputFiles(pdfFile("куәлік.pdf"));
  await page.getByLabel(t.fields.acknowledgeConsequences, { exact: true }).check();
  // Consent left out: the server refuses, the page comes back with every answer still in place.
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page.getByRole("alert").first()).toHaveText(t.errors.summary);
  await expect(page.getByText(t.errors.mustAccept)).toBeVisible();
  await expect(page.getByLabel(t.fields.name, { exact: true })).toHaveValue("Айгерім Серікқызы");
  await expect(page.getByLabel(t.fields.email, { exact: true })).toHaveValue(email);
  await expect(page.getByLabel(t.fields.comment, { exact: true })).toHaveValue(comment);
  await expect(page.getByLabel(t.fields.subjectName, { exact: true })).toHaveValue("Нұрлан Серікұлы");
  await expect(page.getByLabel(kkSite.categories.identity_contacts)).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("kk-deletion-refused-without-js.png"), fullPage: true });

  // A file input cannot be given back by a server: the page says so, and it is chosen again.
  await expect(page.getByText(t.fields.filesChooseAgain)).toBeVisible();
  await page.getByLabel(t.fields.proofOfAuthority, { exact: true }).setInputFiles(pdfFile("куәлік.pdf"));
  await page.getByLabel(t.fields.consent, { exact: true }).check();
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page).toHaveURL(/\/kk\/requests\/[0-9a-f-]{36}\/verify$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.verify.title);

  const mailbox = await context.newPage();
  const code = await readVerificationCode(mailbox, email);
  await page.getByLabel(t.verify.code).fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: t.verify.submit, exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(t.verify.invalid.split(".")[0]!);
  await page.getByLabel(t.verify.code).fill(code);
  await page.getByRole("button", { name: t.verify.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/kk\/r\/[A-Za-z0-9_-]{43}$/);
  // The summary says for whom the request is and that proof arrived.
  await expect(page.getByText("Нұрлан Серікұлы")).toBeVisible();
  await expect(page.getByText(ts.onBehalf.proofReceived, { exact: true })).toBeVisible();
  // A print button could do nothing without a script: it is not offered (the browser's own Print is).
  await expect(page.getByRole("button", { name: ts.receipt.print })).toHaveCount(0);

  await page.getByLabel(ts.reply.body, { exact: true }).fill("Құжаттың түпнұсқасы қосымшада.");
  await page.getByLabel(ts.reply.attachments, { exact: true }).setInputFiles(pdfFile("түпнұсқа.pdf"));
  await page.getByRole("button", { name: ts.reply.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: ts.reply.sent })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Құжаттың түпнұсқасы қосымшада." })).toContainText("түпнұсқа.pdf");

  // Withdrawal needs the box: the browser itself holds the form back until it is ticked.
  await page.getByRole("button", { name: ts.withdraw.submit }).click();
  await expect(page.getByTestId("request-status")).not.toContainText(ts.statuses.withdrawn);
  await page.getByLabel(ts.withdraw.confirm, { exact: true }).check();
  await page.getByRole("button", { name: ts.withdraw.submit }).click();
  await expect(page.getByTestId("request-status")).toContainText(ts.statuses.withdrawn);
  await page.screenshot({ path: testInfo.outputPath("kk-withdrawn-without-js.png"), fullPage: true });

  expectNoneIn(urls, [email, "Айгерім", "Нұрлан", comment, code, "Құжаттың"]);
});

test("the lost-link form in English without JavaScript: a wrong address is explained and kept, a right one is answered", async ({ page }) => {
  const t = enIntake.intake;
  const urls = recordUrls(page);
  await page.goto("/en/requests/find");
  // The page names its icon, which is served (a browser would otherwise ask for /favicon.ico and get a 404).
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon ?? "/favicon.ico")).status()).toBe(200);
  await page.getByLabel(t.find.email).fill("dana.sultan@example");
  await page.getByRole("button", { name: t.find.submit }).click();
  await expect(page.getByText(t.errors.invalidEmail)).toBeVisible();
  await expect(page.getByLabel(t.find.email)).toHaveValue("dana.sultan@example");
  await page.getByLabel(t.find.email).fill("dana.sultan@example.kz");
  await page.getByRole("button", { name: t.find.submit }).click();
  await expect(page.getByRole("status")).toHaveText(t.find.sent);
  expectNoneIn(urls, ["dana.sultan"]);
});

test("an admin invites a colleague in Russian without JavaScript: a refused invitation keeps every field, the right one goes out", async ({ page }, testInfo) => {
  test.slow();
  const t = ruStaffAdmin.staffAdmin;
  const email = uniqueEmail("invited");
  await signInAs(page, "admin", "ru");
  const urls = recordUrls(page);
  await page.goto("/ru/dashboard/staff");

  await page.getByLabel(t.invite.name, { exact: true }).fill("Айдана Серикова");
  await page.getByLabel(t.invite.email, { exact: true }).fill("aidana-at-example.kz");
  await page.getByLabel(t.invite.role, { exact: true }).selectOption("compliance");
  await page.getByRole("button", { name: t.invite.submit }).click();
  // The server refused it: the page comes back with the problem beside the field and every answer in place.
  await expect(page.getByText(t.errors.invalidEmail)).toBeVisible();
  await expect(page.getByLabel(t.invite.name, { exact: true })).toHaveValue("Айдана Серикова");
  await expect(page.getByLabel(t.invite.email, { exact: true })).toHaveValue("aidana-at-example.kz");
  await expect(page.getByLabel(t.invite.role, { exact: true })).toHaveValue("compliance");
  await page.screenshot({ path: testInfo.outputPath("ru-invite-refused-without-js.png"), fullPage: true });

  await page.getByLabel(t.invite.email, { exact: true }).fill(email);
  await page.getByRole("button", { name: t.invite.submit }).click();
  await expect(page.getByText(t.invite.sent.replace("{email}", email))).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  expectNoneIn(urls, [email, "aidana-at-example.kz", "Айдана"]);
});

test("an agent answers a requester in Russian without JavaScript: a refused reply keeps its subject, the sent one joins the thread", async ({ page }, testInfo) => {
  test.slow();
  const t = ruReplies.replies.composer;
  const body = `Здравствуйте! Проверяем ваши данные (${Date.now().toString(36)}).`;
  await signInAs(page, "agent", "ru");
  const urls = recordUrls(page);
  await searchQueue(page, "ivan@");
  await page.getByRole("link", { name: /DSR-/ }).first().click();
  await page.waitForURL(/\/ru\/dashboard\/requests\/[0-9a-f-]{36}$/);

  await page.getByLabel(t.subject).fill("Ваш запрос");
  await page.getByRole("button", { name: t.send }).click();
  // Nothing was sent: the body's problem is explained and the subject is still there.
  await expect(page.getByText(t.errors.required)).toBeVisible();
  await expect(page.getByLabel(t.subject)).toHaveValue("Ваш запрос");

  await page.getByLabel(t.body).fill(body);
  await page.getByRole("button", { name: t.send }).click();
  await expect(page.getByText(t.sent)).toBeVisible();
  await expect(page.getByText(body)).toBeVisible();
  await expect(page.getByLabel(t.body)).toHaveValue("");
  await page.screenshot({ path: testInfo.outputPath("ru-reply-sent-without-js.png"), fullPage: true });

  expectNoneIn(urls, [body, "ivan@"]);
});

test("an agent works requests in English without JavaScript: each action on its own page — start, ask, decline with a reason, complete with a data package — and an internal note", async ({ page }, testInfo) => {
  test.slow();
  const d = enDashboard.dashboard;
  const a = d.actions;
  const statuses = enStaff.staff.statuses;
  const declined = await fileAccessRequest(page, uniqueEmail("nojs-decline"), "en");
  const completed = await fileAccessRequest(page, uniqueEmail("nojs-complete"), "en");
  await signInAs(page, "agent", "en");
  const urls = recordUrls(page);
  const question = `Which app do you use (${Date.now().toString(36)})?`;
  const explanation = "We could not find an account with this address.";
  const outcome = "Everything we hold about you is in the file.";
  const status = page.getByTestId("staff-request-status");
  const confirmation = (text: string) => page.getByRole("status").filter({ hasText: text });

  // The button and the menu need a script: here every action is a link to a page with its form.
  const act = async (link: string, submit: string, done: string, state: string) => {
    await page.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(link);
    await page.getByRole("button", { name: submit, exact: true }).click();
    await expect(page).toHaveURL(/\/en\/dashboard\/requests\/[0-9a-f-]{36}\?done=[a-z_]+$/);
    await expect(confirmation(done)).toBeVisible();
    await expect(status).toContainText(state);
  };

  await page.goto(`/en/dashboard/requests/${declined.requestId}`);
  await expect(page.getByRole("button", { name: a.more })).toHaveCount(0);
  await act(a.start.submit, a.start.submit, a.start.done, statuses.in_progress);

  await page.getByRole("link", { name: a.ask.title }).click();
  await page.getByLabel(a.ask.message, { exact: true }).fill(question);
  await page.getByRole("button", { name: a.ask.submit }).click();
  await expect(confirmation(a.ask.done)).toBeVisible();
  await expect(status).toContainText(statuses.awaiting_requester);
  await expect(page.getByText(question).first()).toBeVisible();

  // Declining with no explanation is refused by the server: the reason chosen is still chosen.
  await page.getByRole("link", { name: a.deny.title }).click();
  await page.getByLabel(a.deny.reason, { exact: true }).selectOption({ label: d.denialReasons.no_match });
  await page.getByRole("button", { name: a.deny.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: d.errors.summary })).toBeVisible();
  await expect(page.getByText(d.errors.fields.required)).toBeVisible();
  await expect(page.getByLabel(a.deny.reason, { exact: true })).toHaveValue("no_match");
  await page.screenshot({ path: testInfo.outputPath("en-decline-refused-without-js.png"), fullPage: true });
  await page.getByLabel(a.deny.note, { exact: true }).fill(explanation);
  await page.getByRole("button", { name: a.deny.submit }).click();
  await expect(confirmation(a.deny.done)).toBeVisible();
  await expect(status).toContainText(statuses.denied);
  await page.screenshot({ path: testInfo.outputPath("en-declined-without-js.png"), fullPage: true });
  // Declined, it cannot be completed: that action has no page now.
  expect((await page.goto(`/en/dashboard/requests/${declined.requestId}/act/complete`))?.status()).toBe(404);

  // Completing an access request without its package is refused; the note stays, the file is chosen again.
  await page.goto(`/en/dashboard/requests/${completed.requestId}`);
  await act(a.start.submit, a.start.submit, a.start.done, statuses.in_progress);
  await page.getByRole("link", { name: a.complete.title }).click();
  await page.getByLabel(a.complete.note, { exact: true }).fill(outcome);
  await page.getByRole("button", { name: a.complete.submit }).click();
  await expect(page.getByText(d.errors.fields.fileRequired)).toBeVisible();
  await expect(page.getByText(a.filesChooseAgain)).toBeVisible();
  await expect(page.getByLabel(a.complete.note, { exact: true })).toHaveValue(outcome);
  await page.getByLabel(a.complete.files).and(page.locator("input[type=file]")).setInputFiles(pdfFile("your-data.pdf"));
  await page.getByRole("button", { name: a.complete.submit }).click();
  await expect(confirmation(a.complete.done)).toBeVisible();
  await expect(status).toContainText(statuses.completed);
  await expect(page.getByTestId("files")).toContainText("your-data.pdf");

  // The composer's tabs need a script: without one the internal note form sits under the reply form.
  const note = "Package checked by a second person.";
  await page.getByLabel(a.note.body, { exact: true }).fill(note);
  await page.getByRole("button", { name: a.note.submit }).click();
  await expect(confirmation(a.note.done)).toBeVisible();
  await expect(page.getByText(note).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("en-completed-and-noted-without-js.png"), fullPage: true });

  expectNoneIn(urls, [question, explanation, outcome, note]);
});
