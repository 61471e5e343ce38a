import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "./sanitize-email-html";

describe("sanitizeEmailHtml", () => {
  it("keeps basic formatting, lists, quotes, headings and tables", () => {
    const html =
      '<h2>Заголовок</h2><p>Текст <b>жирный</b> <strong>сильный</strong> <i>курсив</i> <em>акцент</em> <u>подчёркнутый</u><br>строка</p>' +
      "<ul><li>один</li></ul><ol><li>два</li></ol><blockquote>цитата</blockquote><pre><code>код</code></pre>" +
      '<table><thead><tr><th colspan="2">A</th></tr></thead><tbody><tr><td rowspan="1">1</td><td>2</td></tr></tbody></table>';
    expect(sanitizeEmailHtml(html)).toBe(html.replace("<br>", "<br />"));
  });

  it("drops <script> and <style> with their content", () => {
    const clean = sanitizeEmailHtml("<style>p{color:red}</style><script>alert(1)</script><p>Hi</p>");
    expect(clean).toBe("<p>Hi</p>");
  });

  it("drops every on* handler", () => {
    expect(sanitizeEmailHtml('<p onclick="alert(1)" onmouseover="x()">Hi</p><div onload="y()">there</div>')).toBe("<p>Hi</p><div>there</div>");
  });

  it("drops style and class attributes", () => {
    expect(sanitizeEmailHtml('<p style="position:fixed;top:0" class="MsoNormal">Hi</p>')).toBe("<p>Hi</p>");
  });

  it("drops every image, remote, inline or data:", () => {
    const clean = sanitizeEmailHtml('<p>A<img src="http://tracker.example/open.gif?id=1" width="1">B<img src="cid:image001.png@01DB">C<img src="data:image/png;base64,AAAA"></p>');
    expect(clean).toBe("<p>ABC</p>");
  });

  it("drops iframes, objects, embeds, forms and their fallback text or fields", () => {
    const clean = sanitizeEmailHtml(
      '<iframe src="https://evil.example">fallback</iframe><object data="x.swf">fallback</object><embed src="x.swf">' +
        '<form action="https://evil.example"><input name="pw"><button>Log in</button></form><p>kept</p>',
    );
    expect(clean).toBe("<p>kept</p>");
  });

  it("drops the head, title, meta refreshes, base and Outlook's <o:p> and xml islands", () => {
    const clean = sanitizeEmailHtml(
      '<html><head><title>T</title><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"></head>' +
        '<body><xml><o:shapedefaults /></xml><p class="MsoNormal">Текст<o:p></o:p></p></body></html>',
    );
    expect(clean).toBe("<p>Текст</p>");
  });

  it("keeps http, https and mailto links, opening in a new tab without referrer", () => {
    const rel = 'rel="noopener noreferrer nofollow" target="_blank"';
    expect(sanitizeEmailHtml('<a href="https://example.kz/a" title="t" onclick="x()">s</a>')).toBe(`<a href="https://example.kz/a" ${rel}>s</a>`);
    expect(sanitizeEmailHtml('<a href="http://example.kz/">p</a>')).toBe(`<a href="http://example.kz/" ${rel}>p</a>`);
    expect(sanitizeEmailHtml('<a href="mailto:anna@example.kz">m</a>')).toBe(`<a href="mailto:anna@example.kz" ${rel}>m</a>`);
  });

  it.each([
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/path",
    "/relative/path",
    "#anchor",
  ])("turns a link to %j into plain text", (href) => {
    expect(sanitizeEmailHtml(`<p><a href="${href}">click</a></p>`)).toBe("<p><span>click</span></p>");
  });

  it("escapes text so nothing re-forms into markup", () => {
    expect(sanitizeEmailHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("returns null when nothing is left", () => {
    expect(sanitizeEmailHtml('<img src="http://tracker.example/a.gif"><script>x()</script>')).toBeNull();
    expect(sanitizeEmailHtml("")).toBeNull();
  });
});
