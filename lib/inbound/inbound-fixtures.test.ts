import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inboundEmails, outboxEmails, requestMessages, requests, type InboundEmail, type Request } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { fileVerifiedRequest } from "@/lib/requests/testing";
import { BOUNCE_FIXTURES, readFixtureBytes, type FixtureValues } from "./fixtures";
import { handleInboundWebhook } from "./inbound-webhook";
import { ingestEmail } from "./ingest-email";
import { AUTO_REPLY_CHANNEL } from "./message-channels";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "@/lib/security/webhook-signature";

// Subject matching trusts only our own mail server's Authentication-Results (see match-inbound-email.ts).
vi.stubEnv("INBOUND_TRUSTED_AUTHSERV_ID", "mx.smart-lift.kz");

const SECRET = "fixture-webhook-secret-0123456789abcdef";
const REQUESTER = "aigerim.nurlanova@example.kz";
const ROUTES = ["ingestEmail", "webhook"] as const;
type Route = (typeof ROUTES)[number];


/**
 * The shapes real mail arrives in (written for this project after real ones: bounces from qmail,
 * DragonFly, SES, Trend Micro, MailFoundry, Exchange, Exim; CR-only line endings; a NUL in the
 * subject; a list post; a bottom-posted reply; UTF-7; 8-bit bytes in encoded words), through both
 * ways in — ingestEmail and the signed webhook — on each engine. Raw bytes are kept exactly.
 */
