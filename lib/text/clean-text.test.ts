import { describe, expect, it } from "vitest";
import {
  hasControlCharacters,
  stripInvisibleFormatControls,
  toStorableText,
  toStorableTextOrNull,
} from "./clean-text";

describe("toStorableText", () => {
  it("drops NUL characters anywhere in the text", () => {
    expect(toStorableText("\u0000Ошибка\u0000 доставки\u0000")).toBe("Ошибка доставки");
  });

  it("replaces lone surrogates with U+FFFD and keeps paired ones", () => {
    expect(toStorableText("a\uD800b")).toBe("a\uFFFDb");
    expect(toStorableText("x\uDFFF")).toBe("x\uFFFD");
    expect(toStorableText("🙂 ok")).toBe("🙂 ok");
  });

  it("leaves ordinary multilingual text untouched", () => {
    const text = "Сәлем, қалайсыз? Привет!\r\n\tHello";
    expect(toStorableText(text)).toBe(text);
  });

  it("passes null through", () => {
    expect(toStorableTextOrNull(null)).toBeNull();
    expect(toStorableTextOrNull("a\u0000")).toBe("a");
  });
});

describe("stripInvisibleFormatControls", () => {
  it("removes zero-width and bidi override characters from a name", () => {
    expect(stripInvisibleFormatControls("Adm\u200Bin \u202Etxt.exe")).toBe("Admin txt.exe");
    expect(stripInvisibleFormatControls("\u2066Айгүл\u2069\uFEFF")).toBe("Айгүл");
  });

  it("keeps zero-width joiners that scripts and emoji need", () => {
    expect(stripInvisibleFormatControls("👩\u200D💻")).toBe("👩\u200D💻");
  });
});

describe("hasControlCharacters", () => {
  it("flags NUL, bell, escape and DEL but not tabs or line breaks", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u0007")).toBe(true);
    expect(hasControlCharacters("\u001B[31m")).toBe(true);
    expect(hasControlCharacters("x\u007F")).toBe(true);
    expect(hasControlCharacters("line one\r\nline two\tend")).toBe(false);
  });
});
