/** The kinds of request a person can make (DESIGN.md "Request types"). */
export const REQUEST_TYPES = ["access", "correction", "deletion", "credential_misuse"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === "string" && (REQUEST_TYPES as readonly string[]).includes(value);
}

/** The policy's categories of data, used by access and deletion requests. */
export const DATA_CATEGORIES = ["identity_contacts", "device", "usage", "geolocation", "surveys", "messages"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
