import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

type Gauges = {
  databaseUp: Gauge;
  requests: Gauge<"status">;
  overdueRequests: Gauge;
  outboxEmails: Gauge<"status">;
  inboundFailed: Gauge;
  auditPendingRows: Gauge;
  auditSealLagSeconds: Gauge;
};
type Metrics = { registry: Registry; publicActions: Counter<"action" | "outcome">; gauges: Gauges };

// One registry per process, kept on globalThis: Next.js bundles the server actions that count and
// the route that is scraped separately, and module-level state would be a registry each.
const holder = globalThis as unknown as { __privacyDeskMetrics?: Metrics };

/** The process's Prometheus registry: counters incremented in code, gauges read at scrape time (operational-gauges.ts). */
export function metrics(): Metrics {
  if (!holder.__privacyDeskMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "privacy_desk_" });
    const publicActions = new Counter({
      name: "privacy_desk_public_actions_total",
      help: 'Public server actions by result: submissions are action="submitRequest" with outcome="ok"; any other outcome is the failure reason (invalid, rate_limited, unexpected, …).',
      labelNames: ["action", "outcome"] as const,
      registers: [registry],
    });
    const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
    const gauges: Gauges = {
      databaseUp: gauge("privacy_desk_database_up", "1 when the gauges below could be read from the database at this scrape, else 0 (and they are absent)."),
      requests: gauge("privacy_desk_requests", "Requests per status (the queue's depth), from the maintained counter.", ["status"] as const),
      overdueRequests: gauge("privacy_desk_requests_overdue", "Open requests past their due date."),
      outboxEmails: gauge("privacy_desk_outbox_emails", "Outbound e-mails waiting (pending) or given up on (failed, bounced).", ["status"] as const),
      inboundFailed: gauge("privacy_desk_inbound_emails_failed", "Inbound e-mails whose processing failed."),
      auditPendingRows: gauge("privacy_desk_audit_pending_rows", "Audit rows committed but not yet sealed into the hash chain."),
      auditSealLagSeconds: gauge("privacy_desk_audit_seal_lag_seconds", "Age of the oldest audit row waiting for its seal (0 when none)."),
    };
    holder.__privacyDeskMetrics = { registry, publicActions, gauges };
  }
  return holder.__privacyDeskMetrics;
}

/** The outcome label of an action's result: "ok", or the error code of { ok: false, error }. */
export function outcomeOf(result: unknown): string {
  if (result && typeof result === "object" && "ok" in result && result.ok === false) {
    const error = (result as { error?: unknown }).error;
    return typeof error === "string" && /^[a-z_]{1,40}$/.test(error) ? error : "failed";
  }
  return "ok";
}

export function countPublicAction(action: string, outcome: string): void {
  metrics().publicActions.inc({ action, outcome });
}
