// A verified request and its status-page token, seeded into the database the server will use
// (PGlite in DATA_DIR, or DATABASE_URL) before the server starts.
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { fileVerifiedRequest } from "@/lib/requests/testing";

export async function seedStatusToken({ dataDir, databaseUrl }: { dataDir: string; databaseUrl?: string }): Promise<string> {
  const connection = openDatabase(databaseUrl ? { databaseUrl } : { pgliteDataDir: path.join(dataDir, "pglite") });
  try {
    await migrateDatabase(connection);
    const { statusToken } = await fileVerifiedRequest(connection.db, { email: `bench-${Date.now()}@example.kz`, locale: "kk" });
    return statusToken;
  } finally {
    await connection.close();
  }
}
