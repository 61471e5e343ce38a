import type { StaffRole } from "@/db/schema/staff";

/**
 * Who may do what: the one map from a permission to the staff roles that have it. Actions
 * (staffAction), pages (requireStaff), route handlers (checkStaff), domain functions (assertCan),
 * the navigation and the authorization tests all read it. No other file lists roles.
 */
export const PERMISSIONS = {
  /** The queue, request pages (read-only for compliance) and one's own account. */
  "requests.read": ["agent", "compliance", "admin"],
  /** Change requests: assign, lifecycle moves, notes, replies to requesters. */
  "requests.work": ["agent", "admin"],
  /** Unmatched and failed inbound mail: read it. */
  "mail.read": ["agent", "compliance", "admin"],
  /** …and act on it (attach, dismiss, retry). */
  "mail.work": ["agent", "admin"],
  /** The compliance record: audit log, exports, reports. */
  "compliance.read": ["compliance", "admin"],
  /** Place or lift a legal hold on a request. */
  "legalHold.set": ["compliance", "admin"],
  "templates.manage": ["admin"],
  "calendar.manage": ["admin"],
  "staff.manage": ["admin"],
  "retention.manage": ["admin"],
  "policy.publish": ["admin"],
  /** Fulfilment (lib/fulfilment): collect a requester's data, plan an erasure or a correction. */
  "fulfilment.run": ["agent", "admin"],
  /** The second pair of eyes: approve an erasure or a correction someone else started. */
  "fulfilment.approve": ["compliance", "admin"],
  /** Store the data map's source connection URLs. */
  "fulfilment.sources.manage": ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesWith(permission: Permission): readonly StaffRole[] {
  return PERMISSIONS[permission];
}

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

/**
 * Every dashboard page (path below /<locale>), the permission it needs and its navigation label
 * (a key of the staff catalogue's nav; null: not in the navigation; shown to roles with
 * navPermission when given). The layout draws the navigation from it and the authorization e2e
 * test opens each page as each role. Type imports only: the e2e specs import this file.
 */
export const DASHBOARD_PAGES = [
  { path: "/dashboard", permission: "requests.read", nav: "queue" },
  { path: "/dashboard/requests/[id]", permission: "requests.read", nav: null },
  // The mail link (with its count of waiting mail) is for those who can act on it.
  { path: "/dashboard/mail", permission: "mail.read", nav: "mail", navPermission: "mail.work" },
  { path: "/dashboard/audit", permission: "compliance.read", nav: "audit" },
  { path: "/dashboard/exports", permission: "compliance.read", nav: "exports" },
  { path: "/dashboard/reports", permission: "compliance.read", nav: "reports" },
  { path: "/dashboard/templates", permission: "templates.manage", nav: "templates" },
  { path: "/dashboard/calendar", permission: "calendar.manage", nav: "calendar" },
  { path: "/dashboard/staff", permission: "staff.manage", nav: "staffAdmin" },
  { path: "/dashboard/retention", permission: "retention.manage", nav: "retention" },
  { path: "/dashboard/policy", permission: "policy.publish", nav: "policy" },
  { path: "/dashboard/data-map", permission: "requests.read", nav: "dataMap" },
  { path: "/dashboard/account", permission: "requests.read", nav: "account" },
] as const satisfies readonly { path: string; permission: Permission; nav: string | null; navPermission?: Permission }[];
