/**
 * The one mapping from an action's refusal to its message: the key under the form's own
 * catalogue namespace (each area words "forbidden" for itself). Codes are AppErrorCode plus the
 * action wrapper's own ("unauthorized", "unexpected").
 */
export function failureMessageKey(failure: { error: string; reason?: string }): string {
  if (failure.error === "conflict" && failure.reason) return `errors.conflict.${failure.reason}`;
  if (failure.error === "invalid") return "errors.summary";
  return `errors.${failure.error}`;
}
