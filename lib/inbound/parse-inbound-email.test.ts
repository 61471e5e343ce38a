import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { INBOUND_FIXTURES, readFixture, readFixtureBytes, type FixtureValues, type InboundFixture } from "./fixtures";
import { parseInboundEmail } from "./parse-inbound-email";
import { MalformedEmailError } from "./parsed-email";

const THREAD_ID = "<5d0c1e2a-8f3b-4c7d-9e6f-0a1b2c3d4e5f@smart-lift.kz>";
const REPLY_TO = "info+7kq2m9xw4t@smart-lift.kz";

const parseFixture = (name: InboundFixture, values?: FixtureValues) => parseInboundEmail(readFixtureBytes(name, values));

function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

describe("parseInboundEmail: fixtures", () => {
  it("Gmail reply: ids, addresses, decoded subject, quote cut, attachment", async () => {
    const parsed = await parseFixture("gmail-reply.eml", { FROM: "Aigerim.Nurlanova@Example.KZ", MESSAGE_ID: "CAGmail123@mail.gmail.com" });
    expect(parsed).toMatchObject({
      messageId: "<CAGmail123@mail.gmail.com>",
      from: { address: "aigerim.nurlanova@example.kz", name: "Айгерим Нурланова" },
      recipients: [REPLY_TO, "aigerim.nurlanova@corp.example.kz"],
      subject: "Re: Обращение принято [DSR-2026-000001]",
      inReplyTo: THREAD_ID,
      references: ["<b7e3a0c2-5d1f-4e8a-9c3b-2f6d8e1a4b7c@smart-lift.kz>", THREAD_ID],
      kind: "reply",
      bounce: null,
    });
    expect(parsed.date?.toISOString()).toBe("2026-11-25T11:12:28.000Z");
    expect(parsed.text).toContain("> Ваше обращение [DSR-2026-000001] принято.");
    expect(parsed.visibleText).toBe(
      "Здравствуйте!\n\nПрилагаю копию удостоверения личности, как вы просили. Номер договора —\nЛ-2024/118, лифт по адресу ул. Кабанбай батыра, 11.\n\nС уважением,\nАйгерим",
    );
    expect(parsed.htmlSanitized).toContain("<blockquote>");
    expect(parsed.htmlSanitized).toContain('<a href="mailto:info@smart-lift.kz" rel="noopener noreferrer nofollow" target="_blank">');
    expect(parsed.htmlSanitized).not.toContain("style=");
    expect(parsed.attachments).toHaveLength(1);
    const [pdf] = parsed.attachments;
    expect(pdf).toMatchObject({ filename: "удостоверение.pdf", contentType: "application/pdf" });
    expect(pdf!.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf!.bytes).toString("latin1")).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
  });

  it("Outlook reply: windows-1251 decoded, the От:/Отправлено: block cut, Word HTML cleaned", async () => {
    const parsed = await parseFixture("outlook-reply.eml");
    expect(parsed).toMatchObject({
      from: { address: "aigerim.nurlanova@example.kz", name: "Сапаров Ержан" },
      subject: "RE: Обращение принято [DSR-2026-000001]",
      inReplyTo: THREAD_ID,
      references: [THREAD_ID],
      kind: "reply",
      attachments: [],
    });
    expect(parsed.text).toContain("Отправлено: 24 ноября 2026 г. 15:00");
    expect(parsed.visibleText).toBe(
      "Добрый день.\n\nПодтверждаю, что запрос на удаление данных направлял я. Прошу также удалить мой номер телефона +7 701 555 12 34 из списка рассылки.\n\n" +
        "Ержан Сапаров\nГлавный инженер\nТОО «Пример Строй»\nТел.: +7 727 355 00 00",
    );
    const html = parsed.htmlSanitized!;
    expect(html).toContain("<p><span>Добрый день.</span></p>");
    for (const leftover of ["o:p", "style", "class=", "MsoNormal", "Cambria", "<title", "Сообщение", "xmlns", "<meta", "lang="]) {
      expect(html).not.toContain(leftover);
    }
  });

  it("Apple Mail reply: format=flowed lines joined, the English header and > quotes cut", async () => {
    const parsed = await parseFixture("apple-mail-reply.eml");
    expect(parsed).toMatchObject({ subject: "Re: Request received [DSR-2026-000001]", inReplyTo: THREAD_ID, references: [THREAD_ID], htmlSanitized: null });
    expect(parsed.visibleText).toBe(
      "Hello,\n\nYes, I confirm that I submitted the access request myself. Please send the copy of my data to this address, a PDF is fine.\n\nThanks,\nDaniyar",
    );
    expect(parsed.text).toContain("On 24 Nov 2026, at 10:00, Smart Lift Support <info@smart-lift.kz> wrote:");
  });

  it("reply with a changed subject: threaded by its headers, Yandex header and signature cut", async () => {
    const parsed = await parseFixture("subject-changed.eml");
    expect(parsed).toMatchObject({ subject: "Вопрос по удалению данных", inReplyTo: THREAD_ID, references: [THREAD_ID] });
    expect(parsed.from?.name).toBe("Марат Бекенов");
    expect(parsed.visibleText).toBe(
      "Добрый день!\n\nУдалите, пожалуйста, и записи с камер в кабине лифта, если они хранятся\nбольше 30 дней. Адрес: пр. Абая, 52, подъезд 3.",
    );
  });

  it("reply without References: In-Reply-To only, Kazakh text kept, Mail.ru header cut", async () => {
    const parsed = await parseFixture("no-references.eml", { IN_REPLY_TO: "<abc@smart-lift.kz>" });
    expect(parsed).toMatchObject({ inReplyTo: "<abc@smart-lift.kz>", references: [], subject: "Re: Обращение принято [DSR-2026-000001]" });
    expect(parsed.visibleText).toBe("Сәлеметсіз бе!\n\nӨтінішімді растаймын. Деректерімді жою туралы сұрауды өзім жібердім.\n\nРақмет,\nАйдана");
  });

  it("message with neither In-Reply-To nor References: only the subject names the request", async () => {
    const parsed = await parseFixture("no-thread-headers.eml", { SUBJECT_REF: "DSR-2026-000042", REPLY_TO: "info@smart-lift.kz" });
    expect(parsed).toMatchObject({ inReplyTo: null, references: [], recipients: ["info@smart-lift.kz"], subject: "Өтініш DSR-2026-000042 - қосымша құжаттар" });
    expect(parsed.visibleText).toBe(parsed.text);
    expect(parsed.text).toContain("+7 702 123 45 67");
  });

  it("DSN bounce: kind, detail, and no attachments from the report parts", async () => {
    const parsed = await parseFixture("dsn-bounce.eml", { ORIGINAL_MESSAGE_ID: "<9f1e@smart-lift.kz>" });
    expect(parsed).toMatchObject({
      kind: "bounce",
      from: { address: "mailer-daemon@mail.smart-lift.kz", name: "Mail Delivery System" },
      recipients: ["info@smart-lift.kz"],
      attachments: [],
      bounce: {
        originalMessageId: "<9f1e@smart-lift.kz>",
        recipient: "aigerim.nurlanova@example.kz",
        status: "5.1.1",
        action: "failed",
        diagnostic: expect.stringMatching(/^550 5\.1\.1 .*User unknown/),
      },
    });
    expect(parsed.text).toContain("could not\nbe delivered");
  });

  it("Exchange out-of-office: an auto-reply", async () => {
    const parsed = await parseFixture("out-of-office.eml");
    expect(parsed).toMatchObject({ kind: "auto_reply", bounce: null, subject: "Автоматический ответ: Обращение принято [DSR-2026-000001]", inReplyTo: THREAD_ID });
    expect(parsed.visibleText).toContain("Я в отпуске до 1 декабря 2026 г.");
  });

  it("message without Message-ID: messageId null, the rest still read", async () => {
    const parsed = await parseFixture("no-message-id.eml");
    expect(parsed).toMatchObject({ messageId: null, from: { address: "aigerim.nurlanova@example.kz", name: null }, inReplyTo: THREAD_ID, kind: "reply" });
    expect(parsed.visibleText).toBe("Сканированные документы отправлю отдельным письмом.");
  });

  it("malformed bytes: MalformedEmailError", async () => {
    await expect(parseFixture("malformed.eml")).rejects.toThrow(MalformedEmailError);
  });

  it("HTML-only message: text from the HTML, quote cut, every dangerous thing gone from the HTML", async () => {
    const parsed = await parseFixture("html-only.eml");
    expect(parsed.visibleText).toBe(
      "Hello, here is my answer.\n\nI confirm the request. Please delete my data.\n\n" +
        "Click for details or see my page [https://www.example.kz/privacy], or write to me [gulnara@example.kz].\n\nThank you.\n\nAddress\nAbai ave 52   flat 3",
    );
    expect(parsed.text).toContain("> We have received your request [DSR-2026-000001].");
    for (const unsafe of ["javascript", "tracker", "Enter your password", "fallback text", "document.location"]) {
      expect(parsed.text).not.toContain(unsafe);
    }
    const html = parsed.htmlSanitized!;
    for (const unsafe of ["<script", "document.cookie", "onclick", "onload", "onmouseover", "<img", "tracker", "javascript", "<style", "display:none", "style=", "<iframe", "<form", "<input", "<object", "fallback text", "bgcolor"]) {
      expect(html).not.toContain(unsafe);
    }
    expect(html).toContain('<a href="https://www.example.kz/privacy" rel="noopener noreferrer nofollow" target="_blank">my page</a>');
    expect(html).toContain("<span>Click for details</span>");
    expect(html).toContain('<td colspan="2">Address</td>');
  });

  it.each(INBOUND_FIXTURES.filter((name) => name !== "malformed.eml"))("%s parses untouched; as text it is the same bytes", async (name) => {
    const text = readFixture(name);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(Buffer.from(text).equals(readFixtureBytes(name))).toBe(true);
    await expect(parseInboundEmail(Buffer.from(text))).resolves.toMatchObject({ kind: expect.any(String) });
  });

  it("fills placeholders with the values given, defaults otherwise, and keeps malformed.eml's bytes", () => {
    const text = readFixture("no-references.eml", { FROM: "anna@example.kz", SUBJECT_REF: "" });
    expect(text).toContain("<anna@example.kz>");
    expect(text).toContain("<info+7kq2m9xw4t@smart-lift.kz>");
    expect(text).toContain("Subject: =?UTF-8?B?UmU6INCe0LHRgNCw0YnQtdC90LjQtSDQv9GA0LjQvdGP0YLQvg==?= []");
    expect(readFixture("gmail-reply.eml")).toContain("Message-ID: <gmail-reply.fixture@mail.example.kz>");
    expect([...readFixtureBytes("malformed.eml").subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe("parseInboundEmail: headers", () => {
  it("brackets a bare Message-ID and takes the first of several In-Reply-To ids", async () => {
    const parsed = await parseInboundEmail(
      latin1("From: a@example.kz\nMessage-ID:  bare-id@host.kz \nIn-Reply-To: <one@x.kz> <two@x.kz>\nReferences: zero@x.kz <one@x.kz>\n\nhi\n"),
    );
    expect(parsed).toMatchObject({ messageId: "<bare-id@host.kz>", inReplyTo: "<one@x.kz>", references: ["<one@x.kz>"] });
  });

  it("collects To, Cc, groups, Delivered-To, X-Original-To and Envelope-To, lower-cased, without repeats", async () => {
    const parsed = await parseInboundEmail(
      latin1(
        [
          "Delivered-To: Info+Tok@Smart-Lift.kz",
          "X-Original-To: info+tok@smart-lift.kz, archive@smart-lift.kz",
          "Envelope-To: envelope@smart-lift.kz",
          "From: Anna <ANNA@Example.kz>",
          "To: Team: One <one@x.kz>, two@x.kz;, INFO+TOK@smart-lift.kz",
          "Cc: <Three@X.kz>",
          "Bcc: hidden@x.kz",
          "Subject: s",
          "",
          "hi",
        ].join("\r\n"),
      ),
    );
    expect(parsed.recipients).toEqual(["one@x.kz", "two@x.kz", "info+tok@smart-lift.kz", "three@x.kz", "archive@smart-lift.kz", "envelope@smart-lift.kz"]);
    expect(parsed.from).toEqual({ address: "anna@example.kz", name: "Anna" });
  });

  it("leaves out what is missing or unreadable: no From, no subject, a date that is not one", async () => {
    const parsed = await parseInboundEmail(latin1("Message-ID: <x@y.kz>\nSubject:   \nDate: someday soon\n\nhi\n"));
    expect(parsed).toMatchObject({ from: null, subject: null, date: null, inReplyTo: null, references: [], recipients: [], htmlSanitized: null, attachments: [] });
  });
});

describe("parseInboundEmail: malformed input", () => {
  it.each([
    ["empty input", new Uint8Array(0)],
    ["only a blank line then a field", latin1("\nFrom: a@example.kz\n\nbody")],
    ["plain prose", latin1("Hello, this is just text\nwith no header at all.\n")],
    ["a header section without From, Message-ID, Subject or Date", latin1("Received: from x by y\nX-Thing: 1\n\nbody\n")],
    ["a header section over postal-mime's 2 MB limit", latin1(`From: a@example.kz\nX-Huge: ${"a".repeat(2.2 * 1024 * 1024)}\n\nbody\n`)],
  ])("rejects %s", async (_case, raw) => {
    const parsing = parseInboundEmail(raw);
    await expect(parsing).rejects.toThrow(MalformedEmailError);
    await expect(parsing).rejects.toThrow(/^malformed e-mail: /);
  });

  it("accepts a message whose only identifying field is a Subject", async () => {
    await expect(parseInboundEmail(latin1("Subject: hello\n\nbody\n"))).resolves.toMatchObject({ subject: "hello", text: "body" });
  });
});

describe("parseInboundEmail: bodies and attachments", () => {
  const compose = (options: ConstructorParameters<typeof MailComposer>[0]) =>
    new MailComposer({ from: "anna@example.kz", to: "info@smart-lift.kz", subject: "s", ...options }).compile().build();

  it("keeps inline images and attached files and messages, skips alternative renderings of the body", async () => {
    const raw = [
      "From: anna@example.kz",
      "Subject: screenshot",
      'Content-Type: multipart/mixed; boundary="m"',
      "",
      "--m",
      'Content-Type: multipart/alternative; boundary="a"',
      "",
      "--a",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Screenshot below.",
      "--a",
      "Content-Type: text/watch-html",
      "",
      "<b>Screenshot</b>",
      "--a",
      'Content-Type: multipart/related; boundary="r"',
      "",
      "--r",
      "Content-Type: text/html; charset=utf-8",
      "",
      '<p>Screenshot below.</p><img src="cid:shot@x">',
      "--r",
      "Content-Type: image/png",
      "Content-ID: <shot@x>",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("PNGDATA").toString("base64"),
      "--r--",
      "--a--",
      "--m",
      "Content-Type: message/rfc822",
      'Content-Disposition: attachment; filename="old.eml"',
      "",
      "From: x@y.kz",
      "Subject: old",
      "",
      "old body",
      "--m",
      "Content-Type: application/octet-stream",
      "Content-Disposition: attachment",
      "",
      "blob",
      "--m--",
      "",
    ].join("\r\n");
    const parsed = await parseInboundEmail(latin1(raw));
    expect(parsed.attachments.map(({ filename, contentType }) => ({ filename, contentType }))).toEqual([
      { filename: "attachment", contentType: "image/png" },
      { filename: "old.eml", contentType: "message/rfc822" },
      { filename: "attachment", contentType: "application/octet-stream" },
    ]);
    expect(Buffer.from(parsed.attachments[0]!.bytes).toString()).toBe("PNGDATA");
    expect(parsed.text).toBe("Screenshot below.");
    expect(parsed.htmlSanitized).toBe("<p>Screenshot below.</p>");
  });

  it("reads a message with a 30 MB attachment byte for byte", async () => {
    const size = 30 * 1024 * 1024;
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) content[i] = (i / 4096) % 256;
    const raw = await compose({ text: "See the scan.", attachments: [{ filename: "scan.pdf", content, contentType: "application/pdf" }] });
    expect(raw.length).toBeGreaterThan(40 * 1024 * 1024);

    // Speed belongs to benchmarks, not to a timed assertion that fails on a busy machine.
    const parsed = await parseInboundEmail(raw);

    expect(parsed.visibleText).toBe("See the scan.");
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe("scan.pdf");
    expect(parsed.attachments[0]!.bytes.byteLength).toBe(size);
    expect(Buffer.compare(Buffer.from(parsed.attachments[0]!.bytes), content)).toBe(0);
  });
});
