import type { MapCollection, MapSource } from "./map-schema";

/** One way to get from rows of one collection to rows of another: `from.fromColumn = to.toColumn`. */
export type Edge = { from: string; fromColumn: string; to: string; toColumn: string };

/**
 * The references of one source as directed edges. A reference `devices.user_id → users.id`
 * gives devices→users always, and users→devices unless it says `follow: to_parent`.
 */
export function collectionGraph(source: MapSource) {
  const byTable = new Map<string, MapCollection>(source.collections.map((collection) => [collection.table, collection]));
  const edges: Edge[] = [];
  for (const collection of source.collections) {
    for (const reference of collection.references) {
      const [table, column] = reference.to.split(".") as [string, string];
      if (!byTable.has(table)) continue;
      edges.push({ from: collection.table, fromColumn: reference.column, to: table, toColumn: column });
      if (reference.follow === "both") edges.push({ from: table, fromColumn: column, to: collection.table, toColumn: reference.column });
    }
  }
  const identityTables = source.collections.filter((collection) => collection.fields.some((field) => field.identity)).map((collection) => collection.table);
  return {
    edges,
    byTable,
    identityTables,
    edgesFrom: (table: string) => edges.filter((edge) => edge.from === table),
    /** Tables a search starting at identity fields can reach (a visited set, so cycles end). */
    reachableFromIdentity(): Set<string> {
      const seen = new Set<string>(identityTables);
      const queue = [...identityTables];
      while (queue.length > 0) {
        const table = queue.shift()!;
        for (const edge of edges) {
          if (edge.from === table && !seen.has(edge.to)) {
            seen.add(edge.to);
            queue.push(edge.to);
          }
        }
      }
      return seen;
    },
  };
}

/**
 * Tables in an order where a row that points at another (holds its key) comes first, so deleting
 * in this order never leaves a reference to a deleted row. Cycles keep the map's order.
 */
export function deletionOrder(source: MapSource): string[] {
  const pointsAt = new Map<string, Set<string>>(source.collections.map((collection) => [collection.table, new Set(collection.references.map((reference) => reference.to.split(".")[0]!))]));
  const order: string[] = [];
  const remaining = source.collections.map((collection) => collection.table);
  while (remaining.length > 0) {
    // A table nobody left points at can go now.
    const index = remaining.findIndex((table) => !remaining.some((other) => other !== table && pointsAt.get(other)?.has(table)));
    const [next] = remaining.splice(index === -1 ? 0 : index, 1);
    order.push(next!);
  }
  return order;
}
