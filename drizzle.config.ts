import { defineConfig } from "drizzle-kit";

// Generating migrations needs no database; they are applied at start-up by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
