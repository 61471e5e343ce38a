import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README is the first thing a newcomer follows: every `npm run X` it names must be a script,
// and every repository path it names must exist, so a rename that forgets the README fails here.

const ROOT = import.meta.dirname;
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const SCRIPTS = Object.keys((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

/** Top-level folders and files whose paths the README may name. */
const REPO_ROOTS = ["app", "lib", "db", "e2e", "scripts", "bench", "components", "public", ".ci"];

/** `npm run X`, `npm run --silent X`, plus `npm test` and `npm start`. */
function npmScriptsNamed(text: string): string[] {
  const named = [...text.matchAll(/npm run (?:--?[\w-]+ )*([\w:.-]+)/g)].map((m) => m[1]!);
  const shortcuts = [...text.matchAll(/npm (test|start)\b/g)].map((m) => m[1]!);
  return [...new Set([...named, ...shortcuts])].sort();
}

/** Paths under the repository's top-level folders, and relative Markdown link targets. */
function repositoryPathsNamed(text: string): string[] {
  const rootPattern = REPO_ROOTS.map((r) => r.replace(".", "\\.")).join("|");
  const bare = [...text.matchAll(new RegExp(`(?<![\\w./<-])((?:${rootPattern})/(?:\\{[^}\\s]*\\}|[^\\s\`)'",;|{])*)`, "g"))].map((m) => m[1]!);
  const links = [...text.matchAll(/\]\(([^)\s#]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
  return [...new Set([...bare, ...links].map((p) => p.replace(/[.:]+$/, "")))].sort();
}

/** Expands `{ru,kk,en}`; a `<placeholder>` or `*` segment matches any entry of its folder. */
function pathExists(root: string, relative: string): boolean {
  const brace = relative.match(/\{([^}]*)\}/);
  if (brace) return brace[1]!.split(",").every((choice) => pathExists(root, relative.replace(brace[0], choice)));
  const segments = relative.split("/").filter(Boolean);
  let folders = [root];
  for (const segment of segments) {
    if (!/[<*]/.test(segment)) {
      folders = folders.map((f) => path.join(f, segment)).filter((f) => existsSync(f));
      continue;
    }
    const pattern = new RegExp(`^${segment.replace(/[.+?^$()|[\]\\]/g, "\\$&").replace(/<[^>]*>|\*/g, ".+")}$`);
    folders = folders.flatMap((f) => (existsSync(f) ? readdirSync(f).filter((e) => pattern.test(e)).map((e) => path.join(f, e)) : []));
  }
  return folders.length > 0;
}

describe("README", () => {
  it("names only npm scripts that package.json defines", () => {
    const named = npmScriptsNamed(README);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((script) => !SCRIPTS.includes(script))).toEqual([]);
  });

  it("names only repository paths that exist", () => {
    const named = repositoryPathsNamed(README);
    expect(named).toContain("lib/env.ts");
    expect(named.filter((p) => !pathExists(ROOT, p))).toEqual([]);
  });

  it("links to nothing outside the repository", () => {
    expect(repositoryPathsNamed(README).filter((p) => p.startsWith("../") || path.isAbsolute(p))).toEqual([]);
  });
});

describe("README checks can fail", () => {
  it("finds a missing script and a missing path", () => {
    expect(npmScriptsNamed("run `npm run nope:gone` then `npm run --silent mail:pipe`")).toEqual(["mail:pipe", "nope:gone"]);
    const paths = repositoryPathsNamed("see `lib/nope/gone.ts`, [x](../shared/DESIGN.md) and `lib/i18n/messages/{ru,kk}/<area>.json`.");
    expect(paths).toEqual(["../shared/DESIGN.md", "lib/i18n/messages/{ru,kk}/<area>.json", "lib/nope/gone.ts"]);
    expect(pathExists(ROOT, "lib/nope/gone.ts")).toBe(false);
    expect(pathExists(ROOT, "lib/i18n/messages/{ru,kk}/<area>.json")).toBe(true);
    expect(pathExists(ROOT, "lib/i18n/messages/{ru,xx}/site.json")).toBe(false);
  });
});
