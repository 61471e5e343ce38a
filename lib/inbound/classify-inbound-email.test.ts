import PostalMime, { type Email } from "postal-mime";
import { describe, expect, it } from "vitest";
import { classifyInboundEmail, isBounceReportPart, isReportPart } from "./classify-inbound-email";
import { BOUNCE_FIXTURES, readFixture, readFixtureBytes } from "./fixtures";
import { normalizeLineEndings } from "./normalize-line-endings";

/** A minimal message with the given extra header lines; `body` may start with its own Content-Type. */
function message(headers: string[], body = "Content-Type: text/plain; charset=utf-8\n\nHello.\n"): Promise<Email> {
  const raw = ["From: Anna <anna@example.kz>", "To: info@smart-lift.kz", "Message-ID: <m1@example.kz>", ...headers, body].join("\n");
  return PostalMime.parse(raw);
}

/** A DSN with the given per-recipient groups and returned-message part. */
function dsn(recipientGroups: string[], returned: string, subject = "Delivery Status Notification (Failure)") {
  return message(
    [`Subject: ${subject}`, 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"'],
    [
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "Delivery has failed.",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.google.com",
      "",
      recipientGroups.join("\n\n"),
      "--b",
      returned,
      "--b--",
      "",
    ].join("\n"),
  );
}

const RETURNED_HEADERS = "Content-Type: text/rfc822-headers\n\nFrom: info@smart-lift.kz\nMessage-ID:\n <orig-2@smart-lift.kz>\nSubject: x";

describe("classifyInboundEmail: bounces", () => {
  it("reads the Postfix DSN fixture: recipient, status, action, diagnostic and the original Message-ID", async () => {
    const email = await PostalMime.parse(readFixture("dsn-bounce.eml", { FROM: "Anna.Ivanova@Example.kz" }));
    expect(classifyInboundEmail(email)).toEqual({
      kind: "bounce",
      bounce: {
        originalMessageId: "<orig-1@smart-lift.kz>",
        recipient: "anna.ivanova@example.kz",
        status: "5.1.1",
        action: "failed",
        diagnostic: "550 5.1.1 <Anna.Ivanova@Example.kz>: Recipient address rejected: User unknown in virtual mailbox table",
      },
    });
  });

  it("takes the failed recipient when a DSN reports several, and the original from a whole returned message", async () => {
    const email = await dsn(
      [
        "Final-Recipient: rfc822; ok@example.kz\nAction: delivered\nStatus: 2.0.0",
        "Original-Recipient: rfc822; <Gone@Example.kz>\nAction: failed\nStatus: 5.2.1 (mailbox disabled)\nDiagnostic-Code: smtp;\n 550-5.2.1 The account is disabled",
      ],
      "Content-Type: message/rfc822\n\nFrom: info@smart-lift.kz\nMessage-ID: orig-3@smart-lift.kz\nSubject: x\n\nbody with Message-ID: <not-this@x>\n",
    );
    expect(classifyInboundEmail(email).bounce).toEqual({
      originalMessageId: "<orig-3@smart-lift.kz>",
      recipient: "gone@example.kz",
      status: "5.2.1",
      action: "failed",
      diagnostic: "550-5.2.1 The account is disabled",
    });
  });

  it("reports a delayed DSN as a bounce with action 'delayed', reading a folded Message-ID from the headers part", async () => {
    const email = await dsn(["Final-Recipient: rfc822; slow@example.kz\nAction: delayed\nStatus: 4.4.7"], RETURNED_HEADERS, "Delayed Mail (still being retried)");
    expect(classifyInboundEmail(email)).toEqual({
      kind: "bounce",
      bounce: { originalMessageId: "<orig-2@smart-lift.kz>", recipient: "slow@example.kz", status: "4.4.7", action: "delayed", diagnostic: null },
    });
  });

  it("finds a message/delivery-status part even when the top-level type is not multipart/report", async () => {
    const email = await message(
      ["Subject: Returned", 'Content-Type: multipart/mixed; boundary="b"'],
      "\n--b\nContent-Type: text/plain\n\nFailed.\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; x@example.kz\nAction: failed\nStatus: 5.0.0\n--b--\n",
    );
    expect(classifyInboundEmail(email)).toMatchObject({ kind: "bounce", bounce: { recipient: "x@example.kz", status: "5.0.0", originalMessageId: null } });
  });

  it.each([
    ["MAILER-DAEMON@mx.example.kz", "Undelivered Mail Returned to Sender"],
    ["postmaster@example.kz", "Delivery Status Notification (Failure)"],
    ["mailer-daemon@yandex.ru", "Недоставленное сообщение"],
    ["Mailer-Daemon@mail.example.kz", "Mail delivery failed: returning message to sender"],
  ])("treats a notice from %s with subject %j as a bounce, with null fields it cannot know", async (from, subject) => {
    const email = await PostalMime.parse(`From: ${from}\nTo: info@smart-lift.kz\nSubject: ${subject}\n\nThe message could not be delivered.\n`);
    expect(classifyInboundEmail(email)).toEqual({
      kind: "bounce",
      bounce: { originalMessageId: null, recipient: null, status: null, action: "failed", diagnostic: null },
    });
  });

  it("finds the original Message-ID pasted into an Exim-style notice's text", async () => {
    const email = await PostalMime.parse(
      "From: Mail Delivery System <Mailer-Daemon@mx.example.kz>\nSubject: Mail delivery failed: returning message to sender\n\n" +
        "  anna@example.kz\n    mailbox is full\n\n------ This is a copy of the message's headers. ------\n\nMessage-Id: <orig-4@smart-lift.kz>\nSubject: x\n",
    );
    expect(classifyInboundEmail(email).bounce?.originalMessageId).toBe("<orig-4@smart-lift.kz>");
  });

  it("does not treat a person's mail about undelivered mail as a bounce", async () => {
    expect(classifyInboundEmail(await message(["Subject: Undelivered mail from you?"])).kind).toBe("reply");
  });

  it("calls the DSN a bounce although it also says Auto-Submitted", async () => {
    expect(classifyInboundEmail(await PostalMime.parse(readFixture("dsn-bounce.eml"))).kind).toBe("bounce");
  });
});

describe("classifyInboundEmail: bounces by structure, from the fixtures", () => {
  it.each(BOUNCE_FIXTURES)("%s: failed recipient, status %s and the original Message-ID", async (name, status) => {
    const raw = readFixtureBytes(name, { FROM: "anna@example.kz", ORIGINAL_MESSAGE_ID: "<orig-9@smart-lift.kz>" });
    const email = await PostalMime.parse(normalizeLineEndings(raw), { rfc822Attachments: true });
    expect(classifyInboundEmail(email)).toMatchObject({
      kind: "bounce",
      bounce: { recipient: "anna@example.kz", status, action: "failed", originalMessageId: "<orig-9@smart-lift.kz>" },
    });
  });

  it("takes X-Failed-Recipients over Exim's Auto-Submitted (a bounce, not an auto-reply)", async () => {
    const email = await message(["Subject: Mail delivery failed", "X-Failed-Recipients: anna@example.kz", "Auto-Submitted: auto-replied"]);
    expect(classifyInboundEmail(email)).toMatchObject({ kind: "bounce", bounce: { recipient: "anna@example.kz" } });
  });

  it("reads an SES notice wrapped in its SNS envelope, and calls a transient one delayed", async () => {
    const notice = { notificationType: "Bounce", bounce: { bounceType: "Transient", bouncedRecipients: [{ emailAddress: "Anna@Example.kz" }] }, mail: { commonHeaders: { messageId: "<o@x>" } } };
    const email = await message(["Subject: AWS Notification Message"], `Content-Type: text/plain\n\n${JSON.stringify({ Type: "Notification", Message: JSON.stringify(notice) })}\n`);
    expect(classifyInboundEmail(email)).toEqual({ kind: "bounce", bounce: { originalMessageId: "<o@x>", recipient: "anna@example.kz", status: null, action: "delayed", diagnostic: null } });
  });

  it("does not take a person's JSON or a delivery question for a bounce", async () => {
    expect(classifyInboundEmail(await message(["Subject: my data"], 'Content-Type: text/plain\n\n{"notificationType":"Delivery"}\n')).kind).toBe("reply");
    expect(classifyInboundEmail(await message(["Subject: Message delivery has failed?"], "Content-Type: text/plain\n\nYour mail did not arrive, why?\n")).kind).toBe("reply");
  });
});

describe("classifyInboundEmail: auto-replies", () => {
  it("recognises the Exchange out-of-office fixture", async () => {
    expect(classifyInboundEmail(await PostalMime.parse(readFixture("out-of-office.eml")))).toEqual({ kind: "auto_reply", bounce: null });
  });

  it.each([
    ["Auto-Submitted: auto-replied"],
    ["Auto-Submitted: auto-generated"],
    ["Auto-Submitted: auto-notified; owner-email=x@example.kz"],
    ["Precedence: auto_reply"],
    ["Precedence: bulk\nX-Auto-Response-Suppress: All"],
    ["X-Autoresponse: yes"],
    ["X-Autoreply: yes"],
    ["X-Autorespond: vacation"],
    ["X-Autogenerated: Reply"],
  ])("recognises %s", async (header) => {
    expect(classifyInboundEmail(await message(["Subject: Re: Обращение принято", header])).kind).toBe("auto_reply");
  });

  it.each([
    "Automatic reply: Request received",
    "Auto: Обращение принято",
    "Autoreply: away",
    "Auto-Reply: away",
    "Out of Office: Request received",
    "Out of office",
    "Автоответ: Обращение принято",
    "Автоматический ответ: Обращение принято",
    "Нет на месте: Обращение принято",
    "Автожауап: Өтініш қабылданды",
    "Автоматты жауап: Өтініш қабылданды",
    "Automatische Antwort: Ihre Anfrage",
    "Abwesenheitsnotiz: Ihre Anfrage",
    "Automatyczna odpowiedź: Twoje zgłoszenie",
    "Poza biurem: Twoje zgłoszenie",
    "תשובה אוטומטית: הבקשה שלך",
    "מחוץ למשרד",
    "Réponse automatique : votre demande",
  ])("recognises the subject %j", async (subject) => {
    expect(classifyInboundEmail(await message([`Subject: ${subject}`])).kind).toBe("auto_reply");
  });

  it.each([
    ["Auto-Submitted: no", "Subject: Re: Обращение принято"],
    ["X-Auto-Response-Suppress: All", "Subject: Re: Обращение принято"],
    ["X-Auto-Response-Suppress: OOF, DR, RN", "Subject: RE: Обращение принято"],
    ["Precedence: normal", "Subject: Re: Automobile lift"],
    ["Thread-Index: AQHbXk2Z", "Subject: Re: Автомобиль во дворе"],
    ["Precedence: list\nList-Id: <block4.lists.example.kz>", "Subject: Re: [DSR-2026-000001] Information needed"],
    ["Precedence: bulk", "Subject: Re: Обращение принято"],
    ["Precedence: junk", "Subject: Re: Обращение принято"],
    ["X-Mailer: Outlook", "Subject: Auto parts for my lift"],
  ])("keeps a person's reply with %s and %s a reply", async (header, subject) => {
    expect(classifyInboundEmail(await message([header, subject]))).toEqual({ kind: "reply", bounce: null });
  });
});

describe("report part types", () => {
  it("tells bounce evidence from files", () => {
    expect(isReportPart("message/delivery-status")).toBe(true);
    expect(isReportPart("message/rfc822")).toBe(false);
    expect(isBounceReportPart("text/rfc822-headers")).toBe(true);
    expect(isBounceReportPart("message/rfc822")).toBe(true);
    expect(isBounceReportPart("application/pdf")).toBe(false);
  });
});
