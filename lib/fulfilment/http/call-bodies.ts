import type { Request } from "@/db/schema";
import { parseRequestDetails } from "@/lib/requests/types";
import type { Identities } from "../traverse/identities";

/** Who the call is about, as the endpoint receives it (the same identities a database search starts from). */
export function identityBody(identities: Identities): { emails: string[]; phones: string[]; account_ids: string[] } {
  return { emails: identities.email, phones: identities.phone, account_ids: identities.account_id };
}

/**
 * "Secure this account": the requester's verified address, and the account they named, which
 * nobody verified (the endpoint decides what to do with it; the operator's own records tell
 * whether it belongs to that address).
 */
export function secureAccountBody(request: Pick<Request, "type" | "details" | "reference" | "requesterEmail">): Record<string, unknown> {
  const answers = parseRequestDetails(request.type, request.details);
  return {
    reference: request.reference,
    subject: { emails: [request.requesterEmail.trim().toLowerCase()], phones: [], account_ids: [] },
    reported_account: answers.type === "credential_misuse" ? answers.accountIdentifier : null,
    noticed_on: answers.type === "credential_misuse" ? answers.noticedOn : null,
    password_changed: answers.type === "credential_misuse" ? answers.passwordChanged : null,
  };
}
