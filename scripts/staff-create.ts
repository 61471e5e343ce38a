// npm run staff:create -- --email someone@example.com --role admin [--name "Name"] [--password …]
// Creates a staff account; without --password it generates one and prints it once.
import { parseArgs } from "node:util";
import { getConnection } from "@/db";
import { STAFF_ROLES } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import { isAppError } from "@/lib/errors/app-error";
import { generatePassword } from "@/lib/auth/passwords";
import { ensureAppReady } from "@/lib/startup/ensure-app-ready";
import { ZodError } from "zod";

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "agent" }, name: { type: "string" }, password: { type: "string" } },
  });
  if (!values.email) throw new Error("usage: npm run staff:create -- --email someone@example.com --role admin|agent|compliance [--name …] [--password …]");
  const role = STAFF_ROLES.find((known) => known === values.role);
  if (!role) throw new Error(`--role must be one of ${STAFF_ROLES.join(", ")}`);
  const password = values.password ?? generatePassword();
  await ensureAppReady();
  const connection = getConnection();
  try {
    const created = await createStaff(connection.db, { email: values.email, role, name: values.name ?? values.email, password }, SYSTEM_ACTOR);
    console.log(`created ${created.role} ${created.email}`);
    if (!values.password) console.log(`password: ${password}  (shown once; change it after signing in)`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  if (isAppError(error, "exists")) console.error("a staff account with this e-mail address already exists");
  else if (error instanceof ZodError) console.error(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
