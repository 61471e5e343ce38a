import { describe, expect, it } from "vitest";
import { STAFF_ROLES } from "@/db/schema/staff";
import { assertCan } from "./assert-can";
import { can, DASHBOARD_PAGES, PERMISSIONS, type Permission } from "./permissions";

describe("the permissions map", () => {
  it("gives admins everything, agents the work and compliance officers the record", () => {
    const of = (role: (typeof STAFF_ROLES)[number]) => (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission)).sort();
    expect(of("admin")).toEqual((Object.keys(PERMISSIONS) as Permission[]).sort());
    expect(of("agent")).toEqual(["fulfilment.run", "mail.read", "mail.work", "requests.read", "requests.work"]);
    expect(of("compliance")).toEqual(["compliance.read", "fulfilment.approve", "legalHold.set", "mail.read", "requests.read"]);
  });

  it("refuses at the data with AppError forbidden", () => {
    expect(() => assertCan({ role: "compliance" }, "requests.work")).toThrow(expect.objectContaining({ name: "AppError", code: "forbidden" }));
    expect(() => assertCan({ role: "agent" }, "requests.work")).not.toThrow();
  });

  it("lists every dashboard page once, each under a permission that exists", () => {
    const paths = DASHBOARD_PAGES.map((page) => page.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const page of DASHBOARD_PAGES) expect(Object.keys(PERMISSIONS)).toContain(page.permission);
  });
});
