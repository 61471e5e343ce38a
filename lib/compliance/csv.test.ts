import { describe, expect, it } from "vitest";
import { csvCell, csvRecord, neutraliseFormula } from "./csv";

describe("CSV cells", () => {
  it("quotes only cells with a quote, comma or line break, doubling quotes", () => {
    expect(csvCell("plain текст")).toBe("plain текст");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("one\ntwo")).toBe('"one\ntwo"');
    expect(csvCell("one\rtwo")).toBe('"one\rtwo"');
    expect(csvCell("")).toBe("");
  });

  it("neutralises every cell a spreadsheet would read as a formula, and nothing else", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"]) expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    for (const text of ["1-1", "a=b", " =1", "'=1", "Әсем", ""]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("ends each record with CRLF", () => {
    expect(csvRecord(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });
});
