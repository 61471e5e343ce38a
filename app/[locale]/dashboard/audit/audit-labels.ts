import type { TimelineKind } from "@/lib/requests/timeline-events";

/**
 * Action codes the page names in words (audit.actions.<domain>.<verb> in every language); any
 * other code is shown as it is recorded. The type keeps this list and the catalogue in step.
 */
// Timeline kinds with a name under audit.actions.request (typed against the one list of kinds).
const LABELLED_REQUEST_KINDS = [
  "submitted",
  "verified",
  "duplicate_linked",
  "assigned",
  "status_changed",
  "message_received",
  "message_sent",
  "note_added",
  "clock_paused",
  "clock_resumed",
  "deadline_extended",
  "completed",
  "denied",
  "withdrawn",
  "expired",
  "email_bounced",
  "inbound_email_attached",
] as const satisfies readonly TimelineKind[];

export const LABELLED_ACTIONS = [
  ...LABELLED_REQUEST_KINDS.map((kind) => `request.${kind}` as const),
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
  "export.created",
  "audit.verified",
] as const;

export type LabelledAction = (typeof LABELLED_ACTIONS)[number];

export function isLabelledAction(action: string): action is LabelledAction {
  return (LABELLED_ACTIONS as readonly string[]).includes(action);
}
