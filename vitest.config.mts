import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    environment: "node",
    // next-intl's ESM imports "next/server" without an extension, which Node's resolver refuses;
    // letting Vite resolve it makes proxy.ts testable.
    server: { deps: { inline: ["next-intl"] } },
    // Integration tests spend much of their time waiting on PostgreSQL (another process): on this
    // 2-core machine three workers ran the suite in 259 s against 381 s with the default two.
    maxWorkers: 3,
    // Generous: under `npm test` the production build runs beside the tests (scripts/test.mjs), and
    // a hook that starts PGlite and seeds staff (argon2) can wait a long time for a core. A
    // passing test is not slower for it.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
