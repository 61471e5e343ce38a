import { expect, test, type Page } from "@playwright/test";
import enShell from "../lib/i18n/messages/en/shell.json";
import ruShell from "../lib/i18n/messages/ru/shell.json";
import { signInAs } from "./support/staff";

/** Every URL the page asked for, so a test can prove the typed term travelled in none. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(decodeURIComponent(request.url())));
  page.on("framenavigated", (frame) => urls.push(decodeURIComponent(frame.url())));
  return urls;
}

test("the queue search keeps an e-mail address out of every URL, in a sealed strict cookie, and clears (ru)", async ({ page }) => {
  const t = ruShell.shell.search;
  await signInAs(page, "agent", "ru");
  const urls = recordUrls(page);

  // "/" from anywhere on the page puts the cursor in the search box.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: t.label });
  await expect(box).toBeFocused();
  await page.keyboard.type("ivan@example.kz");
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("queue-search-term")).toHaveText(t.results.replace("{term}", "ivan@example.kz"));
  await expect(page.getByRole("table")).toContainText("ivan@example.kz");
  await expect(box).toHaveValue("ivan@example.kz");
  expect(urls.filter((url) => url.includes("ivan"))).toEqual([]);

  const cookie = (await page.context().cookies()).find((c) => c.name === "pd_queue_search");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/ru/dashboard" });
  expect(Buffer.from(cookie!.value, "base64url").toString("latin1")).not.toContain("ivan");
  expect(cookie!.expires - Date.now() / 1000).toBeLessThanOrEqual(30 * 60 + 5);

  // Paging, filters and the request page keep the search without carrying it.
  await page.reload();
  await expect(page.getByTestId("queue-search-term")).toBeVisible();

  await page.getByRole("button", { name: t.clear }).click();
  await expect(page.getByTestId("queue-search-term")).toHaveCount(0);
  await expect(box).toHaveValue("");
  expect((await page.context().cookies()).find((c) => c.name === "pd_queue_search")).toBeUndefined();
});

test("a reference may stay in the URL: it is an opaque number colleagues can share (en)", async ({ page }) => {
  const t = enShell.shell.search;
  await signInAs(page, "agent", "en");
  const reference = (await page.getByRole("table").getByRole("link", { name: /^DSR-\d{4}-\d{6}$/ }).first().textContent())!.trim();
  const box = page.getByRole("searchbox", { name: t.label });
  await box.fill(reference.toLowerCase().replace(/^dsr-/, ""));
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/dashboard\\?q=${reference}$`));
  await expect(page.getByRole("table").getByRole("link", { name: /^DSR-/ })).toHaveText([reference]);
  // Anything else in ?q= is not read at all.
  await page.goto("/en/dashboard?q=ivan%40example.kz");
  await expect(page.getByTestId("queue-search-term")).toHaveCount(0);
});

test("the search works without JavaScript, by a form post (en)", async ({ page, browser }) => {
  const t = enShell.shell.search;
  await signInAs(page, "agent", "en");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await page.context().cookies());
  const plain = await context.newPage();
  const urls = recordUrls(plain);
  await plain.goto("/en/dashboard");
  const box = plain.getByRole("searchbox", { name: t.label });
  await box.fill("Иван");
  await plain.getByRole("search", { name: t.landmark }).getByRole("button", { name: t.submit }).click();
  await expect(plain.getByTestId("queue-search-term")).toHaveText(t.results.replace("{term}", "Иван"));
  await expect(plain.getByRole("table")).toContainText("Иван Петров");
  expect(urls.filter((url) => url.includes("Иван"))).toEqual([]);
  await plain.getByRole("button", { name: t.clear }).click();
  await expect(plain.getByTestId("queue-search-term")).toHaveCount(0);
  await context.close();
});
