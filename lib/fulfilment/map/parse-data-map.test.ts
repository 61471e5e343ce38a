import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_MAP_PATH } from "../testing";
import { collectionGraph, deletionOrder } from "./collection-graph";
import { describeProblem, parseDataMap } from "./parse-data-map";

const sample = () => readFileSync(SAMPLE_MAP_PATH, "utf8");

describe("parseDataMap", () => {
  it("accepts the committed sample map", () => {
    const parsed = parseDataMap(sample());
    expect(parsed.ok).toBe(true);
  });

  it("names the line and the problem of a bad category", () => {
    const text = sample().replace("category: geolocation", "category: gps");
    const parsed = parseDataMap(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const line = text.split("\n").findIndex((l) => l.includes("category: gps")) + 1;
    expect(parsed.problems[0]).toMatchObject({ line, path: "sources[0].collections[2].fields[0].category" });
    expect(describeProblem(parsed.problems[0]!)).toMatch(new RegExp(`^line ${line} .*expected a policy category`));
  });

  it("refuses a table name that is not a plain SQL name, an unknown key, a kept field without a reason", () => {
    const text = sample().replace("table: sessions", 'table: "sessions; drop table users"').replace("key: id\n        erase: delete_row\n        references:\n          - column: user_id\n            to: users.id\n        fields:\n          - column: model", "key: id\n        erase: delete_row\n        colour: red\n        references:\n          - column: user_id\n            to: users.id\n        fields:\n          - column: model");
    const parsed = parseDataMap(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.problems.map(describeProblem).join("\n");
    expect(messages).toMatch(/collections\[3\]\.table\): expected a plain SQL name/);
    expect(messages).toMatch(/unknown key `colour`/);

    const noReason = parseDataMap(sample().replace(/ {8}reason:\n {10}ru: Платёжные[^\n]*\n[^\n]*\n[^\n]*\n/, ""));
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.problems.map(describeProblem).join("\n")).toMatch(/collections\[6\]\.erase\): a collection kept on erasure needs `reason`/);
  });

  it("refuses references to unknown collections and collections nothing leads to", () => {
    const parsed = parseDataMap(sample().replace("to: devices.id", "to: gadgets.id"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.problems.map(describeProblem);
    expect(messages.some((m) => /`gadgets\.id` names no collection/.test(m))).toBe(true);
    expect(messages.some((m) => /`locations` cannot be reached/.test(m))).toBe(true);
  });

  it("reports YAML syntax errors with their line", () => {
    const parsed = parseDataMap("version: 1\nsources:\n  - id: app\n   type: postgres\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.line).toBe(4);
  });

  it("walks a cycle of references once, and keeps a lookup table from leading back", () => {
    const map = parseDataMap(`
version: 1
sources:
  - id: s
    type: postgres
    title: S
    collections:
      - table: a
        erase: delete_row
        references: [{ column: b_id, to: b.id }]
        fields: [{ column: email, category: identity_contacts, identity: email }]
      - table: b
        erase: delete_row
        references: [{ column: a_id, to: a.id }, { column: model_id, to: models.id, follow: to_parent }]
        fields: [{ column: note, category: usage }]
      - table: models
        erase: keep
        reason: { ru: справочник, kk: анықтамалық, en: lookup }
        fields: [{ column: name, category: device }]
`);
    expect(map.ok).toBe(true);
    if (!map.ok) return;
    const graph = collectionGraph(map.map.sources[0]!);
    expect([...graph.reachableFromIdentity()].sort()).toEqual(["a", "b", "models"]);
    expect(graph.edgesFrom("models")).toEqual([]);
    expect(deletionOrder(map.map.sources[0]!)).toHaveLength(3);
  });
});
