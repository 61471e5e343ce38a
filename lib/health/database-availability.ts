/**
 * Is the database answering? proxy.ts asks before a page that needs the database is rendered,
 * so while PostgreSQL is down such pages answer 503 at once instead of each request waiting for
 * its own failure. The state lives on globalThis, shared by the proxy and the app's bundles; the
 * probe is registered by the app at start-up (lib/startup/start-app.ts) so that the proxy bundle
 * does not carry the database driver. No probe registered (PGlite, which lives in the process):
 * always available.
 */

type Probe = () => Promise<boolean>;
type State = { probe?: Probe; up: boolean; checkedAt: number; probing?: Promise<boolean> };

const holder = globalThis as unknown as { __privacyDeskAvailability?: State };

function state(): State {
  holder.__privacyDeskAvailability ??= { up: true, checkedAt: 0 };
  return holder.__privacyDeskAvailability;
}

/** While up, a probe at most this often (in the background: requests do not wait for it). */
export const RECHECK_UP_MS = 2_000;
/** While down, requests wait for one shared probe at most this often, so recovery is seen at once. */
export const RECHECK_DOWN_MS = 500;

export function registerDatabaseProbe(probe: Probe | undefined): void {
  const current = state();
  current.probe = probe;
  current.up = true;
  current.checkedAt = 0;
  current.probing = undefined;
}

function runProbe(current: State, now: number): Promise<boolean> {
  current.probing ??= current
    .probe!()
    .catch(() => false)
    .then((up) => {
      current.up = up;
      current.checkedAt = now;
      current.probing = undefined;
      return up;
    });
  return current.probing;
}

export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const current = state();
  if (!current.probe) return true;
  const age = now - current.checkedAt;
  if (current.up) {
    if (age >= RECHECK_UP_MS) void runProbe(current, now);
    return true;
  }
  return age >= RECHECK_DOWN_MS ? runProbe(current, now) : false;
}

/** A request found the database unavailable: the next ones get the 503 without trying. */
export function reportDatabaseUnavailable(now = Date.now()): void {
  const current = state();
  if (!current.probe) return;
  current.up = false;
  current.checkedAt = now;
}
