// Parts of a message catalogue for a client component, so the page's payload carries only the
// messages it words itself with. The request form picks single keys (request-form-messages.ts);
// components/client-messages.tsx picks namespaces and their parts.

export type Tree = { [key: string]: string | Tree };

/** Only `paths` (dotted keys or parts) of `tree`, nested as in the catalogue; a path the catalogue lacks is an error. */
export function pickMessagePaths(tree: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: string | Tree = tree;
    let to = picked;
    for (const [index, part] of parts.entries()) {
      const next: string | Tree | undefined = typeof from === "string" ? undefined : from[part];
      if (next === undefined) throw new Error(`${path} is not in the catalogue`);
      if (index === parts.length - 1) to[part] = next;
      else to = (to[part] ??= {}) as Tree;
      from = next;
    }
  }
  return picked;
}
