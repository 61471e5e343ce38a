import { describe, expect, it } from "vitest";
import { trimQuotedText, VISIBLE_TEXT_MAX_LENGTH } from "./trim-quoted-text";

const REPLY = "Спасибо, документы во вложении.\nАйгерим";
/** Not ">"-quoted, as in text converted from HTML or Outlook's plain text, so only the header can cut it. */
const QUOTE = "Здравствуйте, Айгерим!\nВаше обращение принято.";

/** The reply, the given quote header, then the original: only the reply may survive. */
async function expectHeaderCut(header: string, body = QUOTE) {
  const visible = await trimQuotedText(`${REPLY}\n\n${header}\n${body}\n`);
  expect(visible).toBe(REPLY);
}

describe("trimQuotedText: quote headers", () => {
  it.each([
    ["Gmail, Russian", "пн, 24 нояб. 2026 г. в 10:00, Поддержка <info@smart-lift.kz>:"],
    ["Gmail, Russian, capitalised weekday", "Пн, 24 нояб. 2026 г. в 10:00, Поддержка <info@smart-lift.kz>:"],
    ["Gmail, Russian, wrapped inside the address", "пн, 24 нояб. 2026 г. в 10:00, Служба поддержки Smart Lift <\ninfo@smart-lift.kz>:"],
    ["Gmail, Russian, wrapped over three lines", "пн, 24 нояб. 2026 г. в 10:00,\nСлужба поддержки персональных данных Smart Lift\n<info@smart-lift.kz>:"],
    ["Gmail, Kazakh", "Дс, 24 қар. 2026 ж., 10:00 Smart Lift қолдау қызметі <info@smart-lift.kz> жазды:"],
    ["Gmail, English", "On Mon, Nov 24, 2026 at 10:00 AM Smart Lift Support <info@smart-lift.kz> wrote:"],
    ["Yandex", '24.11.2026, 10:00, "Поддержка" <info@smart-lift.kz>:'],
    ["Mail.ru", "Понедельник, 24 ноября 2026, 10:00 +05:00 от Поддержка <info@smart-lift.kz>:"],
    ["Mail.ru, spaces inside the brackets", "Понедельник, 24 ноября 2026, 10:00 +05:00 от Поддержка < info@smart-lift.kz >:"],
    ["Apple Mail, English", "On 24 Nov 2026, at 10:00, Support <x@y.kz> wrote:"],
    ["Apple Mail, Russian", "24 нояб. 2026 г., в 10:00, Поддержка <info@smart-lift.kz> написал(а):"],
    ["Thunderbird, no address", "On 24.11.2026 10:00, Smart Lift Support wrote:"],
    ["bare address", "24.11.2026 10:00, info@smart-lift.kz:"],
  ])("cuts at a %s header", async (_client, header) => {
    await expectHeaderCut(header);
  });

  it("cuts at a header followed by a >-quoted original too", async () => {
    await expectHeaderCut("пн, 24 нояб. 2026 г. в 10:00, Поддержка <info@smart-lift.kz>:", "> Здравствуйте!\n>\n> Ваше обращение принято.");
  });

  it("keeps the line above a wrapped header (the header starts where it reads as one)", async () => {
    const visible = await trimQuotedText("Добрый день.\nДокументы прилагаю.\nпн, 24 нояб. 2026 г. в 10:00, Поддержка <\ninfo@smart-lift.kz>:\n> старое");
    expect(visible).toBe("Добрый день.\nДокументы прилагаю.");
  });

  it.each([
    ["English", "-----Original Message-----"],
    ["Russian", "-----Исходное сообщение-----"],
    ["Russian, short dashes", "--- Исходное сообщение ---"],
  ])("cuts at an Outlook %s separator", async (_language, separator) => {
    await expectHeaderCut(separator, "From: Support\nSent: Monday\n\nЗдравствуйте!");
  });

  it.each([
    ["Russian", "От: Служба поддержки <info@smart-lift.kz>\nОтправлено: 24 ноября 2026 г. 15:00\nКому: Ержан\nТема: Обращение принято"],
    ["English", "From: Smart Lift Support <info@smart-lift.kz>\nSent: Monday, November 24, 2026 10:00 AM\nTo: Erzhan\nSubject: Request received"],
    ["English, Outlook on the web", "From: Smart Lift Support\nDate: Monday, 24 November 2026 at 10:00\nTo: Erzhan"],
    ["Kazakh", "Кімнен: Қолдау қызметі <info@smart-lift.kz>\nЖіберілді: 24 қараша 2026 ж. 15:00\nКімге: Ержан\nТақырып: Өтініш"],
    ["Mail.ru forward-style", "От кого: Поддержка <info@smart-lift.kz>\nКому: Ержан\nДата: Понедельник, 24 ноября 2026, 10:00"],
  ])("cuts at an Outlook %s header block and the rule above it", async (_language, block) => {
    await expectHeaderCut(`________________________________\n${block}`, "Здравствуйте!\nВаше обращение принято.");
  });

  it("does not treat a lone line starting with From: as a header block", async () => {
    const text = "Ответ ниже.\nFrom: my old address, which I no longer use.\nСпасибо.";
    expect(await trimQuotedText(text)).toBe(text);
  });

  it("does not cut at an ordinary sentence that ends with a colon", async () => {
    const text = "Пишите мне на новый адрес после 10:00, он указан в подписи:\nanna@example.kz\nСпасибо.";
    expect(await trimQuotedText(text)).toBe(text);
  });
});

