import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { dataMapSchema, type DataMap } from "./map-schema";
import { checkMapRules } from "./check-map-rules";

/** One problem in a map file: where (1-based line, path of keys) and what. */
export type MapProblem = { line: number | null; path: string; message: string };

export type ParsedMap = { ok: true; map: DataMap } | { ok: false; problems: MapProblem[] };

/** `sources[0].collections[2].fields[1].column`, the way people read a path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

/** The line a path points at: the value's own line, or its nearest parent's when the key is missing. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

/**
 * Reads a data map (YAML, or JSON, which is YAML too) and validates it: the shape with zod, then
 * the rules that join its parts (check-map-rules.ts). Every problem names its line and path.
 */
export function parseDataMap(text: string): ParsedMap {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({ line: lines.linePos(error.pos[0]).line, path: "", message: error.message.split("\n")[0]! })),
    };
  }
  const parsed = dataMapSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        line: lineOf(doc, lines, issue.path),
        path: formatPath(issue.path),
        message: issue.code === "unrecognized_keys" ? `unknown key ${issue.keys.map((key) => `\`${key}\``).join(", ")}` : issue.message,
      })),
    };
  }
  const ruleProblems = checkMapRules(parsed.data);
  if (ruleProblems.length > 0) {
    return { ok: false, problems: ruleProblems.map((problem) => ({ line: lineOf(doc, lines, problem.path), path: formatPath(problem.path), message: problem.message })) };
  }
  return { ok: true, map: parsed.data };
}

/** "line 12 (sources[0].collections[1].table): …" */
export function describeProblem(problem: MapProblem): string {
  const where = [problem.line !== null ? `line ${problem.line}` : null, problem.path ? `(${problem.path})` : null].filter(Boolean).join(" ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** "line 12 (sources[0].collections[1].fields[2].erase): " for a path in a map's text, so a problem found later (the live-schema check) names its line too. */
export function lineOfPath(text: string, path: readonly (string | number)[]): string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const line = lineOf(doc, lines, path);
  return `${describeProblem({ line, path: formatPath(path), message: "" }).replace(/: $/, "")}: `;
}
