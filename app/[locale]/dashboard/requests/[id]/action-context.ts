import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { REQUEST_TYPE_REGISTRY } from "@/lib/requests/types";
import type { RequestPageTexts } from "./page-texts";

/** What the action forms need to know about the request besides its id. */
export type ActionContext = {
  /** Completing delivers a data package (access), which must hold a file. */
  isAccess: boolean;
  /** The rule stops the clock while the request waits for the requester. */
  pauses: boolean;
  /** The rule's extension in words, when one is offered. */
  extensionPeriod: string | null;
  legalHeld: boolean;
};

export function actionContext(view: StaffRequestView, legalHeld: boolean, period: RequestPageTexts["period"]): ActionContext {
  const rule = view.deadline.rule;
  return {
    isAccess: REQUEST_TYPE_REGISTRY[view.request.type].completion === "data_package",
    pauses: rule?.pausesWhile === "awaiting_requester",
    extensionPeriod: rule?.extensionAmount && rule.extensionUnit ? period(rule.extensionAmount, rule.extensionUnit) : null,
    legalHeld,
  };
}
