// A process and its descendants, from Linux /proc: what a server started through a wrapper (tsx,
// next start) really is, for the benchmarks' memory and CPU figures.
import { readdirSync, readFileSync } from "node:fs";

/** The children of each process now running, by parent pid. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

/** Process `pid` and all its descendants now running. */
export function processTree(pid: number): number[] {
  const children = childrenByParent();
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    tree.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return tree;
}

/** The sum of `measure` over process `pid` and its descendants; a process that exits meanwhile counts 0. */
export function sumOverProcessTree(pid: number, measure: (pid: number) => number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      total += measure(member);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
