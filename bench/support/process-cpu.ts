// CPU time used by processes, from Linux /proc: what a benchmark's figures cost the server, which
// the machine's other load disturbs less than the rates.
import { readdirSync, readFileSync } from "node:fs";
import { sumOverProcessTree } from "./process-tree";

/** CPU time (user + system) process `pid` has used so far, in ms (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time used so far by process `pid` and its descendants (a server started through tsx runs in a child), in ms. */
export function processTreeCpuMs(pid: number): number {
  return sumOverProcessTree(pid, processCpuMs);
}

/**
 * CPU time used so far by the PostgreSQL backends serving database `name` (their command lines say
 * "postgres: … <user> <database> …"), in ms; 0 when the server is not on this machine. A pool's
 * connections live through a run, so the difference over a run is the database's work for it.
 */
export function databaseCpuMs(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(` ${name} `)) continue;
      total += processCpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
