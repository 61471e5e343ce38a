import type { DataMap } from "./map-schema";
import { collectionGraph } from "./collection-graph";

export type RuleProblem = { path: (string | number)[]; message: string };

/**
 * The rules zod's shape cannot say: names unique, references pointing at collections that exist,
 * every erasure choice complete (a kept field names its legal reason), every collection reachable
 * from an identity field, correction targets declared.
 */
export function checkMapRules(map: DataMap): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const sourceIds = new Set<string>();
  map.sources.forEach((source, s) => {
    if (sourceIds.has(source.id)) problems.push({ path: ["sources", s, "id"], message: `source \`${source.id}\` is declared twice` });
    sourceIds.add(source.id);
    const tables = new Map(source.collections.map((collection) => [collection.table, collection]));
    const seenTables = new Set<string>();
    source.collections.forEach((collection, c) => {
      const at = ["sources", s, "collections", c];
      if (seenTables.has(collection.table)) problems.push({ path: [...at, "table"], message: `table \`${collection.table}\` is declared twice in source \`${source.id}\`` });
      seenTables.add(collection.table);
      if (collection.erase === "keep" && !collection.reason) problems.push({ path: [...at, "erase"], message: "a collection kept on erasure needs `reason` (the legal reason, shown to the requester)" });
      const columns = new Set<string>();
      collection.fields.forEach((field, f) => {
        const fieldAt = [...at, "fields", f];
        if (columns.has(field.column)) problems.push({ path: [...fieldAt, "column"], message: `column \`${field.column}\` is declared twice in \`${collection.table}\`` });
        columns.add(field.column);
        if (collection.erase === "fields") {
          if (!field.erase) problems.push({ path: fieldAt, message: `\`${collection.table}\` erases field by field: say what erasure does to \`${field.column}\` (erase: ${["set_null", "mask", "hash", "keep"].join(", ")})` });
          if (field.erase === "keep" && !field.reason) problems.push({ path: [...fieldAt, "erase"], message: `a field kept on erasure needs \`reason\` (the legal reason, shown to the requester)` });
          if (field.erase === "mask" && field.mask === undefined) problems.push({ path: [...fieldAt, "erase"], message: "mask needs `mask`: the fixed value written instead" });
          if (field.column === collection.key && field.erase !== "keep") problems.push({ path: [...fieldAt, "erase"], message: `\`${field.column}\` is the row's key: it cannot be changed, only kept (or delete the row)` });
        } else if (field.erase) {
          problems.push({ path: [...fieldAt, "erase"], message: `\`${collection.table}\` has erase: ${collection.erase}, which applies to the whole row; remove the field's own erase` });
        }
      });
      collection.references.forEach((reference, r) => {
        const [table] = reference.to.split(".");
        if (!tables.has(table!)) problems.push({ path: [...at, "references", r, "to"], message: `\`${reference.to}\` names no collection of source \`${source.id}\`` });
      });
    });
    const graph = collectionGraph(source);
    const reachable = graph.reachableFromIdentity();
    source.collections.forEach((collection, c) => {
      if (!reachable.has(collection.table)) {
        problems.push({ path: ["sources", s, "collections", c, "table"], message: `\`${collection.table}\` cannot be reached: it has no identity field and no reference leading to it from a collection that has one` });
      }
    });
  });
  map.http_sources.forEach((source, s) => {
    if (sourceIds.has(source.id)) problems.push({ path: ["http_sources", s, "id"], message: `source \`${source.id}\` is declared twice` });
    sourceIds.add(source.id);
    const tables = new Set<string>();
    source.collections.forEach((collection, c) => {
      if (tables.has(collection.table)) problems.push({ path: ["http_sources", s, "collections", c, "table"], message: `\`${collection.table}\` is declared twice in source \`${source.id}\`` });
      tables.add(collection.table);
    });
  });
  map.corrections.forEach((correction, i) => {
    const [sourceId, table, column] = correction.target.split(".");
    const source = map.sources.find((candidate) => candidate.id === sourceId);
    const collection = source?.collections.find((candidate) => candidate.table === table);
    if (!collection?.fields.some((field) => field.column === column)) {
      problems.push({ path: ["corrections", i, "target"], message: `\`${correction.target}\` is not a declared field` });
    }
  });
  return problems;
}