describe("trimQuotedText: > blocks, signatures and fallbacks", () => {
  it("drops a trailing > block with the header line above it", async () => {
    expect(await trimQuotedText("Yes, it was me.\n\nSupport wrote on 24.11.2026:\n> Did you send it?\n>> older\n")).toBe("Yes, it was me.");
  });

  it("keeps a plain intro line above a trailing > block (no verb, address or date in it)", async () => {
    expect(await trimQuotedText("Yes, it was me. Here is what you asked:\n> Did you send it?")).toBe("Yes, it was me. Here is what you asked:");
  });

  it("drops a trailing > block that has no header", async () => {
    expect(await trimQuotedText("Yes, it was me.\n\n> Did you send it?\n> \n")).toBe("Yes, it was me.");
  });

  it("keeps interleaved answers with the questions they answer", async () => {
    const text = "> Did you send the request?\nYes.\n> Which address should we use?\nanna@example.kz\n\n> Regards, Support";
    expect(await trimQuotedText(text)).toBe("> Did you send the request?\nYes.\n> Which address should we use?\nanna@example.kz");
  });

  it("lets email-reply-parser drop a mobile signature below the reply", async () => {
    expect(await trimQuotedText("Yes, it was me.\n\nSent from my iPhone\n\nOn 24 Nov 2026, at 10:00, Support <x@y.kz> wrote:\n> ?")).toBe(
      "Yes, it was me.",
    );
  });

  it("keeps a Russian sign-off (email-reply-parser's signature rules are English)", async () => {
    expect(await trimQuotedText("Подтверждаю.\n\nС уважением,\nАйгерим\n\n> вопрос")).toBe("Подтверждаю.\n\nС уважением,\nАйгерим");
  });

  it("returns the whole text when everything in it looks quoted, never an empty string", async () => {
    const forward = "-----Original Message-----\nFrom: Bank <no-reply@bank.example>\nSent: Monday\n\nYour statement";
    expect(await trimQuotedText(forward)).toBe(forward);
    expect(await trimQuotedText("> only a quote\n> nothing else")).toBe("> only a quote\n> nothing else");
  });

  it("normalises CRLF and trims trailing whitespace, also at line ends", async () => {
    expect(await trimQuotedText("\r\n\r\nHello   \r\nthere\t\r\n\r\n  \r\n")).toBe("Hello\nthere");
  });

  it("returns an empty string for an empty text", async () => {
    expect(await trimQuotedText("")).toBe("");
  });

  it("is quick on a long text, still cuts its quote, and shows an over-long reply cut with a mark", async () => {
    const long = "A long line of an ordinary reply without any quote in it at all.\n".repeat(20_000);
    const started = performance.now();
    const visible = await trimQuotedText(`${long}\nOn 24 Nov 2026, at 10:00, Support <x@y.kz> wrote:\n> q`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(visible).not.toContain("wrote:");
    expect(visible.endsWith("\n\n[…]")).toBe(true);
    expect(visible.length).toBeLessThanOrEqual(VISIBLE_TEXT_MAX_LENGTH + 5);
    expect(long.startsWith(visible.slice(0, -5).trimEnd())).toBe(true);
  });

  it("keeps a bottom-posted answer: the quote above it stays, nothing the person wrote is dropped", async () => {
    const text = [
      "Hi,",
      "",
      "On Mon, 24 Nov 2026 at 10:00, Support <info@smart-lift.kz> wrote:",
      "> Which phone do you use?",
      "",
      "A Samsung A54, since March.",
      "",
      "> Do you use the web version?",
      "",
      "Yes, on my laptop.",
      "",
      "Sent from my desk, is much easier to type here than on the phone.",
      "",
      "Thanks,",
      "Aigerim",
    ].join("\n");
    expect(await trimQuotedText(text)).toBe(text);
  });

  it("drops a history below the last answer, and a whole-line mobile signature, but never a sentence that starts like one", async () => {
    const answer = "> Which phone?\nA Samsung A54.\n\nSent from my desk, is much easier.";
    expect(await trimQuotedText(`${answer}\n\nOn 23 Nov 2026, at 10:00, Support <x@y.kz> wrote:\n> older`)).toBe(answer);
    expect(await trimQuotedText("A Samsung A54.\n\nSent from my iPhone")).toBe("A Samsung A54.");
    expect(await trimQuotedText("A Samsung A54.\n\nSent from my iPhone\nand the tablet too")).toBe("A Samsung A54.\n\nSent from my iPhone\nand the tablet too");
  });
});
