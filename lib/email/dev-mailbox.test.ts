import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { deliverDueEmails } from "./deliver-due-emails";
import { getDevMailboxEmail, listDevMailbox } from "./dev-mailbox";
import { enqueueEmail } from "./enqueue-email";
import { devMailboxTransport } from "./transports";

describe.each(testEngines())("development mailbox on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function sendCode(to: string, code: string) {
    return database.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: "verification_code",
        locale: "kk",
        to,
        variables: { name: "Айгүл", code, verifyUrl: "https://privacy.example.com/kk/requests/confirm/t", minutes: 15 },
      }),
    );
  }

  it("keeps the mail, marks it sent, and finds the latest one to an address", async () => {
    await sendCode("other@example.com", "111111");
    const first = await sendCode("x@example.com", "222222");
    const latest = await sendCode("x@example.com", "333333");

    expect(await deliverDueEmails(database.db, devMailboxTransport)).toMatchObject({ claimed: 3, sent: 3 });

    const list = await listDevMailbox(database.db, { to: " X@Example.com ", limit: 10 });
    expect(list.map((e) => e.id)).toEqual([latest.id, first.id]);
    expect(list[0]).toMatchObject({ toAddress: "x@example.com", template: "verification_code", status: "sent", subject: "Сұрауды растау коды" });
    expect(await listDevMailbox(database.db, { limit: 10 })).toHaveLength(3);

    const email = await getDevMailboxEmail(database.db, list[0]!.id);
    expect(email).toMatchObject({ transport: "dev-mailbox", locale: "kk" });
    expect(email!.textBody.split("\n")).toContain("333333");
    expect(email!.headers).toMatchObject({ "Auto-Submitted": "auto-generated" });
  });

  it("answers null for an unknown or malformed id", async () => {
    expect(await getDevMailboxEmail(database.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getDevMailboxEmail(database.db, "not-a-uuid")).toBeNull();
  });

  it("refuses an invalid recipient or a header with a line break", async () => {
    await expect(sendCode("not an address", "444444")).rejects.toThrow();
    await expect(
      database.db.transaction((tx) =>
        enqueueEmail(tx, {
          template: "withdrawal_confirmation",
          locale: "en",
          to: "y@example.com",
          variables: { name: "Y", reference: "DSR-2026-000001" },
          headers: { "In-Reply-To": "<a@b>\r\nBcc: z@example.com" },
        }),
      ),
    ).rejects.toThrow(/invalid email header/);
  });

  it("does not mark a staff reply as automated", async () => {
    const reply = await database.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: "staff_reply",
        locale: "en",
        to: "y@example.com",
        replyTo: "info+token@smart-lift.kz",
        headers: { "In-Reply-To": "<a@smart-lift.kz>", References: "<a@smart-lift.kz>" },
        variables: { name: "Y", reference: "DSR-2026-000001", body: "Hello\nthere", statusUrl: "https://privacy.example.com/en/r/t" },
      }),
    );
    expect(reply.headers).toEqual({ "In-Reply-To": "<a@smart-lift.kz>", References: "<a@smart-lift.kz>" });
    expect(reply.replyTo).toBe("info+token@smart-lift.kz");
    expect(reply.fromAddress).toBe('"Liberty Astana LLP" <info@smart-lift.kz>');
  });
});
