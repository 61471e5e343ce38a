import { describe, expect, it } from "vitest";
import { createRowCounter, downloadFilename } from "./export-progress";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("export progress", () => {
  it("counts CSV records, not the header or line breaks inside quoted cells, across chunk edges", () => {
    const counter = createRowCounter("csv");
    const text = '\uFEFFa,b\r\n"x\r\ny ""q"" z",1\r\nplain,"2\n3"\r\n';
    for (const piece of [text.slice(0, 9), text.slice(9, 14), text.slice(14)]) counter.add(utf8(piece));
    expect(counter.rows()).toBe(2);
  });

  it("counts JSON Lines rows by line", () => {
    const counter = createRowCounter("jsonl");
    counter.add(utf8('{"a":"x\\ny"}\n{"a":'));
    counter.add(utf8('"\\""}\n'));
    expect(counter.rows()).toBe(2);
  });

  it("takes the file name from Content-Disposition, the UTF-8 form first", () => {
    expect(downloadFilename(`attachment; filename="request-log.csv"; filename*=UTF-8''%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB.csv`, "x")).toBe("журнал.csv");
    expect(downloadFilename('attachment; filename="audit-log-2026-06-15.jsonl"', "x")).toBe("audit-log-2026-06-15.jsonl");
    expect(downloadFilename(null, "fallback.csv")).toBe("fallback.csv");
  });
});
