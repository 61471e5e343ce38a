import { describe, expect, it } from "vitest";
import { STAFF_ROLES } from "@/db/schema/staff";
import { can, DASHBOARD_PAGES } from "@/lib/auth/permissions";
import { currentSection, navPagesFor } from "./nav-items";

describe("the dashboard sidebar", () => {
  it("lists for each role exactly the sections it may open", () => {
    for (const role of STAFF_ROLES) {
      const listed = navPagesFor(role).map((item) => item.href);
      for (const page of DASHBOARD_PAGES) {
        if (listed.includes(page.path)) expect(can(role, page.permission), `${role} ${page.path}`).toBe(true);
      }
    }
    expect(navPagesFor("agent").map((item) => item.key)).toEqual(["queue", "mail", "dataMap", "account"]);
    expect(navPagesFor("compliance").map((item) => item.key)).toEqual(["queue", "audit", "exports", "reports", "dataMap", "account"]);
    expect(navPagesFor("admin").map((item) => item.key)).toHaveLength(DASHBOARD_PAGES.filter((page) => page.nav !== null).length);
  });

  it("marks the section of the page (a request page belongs to the queue)", () => {
    const items = navPagesFor("admin");
    expect(currentSection("/dashboard", items)).toEqual({ href: "/dashboard", exact: true });
    expect(currentSection("/dashboard/audit", items)).toEqual({ href: "/dashboard/audit", exact: true });
    expect(currentSection("/dashboard/requests/0d4c9a1e-0000-4000-8000-000000000000", items)).toEqual({ href: "/dashboard", exact: false });
    expect(currentSection("/dashboard/mail/0d4c9a1e-0000-4000-8000-000000000000", items)).toEqual({ href: "/dashboard/mail", exact: false });
    expect(currentSection("/dashboard/nowhere", items)).toBeNull();
    expect(currentSection("/dashboard/mail/x", navPagesFor("compliance"))).toBeNull();
  });
});
