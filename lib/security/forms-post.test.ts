import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * A form that relies on its script alone is sent by the browser as GET before the script runs, so
 * what was typed lands in the URL (address bar, history, logs, Referer). Every <form> in the app
 * therefore posts: `method="post"` or a server action as `action` (React posts those). GET is for
 * filters that carry no personal data.
 */
const ROOTS = ["app", "components"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

type FormTag = { file: string; line: number; method: string | null; action: boolean };

function formsIn(file: string): FormTag[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: FormTag[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === "form") {
      let method: string | null = null;
      let action = false;
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute)) continue;
        const name = attribute.name.getText(source);
        if (name === "action") action = true;
        if (name === "method" && attribute.initializer && ts.isStringLiteral(attribute.initializer)) method = attribute.initializer.text.toLowerCase();
      }
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, method, action });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const forms = ROOTS.flatMap(sourceFiles).flatMap(formsIn);

describe("every form posts (nothing typed goes into a URL before JavaScript runs)", () => {
  it("finds the forms it checks", () => {
    expect(forms.length).toBeGreaterThan(20);
  });

  it("gives every form method=\"post\" or a server action, unless it is an explicit GET filter", () => {
    const sentAsGetByDefault = forms.filter((form) => form.method === null && !form.action).map((form) => `${form.file}:${form.line}`);
    expect(sentAsGetByDefault).toEqual([]);
  });

  it("never posts a form with a server action as GET", () => {
    const getWithAction = forms.filter((form) => form.method === "get" && form.action).map((form) => `${form.file}:${form.line}`);
    expect(getWithAction).toEqual([]);
  });
});
