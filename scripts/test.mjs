// `npm test`: the README's whole test run, in stages. Work that does not depend on the other
// runs side by side so a 2-core CI machine is busy while integration tests wait on databases:
//   1. type check (with Next's route types) and lint
//   2. unit + integration tests (Vitest) and the production build
//   3. Playwright against that build
// A failing stage stops the run; its output is printed with each command's name before it.
import { spawn } from "node:child_process";

const stages = [
  ["typecheck", "lint"],
  ["test:unit", "build:no-typecheck"],
  ["test:e2e:built"],
];

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const prefix = (chunk, stream) => {
      for (const line of chunk.toString().split(/\r?\n/)) if (line) stream.write(`[${script}] ${line}\n`);
    };
    child.stdout.on("data", (chunk) => prefix(chunk, process.stdout));
    child.stderr.on("data", (chunk) => prefix(chunk, process.stderr));
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`[${script}] ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds} s\n`);
      resolve(code === 0);
    });
  });
}

for (const stage of stages) {
  const results = await Promise.all(stage.map(run));
  if (results.includes(false)) process.exit(1);
}
