// npm run demo:code — prints the current two-factor codes of the demo staff accounts (DEMO_DATA),
// read from DATA_DIR/demo-staff-logins.json. For trying the product; real accounts use an app.
import { readFileSync } from "node:fs";
import { generate } from "otplib";
import { demoLoginsFile, type DemoLogin } from "@/lib/startup/seed-demo-data";

async function main() {
  const logins = JSON.parse(readFileSync(demoLoginsFile(), "utf8")) as Record<string, DemoLogin>;
  const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
  for (const [role, login] of Object.entries(logins)) {
    console.log(`${role.padEnd(10)} ${login.email.padEnd(32)} ${await generate({ secret: login.totpSecret })}`);
  }
  console.log(`(valid for ${secondsLeft} more seconds, and the 30 seconds before and after; each code works once)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
