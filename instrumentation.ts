export async function register() {
  // The one process.env read outside lib/env.ts: Next.js replaces this literal at build time,
  // which keeps the Node-only start-up code out of the Edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startApp } = await import("@/lib/startup/start-app");
    await startApp();
  }
}
