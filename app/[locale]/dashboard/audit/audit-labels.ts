import { isAuditAction, type AuditAction } from "@/lib/audit/audit-actions";

/**
 * Every action the audit log records has a name under audit.actions.<domain>.<verb> in every
 * language (typed: `t(\`actions.${action}\`)` fails to compile for an action without one, and
 * lib/audit/audit-actions.test.ts checks the three catalogues). A row written before an action
 * was listed is shown as recorded.
 */
export type LabelledAction = AuditAction;

export function isLabelledAction(action: string): action is LabelledAction {
  return isAuditAction(action);
}
