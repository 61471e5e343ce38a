import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { processTree, sumOverProcessTree } from "./process-tree";

describe("processTree", () => {
  it("holds a process and the children it started, and the sum skips processes that are gone", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10_000)"], { stdio: "ignore" });
    try {
      await once(child, "spawn");
      const tree = processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      expect(processTree(child.pid!)).toEqual([child.pid]);
      // A measure that throws for one member (as reading /proc of an exited process does) counts it 0.
      expect(sumOverProcessTree(process.pid, (pid) => { if (pid === child.pid) throw new Error("gone"); return 1; })).toBe(tree.length - 1);
    } finally {
      child.kill();
    }
  });
});
