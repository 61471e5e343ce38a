import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { exeRenamedPdf, hugePdf, pdfFile } from "./support/files";
import { readLatestEmail, readVerificationCode, uniqueEmail } from "./support/mailbox";

const STATUS_URL = /\/(ru|kk|en)\/r\/[A-Za-z0-9_-]{43}$/;

/** Reads the code from the mailbox, comes back to the verification page and enters it. */
async function verifyWithCode(page: Page, email: string, labels: { code: string; submit: string }) {
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\/verify$/);
  const verifyUrl = page.url();
  const code = await readVerificationCode(page, email);
  await page.goto(verifyUrl);
  await page.getByLabel(labels.code).fill(code);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(STATUS_URL);
}

test("access request in Russian: file, verify, follow, reply with a PDF, withdraw @smoke", async ({ page }) => {
  const email = uniqueEmail("access");
  await page.goto("/ru");
  await page.getByRole("link", { name: "Запросить копию данных" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Показать мои данные");
  await expectNoAxeViolations(page);

  await page.getByLabel("Данные об устройстве").check();
  await page.getByLabel("Геолокация").check();
  await page.getByLabel("Таблица CSV").check();
  await page.getByLabel("Комментарий").fill("<script>alert('x')</script> за 2025 год");
  await page.getByLabel("Имя и фамилия").fill("Айгерим Серікқызы");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel("Я согласен(на) на обработку указанных данных для рассмотрения этого запроса.").check();
  await page.getByRole("button", { name: "Отправить запрос" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Подтвердите адрес электронной почты");
  await verifyWithCode(page, email, { code: "Код из письма", submit: "Подтвердить" });
  const statusUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Запрос DSR-\d{4}-\d{6}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Запрос ", "");
  await expect(page.getByTestId("request-status")).toContainText("Получен, ожидает рассмотрения");
  // What they typed is shown back as text, markup and all.
  await expect(page.getByRole("region", { name: "Ваш запрос" })).toContainText("<script>alert('x')</script> за 2025 год");
  await expect(page.getByRole("region", { name: "Ваш запрос" })).toContainText("Данные об устройстве, Геолокация");
  await expectNoAxeViolations(page);

  const ack = await readLatestEmail(page, email, new RegExp(reference));
  expect(ack.text).toContain(new URL(statusUrl).pathname);

  await page.goto(statusUrl);
  await page.getByLabel("Сообщение", { exact: true }).fill("Прилагаю документ <b>важно</b>");
  await page.getByLabel("Вложения").and(page.locator("input[type=file]")).setInputFiles(pdfFile("паспорт.pdf"));
  await expect(page.getByRole("button", { name: "Убрать файл паспорт.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Отправить сообщение" }).click();
  await expect(page.getByRole("status")).toHaveText("Сообщение отправлено.");
  const message = page.getByRole("article").filter({ hasText: "Прилагаю документ" });
  await expect(message).toContainText("Прилагаю документ <b>важно</b>");
  const downloading = page.waitForEvent("download");
  await message.getByRole("link", { name: "Скачать паспорт.pdf" }).click();
  expect((await downloading).suggestedFilename()).toBe("паспорт.pdf");

  await page.getByLabel("Да, я хочу отозвать этот запрос").check();
  await page.getByRole("button", { name: "Отозвать запрос" }).click();
  await expect(page.getByTestId("request-status")).toContainText("Отозван вами");
  await expect(page.getByRole("button", { name: "Отправить сообщение" })).toHaveCount(0);
  const confirmation = await readLatestEmail(page, email, new RegExp(reference));
  expect(confirmation.subject).not.toBe(ack.subject);
});

test("correction request in Kazakh, confirmed with the one-click link", async ({ page }) => {
  const email = uniqueEmail("correction");
  await page.goto("/kk");
  await page.getByRole("link", { name: "Деректерді түзету" }).click();
  await page.getByLabel("Қандай мәліметтер").fill("Тегі");
  await page.getByLabel("Қазір не көрсетілген").fill("Сериков");
  await page.getByLabel("Қалай болуы керек").fill("Серікқызы <script>x</script>");
  await page.getByRole("button", { name: "Тағы бір түзету қосу" }).click();
  await page.getByLabel("Қандай мәліметтер").nth(1).fill("Телефон");
  await page.getByLabel("Қалай болуы керек").nth(1).fill("+7 701 000 00 00");
  await page.getByLabel("Растайтын құжаттар").setInputFiles(pdfFile("куәлік.pdf"));
  await page.getByLabel("Аты мен тегі").fill("Айгерим Серікқызы");
  await page.getByLabel("Электрондық пошта мекенжайы").fill(email);
  await page.getByLabel("Осы сұрауды қарау үшін көрсетілген деректердің өңделуіне келісемін.").check();
  await page.getByRole("button", { name: "Сұрауды жіберу" }).click();
  await expect(page).toHaveURL(/\/kk\/requests\/[0-9a-f-]{36}\/verify$/);

  const { text } = await readLatestEmail(page, email);
  const link = /https?:\/\/\S+\/kk\/requests\/confirm\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByRole("button", { name: "Мекенжайды растау" }).click();
  await expect(page).toHaveURL(STATUS_URL);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByTestId("request-status")).toContainText("Қабылданды, қаралуын күтуде");
  await expect(page.getByRole("main")).toContainText("Тегі: Сериков → Серікқызы <script>x</script>");

  // The same link cannot be used twice.
  await page.goto(new URL(link!).pathname);
  await page.getByRole("button", { name: "Мекенжайды растау" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
});

test("deletion request in English, filed on someone else's behalf with proof", async ({ page }) => {
  const email = uniqueEmail("deletion");
  await page.goto("/en/requests/new/deletion");
  await expect(page.getByRole("heading", { name: "What you should know before deleting" })).toBeVisible();
  await page.getByLabel("Only selected categories of data").check();
  await page.getByRole("group", { name: /^Which categories of data to delete/ }).getByLabel("Geolocation").check();
  await page.getByLabel("I understand that deletion cannot be undone").check();
  await page.getByLabel("First and last name", { exact: true }).fill("Daniyar Nurlanov");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Country or region whose laws apply to you").selectOption({ label: "European Union (GDPR)" });
  await page.getByLabel("I am submitting a request on behalf of someone else").check();
  await page.getByLabel("Your relationship to them").selectOption({ label: "Parent or guardian" });
  await page.getByLabel("First and last name of the person you are submitting the request for").fill("Aruzhan Nurlanova");
  await page.getByLabel("Document confirming your authority to act").setInputFiles(pdfFile("birth-certificate.pdf"));
  await page.getByLabel(/I agree to the processing/).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await verifyWithCode(page, email, { code: "Code from the email", submit: "Confirm" });
  await expect(page.getByTestId("request-status")).toContainText("Received, awaiting review");
  await expect(page.getByRole("main")).toContainText("Geolocation");
});

test("credential misuse in Russian is handled as a priority", async ({ page }) => {
  const email = uniqueEmail("misuse");
  await page.goto("/ru/requests/new/credential_misuse");
  await expect(page.getByRole("heading", { name: "Что сделать прямо сейчас" })).toBeVisible();
  await page.getByLabel("Какой учётной записью пользуется кто-то другой").fill("+7 701 555 44 33");
  await page.getByLabel("Когда вы это заметили").fill("20.11.2026");
  await page.getByLabel("Что произошло", { exact: true }).fill('Пришло SMS о входе <img src=x onerror="alert(1)">');
  await page.getByLabel("Не могу — нет доступа к учётной записи").check();
  await page.getByLabel("Имя и фамилия").fill("Алия <i>Касымова</i>");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel(/Я согласен\(на\)/).check();
  await page.getByRole("button", { name: "Отправить запрос" }).click();
  await verifyWithCode(page, email, { code: "Код из письма", submit: "Подтвердить" });
  await expect(page.getByTestId("request-status")).toContainText("Рассматривается в первую очередь");
  // Markup typed into free-text fields comes back as the same text, never as elements.
  const summary = page.getByRole("region", { name: "Ваш запрос" });
  await expect(summary).toContainText('Пришло SMS о входе <img src=x onerror="alert(1)">');
  await expect(summary).toContainText("Алия <i>Касымова</i>");
  await expect(summary.locator("img, i")).toHaveCount(0);
});

test("every missing field is named next to it and focus goes to the first", async ({ page }) => {
  await page.goto("/en/requests/new/access");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please check the highlighted fields.");
  await expect(page.getByRole("group", { name: /Which data you would like to receive/ })).toContainText("Choose at least one option.");
  const name = page.getByLabel("First and last name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Please fill in this field.").first()).toBeVisible();
  await expect(page.getByText("We cannot consider your request without this consent.")).toBeVisible();
  await expect(page.getByLabel("Identity and contact details")).toBeFocused();

  // Over-long and malformed input, with nothing typed lost.
  await page.getByLabel("Geolocation").check();
  await name.fill("N".repeat(201));
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("No more than 200 characters.")).toBeVisible();
  await expect(page.getByText("Enter an email address, for example name@example.com.")).toBeVisible();
  await expect(name).toHaveValue("N".repeat(201));
  await expect(page.getByLabel("Geolocation")).toBeChecked();
});

test("files are checked by content and size, and nothing typed is lost", async ({ page }) => {
  const email = uniqueEmail("files");
  await page.goto("/ru/requests/new/correction");
  await page.getByLabel("Какие сведения").fill("Фамилия");
  await page.getByLabel("Как должно быть").fill("Серікқызы");
  await page.getByLabel("Имя и фамилия").fill("Айгерим");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel(/Я согласен\(на\)/).check();
  const documents = page.getByLabel("Подтверждающие документы");

  await documents.setInputFiles(hugePdf(20));
  await page.getByRole("button", { name: "Отправить запрос" }).click();
  await expect(page.getByText("Файл «scan.pdf» больше 10 МБ.")).toBeVisible();
  await page.getByRole("button", { name: "Убрать файл scan.pdf" }).click();

  await documents.setInputFiles(exeRenamedPdf("invoice.pdf"));
  await page.getByRole("button", { name: "Отправить запрос" }).click();
  await expect(page.getByText("Файл «invoice.pdf» не похож на PDF, JPEG или PNG.")).toBeVisible();
  await expect(page.getByLabel("Имя и фамилия")).toHaveValue("Айгерим");
  await expect(page.getByLabel("Как должно быть")).toHaveValue("Серікқызы");
});

test("five wrong codes lock the code; bad links and tokens say so without revealing anything", async ({ page }) => {
  const email = uniqueEmail("locked");
  await page.goto("/en/requests/new/access");
  await page.getByLabel("Usage data", { exact: false }).first().check();
  await page.getByLabel("First and last name").fill("Test Person");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/I agree to the processing/).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  const code = await readVerificationCode(page, email);
  const wrong = code === "000000" ? "111111" : "000000";
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  const field = page.getByLabel("Code from the email");
  for (const left of ["4 attempts", "3 attempts", "2 attempts", "1 attempt"]) {
    await field.fill(wrong);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(`That code did not work. You have ${left} left.`);
  }
  await field.fill(wrong);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many incorrect attempts");
  await field.fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many incorrect attempts");

  await page.goto(`/en/requests/confirm/${"x".repeat(43)}`);
  await page.getByRole("button", { name: "Confirm address" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid or has already been used.");

  const random = await page.goto(`/en/r/${"A".repeat(43)}`);
  const malformed = await page.goto(`/en/r/not-a-token`);
  expect(random?.status()).toBe(404);
  expect(malformed?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link doesn’t work");
});

test("lost link: the page answers the same for any address, and links arrive for open requests", async ({ page }) => {
  await page.goto("/ru/requests/find");
  await page.getByLabel("Адрес электронной почты").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Прислать ссылки" }).click();
  const answer = await page.getByRole("status").textContent();
  expect(answer).toContain("Если с этого адреса есть открытые запросы");
  await expectNoAxeViolations(page);
});

test("filing is rate-limited per address with a translated wait time", async ({ page }) => {
  const email = uniqueEmail("limit");
  for (let i = 1; i <= 6; i++) {
    await page.goto("/en/requests/new/access");
    await page.getByLabel("Geolocation").check();
    await page.getByLabel("First and last name").fill(`Person ${i}`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel(/I agree to the processing/).check();
    await page.getByRole("button", { name: "Submit request" }).click();
    if (i <= 5) await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  }
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many attempts\. Please try again in \d+ minutes?\.$/);
  await expect(page.getByLabel("First and last name")).toHaveValue("Person 6");
});
