import { readFile } from "node:fs/promises";
import path from "node:path";
import { demoDataEnabled, getEnv, type Env } from "@/lib/env";
import type { DataMap } from "./map-schema";
import { describeProblem, parseDataMap, type MapProblem } from "./parse-data-map";

/** The committed map of the demo's sample app. */
export const SAMPLE_MAP_FILE = "db/seed/fulfilment/sample-app-map.yaml";

/** Which map file is in force: FULFILMENT_MAP, else the sample app's in the demo, else none (fulfilment off). */
export function dataMapPath(env: Env = getEnv()): string | null {
  if (env.FULFILMENT_MAP) return path.resolve(env.FULFILMENT_MAP);
  return demoDataEnabled(env) ? path.resolve(SAMPLE_MAP_FILE) : null;
}

export class DataMapError extends Error {
  constructor(
    readonly file: string,
    readonly problems: MapProblem[],
  ) {
    super(`data map ${file} is invalid:\n${problems.map((problem) => `  ${describeProblem(problem)}`).join("\n")}`);
    this.name = "DataMapError";
  }
}

export type LoadedMap = { file: string; text: string; map: DataMap };

/**
 * The data map in force, read and validated on every call (it is small, and an edited file then
 * counts at once). null when fulfilment is off; DataMapError naming each line when invalid.
 */
export async function loadDataMap(env: Env = getEnv()): Promise<LoadedMap | null> {
  const file = dataMapPath(env);
  if (!file) return null;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DataMapError(file, [{ line: null, path: "", message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  const parsed = parseDataMap(text);
  if (!parsed.ok) throw new DataMapError(file, parsed.problems);
  return { file, text, map: parsed.map };
}