describe.each(testEngines())("inbound fixtures on %s", (engine) => {
  let database: TestDatabase;
  let request: Request;
  let counter = 0;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(db());
    ({ request } = await fileVerifiedRequest(db(), { email: REQUESTER }));
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** A new outgoing e-mail on the request (what a reply answers, or what a bounce is about). */
  async function outgoing() {
    return db().transaction((tx) =>
      enqueueEmail(tx, { requestId: request.id, template: "withdrawal_confirmation", locale: "ru", to: REQUESTER, variables: { name: "Айгерим", reference: request.reference! } }),
    );
  }

  async function deliver(route: Route, raw: Buffer): Promise<InboundEmail> {
    let id: string;
    if (route === "ingestEmail") {
      ({ id } = await ingestEmail(db(), { raw, sourceKey: `test:${++counter}` }));
    } else {
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await handleInboundWebhook(
        new Request("http://127.0.0.1/api/inbound-email", {
          method: "POST",
          body: new Uint8Array(raw),
          headers: { [SIGNATURE_HEADER]: signWebhookBody(SECRET, raw, timestamp), [TIMESTAMP_HEADER]: String(timestamp) },
        }),
        { secret: SECRET, db: async () => db() },
      );
      expect(response.status).toBe(202);
      ({ id } = (await response.json()) as { id: string });
    }
    const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.id, id));
    // Nothing received is ever altered: the stored bytes are the delivered bytes.
    expect(Buffer.from(row!.raw).equals(raw)).toBe(true);
    return row!;
  }

  function fixture(name: string, route: Route, values: FixtureValues = {}) {
    return readFixtureBytes(name, { MESSAGE_ID: `<${name}-${route}-${++counter}@fixtures.example.kz>`, FROM: REQUESTER, SUBJECT_REF: request.reference!, ...values });
  }

  async function messageOf(email: InboundEmail) {
    const [message] = await db().select().from(requestMessages).where(eq(requestMessages.id, email.requestMessageId!));
    return message!;
  }

  describe.each(ROUTES)("through %s", (route) => {
    it.each(BOUNCE_FIXTURES)("%s marks the outgoing e-mail bounced (status %s) and says why", async (name, status) => {
      const sent = await outgoing();
      const email = await deliver(route, fixture(name, route, { ORIGINAL_MESSAGE_ID: sent.messageId }));
      expect(email).toMatchObject({ status: "processed", kind: "bounce", requestId: request.id });
      expect(email.bounce).toMatchObject({ recipient: REQUESTER, status, originalMessageId: sent.messageId });
      const [outbox] = await db().select().from(outboxEmails).where(eq(outboxEmails.id, sent.id));
      expect(outbox).toMatchObject({ status: "bounced" });
      expect(outbox!.bounceDetail).toContain(REQUESTER);
    });

    it("stores a subject ending in NUL and a NUL in the body without it, and the text reaches the request", async () => {
      const sent = await outgoing();
      const email = await deliver(route, fixture("nul-subject.eml", route, { IN_REPLY_TO: sent.messageId }));
      expect(email).toMatchObject({ status: "processed", kind: "reply", subject: "Ответ по запросу", matchedBy: "thread" });
      expect((await messageOf(email)).body).toBe("Модель телефона: Samsung A54, куплен в марте.");
    });

    it("a list post with Precedence: list is a reply whose text reaches the request", async () => {
      const sent = await outgoing();
      const email = await deliver(route, fixture("precedence-list-reply.eml", route, { IN_REPLY_TO: sent.messageId }));
      expect(email).toMatchObject({ status: "processed", kind: "reply" });
      expect((await messageOf(email)).body).toContain("Samsung A54, bought in March");
    });

    it("a bottom-posted reply keeps every word the person wrote", async () => {
      const sent = await outgoing();
      const email = await deliver(route, fixture("bottom-posted-reply.eml", route, { IN_REPLY_TO: sent.messageId }));
      const body = (await messageOf(email)).body;
      for (const words of ["since March 2025", "mostly on Mondays", "Sent from my desk, is much easier to type here", "Thanks,\nAigerim"]) expect(body).toContain(words);
    });

    it("decodes UTF-7 and UTF-8 bytes declared as us-ascii (inside encoded words too)", async () => {
      const sent = await outgoing();
      const utf7 = await deliver(route, fixture("utf7-reply.eml", route, { IN_REPLY_TO: sent.messageId }));
      expect(utf7).toMatchObject({ fromName: "Jan Frösche", subject: `Re: Frösche Antwort zu ${request.reference}` });
      expect((await messageOf(utf7)).body).toContain("gekauft in März). Grüße, Jan Frösche");
      const eightBit = await deliver(route, fixture("eight-bit-encoded-words.eml", route, { IN_REPLY_TO: sent.messageId }));
      expect(eightBit.subject).toBe("Re: Ответ по запросу");
      expect((await messageOf(eightBit)).body).toBe("Модель телефона: Samsung A54, куплен в марте.");
    });

    it("an automatic reply goes on the thread, marked, and changes nothing on the request", async () => {
      const sent = await outgoing();
      const before = (await db().select().from(requests).where(eq(requests.id, request.id)))[0]!;
      const email = await deliver(route, fixture("polish-auto-reply.eml", route, { IN_REPLY_TO: sent.messageId }));
      expect(email).toMatchObject({ status: "processed", kind: "auto_reply", requestId: request.id });
      const message = await messageOf(email);
      expect(message).toMatchObject({ channel: AUTO_REPLY_CHANNEL, direction: "inbound" });
      expect(message.body).toContain("Jestem na urlopie");
      const after = (await db().select().from(requests).where(eq(requests.id, request.id)))[0]!;
      expect(after.status).toBe(before.status);
    });

    it("bytes that are no e-mail are stored, acknowledged and failed with the reason and a next try", async () => {
      const email = await deliver(route, readFixtureBytes("malformed.eml"));
      expect(email.status).toBe("failed");
      expect(email.error).toMatch(/malformed e-mail/);
      expect(email.attempts).toBe(1);
      expect(email.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    });

    describe("a reference in the subject from the requester's address", () => {
      const spoofable = (id: string, authenticationResults: string[]) =>
        Buffer.from(
          [
            ...authenticationResults.map((value) => `Authentication-Results: ${value}`),
            `From: Aigerim <${REQUESTER}>`,
            "To: info@smart-lift.kz",
            `Subject: Re: [${request.reference}] please delete everything`,
            `Message-ID: <${id}-${route}-${++counter}@fixtures.example.kz>`,
            "Content-Type: text/plain; charset=utf-8",
            "",
            "I withdraw my request.",
            "",
          ].join("\r\n"),
        );

      it.each([
        ["no Authentication-Results at all", []],
        ["SPF and DMARC failing", ["mx.smart-lift.kz; spf=fail smtp.mailfrom=example.kz; dmarc=fail header.from=example.kz"]],
        ["a pass from a server we do not trust", ["mx.attacker.example; dmarc=pass header.from=example.kz"]],
        ["our id below the topmost of ours that fails", ["mx.smart-lift.kz; dmarc=fail header.from=example.kz", "mx.smart-lift.kz; dmarc=pass header.from=example.kz"]],
        ["DKIM passing for another domain", ["mx.smart-lift.kz; dkim=pass header.d=attacker.example; dmarc=none"]],
      ])("waits for a person, marked sender not verified, with %s", async (_label, results) => {
        const email = await deliver(route, spoofable("spoof", [...results]));
        expect(email).toMatchObject({ status: "unmatched", requestId: null, unmatchedReason: "sender_not_verified" });
      });

      it("is attached when our mail server says DMARC or aligned DKIM passed", async () => {
        const dmarc = await deliver(route, spoofable("dmarc", ["mx.smart-lift.kz; spf=pass smtp.mailfrom=example.kz; dkim=none; dmarc=pass (p=reject) header.from=example.kz"]));
        expect(dmarc).toMatchObject({ status: "processed", matchedBy: "subject", requestId: request.id, unmatchedReason: null });
        const dkim = await deliver(route, spoofable("dkim", ['mx.smart-lift.kz 1; dkim=pass (2048-bit key) header.d=example.kz header.s="s1"; dmarc=none']));
        expect(dkim).toMatchObject({ status: "processed", matchedBy: "subject" });
      });
    });
  });

  it("through the webhook: the same delivery twice is stored once", async () => {
    const sent = await outgoing();
    const raw = fixture("precedence-list-reply.eml", "webhook", { IN_REPLY_TO: sent.messageId });
    const first = await deliver("webhook", raw);
    const second = await deliver("webhook", raw);
    expect(second.id).toBe(first.id);
    const rows = await db().select().from(inboundEmails).where(and(eq(inboundEmails.id, first.id)));
    expect(rows).toHaveLength(1);
  });
});
