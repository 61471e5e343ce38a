import { z } from "zod";
import { dateInputToIso } from "@/lib/validation/date-input";
import type { RequestTypeDefinition } from "./definition";
import { contactFields, requiredText } from "./form-fields";
import { storedChoice, storedText } from "./stored-details";

/** "Someone is using my account": which account, when it was noticed, what happened. Urgent. */

export const PASSWORD_CHANGED = ["yes", "no", "cannot"] as const;
export type PasswordChanged = (typeof PASSWORD_CHANGED)[number];

export type CredentialMisuseDetails = {
  type: "credential_misuse";
  accountIdentifier: string | null;
  noticedOn: string | null;
  whatHappened: string | null;
  passwordChanged: PasswordChanged | null;
};

/** A date that is not in the future, typed in the page's format (date-input.ts) and kept as YYYY-MM-DD; "today" has a day of slack for time zones. */
const pastDate = z
  .string("invalidDate")
  .transform(dateInputToIso)
  .pipe(z.iso.date("invalidDate"))
  .refine((value) => new Date(`${value}T00:00:00Z`).getTime() <= Date.now() + 86_400_000, "futureDate");

export const credentialMisuse = {
  type: "credential_misuse",
  formSchema: z.object({
    type: z.literal("credential_misuse"),
    ...contactFields,
    accountIdentifier: requiredText(200),
    noticedOn: pastDate,
    whatHappened: requiredText(5000),
    passwordChanged: z.enum(PASSWORD_CHANGED, "chooseOne"),
  }),
  formDefaults: { accountIdentifier: "", noticedOn: "", whatHappened: "" },
  formFields: [
    {
      kind: "notice",
      tone: "danger",
      title: "misuseNotice.title",
      bullets: ["misuseNotice.changePassword", "misuseNotice.sameElsewhere", "misuseNotice.noCodes"],
      emphasis: "misuseNotice.priority",
    },
    { kind: "text", name: "accountIdentifier", label: "fields.misusedAccount", hint: "fields.misusedAccountHint", required: true },
    { kind: "date", name: "noticedOn", label: "fields.noticedOn", required: true },
    { kind: "text", name: "whatHappened", label: "fields.whatHappened", hint: "fields.whatHappenedHint", multiline: true, required: true },
    { kind: "choices", name: "passwordChanged", multiple: false, legend: "fields.passwordChanged", options: PASSWORD_CHANGED.map((value) => ({ value, label: `passwordChanged.${value}` as const })) },
  ],
  parseDetails: (details) => ({
    type: "credential_misuse",
    accountIdentifier: storedText(details.accountIdentifier),
    noticedOn: storedText(details.noticedOn),
    whatHappened: storedText(details.whatHappened),
    passwordChanged: storedChoice(PASSWORD_CHANGED, details.passwordChanged),
  }),
  staffView: (d) => [
    { label: "misusedAccount", value: { kind: "text", text: d.accountIdentifier } },
    { label: "noticedOn", value: { kind: "date", iso: d.noticedOn } },
    { label: "whatHappened", value: { kind: "text", text: d.whatHappened } },
    { label: "passwordChanged", value: { kind: "option", option: d.passwordChanged ? `passwordChanged.${d.passwordChanged}` : null } },
  ],
  requesterSummary: (d) => [
    ...(d.accountIdentifier ? [{ label: "fields.accountIdentifier" as const, value: { kind: "text" as const, text: d.accountIdentifier } }] : []),
    ...(d.whatHappened ? [{ label: "fields.whatHappened" as const, value: { kind: "text" as const, text: d.whatHappened } }] : []),
  ],
  urgent: true,
  completion: "note",
  ccpa: null,
} as const satisfies RequestTypeDefinition<"credential_misuse", CredentialMisuseDetails>;
