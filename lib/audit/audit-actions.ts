import { TIMELINE_KINDS, type TimelineKind } from "@/lib/requests/timeline-events";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * Every action the audit log records, as `domain.verb`: each request timeline kind as
 * `request.<kind>` (lib/requests/timeline-events.ts), and the rest below. recordAuditEvent takes
 * only these, and the audit page names each in ru, kk and en (audit-actions.test.ts checks it).
 */
export const OTHER_AUDIT_ACTIONS = [
  "email.bounced",
  "inbound_email.processed",
  "inbound_email.attached",
  "inbound_email.dismissed",
  "inbound_email.retried",
  "staff.created",
  "staff.invited",
  "staff.reinvited",
  "staff.invite_accepted",
  "staff.role_changed",
  "staff.disabled",
  "staff.enabled",
  "staff.signed_in",
  "staff.sign_in_failed",
  "staff.locked_out",
  "staff.signed_out",
  "staff.sessions_revoked",
  "staff.sign_in_delays_cleared",
  "staff.two_factor_enrolled",
  "staff.two_factor_failed",
  "staff.two_factor_recovery_code_used",
  "staff.two_factor_reset",
  "staff.password_changed",
  "staff.password_change_failed",
  "reply_template.created",
  "reply_template.updated",
  "reply_template.defaults_seeded",
  "calendar.day_saved",
  "calendar.day_removed",
  "deadline.defaults_seeded",
  "policy.version_published",
  "retention.policy_updated",
  "export.created",
  "report.downloaded",
  "audit.verified",
  "fulfilment.source_saved",
  "fulfilment.connection_tested",
  "fulfilment.correction_applied",
] as const;

export type AuditAction = `request.${TimelineKind}` | (typeof OTHER_AUDIT_ACTIONS)[number];

export const AUDIT_ACTIONS: readonly AuditAction[] = [...TIMELINE_KINDS.map((kind) => `request.${kind}` as const), ...OTHER_AUDIT_ACTIONS];

export function isAuditAction(value: unknown): value is AuditAction {
  return isOneOf(AUDIT_ACTIONS, value);
}
