import { expect, test, type Page } from "@playwright/test";
import { signWebhookBody } from "../lib/security/webhook-signature";
import { readLatestEmail, uniqueEmail } from "./support/mailbox";
import { E2E_INBOUND_WEBHOOK_SECRET } from "./support/inbound";
import { fileAccessRequest } from "./support/requests";
import { signInAs } from "./support/staff";

/** A header of the e-mail open in the development mailbox. */
async function headerValue(page: Page, name: string): Promise<string> {
  return ((await page.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd[1]").textContent()) ?? "").trim();
}

async function postInbound(page: Page, raw: string, secret = E2E_INBOUND_WEBHOOK_SECRET) {
  const body = new TextEncoder().encode(raw);
  const timestamp = Math.floor(Date.now() / 1000);
  return page.request.post("/api/inbound-email", {
    headers: { "content-type": "message/rfc822", "x-privacy-desk-timestamp": String(timestamp), "x-privacy-desk-signature": signWebhookBody(secret, body, timestamp) },
    data: Buffer.from(body),
  });
}

test("a requester answers the acknowledgement by e-mail: the webhook checks the signature and the answer shows on the status page and in the dashboard @smoke", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("mailreply");
  const { reference } = await fileAccessRequest(page, email, "en");

  // The acknowledgement says where answers go: the request's own reply address.
  const ack = await readLatestEmail(page, email, /Request received/);
  const statusPath = /\/en\/r\/[A-Za-z0-9_-]{43}/.exec(ack.text)?.[0];
  expect(statusPath, `a status link in: ${ack.text}`).toBeTruthy();
  const replyTo = await headerValue(page, "Reply-To");
  expect(replyTo).toMatch(/^info\+[a-z2-7]{24}@smart-lift\.kz$/);
  const ackMessageId = await headerValue(page, "Message-ID");

  const answerId = `<answer-${Date.now()}@mail.example.kz>`;
  const raw = [
    `From: Dana Sultan <${email}>`,
    `To: ${replyTo}`,
    `Subject: Re: Request received [${reference}]`,
    `Message-ID: ${answerId}`,
    `In-Reply-To: ${ackMessageId}`,
    `References: ${ackMessageId}`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "I also use the app on a second phone, please include that one too.",
    "",
    `On Tue, 24 Nov 2026 at 10:00, Support <info@smart-lift.kz> wrote:`,
    "> We have received your request.",
    "",
  ].join("\r\n");

  // A wrong signature is refused and stores nothing; the right one is accepted.
  expect((await postInbound(page, raw, "not-the-secret-not-the-secret-not-the-secret")).status()).toBe(401);
  const accepted = await postInbound(page, raw);
  expect(accepted.status()).toBe(202);
  expect(await accepted.json()).toMatchObject({ status: "processed", duplicate: false });
  // The same message delivered again changes nothing.
  expect(await (await postInbound(page, raw)).json()).toMatchObject({ duplicate: true });

  // The requester sees their answer on the status page, without the quoted history.
  await page.goto(statusPath!);
  const correspondence = page.getByRole("region", { name: "Correspondence" });
  await expect(correspondence).toContainText("please include that one too");
  await expect(correspondence).not.toContainText("We have received your request.");
  await expect(correspondence.getByText("please include that one too")).toHaveCount(1);

  // Staff see it in the request's thread, marked as an e-mail.
  const staff = await browser.newPage();
  await signInAs(staff, "agent", "ru");
  await staff.goto(`/ru/dashboard?q=${encodeURIComponent(reference)}`);
  await staff.getByRole("link", { name: reference, exact: true }).click();
  await expect(staff.getByText("I also use the app on a second phone, please include that one too.", { exact: true })).toBeVisible();
  await expect(staff.getByRole("main")).toContainText("по электронной почте");
  // The whole e-mail, quoted history included, is one click away.
  await staff.getByText("Показать письмо целиком").click();
  await expect(staff.getByRole("main")).toContainText("> We have received your request.");
  await staff.close();
});
